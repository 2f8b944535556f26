import { fillPlaceholders, firstFilledScript, partsToText } from '../book/placeholders';
import type { TouchRow } from '../export/touch-rows';
import { scriptValues } from './script-values';

/** Longer scripts are cut here: a summary is a reminder of what to say, not the script. */
export const SCRIPT_SUMMARY_CHARS = 280;

export interface ScriptSummaryOptions {
  /** The zone the script's dates are said in. */
  timeZone: string;
  locale: string;
  managerName?: string | null;
  companyName?: string | null;
}

/**
 * The touch's script with what the client card fills (name, company, the manager's name, a
 * greeting for the touch's time of day). The product stays a visible gap: which purchase a touch
 * is about needs its anchor event, and a calendar note must not name the wrong one.
 */
export function scriptSummary({ touch, client }: TouchRow, options: ScriptSummaryOptions): string {
  const candidates = [...(touch.scriptVariants ?? []), touch.script];
  const values = client
    ? scriptValues(client, {
        managerName: options.managerName ?? null,
        companyName: options.companyName ?? null,
        locale: options.locale,
        timeZone: options.timeZone,
        touch,
        product: null,
        nextProduct: null,
        now: touch.dueAt,
      })
    : {};
  const text = partsToText(fillPlaceholders(firstFilledScript(candidates, values), values)).trim();
  if (text.length <= SCRIPT_SUMMARY_CHARS) return text;
  return `${text.slice(0, SCRIPT_SUMMARY_CHARS - 1).trimEnd()}…`;
}

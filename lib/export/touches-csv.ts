import type { TouchState } from '../db/schema';
import type { MessageKey, Translate } from '../i18n';
import { toLocal } from '../lifecycle/time';
import { toCsv, type CsvColumn } from './csv';
import { OUTCOME_LABELS } from './outcome-labels';
import type { TouchRow } from './touch-rows';

const STATE_LABELS: Record<TouchState, MessageKey> = {
  planned: 'exportStatePlanned',
  due: 'exportStateDue',
  done: 'exportStateDone',
  snoozed: 'exportStateSnoozed',
  skipped: 'exportStateSkipped',
  missed: 'exportStateMissed',
};

// Kept apart so the Insights page's outcome table does not load the CSV writer (papaparse).
export { OUTCOME_LABELS };

/**
 * "2026-03-02 09:30" on the manager's clock: the form Excel, LibreOffice and Google Sheets all
 * read as a date and time (an ISO instant with its Z stays text in Excel).
 */
export function spreadsheetDateTime(epochMs: number, timeZone: string): string {
  const local = toLocal(epochMs, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)}`;
}

/** Every touch as a spreadsheet row, headers and states in the manager's language. */
export function touchesToCsv(rows: readonly TouchRow[], options: { t: Translate; timeZone: string }): string {
  const { t, timeZone } = options;
  const columns: Array<CsvColumn<TouchRow>> = [
    { header: t('exportColumnClient'), value: ({ client }) => client?.name },
    { header: t('exportColumnCompany'), value: ({ client }) => client?.company },
    { header: t('exportColumnTouch'), value: ({ touch }) => touch.goal },
    { header: t('exportColumnProgramme'), value: ({ touch }) => touch.programmeName },
    { header: t('exportColumnChannel'), value: ({ touch }) => touch.channel },
    { header: t('exportColumnDue'), value: ({ touch }) => spreadsheetDateTime(touch.dueAt, timeZone) },
    { header: t('exportColumnStatus'), value: ({ touch }) => t(STATE_LABELS[touch.state]) },
    { header: t('exportColumnOutcome'), value: ({ touch }) => (touch.outcome ? t(OUTCOME_LABELS[touch.outcome]) : touch.skipReason) },
    { header: t('exportColumnNote'), value: ({ touch }) => touch.note },
  ];
  return toCsv(columns, rows);
}

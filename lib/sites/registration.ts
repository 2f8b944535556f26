import type { browser } from 'wxt/browser';
import { matchPatternFor } from './origins';

/** One runtime-registered content script; its matches are the enabled sites. */
export const CRM_SCRIPT_ID = 'touchbook-crm';
export const CRM_SCRIPT_FILE = 'content-scripts/crm.js';

type Scripting = Pick<
  typeof browser.scripting,
  'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts'
>;

/**
 * Makes the registered content script match exactly the given origins. Idempotent, so the
 * background calls it at every start: Firefox does not always keep registrations across restarts.
 */
export async function syncCrmScript(scripting: Scripting, origins: readonly string[]): Promise<void> {
  const matches = [...new Set(origins.map(matchPatternFor))].sort();
  const [current] = await scripting.getRegisteredContentScripts({ ids: [CRM_SCRIPT_ID] });
  if (matches.length === 0) {
    if (current) await scripting.unregisterContentScripts({ ids: [CRM_SCRIPT_ID] });
    return;
  }
  const script = {
    id: CRM_SCRIPT_ID,
    js: [CRM_SCRIPT_FILE],
    matches,
    allFrames: true, // some CRMs (Bitrix24) render the record card inside an iframe
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (!current) await scripting.registerContentScripts([script]);
  else if (JSON.stringify([...(current.matches ?? [])].sort()) !== JSON.stringify(matches)) {
    await scripting.updateContentScripts([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches }]);
  }
}

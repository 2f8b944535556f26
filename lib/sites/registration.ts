import type { browser } from 'wxt/browser';
import { matchPatternFor } from './origins';

/** One runtime-registered content script; its matches are the enabled sites. */
export const CRM_SCRIPT_ID = 'touchbook-crm';
export const CRM_SCRIPT_FILE = 'crm.js';

type Scripting = Pick<
  typeof browser.scripting,
  'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts'
>;

/**
 * Returns a function that brings the registration in line with the enabled sites. Calls run one
 * after another: each reads the registration and then writes it, and two overlapping ones make
 * the browser reject a duplicate or missing script id (two quick clicks, or a click that wakes
 * the worker while its start-up sync is still running).
 */
export function createRegistrationSync(
  scripting: Scripting,
  enabledOrigins: () => Promise<string[]>,
  /** Runs before the registration changes, so a script injected right after finds its origin. */
  publishOrigins: (origins: string[]) => Promise<unknown> = () => Promise.resolve(),
): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return () => {
    const next = queue.then(async () => {
      const origins = await enabledOrigins();
      await publishOrigins(origins);
      await syncCrmScript(scripting, origins);
    });
    queue = next.catch(() => undefined);
    return next;
  };
}

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
  // An update may have moved the script: a registration kept from before would inject nothing.
  else if (JSON.stringify([...(current.matches ?? [])].sort()) !== JSON.stringify(matches) || current.js?.join() !== CRM_SCRIPT_FILE) {
    await scripting.updateContentScripts([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches }]);
  }
}

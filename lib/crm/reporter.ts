import type { ContentMessage } from '../messages';
import { extractSnapshot } from './extract';
import { watchPage } from './page-watch';

/**
 * The content script's whole job: read the page whenever it settles and tell the background, but
 * only when what it read differs from what it last said (CRM pages mutate constantly).
 */
export function startReadingPage(options: {
  window: Window;
  signal: AbortSignal;
  send: (message: ContentMessage) => Promise<unknown>;
}): void {
  const { window: win, signal, send } = options;
  let lastSent = '';

  watchPage({
    window: win,
    signal,
    onSettled: () => {
      const snapshot = safeExtract(win);
      const message: ContentMessage = snapshot
        ? { type: 'cs/snapshot', snapshot }
        : { type: 'cs/no-client', url: win.location.href };
      const key = JSON.stringify(message);
      if (key === lastSent || signal.aborted) return;
      lastSent = key;
      send(message).catch(() => {
        // The background may be restarting; forget what we sent so the next change retries.
        lastSent = '';
      });
    },
  });
}

function safeExtract(win: Window) {
  try {
    return extractSnapshot(win.document, win.location.href);
  } catch (error) {
    // Never throw into the host page: a page we cannot read is reported as "no client".
    console.debug('[touchbook] extraction failed', error);
    return null;
  }
}

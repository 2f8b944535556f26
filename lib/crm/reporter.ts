import type { ContentMessage } from '../messages';
import type { ClientSnapshotInput } from './snapshot';
import { extractSnapshot } from './extract';
import type { FieldMapping } from './mappings';
import { watchPage, type PageWatchOptions, type SettleReason } from './page-watch';

/**
 * The content script's whole job: read the page whenever it settles and tell the background, but
 * only when what it read differs from what it last said (CRM pages mutate constantly).
 */
export interface ReadingOptions {
  window: Window;
  signal: AbortSignal;
  send: (message: ContentMessage) => Promise<unknown>;
  /** Field mappings the user taught for this origin, read afresh on every extraction. */
  getMappings?: () => readonly FieldMapping[];
  /** Hands the caller a way to ask for a fresh read now (the taught mappings changed). */
  onRereadRequest?: (reread: () => void) => void;
  /**
   * What the first read waits for (the taught mappings), at most `READY_TIMEOUT_MS`: reading
   * once with them is cheaper than reading without and again with them.
   */
  ready?: Promise<unknown>;
  /** Timing knobs of the watcher, for tests. */
  watch?: Pick<PageWatchOptions, 'debounceMs' | 'maxWaitMs' | 'pollMs'>;
}

export function startReadingPage(options: ReadingOptions): void {
  const { window: win, signal, send, getMappings, watch, onRereadRequest, ready } = options;
  // Widgets and ads live in frames too; only the top frame speaks for "no client on this page".
  const isTopFrame = isTop(win);
  let lastSent = '';
  let lastSnapshot: ClientSnapshotInput | null = null;
  let staleCheck: ReturnType<typeof setTimeout> | undefined;
  let navigatedAt = -Infinity;

  /** Reads the page; false when it found nothing to say that was not said already. */
  const read = (reason?: SettleReason): boolean => {
    clearTimeout(staleCheck);
    const snapshot = safeExtract(win, getMappings);
    if (!snapshot && !isTopFrame) return false;
    if (reason === 'navigation') navigatedAt = Date.now();
    // Between two records a CRM shows a skeleton or a spinner while it fetches the next one:
    // "no client" then would flash in the side panel. Only a page still empty after the grace
    // period is no record; the mutations of the arriving record bring an earlier read.
    const sinceNavigation = Date.now() - navigatedAt;
    if (!snapshot && lastSnapshot && sinceNavigation < NO_CLIENT_GRACE_MS) {
      staleCheck = setTimeout(() => read(), NO_CLIENT_GRACE_MS - sinceNavigation);
      return true;
    }
    // Right after a record change the URL is new but the CRM may still show the previous record.
    // Reporting that would give the new record the old person's details: wait for the page.
    if (snapshot && reason === 'navigation' && lastSnapshot && showsPreviousRecord(lastSnapshot, snapshot)) {
      staleCheck = setTimeout(() => read(), STALE_RECHECK_MS);
      return true;
    }
    if (snapshot) lastSnapshot = snapshot;
    const message: ContentMessage = snapshot
      ? { type: 'cs/snapshot', snapshot }
      : { type: 'cs/no-client', url: win.location.href };
    const key = JSON.stringify(message);
    if (key === lastSent || signal.aborted) return false;
    lastSent = key;
    send(message).then(
      (reply) => {
        if (isFailedReply(reply)) lastSent = '';
      },
      () => {
        // The background may be restarting; forget what we sent so the next change retries.
        lastSent = '';
      },
    );
    return true;
  };

  let watching = false;
  // Before the first read there is nothing to read again: that read will see the change.
  onRereadRequest?.(() => watching && read());
  signal.addEventListener('abort', () => clearTimeout(staleCheck), { once: true });
  const startWatching = () => {
    if (watching || signal.aborted) return;
    watching = true;
    watchPage({ window: win, signal, ...watch, onSettled: read });
  };
  if (!ready) return startWatching();
  const timeout = setTimeout(startWatching, READY_TIMEOUT_MS);
  void ready.catch(() => undefined).then(() => {
    clearTimeout(timeout);
    startWatching();
  });
}

/** The longest the first read waits for the taught mappings (a worker that is starting up). */
const READY_TIMEOUT_MS = 300;

/** How long to wait for a CRM that renders the new record slowly, before reading it anyway. */
const STALE_RECHECK_MS = 500;

/** How long after a record change an empty page counts as still loading rather than no record. */
const NO_CLIENT_GRACE_MS = 1_500;

/** A new record id with the previous record's name and addresses: the page has not caught up. */
function showsPreviousRecord(previous: ClientSnapshotInput, next: ClientSnapshotInput): boolean {
  return (
    previous.recordId !== next.recordId &&
    previous.name === next.name &&
    (previous.emails ?? []).join() === (next.emails ?? []).join()
  );
}

function safeExtract(win: Window, getMappings: ReadingOptions['getMappings']) {
  try {
    return extractSnapshot(win.document, win.location.href, getMappings?.());
  } catch (error) {
    // Never throw into the host page: a page we cannot read is reported as "no client".
    console.debug('[touchbook] extraction failed', error);
    return null;
  }
}

/** `{ ok: false }` replies (a worker that was restarting) mean the message did not land. */
function isFailedReply(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === false;
}

function isTop(win: Window): boolean {
  try {
    return win.top === win;
  } catch {
    return false; // a cross-origin parent: this is a frame
  }
}

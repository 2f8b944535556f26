import type { ContentMessage } from '../messages';
import { sendToBackground } from '../messaging/send';
import type { ClientSnapshotInput } from './snapshot';
import { collectDigest, type PageDigest } from './digest/collect';
import type { FieldMapping } from './mappings';
import { markStage } from '../perf/stages';
import { reportKey, showsPreviousRecord, type ReportTerms } from './report-terms';
import { watchPage, type PageWatchOptions, type SettleReason } from './page-watch';

/**
 * The content script's whole job: read the page whenever it settles and tell the background, but
 * only when what it read differs from what it last said (CRM pages mutate constantly).
 */
export interface ReadingOptions {
  window: Window;
  signal: AbortSignal;
  send: (message: ContentMessage) => Promise<unknown>;
  /**
   * Reads the client from the page's digest, off the page (the background); null for no client.
   * `reported`: the background already reported it, under the page's `terms`. Rejects when the
   * answer did not come (a worker restarting): the next change tries again.
   */
  analyse: (digest: PageDigest, mappings: readonly FieldMapping[], terms: ReportTerms) => Promise<AnalysedRead>;
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

export interface AnalysedRead {
  snapshot: ClientSnapshotInput | null;
  reported: boolean;
}

export function startReadingPage(options: ReadingOptions): void {
  const { window: win, signal, send, analyse, getMappings, watch, onRereadRequest, ready } = options;
  // Widgets and ads live in frames too; only the top frame speaks for "no client on this page".
  const isTopFrame = isTop(win);
  let lastSent = '';
  let lastSnapshot: ClientSnapshotInput | null = null;
  let staleCheck: ReturnType<typeof setTimeout> | undefined;
  let navigatedAt = -Infinity;

  /** What the last read saw, part by part: a page of megabytes is compared, never copied into one key. */
  let lastDigest: SeenPage | null = null;
  let reading = 0;

  /**
   * Sends the page's digest for reading; false when the page is as it was at the last read (a
   * mutation that changed nothing the reader sees), so the watcher backs off.
   */
  const read = (reason?: SettleReason, force = false): boolean => {
    markStage('page-read');
    const mappings = safeMappings(getMappings);
    const digest = mappings ? safeDigest(win) : null;
    markStage('page-collected');
    const seen: SeenPage = digest ? { html: digest.html, values: JSON.stringify(digest.values), visibleText: digest.visibleText } : { html: '', values: '', visibleText: null };
    if (!force && reason !== 'navigation' && lastDigest && sameDigest(seen, lastDigest)) return false;
    lastDigest = seen;
    const ticket = ++reading;
    const previous = lastSnapshot && { recordId: lastSnapshot.recordId, name: lastSnapshot.name, emails: lastSnapshot.emails };
    const terms: ReportTerms = { navigation: reason === 'navigation', previous, lastSent };
    const analysed: Promise<AnalysedRead> = digest && mappings ? analyse(digest, mappings, terms) : Promise.resolve({ snapshot: null, reported: false });
    analysed.then(
      ({ snapshot, reported }) => {
        markStage('page-analysed');
        // What the background was told holds even for an answer a later read overtook.
        if (reported && snapshot) noteReported(snapshot, ticket === reading, reason);
        // A later read is on its way: this answer describes a page that is gone.
        else if (ticket === reading && !signal.aborted) report(snapshot, reason);
      },
      () => {
        if (ticket === reading) lastDigest = null; // not read: the next change tries again
      },
    );
    return true;
  };

  const settle = (reason?: SettleReason): void => {
    clearTimeout(staleCheck);
    staleCheck = undefined;
    if (reason === 'navigation') navigatedAt = Date.now();
  };

  /** The background reported the client itself (the page's terms allowed it): remember it as sent. */
  const noteReported = (snapshot: ClientSnapshotInput, current: boolean, reason?: SettleReason): void => {
    if (current) settle(reason);
    lastSnapshot = snapshot;
    lastSent = reportKey(snapshot);
  };

  /** Tells the background what the page shows, unless it said so already. */
  const report = (snapshot: ClientSnapshotInput | null, reason?: SettleReason): void => {
    if (!snapshot && !isTopFrame) {
      clearTimeout(staleCheck);
      staleCheck = undefined;
      return;
    }
    settle(reason);
    // Between two records a CRM shows a skeleton or a spinner while it fetches the next one:
    // "no client" then would flash in the side panel. Only a page still empty after the grace
    // period is no record; the mutations of the arriving record bring an earlier read.
    const sinceNavigation = Date.now() - navigatedAt;
    if (!snapshot && lastSnapshot && sinceNavigation < NO_CLIENT_GRACE_MS) {
      staleCheck = setTimeout(() => read(undefined, true), NO_CLIENT_GRACE_MS - sinceNavigation);
      return;
    }
    // Right after a record change the URL is new but the CRM may still show the previous record.
    // Reporting that would give the new record the old person's details: wait for the page.
    if (snapshot && reason === 'navigation' && lastSnapshot && showsPreviousRecord(lastSnapshot, snapshot)) {
      staleCheck = setTimeout(() => read(undefined, true), STALE_RECHECK_MS);
      return;
    }
    if (snapshot) lastSnapshot = snapshot;
    const message: ContentMessage = snapshot
      ? { type: 'cs/snapshot', snapshot }
      : { type: 'cs/no-client', url: win.location.href };
    const key = snapshot ? reportKey(snapshot) : JSON.stringify(message);
    if (key === lastSent || signal.aborted) return;
    lastSent = key;
    markStage('page-reported');
    send(message).then(
      (reply) => {
        if (isFailedReply(reply)) lastSent = '';
      },
      () => {
        // The background may be restarting; forget what we sent so the next change retries.
        lastSent = '';
      },
    );
  };

  let watching = false;
  // Before the first read there is nothing to read again: that read will see the change.
  onRereadRequest?.(() => watching && read(undefined, true));
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

/** What a read saw of the page, to tell whether the next one would say anything new. */
interface SeenPage {
  html: string;
  values: string;
  visibleText: string | null;
}

function sameDigest(a: SeenPage, b: SeenPage): boolean {
  return a.html === b.html && a.values === b.values && a.visibleText === b.visibleText;
}

function safeMappings(getMappings: ReadingOptions['getMappings']): readonly FieldMapping[] | null {
  try {
    return getMappings?.() ?? [];
  } catch (error) {
    console.debug('[touchbook] reading the taught mappings failed', error);
    return null;
  }
}

function safeDigest(win: Window): PageDigest | null {
  try {
    return collectDigest(win.document, win.location.href);
  } catch (error) {
    // Never throw into the host page: a page we cannot read is reported as "no client".
    console.debug('[touchbook] reading the page failed', error);
    return null;
  }
}

/** The background reads the digest (`cs/digest`) and reports it if the terms allow; a reply that did not land rejects. */
export async function analyseInBackground(digest: PageDigest, mappings: readonly FieldMapping[], report: ReportTerms): Promise<AnalysedRead> {
  const reply = await sendToBackground({ type: 'cs/digest', digest, mappings, report });
  if (!reply.ok) throw new Error(reply.error);
  return { snapshot: reply.data.snapshot, reported: reply.data.reported === true };
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

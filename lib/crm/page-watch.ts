import { markStage } from '../perf/stages';

/**
 * Watches a CRM page for record changes and says when to read it again.
 *
 * Single-page CRMs switch records with `history.pushState`, which fires no event, so a change of
 * URL is looked for in several places: the Navigation API (Chromium), popstate and hashchange,
 * a check on every batch of DOM mutations, and a slow poll for routes that change no DOM at all.
 * Mutations only raise a flag; the flag is looked at once per animation frame, and reading waits
 * for the page to be quiet (debounce) but never longer than `maxWaitMs` while it keeps changing
 * (a ticking clock must not starve it). A page that keeps changing without changing the record
 * (a clock, an animation, a chat widget) is read less and less often: each read of mutations
 * that found nothing new doubles both waits, up to `MAX_BACKOFF`; a record change, the user's
 * typing or a read that found something new brings them back. Nothing is read while the tab is hidden: the pending read
 * happens when it is shown again. Every listener, observer and timer ends with `signal`, and no
 * exception escapes into the page.
 */
export type SettleReason = 'initial' | 'navigation' | 'mutation' | 'visible';

export interface PageWatchOptions {
  window: Window;
  signal: AbortSignal;
  /**
   * Called after the page settles; the caller reads the page and decides whether to report.
   * Returns false when the read found nothing new (the watcher then backs off), else true.
   */
  onSettled: (reason: SettleReason) => boolean;
  /** Quiet period after the last change before reading the page again. */
  debounceMs?: number;
  /** Longest a stream of changes may put off a read. */
  maxWaitMs?: number;
  /** How often the URL is checked while the tab is visible, for routes that change no DOM; 0 = never. */
  pollMs?: number;
}

/** Which reason wins when several changes are pending: a new record outranks an updated one. */
const RANK: Record<SettleReason, number> = { visible: 0, mutation: 1, initial: 2, navigation: 3 };

/** A record change is read at once (the manager is waiting for the side panel); a stale page is caught by the reporter's recheck. */
const NAVIGATION_QUIET_MS = 0;

/** The most the waits grow for a page whose changes are not the record's: 2^4 = 16 times. */
const MAX_BACKOFF = 16;

/** Attributes whose changes can show, hide or fill a field (lazy sections, tabs, cached pages). */
const WATCHED_ATTRIBUTES = ['hidden', 'class', 'style', 'aria-hidden', 'aria-busy', 'value', 'href', 'datetime', 'open'];

export function watchPage({ window: win, signal, onSettled, debounceMs = 150, maxWaitMs = 1000, pollMs = 1000 }: PageWatchOptions): void {
  if (signal.aborted) return;
  const doc = win.document;
  let lastUrl = win.location.href;
  let pending: SettleReason | null = null;
  let pendingSince = 0;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let mutated = false;
  let frameRequested = false;
  let backoff = 1;

  const isHidden = () => doc.visibilityState === 'hidden';

  const flush = () => {
    clearTimeout(debounceTimer);
    debounceTimer = undefined;
    if (signal.aborted || pending === null || isHidden()) return; // hidden: read when shown again
    const reason = pending;
    pending = null;
    try {
      const foundSomething = onSettled(reason);
      backoff = foundSomething || reason !== 'mutation' ? 1 : Math.min(backoff * 2, MAX_BACKOFF);
    } catch (error) {
      console.debug('[touchbook] reading the page failed', error);
    }
  };

  const schedule = (reason: SettleReason) => {
    if (signal.aborted) return;
    if (pending === null) pendingSince = Date.now();
    if (pending === null || RANK[reason] > RANK[pending]) pending = reason;
    if (isHidden()) return;
    clearTimeout(debounceTimer);
    if (pending !== 'mutation') backoff = 1;
    const waited = Date.now() - pendingSince;
    const longest = maxWaitMs * backoff;
    // A record change is what the manager waits for in the side panel: read it sooner. Should the
    // CRM still be rendering, the mutations that follow bring a second read.
    const quiet = pending === 'navigation' ? Math.min(debounceMs, NAVIGATION_QUIET_MS) : debounceMs * backoff;
    debounceTimer = setTimeout(flush, waited >= longest ? 0 : Math.min(quiet, longest - waited));
  };

  const checkUrl = (): boolean => {
    const href = win.location.href;
    if (href === lastUrl) return false;
    lastUrl = href;
    markStage('page-navigated');
    schedule('navigation');
    return true;
  };

  /** Once per frame at most: was the URL changed, or only the DOM? */
  const onFrame = () => {
    frameRequested = false;
    if (signal.aborted) return;
    const changedUrl = checkUrl();
    if (mutated && !changedUrl) schedule('mutation');
    mutated = false;
  };

  const requestFrame = () => {
    if (frameRequested) return;
    frameRequested = true;
    // Hidden tabs get no animation frames; a timer still lets the URL check run.
    if (typeof win.requestAnimationFrame === 'function' && !isHidden()) win.requestAnimationFrame(onFrame);
    else setTimeout(onFrame, 16);
  };

  // The page's own MutationObserver: a frame's window observes only its own document.
  const Observer = (win as Window & { MutationObserver: typeof MutationObserver }).MutationObserver;
  const observer = new Observer(() => {
    mutated = true;
    // A record change is looked for at once (a string compare), not a frame later: pushState
    // fires no event, and its re-render is usually the first sign of it.
    checkUrl();
    requestFrame();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });

  const listen = (target: EventTarget, type: string, handler: () => void, capture = false) =>
    target.addEventListener(type, handler, { signal, passive: true, capture });
  listen(win, 'popstate', checkUrl);
  listen(win, 'hashchange', checkUrl);
  // A page restored from the back/forward cache shows what it showed when left; every ordinary
  // load fires pageshow too, and that one the first read already covers.
  win.addEventListener('pageshow', (event) => event.persisted && schedule('navigation'), { signal, passive: true });
  // Typing into an edit form changes values, not the DOM; it is the user, so no backing off.
  const edited = () => {
    backoff = 1;
    schedule('mutation');
  };
  listen(doc, 'input', edited, true);
  listen(doc, 'change', edited, true);
  listen(doc, 'visibilitychange', () => {
    if (isHidden()) return;
    checkUrl();
    schedule(pending ?? 'visible');
  });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation) listen(navigation, 'navigatesuccess', checkUrl);

  const poll = pollMs > 0 ? setInterval(() => !isHidden() && checkUrl(), pollMs) : undefined;

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(debounceTimer);
      clearInterval(poll);
      pending = null;
    },
    { once: true },
  );

  // The first read happens now, or when the tab is first shown.
  pending = 'initial';
  pendingSince = Date.now();
  flush();
}

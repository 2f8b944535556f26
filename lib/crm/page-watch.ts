/**
 * Watches a CRM page for record changes and re-reads it. Single-page CRMs switch records with
 * `history.pushState`, which fires no event, so besides the Navigation API (Chromium) and
 * popstate/hashchange, every batch of DOM mutations checks whether the URL changed. Work is
 * debounced, skipped while the tab is hidden, and everything is torn down through `signal`.
 */
export interface PageWatchOptions {
  window: Window;
  signal: AbortSignal;
  /** Called after the page settles; the caller reads the page and decides whether to report. */
  onSettled: (reason: 'initial' | 'navigation' | 'mutation' | 'visible') => void;
  /** Quiet period after the last change before reading the page again. */
  debounceMs?: number;
}

export function watchPage({ window: win, signal, onSettled, debounceMs = 150 }: PageWatchOptions): void {
  const doc = win.document;
  let lastUrl = win.location.href;
  let pendingReason: 'navigation' | 'mutation' | 'visible' | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (reason: 'navigation' | 'mutation' | 'visible') => {
    // A navigation outranks a mutation: the caller may want to drop state for the old record.
    if (pendingReason !== 'navigation') pendingReason = reason;
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const flush = () => {
    if (signal.aborted || pendingReason === null) return;
    if (doc.visibilityState === 'hidden') return; // read again when the tab comes back
    const reason = pendingReason;
    pendingReason = null;
    onSettled(reason);
  };

  const checkUrl = () => {
    if (win.location.href === lastUrl) return false;
    lastUrl = win.location.href;
    schedule('navigation');
    return true;
  };

  const observer = new MutationObserver(() => {
    if (!checkUrl()) schedule('mutation');
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  const listen = (target: EventTarget, type: string, handler: () => void) =>
    target.addEventListener(type, handler, { signal, passive: true });
  listen(win, 'popstate', checkUrl);
  listen(win, 'hashchange', checkUrl);
  listen(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'visible') schedule(pendingReason ?? 'visible');
  });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation) listen(navigation, 'navigatesuccess', checkUrl);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );

  onSettled('initial');
}

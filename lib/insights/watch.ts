import type { liveQuery as LiveQuery } from 'dexie';
import type { TouchbookDb } from '../db/database';

/**
 * Calls `onChange` when anything the figures count changes (a purchase recorded, a touch done,
 * an offer answered, a book published), at most once per `quietMs`: a CRM import writes
 * hundreds of rows in a burst, and the page should recount once, not hundreds of times.
 */
export function watchInsightsData(options: {
  db: TouchbookDb;
  liveQuery: typeof LiveQuery;
  onChange: () => void;
  quietMs?: number;
}): () => void {
  const { db, quietMs = 400 } = options;
  let first = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirtyBefore = 0;
  const subscription = options
    .liveQuery(() =>
      Promise.all([
        // Every write to purchases or touches puts its client on the dirty list in the same
        // transaction (lib/db/insights-aggregates.ts): watching that small table is watching
        // them, without counting 150,000 rows on every change.
        db.insightsDirty.count(),
        db.offers.count(),
        db.answers.count(),
        db.unmatchedObjections.count(),
        db.books.toArray(),
        db.settings.toArray(),
      ]),
    )
    .subscribe({
      next: ([dirty]) => {
        const shrank = dirty < dirtyBefore;
        dirtyBefore = dirty;
        if (first) {
          first = false; // the page loads its first view itself
          return;
        }
        // The list shrank: a refresh (the page's own) or the worker's catch-up after a restore,
        // which recounts in chunks, recounted clients. Only the recounts wrote: nothing new to show
        // (a page loaded while clients waited asked for all of them to be recounted first).
        if (shrank) return;
        clearTimeout(timer);
        timer = setTimeout(options.onChange, quietMs);
      },
      error: (error: unknown) => console.warn('[touchbook] watching the figures failed', error),
    });
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}

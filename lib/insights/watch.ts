import { Dexie, type liveQuery as LiveQuery } from 'dexie';
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
  const subscription = options
    .liveQuery(() =>
      Promise.all([
        db.events.count(),
        // Read through the state index: a touch marked done changes its key there, which a
        // plain count of the table would not notice.
        db.touches.where('[state+dueAt]').between([Dexie.minKey, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey]).count(),
        db.offers.count(),
        db.answers.count(),
        db.unmatchedObjections.count(),
        db.books.toArray(),
        db.settings.toArray(),
      ]),
    )
    .subscribe({
      next: () => {
        if (first) {
          first = false; // the page loads its first view itself
          return;
        }
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

import { liveQuery } from 'dexie';
import { openDatabase } from '../db/database';
import { settledAggregatesZone } from '../db/insights-aggregates';
import type { Translate } from '../i18n';
import { bookApi, insightsApi, settingsApi } from '../ui/background-api';
import { createInsightsSource } from './source';
import { watchInsightsData } from './watch';

/**
 * The Insights page's live path: Dexie, the worker's api (and with it zod) and the source that
 * counts from the aggregates. The entry imports this after its first paint when the first-screen
 * record drew it (first-screen.ts), so none of it is in the chunks the first chart waits for.
 * Opening starts what takes longest at once: IndexedDB, the settings, the worker's refresh.
 */
export function openLiveInsights() {
  // The page only reads; the worker stays the one writer of the database.
  const db = openDatabase();
  // Bringing the aggregates up to date is the worker's, asked only when a client waits for it.
  let askedWorker = false;
  const refresh = async () => {
    const zone = await settledAggregatesZone(db);
    if (zone !== null) return { zone };
    askedWorker = true;
    return insightsApi.refresh();
  };
  let firstRefresh: ReturnType<typeof refresh> | null = refresh();
  firstRefresh.catch(() => undefined); // the source reads the failure, and then counts from rows
  let firstSettings: ReturnType<typeof settingsApi.get> | null = settingsApi.get();
  const settings = firstSettings;

  return {
    /** The settings as the worker has them (asked once, at open). */
    settings: () => settings,
    source({ t, locale, timeZone }: { t: Translate; locale: string; timeZone: string }) {
      return createInsightsSource({
        db,
        t,
        locale,
        timeZone,
        now: () => new Date(),
        // Read again on every recount: a new book or plan setting changes the figures.
        setup: async () => {
          const known = firstSettings;
          firstSettings = null;
          return { settings: await (known ?? settingsApi.get()) };
        },
        book: async () => (await bookApi.book()).book,
        // The worker keeps the daily aggregates; it recounts what changed before the page reads them.
        refresh: () => {
          const started = firstRefresh ?? refresh();
          firstRefresh = null;
          return started;
        },
      });
    },
    watch: (onChange: () => void) => watchInsightsData({ db, liveQuery, onChange }),
    /**
     * Asks the worker to keep the first-screen record for the next open, when this one had none
     * and did not ask the worker already (a refresh keeps it). Cheap: nothing is left to recount.
     */
    keepFirstScreen(): void {
      if (!askedWorker) void insightsApi.refresh().catch(() => undefined);
    },
  };
}

export type LiveInsights = ReturnType<typeof openLiveInsights>;

import type { TouchbookDb } from '../db/database';
import { dailyAggregates, insightsZone } from '../db/insights-aggregates';
import type { SettingsRecord } from '../db/schema';
import {
  DATA_CHANGED_KEY,
  FIRST_SCREEN_KEY,
  FIRST_SCREEN_MAX_CHARS,
  defaultRange,
  firstScreenSettings,
  type FirstScreenRecord,
  type LocalArea,
} from './first-screen';
import { baseFromDays, daysNeeded, overdueTouchesToday } from './source';

type Settings = Pick<SettingsRecord, 'uiLanguage' | 'timeZone' | 'planGrowthPercent' | 'coldCallsPerDay' | 'workingDays'>;

/**
 * The first-screen record (first-screen.ts) from the daily aggregates, or null when they are not
 * up to date (clients wait on the dirty list, or they were cut in another zone): a record from
 * half-counted days would show wrong numbers. One read transaction, so the days read are the ones
 * the empty dirty list vouches for. `computedAt` is taken before it: a write that lands after is
 * newer than the record, and the page ignores the record.
 */
export async function computeFirstScreen(db: TouchbookDb, settings: Settings, now: Date): Promise<FirstScreenRecord | null> {
  const zone = insightsZone(settings);
  const computedAt = now.getTime();
  const range = defaultRange(now, zone);
  const needed = daysNeeded(range, computedAt, zone);
  return db.transaction('r', [db.insightsDirty, db.insightsMeta, db.insightDays, db.touches], async () => {
    const [waiting, meta, days, overdueToday] = await Promise.all([
      db.insightsDirty.limit(1).count(),
      db.insightsMeta.get('zone'),
      dailyAggregates(db, needed.from, needed.to),
      overdueTouchesToday(db, computedAt, zone),
    ]);
    if (waiting > 0 || meta?.zone !== zone) return null;
    const base = baseFromDays(days, range, { timeZone: zone, now: () => now, settings, overdueToday });
    return { version: 1 as const, zone, range, computedAt, settings: firstScreenSettings(settings), base };
  });
}

/**
 * Stores the record, or drops the stored one when there is none to give (aggregates behind, or
 * too big to keep small). Called by the worker whenever it has brought the aggregates up to date.
 */
export async function writeFirstScreen(db: TouchbookDb, local: LocalArea & { remove(keys: string[]): Promise<void> }, settings: Settings, now: Date): Promise<'written' | 'dropped'> {
  const record = await computeFirstScreen(db, settings, now);
  if (record && JSON.stringify(record).length <= FIRST_SCREEN_MAX_CHARS) {
    await local.set({ [FIRST_SCREEN_KEY]: record });
    return 'written';
  }
  await local.remove([FIRST_SCREEN_KEY]);
  return 'dropped';
}

/**
 * Notes in `storage.local` that what the figures count changed, so a record computed before is
 * ignored. Many writes in a burst (a re-plan) make one storage write, stamped after the last.
 */
export function createDataChangeNoter(local: Pick<LocalArea, 'set'>, clock: () => number = Date.now, onError: (error: unknown) => void = () => undefined) {
  let pending: Promise<void> | null = null;
  let again = false;
  const flush = async (): Promise<void> => {
    do {
      again = false;
      await local.set({ [DATA_CHANGED_KEY]: clock() });
    } while (again);
  };
  return (): void => {
    if (pending) {
      again = true;
      return;
    }
    pending = flush()
      .catch(onError)
      .finally(() => {
        pending = null;
      });
  };
}

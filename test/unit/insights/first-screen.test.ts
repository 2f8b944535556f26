import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type TouchbookDb } from '../../../lib/db/database';
import { onInsightRowsChanged, refreshInsightAggregates } from '../../../lib/db/insights-aggregates';
import { DEFAULT_SETTINGS, type EventRecord } from '../../../lib/db/schema';
import { createTranslator } from '../../../lib/i18n';
import {
  DATA_CHANGED_KEY,
  FIRST_SCREEN_KEY,
  FIRST_SCREEN_MAX_CHARS,
  readFirstScreen,
  usableFirstScreen,
  type FirstScreenRecord,
  type LocalArea,
} from '../../../lib/insights/first-screen';
import { computeFirstScreen, createDataChangeNoter, writeFirstScreen } from '../../../lib/insights/first-screen-record';
import { createInsightsSource, formatBase, type ExportableView } from '../../../lib/insights/source';
import { random } from '../../bench/synthetic-data';

const ZONE = 'Europe/Kyiv';
const NOW = new Date('2026-06-15T09:00:00Z');
const DAY = 86_400_000;
const SETTINGS = { ...DEFAULT_SETTINGS, timeZone: ZONE, planGrowthPercent: 15, coldCallsPerDay: 20 };
const t = createTranslator('en');
const context = { t, locale: 'en', timeZone: ZONE, now: () => NOW };

const freshDb = () => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

function purchases(seed: number, count: number, clients: number, spanDays: number): EventRecord[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const at = NOW.getTime() - Math.floor(next() * spanDays) * DAY;
    return {
      id: `e${seed}-${index}`,
      clientId: `c${Math.floor(next() * clients)}`,
      type: 'purchase',
      at,
      data: { amount: Math.round(next() * 10_000) / 100, currency: next() < 0.8 ? 'EUR' : 'UAH' },
      source: 'crm',
      createdAt: at,
    };
  });
}

/** storage.local in memory, stored as JSON the way the browser keeps it. */
function memoryLocal(): LocalArea & { remove(keys: string[]): Promise<void>; items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get: (keys) => Promise.resolve(Object.fromEntries(keys.filter((key) => items.has(key)).map((key) => [key, JSON.parse(items.get(key)!) as unknown]))),
    set: (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, JSON.stringify(value));
      return Promise.resolve();
    },
    remove: (keys) => {
      for (const key of keys) items.delete(key);
      return Promise.resolve();
    },
  };
}

async function seeded(): Promise<TouchbookDb> {
  const db = freshDb();
  await db.events.bulkPut(purchases(1, 400, 60, 800));
  await refreshInsightAggregates(db, ZONE);
  return db;
}

/** What the page's live path hands over as its first screen, from the same database. */
async function liveFirstScreen(db: TouchbookDb): Promise<ExportableView> {
  const source = createInsightsSource({ db, ...context, refresh: () => Promise.resolve({ zone: ZONE }), setup: () => Promise.resolve({ settings: SETTINGS }) });
  let first: ExportableView | null = null;
  await source.load({ from: '2025-07-01', to: '2026-06-15' }, (view) => (first = view));
  return first!;
}

const read = (local: LocalArea, now = NOW) => readFirstScreen(local, { now, browserZone: 'UTC' });

afterEach(() => onInsightRowsChanged(null));

describe('the Insights first-screen record', () => {
  it('is kept after a refresh and formats into the same first screen the live path shows', async () => {
    const db = await seeded();
    const local = memoryLocal();
    expect(await writeFirstScreen(db, local, SETTINGS, NOW)).toBe('written');
    const record = await read(local);
    expect(record).not.toBeNull();
    expect(record!.zone).toBe(ZONE);
    expect(record!.range).toEqual({ from: '2025-07-01', to: '2026-06-15' });
    expect(record!.settings).toMatchObject({ timeZone: ZONE, planGrowthPercent: 15, coldCallsPerDay: 20, uiLanguage: null });
    const fromRecord = formatBase(record!.base, context);
    expect(fromRecord.headlines.length).toBeGreaterThan(3);
    expect(fromRecord).toEqual(await liveFirstScreen(db));
  });

  it('is not kept from aggregates that are behind, and a kept one is dropped then', async () => {
    const db = await seeded();
    const local = memoryLocal();
    await writeFirstScreen(db, local, SETTINGS, NOW);
    await db.events.put({ ...purchases(2, 1, 5, 10)[0]!, id: 'late' }); // its client waits on the dirty list
    expect(await computeFirstScreen(db, SETTINGS, NOW)).toBeNull();
    expect(await writeFirstScreen(db, local, SETTINGS, NOW)).toBe('dropped');
    expect(local.items.has(FIRST_SCREEN_KEY)).toBe(false);
    // Aggregates cut in another zone than the settings name are behind too.
    await refreshInsightAggregates(db, 'UTC');
    expect(await computeFirstScreen(db, SETTINGS, NOW)).toBeNull();
  });

  it('is ignored once data changed after it, until the next one is kept', async () => {
    const db = await seeded();
    const local = memoryLocal();
    await writeFirstScreen(db, local, SETTINGS, NOW);
    let clock = NOW.getTime() + 60_000;
    const noteChange = createDataChangeNoter(local, () => clock);
    onInsightRowsChanged(noteChange);
    await db.events.put({ ...purchases(3, 1, 5, 10)[0]!, id: 'recorded' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(local.items.get(DATA_CHANGED_KEY)).toBe(String(clock));
    expect(await read(local)).toBeNull();
    // The worker recounts and keeps a new record: drawn again.
    await refreshInsightAggregates(db, ZONE);
    clock += 1;
    await writeFirstScreen(db, local, SETTINGS, new Date(clock + 1));
    const again = await read(local, new Date(clock + 2));
    expect(again).not.toBeNull();
    expect(again!.base.current.purchases).toBeGreaterThan(0);
  });

  it('is ignored when invalid, for another zone, or for another day\'s default range', async () => {
    const db = await seeded();
    const local = memoryLocal();
    await writeFirstScreen(db, local, SETTINGS, NOW);
    const record = (await local.get([FIRST_SCREEN_KEY]))[FIRST_SCREEN_KEY] as FirstScreenRecord;
    const use = (raw: unknown, now = NOW) => usableFirstScreen(raw, undefined, { now, browserZone: 'UTC' });
    expect(use(record)).not.toBeNull();
    expect(use(undefined)).toBeNull();
    expect(use('garbage')).toBeNull();
    expect(use({ ...record, version: 2 })).toBeNull();
    expect(use({ ...record, base: { ...record.base, months: 'twelve' } })).toBeNull();
    expect(use({ ...record, base: { ...record.base, current: { ...record.base.current, purchases: '3' } } })).toBeNull();
    // The manager's zone changed since (the settings say another one than the days were cut in).
    expect(use({ ...record, settings: { ...record.settings, timeZone: 'Europe/Athens' } })).toBeNull();
    // No zone in the settings: the browser's, which is not the one the days were cut in.
    expect(use({ ...record, settings: { ...record.settings, timeZone: null } })).toBeNull();
    // The next day the default range ends a day later: yesterday's numbers are not drawn.
    expect(use(record, new Date(NOW.getTime() + DAY))).toBeNull();
    // A failing storage read is no record, not an error.
    expect(await readFirstScreen({ get: () => Promise.reject(new Error('gone')) }, { now: NOW, browserZone: 'UTC' })).toBeNull();
  });

  it('stays small: one range\'s months, weeks and days, however long the history and many the clients', async () => {
    const db = freshDb();
    await db.events.bulkPut(purchases(4, 6_000, 2_000, 3_650));
    await refreshInsightAggregates(db, ZONE);
    const record = await computeFirstScreen(db, SETTINGS, NOW);
    expect(record).not.toBeNull();
    expect(record!.base.months).toHaveLength(12);
    expect(record!.base.monthsLastYear).toHaveLength(12);
    expect(record!.base.calls.days.length).toBeLessThanOrEqual(366);
    expect(record!.base.touches.byWeek.length).toBeLessThanOrEqual(54);
    const size = JSON.stringify(record).length;
    expect(size).toBeLessThan(FIRST_SCREEN_MAX_CHARS / 2);
    expect(size).toBeLessThan(JSON.stringify(await db.insightDays.toArray()).length); // not the days themselves
  });
});

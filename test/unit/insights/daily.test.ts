import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase, type TouchbookDb } from '../../../lib/db/database';
import { catchUpInsightAggregates, dailyAggregates, readBuyers, refreshInsightAggregates, settledAggregatesZone } from '../../../lib/db/insights-aggregates';
import { createInsightsCatchUp } from '../../../lib/background/insights-catch-up';
import type { EventRecord, TouchOutcome, TouchRecord, TouchState } from '../../../lib/db/schema';
import { coldCalls } from '../../../lib/insights/cold-calls';
import {
  coldCallsFromDays,
  monthPlansFromDays,
  purchasesOfBuyers,
  revenueByMonthFromDays,
  summaryFromDays,
  touchesFromDays,
  type DailyAggregate,
} from '../../../lib/insights/daily';
import { datedPurchases, todayIn } from '../../../lib/insights/dated-purchases';
import { monthPlans } from '../../../lib/insights/plan';
import { localDateFunction, sameRangeLastYear } from '../../../lib/insights/range';
import { revenueByMonth, revenueSummary } from '../../../lib/insights/revenue';
import { abcSegments, churnRisk } from '../../../lib/insights/segments';
import { topClients } from '../../../lib/insights/top-clients';
import { touchBreakdown } from '../../../lib/insights/touch-counts';
import { random } from '../../bench/synthetic-data';

/**
 * The daily aggregates must give the same figures as the raw rows, whatever the writes: built
 * from scratch, kept up by the dirty list after puts, updates and deletes, rebuilt after a zone
 * change, and made by the version 3 upgrade from a database that had none.
 */
const ZONE = 'Europe/Kyiv';
const NOW = Date.parse('2026-06-15T09:00:00Z');
const DAY = 86_400_000;
const RANGE = { from: '2025-06-01', to: '2026-06-15' };
const STATES: TouchState[] = ['planned', 'due', 'done', 'snoozed', 'skipped', 'missed'];
const OUTCOMES: TouchOutcome[] = ['reached', 'no-answer', 'not-interested', 'rescheduled'];

function synthetic(seed: number, clients = 40, purchases = 300, touches = 600) {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const clientId = () => `c${Math.floor(next() * clients)}`;
  const events: EventRecord[] = Array.from({ length: purchases }, (_, index) => {
    // Around midnight on purpose: the zone decides the day of a purchase without a card date.
    const at = NOW - Math.floor(next() * 800) * DAY - Math.floor(next() * 4) * 3_600_000 + 21 * 3_600_000;
    const withDate = next() < 0.5;
    const roll = next();
    const amount = roll < 0.05 ? -50 : roll < 0.1 ? 0 : roll < 0.2 ? null : Math.round(next() * 100_000) / 100;
    return {
      id: `e${index}`,
      clientId: clientId(),
      type: 'purchase',
      at,
      data: { ...(withDate ? { date: new Date(at).toISOString().slice(0, 10) } : {}), ...(amount === null ? {} : { amount, currency: pick(['EUR', 'EUR', 'UAH', 'USD']) }) },
      source: 'crm',
      createdAt: at,
    };
  });
  events.push({ id: 'birthday', clientId: 'c1', type: 'birthday', at: NOW - 5 * DAY, data: {}, source: 'crm', createdAt: 0 });
  const rows: TouchRecord[] = Array.from({ length: touches }, (_, index) => makeTouch(`t${index}`, clientId(), NOW - Math.floor(next() * 500 * DAY) + Math.floor(next() * 40 * DAY), pick(STATES), pick(['call', 'call', 'email']), pick(OUTCOMES), pick(['Repeat', 'Welcome', ''])));
  // Due today, before and after the clock: today's pending touches split into overdue and to do.
  rows.push(makeTouch('today-early', 'c2', NOW - 3_600_000, 'due', 'call', null, 'Repeat'), makeTouch('today-late', 'c3', NOW + 3_600_000, 'planned', 'call', null, 'Repeat'));
  return { events, touches: rows };
}

function makeTouch(id: string, clientId: string, dueAt: number, state: TouchState, channel: string, outcome: TouchOutcome | null, programmeName: string): TouchRecord {
  const done = state === 'done';
  return {
    id,
    clientId,
    programmeId: programmeName,
    templateId: 't',
    state,
    dueAt,
    goal: '',
    role: '',
    channel,
    script: '',
    outcome: done ? outcome : null,
    note: null,
    updatedAt: dueAt,
    programmeName,
    priority: 0,
    roleId: '',
    anchorEventId: null,
    occurrence: '',
    source: 'plan',
    expiresAt: null,
    snoozedUntil: null,
    outcomeAt: done ? dueAt + 600_000 : null,
    skipReason: null,
    createdAt: dueAt,
  };
}

const freshDb = () => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });

async function aggregates(db: TouchbookDb): Promise<DailyAggregate[]> {
  return dailyAggregates(db, '0000-01-01', '9999-12-31');
}

/**
 * The days with each buyer's number read back as their client id: numbers are handed out in
 * the order clients are first counted, so a rebuild may number them differently.
 */
async function daysByClientId(db: TouchbookDb) {
  const idOf = new Map((await db.insightClients.toArray()).map((client) => [client.number, client.clientId]));
  const ids = (numbers: readonly number[]) => numbers.map((number) => idOf.get(number) ?? `unknown ${number}`).sort();
  return (await aggregates(db)).map((day) => ({ ...day, buyers: ids(day.buyers), repeatBuyers: ids(day.repeatBuyers) }));
}

/** Every figure the aggregates serve, from raw rows and from the days: they must agree. */
async function expectSameFigures(db: TouchbookDb) {
  const [events, touches, days, buyers] = await Promise.all([db.events.toArray(), db.touches.toArray(), aggregates(db), db.insightBuyers.toArray()]);
  const history = datedPurchases(events, ZONE);
  const lastYear = sameRangeLastYear(RANGE);
  for (const range of [RANGE, lastYear]) {
    expect(rounded(summaryFromDays(days, range))).toEqual(rounded(revenueSummary(history, range)));
    expect(rounded(revenueByMonthFromDays(days, range))).toEqual(rounded(revenueByMonth(history, range)));
    const today = todayIn(NOW, ZONE);
    const localDateOf = localDateFunction(ZONE);
    const overdueToday = new Map<string, number>();
    for (const touch of touches) {
      if (!['planned', 'due', 'snoozed'].includes(touch.state) || localDateOf(touch.dueAt) !== today || touch.dueAt >= NOW) continue;
      overdueToday.set(touch.programmeName, (overdueToday.get(touch.programmeName) ?? 0) + 1);
    }
    expect(touchesFromDays(days, range, { today, overdueToday })).toEqual(touchBreakdown(touches, range, { now: NOW, localDateOf }));
    const plan = { perDayPlan: 7, workingDays: [1, 2, 3, 4, 5, 6] };
    expect(coldCallsFromDays(days, range, plan)).toEqual(coldCalls({ touches, purchases: history, range, timeZone: ZONE, ...plan }));
  }
  expect(rounded(monthPlansFromDays(days, { now: NOW, timeZone: ZONE, growthPercent: 15 }))).toEqual(rounded(monthPlans({ purchases: history, now: NOW, timeZone: ZONE, growthPercent: 15 })));
  // The page reads the per-client rows packed into one record: it must hold the same rows.
  const byId = (rows: typeof buyers) => [...rows].sort((a, b) => (a.clientId < b.clientId ? -1 : 1));
  expect(await readBuyers(db)).toEqual(byId(buyers));
  // The per-client figures read the per-client rows instead of the events: the same answers.
  const compact = purchasesOfBuyers(buyers);
  expect(compact).toHaveLength(history.length);
  expect(topClients({ purchases: compact, range: RANGE, now: NOW, timeZone: ZONE })).toEqual(topClients({ purchases: history, range: RANGE, now: NOW, timeZone: ZONE }));
  expect(abcSegments({ purchases: compact, range: RANGE })).toEqual(abcSegments({ purchases: history, range: RANGE }));
  expect(churnRisk({ purchases: compact, now: NOW, timeZone: ZONE })).toEqual(churnRisk({ purchases: history, now: NOW, timeZone: ZONE }));
}

/** Sums in a different order differ in the last bits: compare money to a millionth. */
function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => (typeof item === 'number' ? Math.round(item * 1e6) / 1e6 : item)) as T;
}

describe('Insights daily aggregates', () => {
  it('give the same figures as the raw rows: revenue, repeat share, touches, outcomes, cold calls, the plan, the per-client lists', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(11);
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    expect(await refreshInsightAggregates(db, ZONE)).toEqual({ recounted: 'all' }); // none built yet for this zone
    expect(await refreshInsightAggregates(db, ZONE)).toEqual({ recounted: 0 });
    await expectSameFigures(db);
  });

  it('follow every kind of write: put, update, modify, delete, a purchase moved earlier, a client merged away', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(12);
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    await refreshInsightAggregates(db, ZONE);

    // A first purchase recorded before a client's earliest: their old first becomes a repeat, and
    // their cold calls after it stop being cold.
    await db.events.put({ id: 'early', clientId: 'c5', type: 'purchase', at: NOW - 900 * DAY, data: { date: '2024-01-02', amount: 10, currency: 'EUR' }, source: 'manager', createdAt: 0 });
    await db.touches.update('t3', { state: 'done', outcome: 'reached', outcomeAt: NOW - DAY });
    await db.touches.where('clientId').equals('c7').modify({ state: 'skipped' });
    await db.touches.bulkDelete(['t10', 't11', 't12']);
    await db.events.delete('e4');
    await db.transaction('rw', db.events, db.touches, async () => {
      // Merging c8 into c9: every row of c8 now belongs to c9.
      await db.events.where('clientId').equals('c8').modify({ clientId: 'c9' });
      await db.touches.where('clientId').equals('c8').modify({ clientId: 'c9' });
    });
    expect((await db.insightsDirty.toArray()).map((entry) => entry.clientId).sort()).toEqual(expect.arrayContaining(['c5', 'c7', 'c8', 'c9']));
    const result = await refreshInsightAggregates(db, ZONE);
    expect(result.recounted).not.toBe('all');
    expect(await db.insightsDirty.count()).toBe(0);
    expect(await db.insightClients.get('c8')).toBeUndefined();
    await expectSameFigures(db);

    // Kept up step by step, they equal a rebuild from scratch.
    const kept = await daysByClientId(db);
    await db.insightsMeta.clear();
    await refreshInsightAggregates(db, ZONE);
    expect(rounded(await daysByClientId(db))).toEqual(rounded(kept));
  });

  it('ignore events that are not purchases, and rebuild after a table is cleared or the zone changes', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(13, 10, 40, 60);
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    await refreshInsightAggregates(db, ZONE);
    await db.events.put({ id: 'b2', clientId: 'c4', type: 'birthday', at: NOW, data: {}, source: 'crm', createdAt: 0 });
    expect(await db.insightsDirty.count()).toBe(0);

    await db.touches.clear(); // a restore clears tables: everything is recounted
    expect(await refreshInsightAggregates(db, ZONE)).toEqual({ recounted: 'all' });
    await expectSameFigures(db);
    expect(Object.values((await aggregates(db))[0]!.touches)).toEqual([]);

    // Another zone cuts the days elsewhere: a rebuild, not a patch.
    expect(await refreshInsightAggregates(db, 'America/New_York')).toEqual({ recounted: 'all' });
    expect((await db.insightsMeta.get('zone'))?.zone).toBe('America/New_York');
  });

  it('are built by the version 3 upgrade from the rows a version 2 database holds, keeping every record', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('touchbook', { indexedDB, IDBKeyRange });
    old.version(2).stores({
      clients: 'id, *recordKeys, *emails, *phoneKeys, name, updatedAt',
      events: 'id, clientId, [clientId+at], type',
      touches: 'id, clientId, [state+dueAt], [clientId+dueAt], programmeId, [state+expiresAt]',
      answers: '[clientId+questionId], clientId',
      books: 'slot',
      sites: 'origin',
      settings: 'key',
      offers: '[clientId+ruleId], clientId',
      unmatchedObjections: 'id, createdAt',
    });
    const { events, touches } = synthetic(14);
    await old.table('events').bulkPut(events);
    await old.table('touches').bulkPut(touches);
    await old.table('settings').put({ key: 'settings', timeZone: ZONE });
    await old.table('offers').put({ clientId: 'c1', ruleId: 'r', status: 'accepted', updatedAt: NOW });
    old.close();

    const db = openDatabase({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.events.count()).toBe(events.length);
    expect(await db.touches.count()).toBe(touches.length);
    expect(await db.offers.count()).toBe(1);
    expect((await db.insightsMeta.get('zone'))?.zone).toBe(ZONE);
    expect(await db.insightDays.count()).toBeGreaterThan(100);
    expect(await refreshInsightAggregates(db, ZONE)).toEqual({ recounted: 0 }); // already up to date
    await expectSameFigures(db);
  });
});

describe('the worker catching up after a restore or an import', () => {
  /** Runs the catch-up in chunks of `chunk`, noting how many clients wait after each one. */
  async function catchUp(db: TouchbookDb, chunk: number) {
    const waiting: number[] = [];
    const settled: Array<string | null> = [];
    const result = await catchUpInsightAggregates(db, () => Promise.resolve(ZONE), {
      chunk,
      pause: async () => {
        waiting.push(await db.insightsDirty.count());
        settled.push(await settledAggregatesZone(db));
      },
    });
    return { ...result, waiting, settled };
  }

  it('recounts an import of many clients a chunk at a time, ending where a full rebuild ends', async () => {
    const db = freshDb();
    const first = synthetic(21, 10, 60, 80);
    await db.events.bulkPut(first.events);
    await db.touches.bulkPut(first.touches);
    await refreshInsightAggregates(db, ZONE);
    // The import: 60 clients more, each now on the dirty list.
    const more = synthetic(22, 60, 400, 500);
    await db.events.bulkPut(more.events.map((event) => ({ ...event, id: `i${event.id}`, clientId: `i${event.clientId}` })));
    await db.touches.bulkPut(more.touches.map((touch) => ({ ...touch, id: `i${touch.id}`, clientId: `i${touch.clientId}` })));
    const dirty = await db.insightsDirty.count();
    expect(dirty).toBeGreaterThan(50);

    const { chunks, recounted, waiting, settled } = await catchUp(db, 8);
    expect(recounted).toBe(dirty);
    expect(chunks).toBe(Math.ceil(dirty / 8));
    // Never more than a chunk per transaction: the list shrinks by at most 8 each time.
    for (const [index, left] of waiting.entries()) expect((index ? waiting[index - 1]! : dirty) - left).toBeLessThanOrEqual(8);
    expect(waiting.at(-1)).toBe(0);
    // Until the last chunk a page would ask for the rest; after it, the page reads the days as they are.
    expect(settled.slice(0, -1).every((zone) => zone === null)).toBe(true);
    expect(settled.at(-1)).toBe(ZONE);
    await expectSameFigures(db);
    const kept = await daysByClientId(db);
    await db.insightsMeta.clear();
    await refreshInsightAggregates(db, ZONE);
    expect(rounded(await daysByClientId(db))).toEqual(rounded(kept));
  });

  it('rebuilds after a restore that cleared the tables in chunks too, never all clients in one transaction', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(23, 30, 200, 300);
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    await refreshInsightAggregates(db, ZONE);
    // A restore in replace mode: the tables are emptied and written again in one transaction.
    await db.transaction('rw', db.events, db.touches, async () => {
      await Promise.all([db.events.clear(), db.touches.clear()]);
      await db.events.bulkPut(events);
      await db.touches.bulkPut(touches);
    });
    const clients = new Set([...events, ...touches].map((row) => row.clientId)).size;
    const { chunks, waiting } = await catchUp(db, 5);
    // The restart puts every client on the list, then chunks of five count them.
    expect(waiting[0]).toBe(clients);
    expect(chunks).toBe(1 + Math.ceil(clients / 5));
    for (let index = 1; index < waiting.length; index++) expect(waiting[index - 1]! - waiting[index]!).toBeLessThanOrEqual(5);
    expect(await db.insightsDirty.count()).toBe(0);
    await expectSameFigures(db);
  });

  it('a worker stopped between chunks leaves the rest on the list, and its next start counts them all', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(25, 40, 300, 400);
    await refreshInsightAggregates(db, ZONE); // aggregates in this zone already: the import only dirties clients
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    const dirty = await db.insightsDirty.count();
    let chunksBeforeStop = 3;
    const stopped = new Error('the browser stopped the idle worker');
    const first = createInsightsCatchUp(
      () => catchUpInsightAggregates(db, () => Promise.resolve(ZONE), { chunk: 5, pause: () => (--chunksBeforeStop > 0 ? Promise.resolve() : Promise.reject(stopped)) }),
      () => undefined,
    );
    await first.start();
    const left = await db.insightsDirty.count();
    expect(left).toBe(dirty - 15);
    expect(await settledAggregatesZone(db)).toBeNull();
    // A new worker (nothing kept in memory) runs the catch-up at start: it carries on where the last stopped.
    const restarted = await catchUpInsightAggregates(db, () => Promise.resolve(ZONE), { chunk: 5, pause: () => Promise.resolve() });
    expect(restarted.recounted).toBe(left);
    expect(await db.insightsDirty.count()).toBe(0);
    expect(await settledAggregatesZone(db)).toBe(ZONE);
    await expectSameFigures(db);
  });

  it('a page opened half-way asks for the rest, which the worker counts at once', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(24, 30, 200, 300);
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    await refreshInsightAggregates(db, ZONE, { limit: 4 });
    expect(await settledAggregatesZone(db)).toBeNull();
    await refreshInsightAggregates(db, ZONE);
    expect(await settledAggregatesZone(db)).toBe(ZONE);
    await expectSameFigures(db);
  });

  it('notes both clients when a batch rewrites one client\'s touches and moves another\'s in', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(26, 10, 60, 120);
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    await refreshInsightAggregates(db, ZONE);
    const own = touches.filter((touch) => touch.clientId === 'c1');
    const moved = touches.find((touch) => touch.clientId === 'c2')!;
    await db.touches.bulkPut([...own.map((touch) => ({ ...touch, state: 'skipped' as const })), { ...moved, clientId: 'c1' }]);
    expect((await db.insightsDirty.toArray()).map((entry) => entry.clientId).sort()).toEqual(['c1', 'c2']);
    await db.touches.bulkAdd([makeTouch('new-one', 'c3', NOW, 'planned', 'call', null, 'Repeat')]);
    expect((await db.insightsDirty.toArray()).map((entry) => entry.clientId).sort()).toEqual(['c1', 'c2', 'c3']);
    await refreshInsightAggregates(db, ZONE);
    await expectSameFigures(db);
  });

  it('rebuild aggregates made before buyers were numbered, and the page does not read them meanwhile', async () => {
    const db = freshDb();
    const { events, touches } = synthetic(25, 10, 60, 80);
    await db.events.bulkPut(events);
    await db.touches.bulkPut(touches);
    await refreshInsightAggregates(db, ZONE);
    await db.insightsMeta.put({ key: 'zone', zone: ZONE }); // as the first version 3 wrote it
    expect(await settledAggregatesZone(db)).toBeNull();
    expect(await refreshInsightAggregates(db, ZONE)).toEqual({ recounted: 'all' });
    expect(await settledAggregatesZone(db)).toBe(ZONE);
    await expectSameFigures(db);
  });

  it('runs one catch-up at a time, and once more when asked while running', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const catchUpOnce = createInsightsCatchUp(async () => {
      runs += 1;
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    }, () => undefined);
    const done = catchUpOnce.start();
    void catchUpOnce.start();
    void catchUpOnce.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await done;
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });
});

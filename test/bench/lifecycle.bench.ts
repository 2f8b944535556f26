import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../lib/book/defaults';
import { openDatabase, type TouchbookDb } from '../../lib/db/database';
import type { ClientRecord } from '../../lib/db/schema';
import { countDue, dueTouches, replanClients } from '../../lib/db/touches';
import { applyEventChanges, deriveEvents, reconcileEvents } from '../../lib/lifecycle/events';
import { planTouches } from '../../lib/lifecycle/plan';
import { DEFAULT_WORKING_TIME } from '../../lib/lifecycle/working-time';
import { syntheticClients, syntheticTouches } from './synthetic-data';

/**
 * The lifecycle engine at scale:
 * - planning 10,000 clients with the default English book (pure functions; budget 3 s, median
 *   of three runs after a warm-up);
 * - the popup's first 50 due touches and the badge count over 100,000 stored touches, on the
 *   `[state+dueAt]` index, in fake-indexeddb (a JavaScript IndexedDB: far slower than Chromium's
 *   or Firefox's, so the figures show the shape, not the browser's speed; the platform notes
 *   have 1-9 ms in Chromium for the same query);
 * - re-planning stored clients through Dexie in batches (fake-indexeddb again).
 *
 *   npx vitest run --config vitest.bench.config.ts test/bench/lifecycle.bench.ts
 */
export const RESULTS_FILE = join(import.meta.dirname, '../../bench/results/lifecycle.json');

const TIME_ZONE = 'Europe/Kyiv';
const NOW = Date.parse('2025-06-10T09:00:00Z');
const DAY = 86_400_000;
const TOUCHES = 100_000;
const PLANNED_CLIENTS = 10_000;
const STORED_CLIENTS = 1_000;
const PLAN_BUDGET_MS = 3_000;
const PLAN_RUNS = 3;

interface Row {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  note?: string;
}
const rows: Row[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeRuns(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  return (async () => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return times;
  })();
}

// ---- data --------------------------------------------------------------------------------------

const makeClients = (count: number) => syntheticClients(count, NOW);
const makeTouches = (count: number) => syntheticTouches(count, NOW);

function freshDb(): TouchbookDb {
  return openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
}

// ---- measurements ------------------------------------------------------------------------------

describe('lifecycle engine at scale', () => {
  it(`plans ${PLANNED_CLIENTS.toLocaleString('en')} clients with the default English book`, () => {
    const book = defaultBookFor('en');
    const clients = makeClients(PLANNED_CLIENTS);
    const planAll = (group: readonly ClientRecord[]) => {
      let touches = 0;
      for (const client of group) {
        const derived = deriveEvents({ client, customDateFields: [], now: NOW });
        const events = applyEventChanges([], reconcileEvents([], derived));
        touches += planTouches({ book, client, events, now: NOW, timeZone: TIME_ZONE, working: DEFAULT_WORKING_TIME, existing: [] }).put.length;
      }
      return touches;
    };
    planAll(clients.slice(0, 500)); // warm-up: let the JIT compile the planner first
    const times: number[] = [];
    let touches = 0;
    for (let run = 0; run < PLAN_RUNS; run++) {
      const started = performance.now();
      touches = planAll(clients);
      times.push(performance.now() - started);
    }
    rows.push({
      name: `plan ${PLANNED_CLIENTS} clients (pure), ${touches} touches (median of ${PLAN_RUNS})`,
      value: median(times),
      unit: 'ms',
      budget: PLAN_BUDGET_MS,
      note: `fastest ${Math.round(Math.min(...times))} ms`,
    });
    expect(touches).toBeGreaterThan(PLANNED_CLIENTS);
    expect(median(times)).toBeLessThanOrEqual(PLAN_BUDGET_MS);
  });

  it(`reads the first 50 due touches and counts them among ${TOUCHES.toLocaleString('en')} touches`, async () => {
    const db = freshDb();
    const touches = makeTouches(TOUCHES);
    const started = performance.now();
    for (let start = 0; start < touches.length; start += 10_000) await db.touches.bulkPut(touches.slice(start, start + 10_000));
    rows.push({ name: 'seed 100k touches (bulkPut, fake-indexeddb)', value: performance.now() - started, unit: 'ms' });

    const expectedDue = touches.filter((touch) => ['planned', 'due', 'snoozed'].includes(touch.state) && touch.dueAt <= NOW).length;
    await expect(countDue(db, NOW)).resolves.toBe(expectedDue);
    expect(await dueTouches(db, NOW)).toHaveLength(50);

    const first50 = await timeRuns(20, () => dueTouches(db, NOW, 50));
    const count = await timeRuns(10, () => countDue(db, NOW));
    rows.push({ name: 'dueTouches first 50 @100k (median)', value: median(first50), unit: 'ms', note: 'fake-indexeddb; Chromium 1-9 ms per platform notes' });
    rows.push({ name: `countDue @100k, ${expectedDue} due (median)`, value: median(count), unit: 'ms', note: 'fake-indexeddb' });
    db.close();
  });

  it(`re-plans ${STORED_CLIENTS.toLocaleString('en')} stored clients through Dexie`, async () => {
    const db = freshDb();
    await db.clients.bulkPut(makeClients(STORED_CLIENTS));
    const options = { book: defaultBookFor('en'), now: NOW, timeZone: TIME_ZONE, working: DEFAULT_WORKING_TIME };
    let started = performance.now();
    await replanClients(db, options);
    rows.push({ name: `first plan of ${STORED_CLIENTS} stored clients (Dexie, fake-indexeddb)`, value: performance.now() - started, unit: 'ms' });
    started = performance.now();
    await replanClients(db, { ...options, now: NOW + DAY });
    rows.push({ name: `re-plan of ${STORED_CLIENTS} stored clients a day later`, value: performance.now() - started, unit: 'ms' });
    db.close();
  });
});

afterAll(() => {
  console.table(rows.map((row) => ({ ...row, value: Math.round(row.value * 100) / 100 })));
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const result = { measuredAt: new Date().toISOString(), node: process.version, cpus: availableParallelism(), rows };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../lib/book/defaults';
import type { ClientSnapshot } from '../../lib/crm/snapshot';
import { openDatabase, type TouchbookDb } from '../../lib/db/database';
import type { ClientRecord, TouchRecord, TouchState } from '../../lib/db/schema';
import { countDue, dueTouches, replanClients } from '../../lib/db/touches';
import { applyEventChanges, deriveEvents, reconcileEvents } from '../../lib/lifecycle/events';
import { planTouches } from '../../lib/lifecycle/plan';
import { DEFAULT_WORKING_TIME } from '../../lib/lifecycle/working-time';

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

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

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

const PRODUCTS = [
  { name: 'Skoda Octavia', category: 'Car' },
  { name: 'Water filters', category: 'Consumables' },
  { name: 'Nokian Hakkapeliitta', category: 'Tyres' },
  { name: 'Concrete M300', category: 'Concrete' },
  { name: 'Dishwasher', category: 'Appliance' },
  { name: 'Office chair', category: 'Furniture' },
];

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function makeClients(count: number): ClientRecord[] {
  const next = random(42);
  return Array.from({ length: count }, (_, index) => {
    const products = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const product = PRODUCTS[Math.floor(next() * PRODUCTS.length)]!;
      return { ...product, purchasedAt: isoDate(NOW - Math.floor(next() * 900) * DAY) };
    });
    const tags = [next() < 0.2 ? 'farm' : 'retail', ...(next() < 0.3 ? ['discount'] : [])];
    const stage = next() < 0.4 ? 'Closed won' : 'Negotiation';
    const birthday = next() < 0.6 ? isoDate(Date.UTC(1960 + Math.floor(next() * 40), Math.floor(next() * 12), 1 + Math.floor(next() * 28))) : null;
    const snapshot = { lastPurchase: null, fields: [] } as unknown as ClientSnapshot;
    return {
      id: `client-${index}`,
      name: `Client ${index}`,
      firstName: null,
      lastName: null,
      company: null,
      jobTitle: null,
      emails: [],
      phones: [],
      phoneKeys: [],
      recordKeys: [],
      records: [],
      stage,
      amount: null,
      birthday,
      tags,
      owner: null,
      products,
      lastSnapshot: snapshot,
      createdAt: NOW,
      updatedAt: NOW,
      buyerType: null,
      churnReason: null,
    };
  });
}

function makeTouches(count: number): TouchRecord[] {
  const next = random(7);
  const states: Array<[TouchState, number]> = [
    ['planned', 0.7],
    ['due', 0.05],
    ['snoozed', 0.03],
    ['done', 0.15],
    ['missed', 0.05],
    ['skipped', 0.02],
  ];
  return Array.from({ length: count }, (_, index) => {
    let roll = next();
    const state = states.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'planned';
    const future = state === 'planned' || (state === 'snoozed' && next() < 0.5);
    const dueAt = future ? NOW + Math.floor(next() * 400 * DAY) : NOW - Math.floor(next() * 400 * DAY);
    return {
      id: `client-${index % 20_000}:programme:touch:${index}`,
      clientId: `client-${index % 20_000}`,
      programmeId: 'durable-goods',
      templateId: 'satisfaction-call',
      state,
      dueAt,
      goal: 'Check that the client is happy with the purchase',
      role: 'Sales manager',
      channel: 'call',
      script: 'Good afternoon, {{client.firstName}}!',
      outcome: null,
      note: null,
      updatedAt: NOW,
      programmeName: 'Durable goods',
      priority: 10,
      roleId: 'sales-manager',
      anchorEventId: null,
      occurrence: String(index),
      source: 'plan',
      expiresAt: null,
      snoozedUntil: state === 'snoozed' ? dueAt : null,
      outcomeAt: null,
      skipReason: null,
      createdAt: NOW,
    };
  });
}

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

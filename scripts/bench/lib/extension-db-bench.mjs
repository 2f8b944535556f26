// Bundled by scripts/bench/lifecycle.mjs (esbuild, IIFE) and evaluated in an extension page of
// the demo build, so it works on the extension's own IndexedDB database with the project's own
// Dexie schema and queries. Sets `window.__touchbookBench`.
import { openDatabase } from '../../../lib/db/database.ts';
import { countDue, dueTouches } from '../../../lib/db/touches.ts';
import { BADGE_COUNT_LIMIT } from '../../../lib/reminders/badge.ts';

const DAY = 86_400_000;

/** A small deterministic generator, so every run measures the same data. */
function random(/** @type {number} */ seed) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Touches as the planner leaves them over a year of use: mostly planned (future), some due,
 * snoozed, done, missed and skipped (past), the same mix as test/bench/lifecycle.bench.ts.
 * @param {number} count @param {number} now
 */
function makeTouches(count, now) {
  const next = random(7);
  /** @type {Array<[string, number]>} */
  const states = [
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
    const dueAt = future ? now + Math.floor(next() * 400 * DAY) : now - Math.floor(next() * 400 * DAY);
    const clientId = `bench-client-${index % 20_000}`;
    return {
      id: `${clientId}:durable-goods:satisfaction-call:${index}`,
      clientId,
      programmeId: 'durable-goods',
      templateId: 'satisfaction-call',
      state,
      dueAt,
      goal: 'Check that the client is happy with the purchase',
      role: 'Sales manager',
      channel: 'call',
      script: 'Good afternoon, {{client.firstName}}!',
      outcome: state === 'done' ? 'reached' : null,
      note: null,
      updatedAt: now,
      programmeName: 'Durable goods',
      priority: 10,
      roleId: 'sales-manager',
      anchorEventId: null,
      occurrence: String(index),
      source: 'plan',
      expiresAt: null,
      snoozedUntil: state === 'snoozed' ? dueAt : null,
      outcomeAt: state === 'done' ? dueAt : null,
      skipReason: state === 'skipped' ? 'not relevant' : null,
      createdAt: now,
    };
  });
}

const PRODUCTS = [
  { name: 'Skoda Octavia', category: 'Car' },
  { name: 'Water filters', category: 'Consumables' },
  { name: 'Nokian Hakkapeliitta', category: 'Tyres' },
  { name: 'Concrete M300', category: 'Concrete' },
  { name: 'Dishwasher', category: 'Appliance' },
  { name: 'Office chair', category: 'Furniture' },
];

const isoDate = (/** @type {number} */ epochMs) => new Date(epochMs).toISOString().slice(0, 10);

/** Clients with purchases and birthdays, as test/bench/lifecycle.bench.ts makes them. */
function makeClients(/** @type {number} */ count, /** @type {number} */ now) {
  const next = random(42);
  return Array.from({ length: count }, (_, index) => {
    const products = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const product = PRODUCTS[Math.floor(next() * PRODUCTS.length)] ?? PRODUCTS[0];
      return { ...product, purchasedAt: isoDate(now - Math.floor(next() * 900) * DAY) };
    });
    const tags = [next() < 0.2 ? 'farm' : 'retail', ...(next() < 0.3 ? ['discount'] : [])];
    const stage = next() < 0.4 ? 'Closed won' : 'Negotiation';
    const birthday = next() < 0.6 ? isoDate(Date.UTC(1960 + Math.floor(next() * 40), Math.floor(next() * 12), 1 + Math.floor(next() * 28))) : null;
    return {
      id: `planned-client-${index}`,
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
      lastSnapshot: { lastPurchase: null, fields: [] },
      createdAt: now,
      updatedAt: now,
      buyerType: null,
      churnReason: null,
    };
  });
}

const db = openDatabase();

/** @param {number} runs @param {() => Promise<unknown>} work */
async function timeRuns(runs, work) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** @param {Array<{ dueAt: number, state: string }>} touches @param {number} now */
const expectedDue = (touches, now) => touches.filter((touch) => ['planned', 'due', 'snoozed'].includes(touch.state) && touch.dueAt <= now).length;

// @ts-expect-error: a global for the benchmark driver
window.__touchbookBench = {
  /** Writes `count` touches in bulkPut batches of 10,000 (as a restore or a full plan would). */
  async seedTouches(/** @type {number} */ count, /** @type {number} */ now) {
    const touches = makeTouches(count, now);
    const started = performance.now();
    for (let start = 0; start < touches.length; start += 10_000) await db.touches.bulkPut(touches.slice(start, start + 10_000));
    return { ms: performance.now() - started, stored: await db.touches.count(), expectedDue: expectedDue(touches, now) };
  },
  async seedClients(/** @type {number} */ count, /** @type {number} */ now) {
    const started = performance.now();
    await db.clients.bulkPut(makeClients(count, now));
    return { ms: performance.now() - started, stored: await db.clients.count() };
  },
  /** Medians are taken by the driver; warm-up runs are not returned. */
  async timeQueries(/** @type {number} */ now, /** @type {{ dueRuns: number, countRuns: number, warmUp: number }} */ runs) {
    await timeRuns(runs.warmUp, () => dueTouches(db, now, 50));
    // The badge's own call: it counts up to BADGE_COUNT_LIMIT ("99+" past that).
    await timeRuns(runs.warmUp, () => countDue(db, now, BADGE_COUNT_LIMIT));
    const first50 = await dueTouches(db, now, 50);
    return {
      due: await timeRuns(runs.dueRuns, () => dueTouches(db, now, 50)),
      count: await timeRuns(runs.countRuns, () => countDue(db, now, BADGE_COUNT_LIMIT)),
      listed: first50.length,
      counted: await countDue(db, now),
      stored: await db.touches.count(),
    };
  },
  /** Asks the background to re-plan everyone (a working-time change does) and times the reply. */
  async replanInWorker(/** @type {string} */ timeZone) {
    const started = performance.now();
    // @ts-expect-error: `chrome` exists in an extension page
    const reply = await globalThis.chrome.runtime.sendMessage({ type: 'ui/settings.update', patch: { timeZone } });
    if (!reply || !reply.ok) throw new Error(`ui/settings.update failed: ${JSON.stringify(reply)}`);
    return { ms: performance.now() - started, touches: await db.touches.count() };
  },
};

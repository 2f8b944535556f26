// Bundled by scripts/bench/lifecycle.mjs (esbuild, IIFE) and evaluated in an extension page of
// the demo build, so it works on the extension's own IndexedDB database with the project's own
// Dexie schema and queries. Sets `window.__touchbookBench`.
import { openDatabase } from '../../../lib/db/database.ts';
import { insightsDirtyMiddleware } from '../../../lib/db/insights-aggregates.ts';
import { countDue, dueTouches } from '../../../lib/db/touches.ts';
import { BADGE_COUNT_LIMIT } from '../../../lib/reminders/badge.ts';
import { syntheticClients, syntheticTouches } from '../../../test/bench/synthetic-data.ts';


/** The same synthetic data as test/bench/lifecycle.bench.ts (fake-indexeddb), for a fair comparison. */
const makeTouches = (/** @type {number} */ count, /** @type {number} */ now) => syntheticTouches(count, now, 'bench-client-');
const makeClients = (/** @type {number} */ count, /** @type {number} */ now) => syntheticClients(count, now, 'planned-client-');

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
  /**
   * What the Insights middleware (lib/db/insights-aggregates.ts) adds to a batch write: the same
   * batches through the project's database and through a second connection without the
   * middleware, taking turns so both see the same load. Batches of `size` touches: rewritten
   * (bulkPut of stored rows, as a re-plan writes them) and new (bulkAdd, as an import adds them).
   */
  async middlewareCost(/** @type {number} */ now, /** @type {{ size: number, runs: number }} */ { size, runs }) {
    const plain = openDatabase();
    plain.unuse(insightsDirtyMiddleware);
    const stored = await db.touches.limit(size).toArray();
    /** @type {Record<string, number[]>} */
    const times = { 'put, with': [], 'put, without': [], 'add, with': [], 'add, without': [], 'client, with': [], 'client, without': [] };
    // One client's own touches rewritten, as a re-plan of that client writes them.
    const perClient = new Map();
    for (const touch of stored) perClient.set(touch.clientId, (perClient.get(touch.clientId) ?? 0) + 1);
    const busiest = [...perClient].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const own = await db.touches.where('clientId').equals(busiest).toArray();
    for (let run = 0; run < runs; run++) {
      for (const [name, target] of /** @type {const} */ ([['with', db], ['without', plain]])) {
        const replanned = own.map((touch) => ({ ...touch, updatedAt: now + run }));
        const began = performance.now();
        await target.touches.bulkPut(replanned);
        times[`client, ${name}`].push(performance.now() - began);
        const rewritten = stored.map((touch) => ({ ...touch, updatedAt: now + run }));
        let started = performance.now();
        await target.touches.bulkPut(rewritten);
        times[`put, ${name}`].push(performance.now() - started);
        const added = makeTouches(size, now).map((touch, index) => ({ ...touch, id: `mw-${name}-${run}-${index}` }));
        started = performance.now();
        await target.touches.bulkAdd(added);
        times[`add, ${name}`].push(performance.now() - started);
        await plain.touches.bulkDelete(added.map((touch) => touch.id));
      }
    }
    plain.close();
    return { times, ownTouches: own.length };
  },
};

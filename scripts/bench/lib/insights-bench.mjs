// Bundled by scripts/bench/insights.mjs (esbuild, IIFE) and evaluated in an extension page of the
// demo build: it fills the extension's own database and times the Insights figures there, with
// the project's own code. Sets `window.__touchbookInsightsBench`.
import { openDatabase } from '../../../lib/db/database.ts';
import { createTranslator } from '../../../lib/i18n/index.ts';
import { loadInsightsData } from '../../../lib/insights/load.ts';
import { localDateFunction, presetRange } from '../../../lib/insights/range.ts';
import { datedPurchases } from '../../../lib/insights/dated-purchases.ts';
import { revenueByMonth, revenueSummary } from '../../../lib/insights/revenue.ts';
import { buildInsightsView } from '../../../lib/insights/source.ts';
import { touchBreakdown } from '../../../lib/insights/touch-counts.ts';
import { syntheticClients, syntheticPurchases, syntheticTouches } from '../../../test/bench/synthetic-data.ts';

const db = openDatabase();
const TIME_ZONE = 'Europe/Kyiv';

/** @param {() => unknown} work */
async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

// @ts-expect-error: a global for the benchmark driver
window.__touchbookInsightsBench = {
  async seed(/** @type {{ clients: number, touches: number, purchases: number, now: number }} */ size) {
    const started = performance.now();
    await db.clients.bulkPut(syntheticClients(size.clients, size.now, 'client-'));
    const touches = syntheticTouches(size.touches, size.now, 'client-');
    for (let start = 0; start < touches.length; start += 10_000) await db.touches.bulkPut(touches.slice(start, start + 10_000));
    const purchases = syntheticPurchases(size.purchases, size.now, size.clients, 'client-');
    for (let start = 0; start < purchases.length; start += 10_000) await db.events.bulkPut(purchases.slice(start, start + 10_000));
    return { ms: performance.now() - started, clients: await db.clients.count(), touches: await db.touches.count(), events: await db.events.count() };
  },
  /** Each figure on its own, then the whole view, over the last 12 months. */
  async figures(/** @type {number} */ now) {
    const range = presetRange('last12Months', new Date(now), TIME_ZONE);
    const localDateOf = localDateFunction(TIME_ZONE);
    const load = await timed(() => loadInsightsData(db, range));
    const data = /** @type {Awaited<ReturnType<typeof loadInsightsData>>} */ (load.result);
    const facts = await timed(() => datedPurchases(data.purchases, TIME_ZONE));
    const history = /** @type {ReturnType<typeof datedPurchases>} */ (facts.result);
    const summary = await timed(() => revenueSummary(history, range));
    const months = await timed(() => revenueByMonth(history, range));
    const touches = await timed(() => touchBreakdown(data.touches, range, { now, localDateOf }));
    const view = await timed(() =>
      buildInsightsView(data, range, { t: createTranslator('en'), locale: 'en', timeZone: TIME_ZONE, now: () => new Date(now) }),
    );
    return {
      rows: { purchases: data.purchases.length, touches: data.touches.length },
      ms: {
        'read purchases and touches (Dexie, indexes)': load.ms,
        'purchase facts (local days)': facts.ms,
        'revenue and repeat share, whole period': summary.ms,
        'revenue and repeat share per month': months.ms,
        'touches per week and per programme': touches.ms,
        'whole view (every figure, this year and last, formatted)': view.ms,
      },
    };
  },
};

// Bundled by scripts/bench/insights.mjs (esbuild, IIFE) and evaluated in an extension page of the
// demo build: it fills the extension's own database and times the Insights figures there, with
// the project's own code. Sets `window.__touchbookInsightsBench`.
import { openDatabase } from '../../../lib/db/database.ts';
import { dailyAggregates, readBuyers, refreshInsightAggregates, settledAggregatesZone } from '../../../lib/db/insights-aggregates.ts';
import { FIRST_SCREEN_KEY } from '../../../lib/insights/first-screen.ts';
import { DEFAULT_SETTINGS } from '../../../lib/db/schema.ts';
import { purchasesOfBuyers } from '../../../lib/insights/daily.ts';
import { loadFigureExtras } from '../../../lib/insights/load-figures.ts';
import { createTranslator } from '../../../lib/i18n/index.ts';
import { loadInsightsData } from '../../../lib/insights/load.ts';
import { localDateFunction, presetRange } from '../../../lib/insights/range.ts';
import { datedPurchases } from '../../../lib/insights/dated-purchases.ts';
import { revenueByMonth, revenueSummary } from '../../../lib/insights/revenue.ts';
import { baseFromDays, buildInsightsView, clientFigures, createInsightsSource, daysNeeded, formatBase, overdueTouchesToday } from '../../../lib/insights/source.ts';
import { touchBreakdown } from '../../../lib/insights/touch-counts.ts';
import { syntheticClients, syntheticPurchases, syntheticTouches } from '../../../test/bench/synthetic-data.ts';

const db = openDatabase();
const TIME_ZONE = 'Europe/Kyiv';
/** The extension API of the page this runs in (not typed here). */
const extensionApi = /** @type {any} */ (globalThis).chrome;

/** @param {() => unknown} work */
async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

// @ts-expect-error: a global for the benchmark driver
window.__touchbookInsightsBench = {
  /**
   * Tells the worker today's full re-plan is done (the marker its reminder pass checks,
   * lib/background/main.ts): a fresh profile would otherwise re-plan 10,000 clients in the middle
   * of the timed loads, and the recount after it made 5-10 s outliers.
   */
  async markReplanned(/** @type {number} */ now) {
    await extensionApi.storage.local.set({ 'last-full-replan': now });
  },
  /**
   * Waits until nothing is left to recount (the worker's background catch-up included), then asks
   * the worker for a refresh, after which it keeps the first-screen record, and waits for that.
   */
  async settle(/** @type {number} */ timeoutMs) {
    const started = performance.now();
    const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const deadline = () => {
      if (performance.now() - started > timeoutMs) throw new Error(`not settled after ${timeoutMs} ms (${FIRST_SCREEN_KEY})`);
    };
    while ((await settledAggregatesZone(db)) === null) {
      deadline();
      await sleep(200);
    }
    await extensionApi.storage.local.remove(FIRST_SCREEN_KEY);
    const reply = await extensionApi.runtime.sendMessage({ type: 'ui/insights.refresh' });
    if (!reply?.ok) throw new Error(`the worker's refresh failed: ${JSON.stringify(reply)}`);
    while (!(await extensionApi.storage.local.get(FIRST_SCREEN_KEY))[FIRST_SCREEN_KEY]) {
      deadline();
      await sleep(50);
    }
    const record = (await extensionApi.storage.local.get(FIRST_SCREEN_KEY))[FIRST_SCREEN_KEY];
    return { ms: performance.now() - started, recordChars: JSON.stringify(record).length };
  },
  async seed(/** @type {{ clients: number, touches: number, purchases: number, now: number }} */ size) {
    const started = performance.now();
    await db.clients.bulkPut(syntheticClients(size.clients, size.now, 'client-'));
    const touches = syntheticTouches(size.touches, size.now, 'client-');
    for (let start = 0; start < touches.length; start += 10_000) await db.touches.bulkPut(touches.slice(start, start + 10_000));
    const purchases = syntheticPurchases(size.purchases, size.now, size.clients, 'client-');
    for (let start = 0; start < purchases.length; start += 10_000) await db.events.bulkPut(purchases.slice(start, start + 10_000));
    const ms = performance.now() - started;
    // The page's zone is the setting; the aggregates are cut in it.
    await db.settings.put({ ...DEFAULT_SETTINGS, timeZone: TIME_ZONE });
    return { ms, clients: await db.clients.count(), touches: await db.touches.count(), events: await db.events.count(), dirty: await db.insightsDirty.count() };
  },
  /**
   * The worker's part: the seed wrote 150,000 rows, so every client is on the dirty list; the
   * first refresh recounts them all (in this page, with the same code the worker runs), then one
   * more purchase and one touch done is what a refresh usually has to do.
   */
  async refresh(/** @type {number} */ now) {
    const all = await timed(() => refreshInsightAggregates(db, TIME_ZONE));
    const rebuild = await timed(async () => {
      await db.insightsMeta.clear();
      return refreshInsightAggregates(db, TIME_ZONE);
    });
    await db.events.put({ id: 'bench-extra', clientId: 'client-1', type: 'purchase', at: now, data: { amount: 100, currency: 'EUR' }, source: 'manager', createdAt: now });
    const touch = await db.touches.where('clientId').equals('client-2').first();
    if (touch) await db.touches.put({ ...touch, state: 'done', outcome: 'reached', outcomeAt: now });
    const one = await timed(() => refreshInsightAggregates(db, TIME_ZONE));
    return {
      ms: {
        'aggregates: recount after the seed (every client dirty)': all.ms,
        'aggregates: full rebuild (zone change, restore, upgrade)': rebuild.ms,
        'aggregates: refresh after a purchase and a touch done': one.ms,
      },
      days: await db.insightDays.count(),
      recounted: /** @type {{ recounted: number | 'all' }} */ (all.result).recounted,
    };
  },
  /** The page's path: the daily aggregates first, then the per-client figures, over 12 months. */
  async aggregated(/** @type {number} */ now) {
    const range = presetRange('last12Months', new Date(now), TIME_ZONE);
    const context = { t: createTranslator('en'), locale: 'en', timeZone: TIME_ZONE, now: () => new Date(now) };
    const needed = daysNeeded(range, now, TIME_ZONE);
    const days = await timed(() => dailyAggregates(db, needed.from, needed.to));
    const overdue = await timed(() => overdueTouchesToday(db, now, TIME_ZONE));
    const first = await timed(() =>
      formatBase(baseFromDays(/** @type {any} */ (days.result), range, { ...context, overdueToday: /** @type {any} */ (overdue.result) }), context),
    );
    const clients = await timed(() => readBuyers(db));
    const perClient = await timed(() => clientFigures(purchasesOfBuyers(/** @type {any} */ (clients.result)), range, context));
    const extras = await timed(() => loadFigureExtras(db, range, { doneTouches: false }));
    const source = createInsightsSource({ db, ...context, refresh: async () => ({ zone: TIME_ZONE, ...(await refreshInsightAggregates(db, TIME_ZONE)) }) });
    let firstAt = 0;
    const started = performance.now();
    await source.load(range, () => (firstAt = performance.now() - started));
    const whole = performance.now() - started;
    return {
      rows: { days: /** @type {unknown[]} */ (days.result).length, clients: /** @type {unknown[]} */ (clients.result).length },
      ms: {
        'aggregates: read the days (range, last year, last month)': days.ms,
        "aggregates: today's overdue touches (index)": overdue.ms,
        'aggregates: first screen from the days (revenue, repeat share, touches, plan, cold calls)': first.ms,
        'aggregates: read the per-client purchases (one packed record)': clients.ms,
        'aggregates: TOP-50, A/B/C and churn from them': perClient.ms,
        'aggregates: read offers, answers, objections': extras.ms,
        'aggregates: whole load, first screen handed over': firstAt,
        'aggregates: whole load, every figure': whole,
      },
    };
  },
  /** Each figure on its own from raw rows, then the whole view, over the last 12 months. */
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

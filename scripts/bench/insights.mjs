// The Insights page at scale, in Chromium with the demo build and a persistent profile:
// 10,000 clients, 100,000 touches and 50,000 purchases in the extension's own database, then
// (a) each figure and the whole view timed inside an extension page (budget 1 s each), and
// (b) insights.html opened cold: navigation start -> first chart drawn (budget 300 ms), best
//     of a few loads; (c) the page's bundle size (its scripts and styles, gzipped).
// The figures code is bundled with esbuild and evaluated over CDP, as scripts/bench/lifecycle.mjs
// does (see there for why).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserAvailable } from '../lib/browser-session.mjs';
import { errorRow, loadNote, median } from './lib/common.mjs';
import { demoExtensionDir, launchChromiumWith } from './lib/demo-build.mjs';
import { bundleForBrowser } from './lib/ts.mjs';

const SIZE = { clients: 10_000, touches: 100_000, purchases: 50_000 };
const BUDGET = { figureMs: 1_000, firstChartMs: 300 };
const LOADS = 3;

/** @typedef {import('./lib/common.mjs').BenchRow} BenchRow */

export async function run() {
  if (!browserAvailable('chromium')) return [errorRow('Insights', new Error('chromium is not installed (apt-get install chromium)'), { unit: 'ms' })];
  /** @type {BenchRow[]} */
  const rows = [];
  /** @type {Awaited<ReturnType<typeof launchChromiumWith>> | null} */
  let session = null;
  try {
    const [source, extensionDir] = await Promise.all([bundleForBrowser('scripts/bench/lib/insights-bench.mjs'), demoExtensionDir()]);
    rows.push(...bundleRows(extensionDir));
    session = await launchChromiumWith(extensionDir);
    const page = await session.openExtensionPage('options.html');
    await page.evaluate(source);
    const now = Date.now();
    const seeded = await page.evaluate((size) => window.__touchbookInsightsBench.seed(size), { ...SIZE, now });
    const sizeNote = `${seeded.clients} clients, ${seeded.touches} touches, ${seeded.events} events stored`;
    rows.push({ name: 'seed (bulkPut, Chromium, persistent profile)', value: seeded.ms, unit: 'ms', note: sizeNote });

    const refreshed = await page.evaluate((at) => window.__touchbookInsightsBench.refresh(at), now);
    for (const [name, ms] of Object.entries(refreshed.ms)) {
      // Background work, not something the page waits for on every load: reported, no budget.
      rows.push({ name: `${name} (Chromium)`, value: ms, unit: 'ms', note: `${refreshed.days} days, ${refreshed.recounted} clients recounted after the seed; ${loadNote()}` });
    }
    await page.evaluate((at) => window.__touchbookInsightsBench.aggregated(at), now); // warm-up
    const aggregated = await page.evaluate((at) => window.__touchbookInsightsBench.aggregated(at), now);
    for (const [name, ms] of Object.entries(aggregated.ms)) {
      rows.push({ name: `${name} (Chromium)`, value: ms, unit: 'ms', budget: BUDGET.figureMs, note: `last 12 months: ${aggregated.rows.days} days, ${aggregated.rows.clients} client rows read; ${loadNote()}` });
    }

    await page.evaluate((at) => window.__touchbookInsightsBench.figures(at), now); // warm-up
    const measured = await page.evaluate((at) => window.__touchbookInsightsBench.figures(at), now);
    for (const [name, ms] of Object.entries(measured.ms)) {
      // From raw rows: the fallback when the aggregates are in another zone, and the "before".
      rows.push({ name: `raw rows: ${name} (Chromium)`, value: ms, unit: 'ms', note: `the fallback path; last 12 months: ${measured.rows.purchases} purchases, ${measured.rows.touches} touches read; ${loadNote()}` });
    }

    const firstCharts = [];
    const everyFigure = [];
    /** @type {Array<Record<string, number>>} the page's performance marks (lib/insights/marks.ts), per load */
    const marks = [];
    // The last sections to appear are the per-client lists (churn) and the book's (objections).
    const LAST_SECTIONS = '[data-testid="section-churn-clients"] ~ [data-testid="section-objections"], [data-testid="section-objections"]';
    for (let load = 0; load < LOADS; load++) {
      const insights = await session.browser.newPage();
      await insights.evaluateOnNewDocument((last) => {
        new MutationObserver((_changes, observer) => {
          const win = /** @type {any} */ (window);
          if (!win.__firstChartAt && document.querySelector('.tb-chart canvas')) win.__firstChartAt = performance.now();
          if (!win.__everyFigureAt && document.querySelector(last)) win.__everyFigureAt = performance.now();
          if (win.__firstChartAt && win.__everyFigureAt) observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      }, LAST_SECTIONS);
      await insights.goto(`${session.baseUrl}insights.html`);
      await insights.waitForSelector('.tb-chart canvas', { timeout: 30_000 });
      await insights.waitForSelector(LAST_SECTIONS, { timeout: 30_000 });
      firstCharts.push(await insights.evaluate(() => /** @type {any} */ (window).__firstChartAt));
      everyFigure.push(await insights.evaluate(() => /** @type {any} */ (window).__everyFigureAt));
      marks.push(
        await insights.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('insights:')).map((mark) => [mark.name.slice('insights:'.length), mark.startTime]))),
      );
      await insights.close();
    }
    rows.push({
      name: `insights.html: navigation -> every figure shown (Chromium, best of ${LOADS})`,
      value: Math.min(...everyFigure),
      unit: 'ms',
      budget: BUDGET.figureMs,
      note: `loads ${everyFigure.map((ms) => ms.toFixed(0)).join(' / ')} ms (median ${median(everyFigure).toFixed(0)}); ${sizeNote}; ${loadNote()}`,
    });
    rows.push({
      name: `insights.html: navigation -> first chart drawn (Chromium, best of ${LOADS})`,
      value: Math.min(...firstCharts),
      unit: 'ms',
      budget: BUDGET.firstChartMs,
      note: `loads ${firstCharts.map((ms) => ms.toFixed(0)).join(' / ')} ms (median ${median(firstCharts).toFixed(0)}); ${sizeNote}; ${loadNote()}`,
    });
    rows.push(...breakdownRows(marks));
    const firstMedian = median(firstCharts);
    const everyMedian = median(everyFigure);
    console.log(`  first chart ${firstMedian.toFixed(0)} ms median (budget ${BUDGET.firstChartMs} ms), every figure ${everyMedian.toFixed(0)} ms median (budget ${BUDGET.figureMs} ms); ${loadNote()}`);
    return rows;
  } catch (error) {
    return [...rows, errorRow('Insights at scale', error, { unit: 'ms', budget: BUDGET.figureMs })];
  } finally {
    await session?.close();
  }
}

/**
 * The Insights page's own scripts and styles as the browser loads them at first (the HTML's
 * tags), each gzipped, then their sum. Chunks the page imports later (CSV export) are not in it.
 * @returns {BenchRow[]}
 */
function bundleRows(extensionDir) {
  const html = readFileSync(path.join(extensionDir, 'insights.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1].replace(/^\//, ''));
  const sizes = files.map((file) => {
    const bytes = readFileSync(path.join(extensionDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
  const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
  return [
    ...sizes
      .sort((a, b) => b.gzip - a.gzip)
      .map((size) => ({ name: `insights.html chunk ${size.file.replace(/-[\w-]{8}(\.\w+)$/, '$1')} (gzip -9)`, value: size.gzip / 1024, unit: 'KB', note: `${(size.raw / 1024).toFixed(1)} KB raw; ${size.file}` })),
    { name: 'insights.html bundle (scripts + styles it loads, gzip -9)', value: total / 1024, unit: 'KB', note: `${(raw / 1024).toFixed(1)} KB raw, ${files.length} files` },
  ];
}

/**
 * Where the time to the first chart goes, from the page's marks (lib/insights/marks.ts): the
 * median of each moment since navigation, and the step from the one before. No budgets: the
 * budgets are on the first chart and every figure.
 * @param {Array<Record<string, number>>} marks
 * @returns {BenchRow[]}
 */
function breakdownRows(marks) {
  const STEPS = [
    ['entry', 'entry chunks fetched and evaluated'],
    ['settings', 'settings in'],
    ['locale', 'words in'],
    ['first-read', 'first screen read (database opened)'],
    ['first-view', 'first screen counted and formatted'],
    ['chart-start', 'first render, chart code reached'],
    ['chart-drawn', 'uPlot drew the first chart'],
    ['every-figure', 'every figure counted'],
  ];
  /** @type {BenchRow[]} */
  const rows = [];
  let before = 0;
  for (const [mark, what] of STEPS) {
    const at = median(marks.map((load) => load[mark]).filter((value) => typeof value === 'number'));
    if (!Number.isFinite(at)) continue;
    rows.push({ name: `insights.html breakdown: ${mark} (${what})`, value: at, unit: 'ms', note: `+${(at - before).toFixed(0)} ms after the step before; median of ${marks.length} loads since navigation` });
    before = at;
  }
  return rows;
}

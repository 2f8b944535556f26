// What Touchbook costs the CRM page it reads: main-thread time of the host page with the
// extension enabled on the site against the same page where it is not enabled, in one Chromium
// run. Budget: under 5% extra main-thread time.
//
// How:
// - one Chromium with the demo build; the demo server is enabled in Touchbook's options as
//   http://127.0.0.1:<port>, so the content script is registered there (document_idle);
// - the same server is reached as http://localhost:<port> too: a different origin, which is not
//   enabled, so no content script - the "site disabled" profile, in the same browser and profile
//   (same binary, caches, flags); a warm-up load checks that Touchbook's isolated world exists on
//   the first origin and not on the second;
// - two pages: the demo CRM card (/clients/c-101) and a synthetic 50,000-node record page
//   (test/bench/extraction-page.ts, "busy" shape, bundled with esbuild);
// - each load is a fresh tab: navigate, wait for `load` and 2 more seconds (the content script
//   reads once the page settles, its watcher polls every second: that work must be in the
//   window), then read CDP Performance metrics (page.metrics()). They count from the document's
//   commit (checked: a new navigation resets them), so the figure is the page's main-thread task
//   time (TaskDuration; ScriptDuration for script alone) from navigation to load + 2 s;
// - loads alternate with / without, LOADS of each per page after one warm-up pair; the overhead is
//   estimated three ways (whole-page medians, paired differences, script time alone: see below).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserAvailable } from '../lib/browser-session.mjs';
import { OptionsPage } from '../lib/pages.mjs';
import { startDemoServer } from '../serve-demo.mjs';
import { errorRow, loadNote, median, sleep } from './lib/common.mjs';
import { demoExtensionDir, launchChromiumWith } from './lib/demo-build.mjs';
import { importTs } from './lib/ts.mjs';

const LOADS = 12;
const SETTLE_MS = 2_000;
const BUDGET_PERCENT = 5;
const PAGES = [
  { label: 'demo CRM card', path: '/clients/c-101' },
  { label: '50,000-node record page', path: '/bench-pages/record-50k.html' },
];

/** @typedef {import('puppeteer-core').Browser} Browser */

export async function run() {
  /** @type {import('./lib/common.mjs').BenchRow[]} */
  const rows = [];
  /** @type {Set<string>} */
  const done = new Set();
  const failAll = (/** @type {unknown} */ error) =>
    PAGES.filter((page) => !done.has(page.label)).map((page) => errorRow(`extra main-thread time, ${page.label}`, error, { unit: '%', budget: BUDGET_PERCENT }));
  if (!browserAvailable('chromium')) return failAll(new Error('chromium is not installed (apt-get install chromium)'));

  const pagesDir = mkdtempSync(path.join(os.tmpdir(), 'touchbook-bench-pages-'));
  /** @type {Awaited<ReturnType<typeof startDemoServer>> | null} */
  let demo = null;
  /** @type {Awaited<ReturnType<typeof launchChromiumWith>> | null} */
  let session = null;
  try {
    const { syntheticRecordPage } = await importTs('test/bench/extraction-page.ts');
    const synthetic = syntheticRecordPage(50_000, 'busy');
    writeFileSync(path.join(pagesDir, 'record-50k.html'), synthetic.html);

    const extensionDir = await demoExtensionDir();
    demo = await startDemoServer({ extraRoutes: { '/bench-pages/': pagesDir } });
    const enabledOrigin = demo.url; // http://127.0.0.1:<port>
    const otherOrigin = demo.url.replace('127.0.0.1', 'localhost');
    session = await launchChromiumWith(extensionDir);
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(enabledOrigin);
    const extensionOrigin = session.baseUrl.replace(/\/$/, ''); // URL.origin is "null" for chrome-extension:

    for (const page of PAGES) {
      const name = `extra main-thread time, ${page.label}`;
      done.add(page.label);
      try {
        const withUrl = `${enabledOrigin}${page.path}`;
        const withoutUrl = `${otherOrigin}${page.path}`;
        // Warm-up pair (discarded), which also proves the set-up: Touchbook runs on one, not the other.
        const warmWith = await load(session.browser, withUrl, extensionOrigin);
        const warmWithout = await load(session.browser, withoutUrl, extensionOrigin);
        if (!warmWith.contentScript) throw new Error(`Touchbook's content script did not run on ${withUrl}`);
        if (warmWithout.contentScript) throw new Error(`Touchbook's content script ran on ${withoutUrl}, which is not enabled`);

        const loadBefore = loadNote();
        /** @type {Array<{ task: number, script: number }>} */
        const withRuns = [];
        /** @type {Array<{ task: number, script: number }>} */
        const withoutRuns = [];
        for (let index = 0; index < LOADS; index++) {
          // Alternate which goes first, so a slow spell of the machine hits both alike.
          const order = index % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
          for (const variant of order) {
            if (variant === 'with') withRuns.push(await load(session.browser, withUrl, null));
            else withoutRuns.push(await load(session.browser, withoutUrl, null));
          }
        }
        const taskWith = median(withRuns.map((run) => run.task));
        const taskWithout = median(withoutRuns.map((run) => run.task));
        const scriptWith = median(withRuns.map((run) => run.script));
        const scriptWithout = median(withoutRuns.map((run) => run.script));
        const pairDiffs = withRuns.map((run, index) => run.task - (withoutRuns[index]?.task ?? NaN));
        const machine = `${loadBefore} -> ${loadNote()}`;
        // Three estimates of the same overhead, in % of the page's own main-thread time:
        // - whole: median(with) / median(without) - 1 of TaskDuration, as the budget is worded;
        // - paired: the median of with-minus-without over the alternating pairs;
        // - script: ScriptDuration with minus without. On these pages the difference is
        //   Touchbook's own JavaScript (the 50,000-node page runs none of its own), so it is a
        //   lower bound (it leaves out the style and layout work the script causes) and far less
        //   noisy than whole-page time, which swings by hundreds of ms on a busy machine.
        // The budget row reports the whole-page figure unless the lower bound is higher: then the
        // whole-page figure is noise, and the overhead is at least the lower bound.
        const whole = (100 * (taskWith - taskWithout)) / taskWithout;
        const paired = (100 * median(pairDiffs)) / taskWithout;
        const script = (100 * (scriptWith - scriptWithout)) / taskWithout;
        rows.push({
          name,
          value: Math.max(whole, script),
          unit: '%',
          budget: BUDGET_PERCENT,
          note: `${script > whole ? 'script-time lower bound (the whole-page figure is below it: noise)' : 'whole-page figure'}; TaskDuration median of ${LOADS}: ${taskWith.toFixed(1)} ms with vs ${taskWithout.toFixed(1)} ms without (navigation to load + ${SETTLE_MS / 1000} s); ${machine}`,
        });
        rows.push({ name: `  ${page.label}: whole-page estimate (ratio of TaskDuration medians)`, value: whole, unit: '%' });
        rows.push({
          name: `  ${page.label}: paired estimate (median of with - without)`,
          value: paired,
          unit: '%',
          note: `${median(pairDiffs).toFixed(1)} ms; pairs range ${Math.min(...pairDiffs).toFixed(1)}..${Math.max(...pairDiffs).toFixed(1)} ms: the spread of whole-page time on this machine`,
        });
        rows.push({
          name: `  ${page.label}: script-time lower bound (ScriptDuration with - without)`,
          value: script,
          unit: '%',
          note: `ScriptDuration median ${scriptWith.toFixed(1)} ms with vs ${scriptWithout.toFixed(1)} ms without`,
        });
      } catch (error) {
        rows.push(errorRow(name, error, { unit: '%', budget: BUDGET_PERCENT }));
      }
    }
    return rows;
  } catch (error) {
    return [...rows, ...failAll(error)];
  } finally {
    await session?.close();
    await demo?.close();
    rmSync(pagesDir, { recursive: true, force: true });
  }
}

/**
 * One load in a fresh tab; main-thread time in ms. With `extensionOrigin`, also reports whether
 * Touchbook's content script created its isolated world in the page (warm-up loads only: the
 * Runtime domain it needs adds work of its own).
 * @param {Browser} browser @param {string} url @param {string | null} extensionOrigin
 */
async function load(browser, url, extensionOrigin) {
  const page = await browser.newPage();
  try {
    /** @type {string[]} */
    const worlds = [];
    if (extensionOrigin) {
      const cdp = await page.createCDPSession();
      cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context.origin));
      await cdp.send('Runtime.enable');
    }
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await sleep(SETTLE_MS);
    const metrics = await page.metrics();
    return {
      task: (metrics.TaskDuration ?? NaN) * 1000,
      script: (metrics.ScriptDuration ?? NaN) * 1000,
      contentScript: extensionOrigin ? worlds.includes(extensionOrigin) : null,
    };
  } finally {
    await page.close();
  }
}

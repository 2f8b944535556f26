// @vitest-environment node
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../scripts/bench/lib/ts.mjs';
import { syntheticRecordPage } from './extraction-page';
import { printTable, saveResults, summarize, type Measurement } from './extraction-results';

/**
 * The same measurement in a real browser: the extractor is bundled as the content script bundles
 * it, the synthetic page is loaded in headless Chromium, and each run follows a DOM change and
 * the frame that renders it - as in the content script, which reads a changed page only after
 * the watcher's debounce. Skipped when no Chromium is installed; CHROMIUM_PATH overrides where it
 * is looked for.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SIZES = [
  { nodes: 5_000, shape: 'busy', runs: 100 },
  { nodes: 50_000, shape: 'busy', runs: 30 },
  { nodes: 50_000, shape: 'dense', runs: 30 },
] as const;
/**
 * Rounds per size; the round with the lowest median is kept ("best of five"), so another
 * process busy on the machine for a moment does not decide the result. Its max still counts.
 */
const ROUNDS = 5;
const BUDGET = { medianMsAt5k: 2, maxMs: 50, growth: 12 };

let browser: Browser | null = null;
let extractorSource = '';
const results: Measurement[] = [];

describe.skipIf(!existsSync(CHROMIUM))('extraction speed in Chromium', () => {
  beforeAll(async () => {
    // As wxt.config.ts builds the content script: a production bundle, the label tables ready-made.
    extractorSource = await bundleForBrowser('lib/crm/extract.ts', { globalName: 'touchbookExtract', asContentScript: true });
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (results.length < SIZES.length) return;
    printTable('Chromium (headless)', results);
    saveResults('chromium', results, { browser: await versionOf(CHROMIUM), bundleBytes: extractorSource.length });
    const [small, large] = results as [Measurement, Measurement, Measurement];
    expect(small.medianMs).toBeLessThanOrEqual(BUDGET.medianMsAt5k);
    expect(Math.max(...results.map((row) => row.maxMs))).toBeLessThanOrEqual(BUDGET.maxMs);
    expect(large.medianMs / small.medianMs).toBeLessThanOrEqual(BUDGET.growth);
  });

  for (const size of SIZES) {
    it(`reads a ${size.shape} ${size.nodes.toLocaleString('en')}-node record page`, async () => {
      const synthetic = syntheticRecordPage(size.nodes, size.shape);
      const page = await browser!.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.setContent(synthetic.html, { waitUntil: 'load' });
      await page.addScriptTag({ content: extractorSource });
      const rounds: Round[] = [];
      for (let round = 0; round < ROUNDS; round += 1) rounds.push(await measureRound(page, synthetic.url, size.runs));
      await page.close();
      const best = rounds.map((round) => ({ ...round, summary: summarize(size.shape, synthetic.nodes, round.times) })).sort((a, b) => a.summary.medianMs - b.summary.medianMs)[0]!;
      expect(best.snapshot?.name).toBe('Olivia Bennett');
      expect(best.snapshot?.emails).toEqual(['olivia@northwind.example']);
      results.push(best.summary);
    });
  }
});

interface Round {
  times: number[];
  snapshot: { name: string | null; emails: string[] } | null;
}

/** One round in the page: change the DOM, let a frame render it, then time one extraction. */
async function measureRound(page: Page, pageUrl: string, runs: number): Promise<Round> {
  return page.evaluate(async (url: string, count: number) => {
    type Extract = (doc: Document, href: string) => Round['snapshot'];
    const extract = (window as unknown as { touchbookExtract: { extractSnapshot: Extract } }).touchbookExtract.extractSnapshot;
    const marker = document.querySelector('.user')!;
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const times: number[] = [];
    let snapshot: Round['snapshot'] = null;
    for (let run = 0; run < count + 5; run += 1) {
      marker.textContent = `Daniel Novak ${run}`;
      await nextFrame();
      const started = performance.now();
      snapshot = extract(document, url);
      const elapsed = performance.now() - started;
      if (run >= 5) times.push(elapsed); // the first five warm the JIT up
    }
    return { times, snapshot };
  }, pageUrl, runs);
}

async function versionOf(executable: string): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => execFile(executable, ['--version'], (error, stdout) => resolve(error ? 'unknown' : stdout.trim())));
}

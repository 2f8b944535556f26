import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../lib/crm/extract';
import { countNodes, syntheticRecordPage } from './extraction-page';
import { printTable, saveResults, summarize, type Measurement } from './extraction-results';

/**
 * Extraction time on synthetic record pages (extraction-page.ts) of 5,000 and 50,000 nodes, in
 * happy-dom: a busy page of each size and a dense 50,000-node page where nothing can be skipped.
 * happy-dom's DOM is implemented in JavaScript, several times slower than a browser's and with
 * costs of its own that grow faster than the page (measured: 16x the time for 10x the nodes where
 * Chromium takes 7x), so its figures are reported without budgets; extraction-chromium.bench.ts
 * holds the browser to the real ones (2 ms median at 5,000 nodes, growth no worse than linear,
 * no run over 50 ms).
 *
 *   npx vitest run --config vitest.bench.config.ts test/bench/extraction
 */
const SIZES = [
  { nodes: 5_000, shape: 'busy', runs: 60 },
  { nodes: 50_000, shape: 'busy', runs: 20 },
  { nodes: 50_000, shape: 'dense', runs: 20 },
] as const;
const WARM_UP_RUNS = 5;

const results: Measurement[] = [];

describe('extraction speed in happy-dom', () => {
  for (const size of SIZES) {
    it(`reads a ${size.shape} ${size.nodes.toLocaleString('en')}-node record page`, () => {
      const page = syntheticRecordPage(size.nodes, size.shape);
      const window = new Window({ url: page.url, settings: { disableJavaScriptEvaluation: true } });
      window.document.write(page.html);
      const document = window.document as unknown as Document;
      const nodes = countNodes(document.documentElement);
      expect(Math.abs(nodes - size.nodes) / size.nodes).toBeLessThan(0.05);

      const check = extractSnapshot(document, page.url);
      expect(check?.name).toBe('Olivia Bennett');
      expect(check?.emails).toEqual(['olivia@northwind.example']);

      // Each run follows a small DOM change, as extraction does in the content script (and so
      // happy-dom's query caches cannot make repeated runs look faster than they are).
      const marker = document.querySelector('.user')!;
      const times: number[] = [];
      for (let run = 0; run < WARM_UP_RUNS + size.runs; run += 1) {
        marker.textContent = `Daniel Novak ${run}`;
        const started = performance.now();
        extractSnapshot(document, page.url);
        const elapsed = performance.now() - started;
        if (run >= WARM_UP_RUNS) times.push(elapsed);
      }
      results.push(summarize(size.shape, nodes, times));
      window.close();
    });
  }
});

afterAll(() => {
  if (results.length < SIZES.length) return;
  printTable('happy-dom', results);
  saveResults('happyDom', results);
});

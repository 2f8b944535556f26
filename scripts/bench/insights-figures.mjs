// The Insights figures (lib/insights): test/bench/insights.bench.ts in vitest computes every
// figure at 10,000 clients / 100,000 touches / 50,000 purchases and reports ms per figure
// (median of 5 runs; budget 1 s each).
import path from 'node:path';
import { errorRow, loadNote, readFreshResults, runCommand } from './lib/common.mjs';

const RESULTS_FILE = path.resolve('bench/results/insights.json');

/** @typedef {import('./lib/common.mjs').BenchRow} BenchRow */

export async function run() {
  const started = Date.now();
  const loadBefore = loadNote();
  const { code, timedOut } = await runCommand('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts', 'test/bench/insights.bench.ts'], {
    timeoutMs: 240_000,
  });
  try {
    /** @type {{ rows: BenchRow[] }} */
    const result = readFreshResults(RESULTS_FILE, started);
    const status = timedOut ? 'vitest timed out' : code !== 0 ? `vitest exited ${code} (a budget assertion failed)` : '';
    const note = [status, `${loadBefore} -> ${loadNote()}`].filter(Boolean).join('; ');
    return result.rows.map((row) => ({ ...row, note: row.note ? `${row.note}; ${note}` : note }));
  } catch (error) {
    return [errorRow('every Insights figure', timedOut ? new Error('vitest timed out') : error, { unit: 'ms', budget: 1_000 })];
  }
}

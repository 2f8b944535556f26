// `npm run bench`: runs every benchmark in scripts/bench/, writes bench/results.json and prints a
// table against the budgets. Benchmarks measure; they never fail the test suite. Pass names to
// run a subset: `npm run bench -- bundle-size`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ name: string, value: number, unit: string, budget?: number, note?: string }} BenchRow
 *   `budget` is the upper bound the project promises, in the same unit.
 */

const benchDir = path.resolve('scripts/bench');
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.mjs'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

/** @type {Array<BenchRow & { suite: string, ok: boolean | null }>} */
const rows = [];
for (const file of files) {
  const suite = file.replace(/\.mjs$/, '');
  console.log(`▶ ${suite}`);
  try {
    const module = await import(pathToFileURL(path.join(benchDir, file)).href);
    /** @type {BenchRow[]} */
    const measured = await module.run();
    for (const row of measured) rows.push({ suite, ...row, ok: row.budget === undefined ? null : row.value <= row.budget });
  } catch (error) {
    console.error(`  ${suite} failed:`, error);
    rows.push({ suite, name: 'error', value: NaN, unit: '', note: String(error), ok: false });
  }
}

// A subset run (`npm run bench -- lifecycle`) replaces only its own suites' rows.
const previous = only.length && existsSync('bench/results.json') ? JSON.parse(readFileSync('bench/results.json', 'utf8')).rows ?? [] : [];
const ranSuites = new Set(rows.map((row) => row.suite));
rows.unshift(...previous.filter((/** @type {{ suite: string }} */ row) => !ranSuites.has(row.suite)));

const result = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  rows,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(result, null, 2)}\n`);

const format = (/** @type {number} */ value) => (Number.isFinite(value) ? (Math.round(value * 100) / 100).toString() : 'n/a');
const table = rows.map((row) => ({
  suite: row.suite,
  measure: row.name,
  value: `${format(row.value)} ${row.unit}`,
  budget: row.budget === undefined ? '' : `<= ${format(row.budget)} ${row.unit}`,
  status: row.ok === null ? '' : row.ok ? 'ok' : 'OVER',
  note: row.note ?? '',
}));
console.table(table);
console.log('Results written to bench/results.json');

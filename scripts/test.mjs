// `npm test`: everything CI checks, in order, each step reported, failing if any step fails.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { run } from './lib/run.mjs';

const RESULTS = '.test-results';
const json = (/** @type {string} */ name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/${name}.json`];
rmSync(RESULTS, { recursive: true, force: true });

/** @type {Array<[string, string, string[]]>} */
const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit tests', 'npx', ['vitest', 'run', ...json('unit')]],
  ['build (Chrome + Firefox)', 'npm', ['run', '--silent', 'build']],
  ['web-ext lint (Firefox build)', 'npm', ['run', '--silent', 'lint:firefox']],
  ['end-to-end tests (Chromium + Firefox)', 'node', ['scripts/e2e.mjs', ...json('e2e')]],
];

const results = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const code = await run(command, args);
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\nSummary');
for (const { name, ok, seconds } of results) console.log(`  ${ok ? '✔' : '✖'} ${name} (${seconds.toFixed(1)} s)`);
const failedSteps = results.filter((result) => !result.ok).length;
console.log(`steps: ${results.length - failedSteps} passed, ${failedSteps} failed`);

// The closing line counts tests, from vitest's JSON reports (unit and end-to-end together).
let passed = 0;
let failed = 0;
for (const name of ['unit', 'e2e']) {
  const file = `${RESULTS}/${name}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}
console.log(`tests: ${passed} passed, ${failed + failedSteps} failed`);
process.exit(failedSteps ? 1 : 0);

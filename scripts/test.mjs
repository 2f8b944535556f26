// `npm test`: everything CI checks, in order, each step reported, failing if any step fails.
import { run } from './lib/run.mjs';

/** @type {Array<[string, string, string[]]>} */
const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build (Chrome + Firefox)', 'npm', ['run', '--silent', 'build']],
  ['web-ext lint (Firefox build)', 'npm', ['run', '--silent', 'lint:firefox']],
  ['end-to-end tests (Chromium + Firefox)', 'node', ['scripts/e2e.mjs']],
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
const failed = results.filter((result) => !result.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

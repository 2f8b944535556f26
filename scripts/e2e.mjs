// End-to-end tests: builds the demo flavour of the extension and drives it in every installed
// browser. On CI a missing browser is a failure; elsewhere it is skipped with a loud message.
import { browserAvailable, EXECUTABLES } from './lib/browser-session.mjs';
import { BROWSER_PACKAGES, run } from './lib/run.mjs';

const wanted = /** @type {Array<'chromium' | 'firefox'>} */ (
  (process.env.TOUCHBOOK_E2E_BROWSERS ?? 'chromium,firefox').split(',').map((name) => name.trim())
);
const missing = wanted.filter((name) => !browserAvailable(name));
const present = wanted.filter((name) => browserAvailable(name));

for (const name of missing) {
  const message = `${name} is not installed (${EXECUTABLES[name]}): install it with \`sudo apt-get install -y ${BROWSER_PACKAGES[name]}\``;
  if (process.env.CI === 'true') {
    console.error(`✖ ${message}. CI needs every browser.`);
    process.exit(1);
  }
  console.warn(`\n${'!'.repeat(80)}\n!! SKIPPING end-to-end tests in ${name}: ${message}\n${'!'.repeat(80)}\n`);
}
if (present.length === 0) process.exit(0);

const extraArgs = process.argv.slice(2);
let code = await run('npm', ['run', '--silent', 'build:demo']);
if (code === 0) {
  code = await run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...extraArgs], {
    env: { TOUCHBOOK_E2E_BROWSERS: present.join(',') },
  });
}
process.exit(code);

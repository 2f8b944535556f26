// The demo build of the extension (the shipped build plus the 127.0.0.1 host grant that a
// headless browser cannot give itself, see wxt.config.ts), built once per `npm run bench` into a
// private temp folder. `npm run build:demo` writes .output-demo/, which other people's test runs
// in this checkout rebuild at any moment; a browser loading an extension whose files are being
// replaced measures nothing. Same config, same code, Chromium only, its own output folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_BUILDS, launchWithExtension } from '../../lib/browser-session.mjs';
import { runCommand } from './common.mjs';

/** @type {Promise<string> | null} */
let built = null;

/** @returns {Promise<string>} the folder of the Chromium demo build (has manifest.json) */
export function demoExtensionDir() {
  built ??= buildOnce();
  return built;
}

async function buildOnce() {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'touchbook-bench-demo-'));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  const script = `const { build } = await import('wxt'); await build({ outDir: ${JSON.stringify(outDir)}, browser: 'chrome' });`;
  const { code, tail } = await runCommand(process.execPath, ['--input-type=module', '-e', script], {
    env: { TOUCHBOOK_DEMO_BUILD: '1' },
    timeoutMs: 240_000,
    echo: false,
  });
  const dir = path.join(outDir, 'chrome-mv3');
  if (code !== 0 || !existsSync(path.join(dir, 'manifest.json'))) throw new Error(`demo build failed (exit ${code}): ${tail.split('\n').slice(-3).join(' ')}`);
  return dir;
}

/**
 * `launchWithExtension('chromium')` with another extension folder: it reads DEMO_BUILDS when it
 * launches, so the folder is swapped in for the launch only.
 * @param {string} extensionDir
 */
export async function launchChromiumWith(extensionDir) {
  const previous = DEMO_BUILDS.chromium;
  DEMO_BUILDS.chromium = extensionDir;
  try {
    return await launchWithExtension('chromium');
  } finally {
    DEMO_BUILDS.chromium = previous;
  }
}

// TypeScript in the benchmark scripts: Node cannot import the project's .ts modules, so every
// bench script bundles what it needs with esbuild (the same tool, one way, everywhere):
//   - importTs(): a Node ESM bundle written to a temp file and imported;
//   - bundleForBrowser(): an IIFE to evaluate in a browser page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Imports a TypeScript (or JavaScript) module of the project, with everything it imports bundled.
 * @param {string} entry path from the repository root, e.g. 'lib/book/validate.ts'
 * @returns {Promise<any>}
 */
export async function importTs(entry) {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // Modules that branch on the demo build read this (the shipped value is false); outside a
    // Vite build the label tables are built at run time (see lib/crm/labels/tables.ts).
    define: { __TOUCHBOOK_DEMO_BUILD__: 'false', 'import.meta.env.PROD': 'false' },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'touchbook-bench-ts-'));
  const file = path.join(dir, `${path.basename(entry).replace(/\.[cm]?[jt]sx?$/, '')}.mjs`);
  try {
    writeFileSync(file, result.outputFiles[0]?.text ?? '');
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Bundles an entry for a browser page as one classic script that sets `globalName`.
 * @param {string} entry @param {{ globalName?: string, minify?: boolean }} [options]
 * @returns {Promise<string>}
 */
export async function bundleForBrowser(entry, { globalName, minify = true } = {}) {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    ...(globalName ? { globalName } : {}),
    target: 'chrome120',
    minify,
    write: false,
    logLevel: 'silent',
    define: { __TOUCHBOOK_DEMO_BUILD__: 'false', 'import.meta.env.PROD': 'false' },
  });
  return result.outputFiles[0]?.text ?? '';
}

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
 * Bundles an entry for a browser page as one classic script that sets `globalName`. `entry` is a
 * path from the repository root, or `{ contents }`: TypeScript whose imports resolve from there.
 * `asContentScript` builds it as wxt.config.ts builds the CRM content script: a production
 * build with the label tables ready-made.
 * @param {string | { contents: string }} entry
 * @param {{ globalName?: string, minify?: boolean, asContentScript?: boolean }} [options]
 * @returns {Promise<string>}
 */
export async function bundleForBrowser(entry, { globalName, minify = true, asContentScript = false } = {}) {
  const define = asContentScript
    ? { __TOUCHBOOK_DEMO_BUILD__: 'false', 'import.meta.env.PROD': 'true', __TOUCHBOOK_LABEL_TABLES__: JSON.stringify(await labelTables()) }
    : { __TOUCHBOOK_DEMO_BUILD__: 'false', 'import.meta.env.PROD': 'false' };
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [path.resolve(entry)] } : { stdin: { contents: entry.contents, loader: 'ts', resolveDir: path.resolve('.') } }),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    ...(globalName ? { globalName } : {}),
    target: 'chrome120',
    minify,
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    define,
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The label tables as wxt.config.ts puts them in the content script. */
async function labelTables() {
  const [{ buildLabelTables }, { LANGUAGES }] = await Promise.all([importTs('lib/crm/labels/tables.ts'), importTs('lib/crm/labels/languages.ts')]);
  return buildLabelTables(LANGUAGES);
}

// Size of what each browser context loads, gzipped, from the production build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { run as exec } from '../lib/run.mjs';

const BUILD = '.output/chrome-mv3';

/** @param {string} file */
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/**
 * What an HTML page loads, gzipped: the files its tags name (module script, modulepreload links,
 * stylesheets) and every chunk those import statically, found by following the `import` and
 * `from` specifiers in the built JS (the modulepreload list is Vite's guess, not the truth).
 * Dynamic `import()`s load later, on demand: they are listed apart, not counted.
 * @param {string} html
 * @returns {{ kb: number, note: string }}
 */
function pageWeight(html) {
  const source = readFileSync(path.join(BUILD, html), 'utf8');
  const named = [...source.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => path.normalize(match[1] ?? ''));
  const own = named.find((file) => file.endsWith('.js'));
  /** @type {Set<string>} */
  const loaded = new Set();
  /** @type {Set<string>} */
  const lazy = new Set();
  const queue = [...named];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (loaded.has(file)) continue;
    loaded.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(path.join(BUILD, file), 'utf8');
    const resolve = (/** @type {string} */ specifier) => path.normalize(specifier.startsWith('/') ? specifier.slice(1) : path.join(path.dirname(file), specifier));
    for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*["']((?:\.{1,2}\/|\/)[^"']+\.js)["']/g)) queue.push(resolve(match[1] ?? ''));
    for (const match of code.matchAll(/\bimport\(\s*["']((?:\.{1,2}\/|\/)[^"']+\.js)["']\s*\)/g)) lazy.add(resolve(match[1] ?? ''));
  }
  for (const file of loaded) lazy.delete(file);
  const sizes = [...loaded].map((file) => ({ file, kb: gzipped(path.join(BUILD, file)) }));
  const kb = sizes.reduce((total, entry) => total + entry.kb, 0);
  const ownKb = sizes.find((entry) => entry.file === own)?.kb ?? 0;
  const shared = sizes.filter((entry) => entry.file !== own).map((entry) => `${path.basename(entry.file)} ${entry.kb.toFixed(1)}`);
  const note = `own ${own ? path.basename(own) : '?'} ${ownKb.toFixed(1)} KB + ${shared.join(', ') || 'nothing shared'}${lazy.size ? `; on demand, not counted: ${[...lazy].map((file) => path.basename(file)).join(', ')}` : ''}`;
  return { kb, note };
}

export async function run() {
  if ((await exec('npx', ['wxt', 'build'])) !== 0) throw new Error('build failed');
  // The CRM reader is an unlisted script at the root (see entrypoints/crm.ts); the picker is a WXT content script.
  const contentScripts = ['crm.js', ...readdirSync(path.join(BUILD, 'content-scripts')).filter((file) => file.endsWith('.js')).map((file) => `content-scripts/${file}`)];
  return [
    ...contentScripts.map((file) => ({
      name: `content script ${path.basename(file)} (gzip)`,
      value: gzipped(path.join(BUILD, file)),
      unit: 'KB',
      // Issue 17: the page reads natively and sends a digest; the analysis runs off the page.
      budget: file === 'crm.js' ? 15 : undefined,
      note:
        file === 'crm.js'
          ? 'registered for enabled sites, runs on every CRM page'
          : file === 'content-scripts/picker.js'
            ? 'injected on demand only (teaching a field), not on page load'
            : undefined,
    })),
    { name: 'background.js (gzip)', value: gzipped(path.join(BUILD, 'background.js')), unit: 'KB', budget: 120, note: "Chrome's service worker: what every wake-up loads" },
    ...['sidepanel', 'popup', 'options'].map((page) => {
      const { kb, note } = pageWeight(`${page}.html`);
      return { name: `${page === 'sidepanel' ? 'side panel' : page} page (gzip, own + imported chunks + CSS)`, value: kb, unit: 'KB', note };
    }),
    {
      name: 'whole extension (unpacked)',
      value: walk(BUILD).reduce((total, file) => total + statSync(file).size, 0) / 1024,
      unit: 'KB',
    },
  ];
}

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

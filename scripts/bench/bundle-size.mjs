// Size of what each browser context loads, gzipped, from the production build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { run as exec } from '../lib/run.mjs';

const BUILD = '.output/chrome-mv3';

/** @param {string} file */
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Gzipped size of an HTML page's own script and the chunks it imports (approximated by all chunks it names). */
function pageWeight(/** @type {string} */ html) {
  const source = readFileSync(path.join(BUILD, html), 'utf8');
  const scripts = [...source.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  return scripts.reduce((total, file) => total + gzipped(path.join(BUILD, file)), 0);
}

export async function run() {
  if ((await exec('npx', ['wxt', 'build'])) !== 0) throw new Error('build failed');
  const contentScripts = readdirSync(path.join(BUILD, 'content-scripts')).filter((file) => file.endsWith('.js'));
  return [
    ...contentScripts.map((file) => ({
      name: `content script ${file} (gzip)`,
      value: gzipped(path.join(BUILD, 'content-scripts', file)),
      unit: 'KB',
      budget: file === 'crm.js' ? 30 : undefined,
    })),
    { name: 'background.js (gzip)', value: gzipped(path.join(BUILD, 'background.js')), unit: 'KB' },
    { name: 'side panel page (gzip, own + preloaded)', value: pageWeight('sidepanel.html'), unit: 'KB' },
    { name: 'popup page (gzip, own + preloaded)', value: pageWeight('popup.html'), unit: 'KB' },
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

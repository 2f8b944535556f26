// Backups at the size of issue 16, in real Chromium and Firefox with the demo build: a 200,000-touch
// file (~120 MB, past Chrome's 64 MiB runtime message limit) restored through the settings page,
// saved again, and the saved file restored. Times come from the page's own progress bar (when each
// step was first and last seen), so they are what a manager waits. test/e2e/backup.e2e.ts runs the
// same flow at 20,000 touches to keep the suite short.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigBackup } from '../lib/big-backup.mjs';
import { browserAvailable, launchWithExtension } from '../lib/browser-session.mjs';
import { BackupSection, waitFor } from '../lib/pages.mjs';
import { run as exec } from '../lib/run.mjs';

const TOUCHES = 200_000;
const CLIENTS = 1_000;
const LONG = 10 * 60_000;

/** @param {Record<string, [number, number]>} seen */
const span = (seen) => {
  const times = Object.values(seen).flat();
  return times.length ? Math.max(...times) - Math.min(...times) : NaN;
};
/** @param {Record<string, [number, number]>} seen */
const steps = (seen) =>
  Object.entries(seen)
    .map(([phase, [first, last]]) => `${phase} ${((last - first) / 1000).toFixed(1)} s`)
    .join(', ');

export async function run() {
  if ((await exec('npm', ['run', '--silent', 'build:demo'])) !== 0) throw new Error('build failed');
  const work = mkdtempSync(path.join(os.tmpdir(), 'touchbook-bench-backup-'));
  const rows = [];
  try {
    const seedFile = path.join(work, 'seed.json');
    const seed = writeBigBackup(seedFile, { touches: TOUCHES, clients: CLIENTS });
    const mb = (seed.bytes / 2 ** 20).toFixed(0);
    for (const name of /** @type {const} */ (['chromium', 'firefox'])) {
      if (!browserAvailable(name)) {
        rows.push({ name: `restore ${TOUCHES} touches (${name})`, value: NaN, unit: 's', note: `${name} is not installed` });
        continue;
      }
      const downloadDir = path.join(work, `downloads-${name}`);
      const session = await launchWithExtension(name, { downloadDir });
      try {
        const backup = new BackupSection(await session.openExtensionPage('options.html', { width: 900, height: 900 }));
        const first = await backup.restore(seedFile, 'replace', LONG);
        const complete = first.result === `Restored ${seed.rows} records.` && first.reached.write?.[0] === seed.rows;
        rows.push({
          name: `restore ${TOUCHES} touches, ${mb} MB (${name})`,
          value: span(first.seen) / 1000,
          unit: 's',
          note: complete ? steps(first.seen) : `INCOMPLETE: ${first.result}`,
        });
        const saved = await backup.save(LONG);
        /** @type {string | null} */
        let file = null;
        let text = '';
        await waitFor(
          () => {
            const found = readdirSync(downloadDir).find((entry) => /^touchbook-backup-.*\.json$/.test(entry));
            if (!found || statSync(path.join(downloadDir, found)).size === 0) return false;
            file = path.join(downloadDir, found);
            try {
              text = readFileSync(file, 'utf8');
              JSON.parse(text);
              return true;
            } catch {
              return false;
            }
          },
          { timeoutMs: 120_000, intervalMs: 2_000, what: 'the saved backup' },
        );
        const touches = /** @type {{ tables: { touches: unknown[] } }} */ (JSON.parse(text)).tables.touches.length;
        rows.push({
          name: `save a backup of ${touches} touches (${name})`,
          value: span(saved.seen) / 1000,
          unit: 's',
          note: `${(Buffer.byteLength(text) / 2 ** 20).toFixed(0)} MB saved; reading the database, until the download starts`,
        });
        const exportedRows = Object.values(/** @type {{ tables: Record<string, unknown[]> }} */ (JSON.parse(text)).tables).reduce((sum, table) => sum + table.length, 0);
        text = '';
        const second = await backup.restore(/** @type {string} */ (file), 'replace', LONG);
        rows.push({
          name: `restore the saved backup (${name})`,
          value: span(second.seen) / 1000,
          unit: 's',
          note: second.result === `Restored ${exportedRows} records.` ? steps(second.seen) : `INCOMPLETE: ${second.result}`,
        });
      } finally {
        await session.close();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

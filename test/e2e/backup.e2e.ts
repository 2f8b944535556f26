import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigBackup } from '../../scripts/lib/big-backup.mjs';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { BackupSection, waitFor } from '../../scripts/lib/pages.mjs';
import { browsersUnderTest } from './browsers-under-test';

/**
 * Issue 16: a large database is restored and saved through the settings page, in both browsers.
 * 20,000 touches by default (about 12 MB: six slices of the file, forty chunks of rows), so the
 * suite stays short; 200,000 (about 120 MB, past Chrome's 64 MiB message limit) took 5.4 minutes
 * in Chromium here, so that size runs in `npm run bench -- backup` (scripts/bench/backup.mjs) in
 * both browsers. TOUCHBOOK_E2E_BACKUP_TOUCHES=200000 runs this test at that size.
 */
const TOUCHES = Number(process.env.TOUCHBOOK_E2E_BACKUP_TOUCHES ?? 20_000);
/** The page sends the file in slices of this many bytes (BACKUP_CHUNK_CHARS), the worker writes rows 500 at a time. */
const SLICE_BYTES = 2 * 1024 * 1024;
const CLIENTS = 1_000;
const LONG = 5 * 60_000;

/** The backup file the browser saved into `dir`, once it is complete (not a `.part`/`.crdownload`). */
function savedBackup(dir: string): string | null {
  const name = readdirSync(dir).find((file) => /^touchbook-backup-.*\.json$/.test(file));
  return name ? path.join(dir, name) : null;
}

describe.each(browsersUnderTest())('a large backup in %s', (browserName) => {
  let session: ExtensionSession;
  let work: string;
  let downloadDir: string;
  let seed: ReturnType<typeof writeBigBackup>;
  const seedFile = () => path.join(work, 'seed.json');

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), `touchbook-backup-${browserName}-`));
    downloadDir = path.join(work, 'downloads');
    seed = writeBigBackup(seedFile(), { touches: TOUCHES, clients: CLIENTS });
    session = await launchWithExtension(browserName, { downloadDir });
  }, LONG);
  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it(
    `restores ${TOUCHES} touches, saves them again and restores what it saved, the progress reaching its end each time`,
    async () => {
      expect(seed.bytes, 'the file needs several slices').toBeGreaterThan(2 * SLICE_BYTES);
      if (TOUCHES >= 200_000) expect(seed.bytes, 'the file is larger than one runtime message may be').toBeGreaterThan(64 * 1024 * 1024);
      const backup = new BackupSection(await session.openExtensionPage('options.html', { width: 900, height: 900 }));

      const first = await backup.restore(seedFile(), 'replace', LONG);
      expect(first.result).toBe(`Restored ${seed.rows} records.`);
      expect(first.result.startsWith('Nothing')).toBe(false);
      // Every step ran to its end: the whole file went over, every row was written.
      expect(first.reached).toMatchObject({ upload: [seed.bytes, seed.bytes], write: [seed.rows, seed.rows] });
      expect(first.stillShowing).toBe(false);

      const saved = await backup.save(LONG);
      expect(saved.reached.export?.[0]).toBe(saved.reached.export?.[1]);
      let file: string | null = null;
      await waitFor(
        () => {
          file = savedBackup(downloadDir);
          return file !== null && statSync(file).size > 0;
        },
        { timeoutMs: 60_000, what: `the saved backup in ${downloadDir}` },
      );
      // The download may still be growing: wait until its size settles and it parses.
      let text = '';
      await waitFor(
        () => {
          try {
            text = readFileSync(file!, 'utf8');
            JSON.parse(text);
            return true;
          } catch {
            return false;
          }
        },
        { timeoutMs: 60_000, intervalMs: 2_000, what: 'a complete backup file' },
      );
      const exported = JSON.parse(text) as { format: string; tables: Record<string, Array<{ id?: string; source?: string }>> };
      expect(exported.format).toBe('touchbook-backup');
      expect(exported.tables.clients).toHaveLength(CLIENTS);
      const ids = new Set(exported.tables.touches!.map((touch) => touch.id));
      // Every restored touch is in the saved file (the re-plan may have added its own).
      expect(exported.tables.touches!.filter((touch) => touch.source === 'manager')).toHaveLength(TOUCHES);
      for (const id of seed.touchIds) expect(ids.has(id), id).toBe(true);
      const exportedRows = Object.values(exported.tables).reduce((sum, rows) => sum + rows.length, 0);
      expect(saved.reached.export).toEqual([exportedRows, exportedRows]);

      const second = await backup.restore(file!, 'replace', LONG);
      expect(second.result).toBe(`Restored ${exportedRows} records.`);
      expect(second.reached).toMatchObject({ write: [exportedRows, exportedRows] });
    },
    3 * LONG,
  );

  // Chromium only: its DevTools protocol can stop the extension's service worker, as the browser
  // does to an idle or crashed one; Firefox's protocol cannot stop a background page (the page's
  // side of a disconnect is unit-tested: test/unit/options/data-model.test.ts).
  it.skipIf(browserName !== 'chromium')(
    'a worker stopped in the middle of writing a restore: the page says so, and the data from before is all there',
    async () => {
      const other = path.join(work, 'other.json');
      const next = writeBigBackup(other, { touches: TOUCHES, clients: CLIENTS, prefix: 'other' });
      const page = await session.openExtensionPage('options.html', { width: 900, height: 900 });
      const backup = new BackupSection(page);
      await backup.startRestore(other, 'replace');
      await backup.waitForStep('write', LONG);
      const cdp = await page.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');

      const stopped = await backup.restoreResult(60_000);
      expect(stopped.result).toBe("Nothing was changed: Touchbook's background stopped before the restore was written (the browser may have ended it). Try again.");
      expect(stopped.reached.write?.[0]).toBeLessThan(next.rows);
      expect(stopped.stillShowing).toBe(false);

      // What the page saves now is the database as the first test left it: its touches, none of the file's.
      for (const file of readdirSync(downloadDir)) rmSync(path.join(downloadDir, file), { force: true });
      await backup.save(LONG);
      let text = '';
      await waitFor(
        () => {
          const file = savedBackup(downloadDir);
          if (!file) return false;
          try {
            text = readFileSync(file, 'utf8');
            JSON.parse(text);
            return true;
          } catch {
            return false;
          }
        },
        { timeoutMs: 60_000, intervalMs: 1_000, what: 'the saved backup' },
      );
      const saved = JSON.parse(text) as { tables: { clients: Array<{ id: string }>; touches: Array<{ id: string; source: string }> } };
      expect(saved.tables.touches.filter((touch) => touch.id.startsWith('other-'))).toEqual([]);
      expect(saved.tables.clients.filter((client) => client.id.startsWith('other-'))).toEqual([]);
      expect(saved.tables.touches.filter((touch) => touch.source === 'manager')).toHaveLength(TOUCHES);
      const ids = new Set(saved.tables.touches.map((touch) => touch.id));
      for (const id of seed.touchIds) expect(ids.has(id), id).toBe(true);
    },
    2 * LONG,
  );
});

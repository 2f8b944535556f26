import { describe, expect, it, vi } from 'vitest';
import { handleBackupPort, type BackupPortMessage } from '../../../lib/background/backup-port';
import { exportBackup } from '../../../lib/db/backup';
import type { TouchbookDb } from '../../../lib/db/database';
import { CRM_ORIGIN, EXTENSION_BASE_URL, makeClient, makeDb, makeSite } from '../factories';
import { makeBackupPort } from '../options/fake-port';

/** A backup file of a database with two clients and a site, as the options page reads it from disk. */
async function backupFile() {
  const source = makeDb();
  await source.clients.bulkPut([makeClient(), makeClient({ id: 'client-2', name: 'Boris' })]);
  await source.sites.put(makeSite());
  return JSON.parse(JSON.stringify(await exportBackup(source, 2_000))) as Record<string, unknown>;
}

function listen(db: TouchbookDb, port: ReturnType<typeof makeBackupPort>['port'], afterImport = vi.fn(() => Promise.resolve())) {
  handleBackupPort(port, { db, extensionBaseUrl: EXTENSION_BASE_URL, afterImport });
  return afterImport;
}

/** Waits until the background has posted its last word (done or error). */
async function finished(posted: BackupPortMessage[]): Promise<BackupPortMessage> {
  await vi.waitFor(() => expect(posted.some((message) => message.kind !== 'progress')).toBe(true));
  return posted.at(-1)!;
}

describe('backup port', () => {
  it('ignores ports with other names', () => {
    const { port, listening } = makeBackupPort({ name: 'something-else' });
    listen(makeDb(), port);
    expect(listening()).toBe(false);
    expect(port.disconnect).not.toHaveBeenCalled();
  });

  it.each([
    ['a CRM page', `${CRM_ORIGIN}/contacts/42`],
    ['another extension', 'chrome-extension://someone-else/options.html'],
    ['a look-alike address', `chrome-extension://touchbook-test-id.evil.example/options.html`],
    ['no address', undefined],
  ])('disconnects %s without listening', (_who, url) => {
    const { port, listening } = makeBackupPort({ url });
    listen(makeDb(), port);
    expect(port.disconnect).toHaveBeenCalledTimes(1);
    expect(listening()).toBe(false);
  });

  it.each([
    ['no mode', { backup: {} }],
    ['an unknown mode', { backup: {}, mode: 'overwrite' }],
    ['not an object', 'restore please'],
  ])('answers a request with %s with an error, and writes nothing', async (_what, request) => {
    const db = makeDb();
    const { port, posted, send } = makeBackupPort();
    const afterImport = listen(db, port);
    send(request);
    await expect(finished(posted)).resolves.toEqual({ kind: 'error', error: 'malformed backup request' });
    expect(afterImport).not.toHaveBeenCalled();
    await expect(db.clients.count()).resolves.toBe(0);
  });

  it('reports progress as it writes, then the summary, after the follow-up work', async () => {
    const db = makeDb();
    const { port, posted, send } = makeBackupPort();
    const order: string[] = [];
    const afterImport = vi.fn(() => {
      order.push(`afterImport with ${posted.length} messages posted`);
      return Promise.resolve();
    });
    listen(db, port, afterImport);
    send({ backup: await backupFile(), mode: 'merge' });

    const last = await finished(posted);
    expect(last).toMatchObject({ kind: 'done', summary: { total: 3, written: { clients: 2, sites: 1 } } });
    const progress = posted.filter((message) => message.kind === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ kind: 'progress', done: 3, total: 3 });
    expect(posted.indexOf(last)).toBe(posted.length - 1);
    expect(order).toEqual([`afterImport with ${progress.length} messages posted`]);
    await expect(db.clients.count()).resolves.toBe(2);
  });

  it('a bad backup reports why and changes nothing, even in replace mode', async () => {
    const db = makeDb();
    await db.clients.put(makeClient({ id: 'kept', name: 'Kept' }));
    const file = await backupFile();
    const broken = { ...file, tables: { ...(file.tables as object), clients: [{ id: 'no-name' }] } };
    const { port, posted, send } = makeBackupPort();
    const afterImport = listen(db, port);
    send({ backup: broken, mode: 'replace' });

    const last = await finished(posted);
    expect(last.kind).toBe('error');
    expect(last.kind === 'error' && last.error).toMatch(/tables\.clients\.0/);
    expect(posted.filter((message) => message.kind === 'progress')).toEqual([]);
    expect(afterImport).not.toHaveBeenCalled();
    await expect(db.clients.toArray()).resolves.toEqual([expect.objectContaining({ id: 'kept' })]);
  });

  it('once the data is written, a failing follow-up does not report the restore as failed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = makeDb();
    const { port, posted, send } = makeBackupPort();
    listen(db, port, vi.fn(() => Promise.reject(new Error('Duplicate script ID'))));
    send({ backup: await backupFile(), mode: 'merge' });

    await expect(finished(posted)).resolves.toMatchObject({ kind: 'done', summary: { total: 3 } });
    await expect(db.clients.count()).resolves.toBe(2);
    expect(warn).toHaveBeenCalledWith('[touchbook] after restoring a backup', expect.any(Error));
  });

  it('a file from somewhere else is refused by name', async () => {
    const { port, posted, send } = makeBackupPort();
    listen(makeDb(), port);
    send({ backup: { format: 'other-app', tables: {} }, mode: 'merge' });
    await expect(finished(posted)).resolves.toEqual({ kind: 'error', error: 'this is not a Touchbook backup at format' });
  });
});

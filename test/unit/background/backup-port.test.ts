import { describe, expect, it, vi } from 'vitest';
import { BACKUP_CHUNK_CHARS, handleBackupPort, type BackupPortMessage } from '../../../lib/background/backup-port';
import { exportBackup } from '../../../lib/db/backup';
import type { TouchbookDb } from '../../../lib/db/database';
import { CRM_ORIGIN, EXTENSION_BASE_URL, makeClient, makeDb, makeSite } from '../factories';
import { makeTouch } from '../lifecycle/factories';
import { makeBackupPort } from '../options/fake-port';

/** A backup file of a database with two clients and a site, as the options page reads it from disk. */
async function backupText() {
  const source = makeDb();
  await source.clients.bulkPut([makeClient(), makeClient({ id: 'client-2', name: 'Boris' })]);
  await source.sites.put(makeSite());
  return JSON.stringify(await exportBackup(source, 2_000));
}

type AfterImport = Parameters<typeof handleBackupPort>[1]['afterImport'];

function listen(db: TouchbookDb, port: ReturnType<typeof makeBackupPort>['port'], afterImport = vi.fn<AfterImport>(() => Promise.resolve())) {
  handleBackupPort(port, { db, extensionBaseUrl: EXTENSION_BASE_URL, afterImport });
  return afterImport;
}

/** The page's side: `begin`, the text in chunks of `size`, `end`. */
function sendFile(send: (message: unknown) => void, text: string, mode: 'merge' | 'replace', size = BACKUP_CHUNK_CHARS) {
  send({ kind: 'begin', mode });
  for (let start = 0; start < text.length; start += size) send({ kind: 'chunk', text: text.slice(start, start + size) });
  send({ kind: 'end' });
}

const isLast = (message: BackupPortMessage) => message.kind === 'done' || message.kind === 'error';

/** Waits until the background has posted its last word (done or error). */
async function finished(posted: BackupPortMessage[]): Promise<BackupPortMessage> {
  await vi.waitFor(() => expect(posted.some(isLast)).toBe(true));
  return posted.find(isLast)!;
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
    ['no mode', [{ kind: 'begin' }]],
    ['an unknown mode', [{ kind: 'begin', mode: 'overwrite' }]],
    ['not an object', ['restore please']],
    ['a chunk before begin', [{ kind: 'chunk', text: '{}' }]],
    ['the end before begin', [{ kind: 'end' }]],
    ['a second begin', [{ kind: 'begin', mode: 'merge' }, { kind: 'begin', mode: 'replace' }]],
    ['a chunk over the size limit', [{ kind: 'begin', mode: 'merge' }, { kind: 'chunk', text: 'x'.repeat(BACKUP_CHUNK_CHARS + 1) }]],
    ['the whole file in one old-style message', [{ backup: {}, mode: 'merge' }]],
  ])('answers a request with %s with an error, and writes nothing', async (_what, messages) => {
    const db = makeDb();
    const { port, posted, send } = makeBackupPort();
    const afterImport = listen(db, port);
    for (const message of messages) send(message);
    await expect(finished(posted)).resolves.toEqual({ kind: 'error', error: 'malformed backup request' });
    expect(afterImport).not.toHaveBeenCalled();
    await expect(db.clients.count()).resolves.toBe(0);
  });

  it('acknowledges each chunk, then reports progress as it writes, written, re-plan progress and the summary', async () => {
    const db = makeDb();
    const { port, posted, send } = makeBackupPort();
    const afterImport = vi.fn<AfterImport>((onProgress) => {
      onProgress(1, 2);
      onProgress(2, 2);
      return Promise.resolve();
    });
    listen(db, port, afterImport);
    const text = await backupText();
    sendFile(send, text, 'merge', 100);

    const last = await finished(posted);
    expect(last).toMatchObject({ kind: 'done', summary: { total: 3, written: { clients: 2, sites: 1 } } });
    const received = posted.filter((message) => message.kind === 'received');
    expect(received).toHaveLength(Math.ceil(text.length / 100));
    expect(received.at(-1)).toEqual({ kind: 'received', chars: text.length });
    const kinds = posted.filter((message) => message.kind !== 'received').map((message) => (message.kind === 'progress' ? `${message.phase} ${message.done}/${message.total}` : message.kind));
    expect(kinds.at(-5)).toBe('write 3/3');
    expect(kinds.slice(-4)).toEqual(['written', 'plan 1/2', 'plan 2/2', 'done']);
    expect(afterImport).toHaveBeenCalledTimes(1);
    await expect(db.clients.count()).resolves.toBe(2);
  });

  it('reads a file whose text starts with a byte order mark', async () => {
    const db = makeDb();
    const { port, posted, send } = makeBackupPort();
    listen(db, port);
    sendFile(send, `\uFEFF${await backupText()}`, 'replace');
    await expect(finished(posted)).resolves.toMatchObject({ kind: 'done', summary: { total: 3 } });
  });

  it('says a file that is not JSON is not JSON', async () => {
    const { port, posted, send } = makeBackupPort();
    listen(makeDb(), port);
    sendFile(send, '{"format": "touchbook-backup", ', 'merge');
    await expect(finished(posted)).resolves.toEqual({ kind: 'error', error: 'not a JSON file' });
  });

  it('a bad backup reports why and changes nothing, even in replace mode', async () => {
    const db = makeDb();
    await db.clients.put(makeClient({ id: 'kept', name: 'Kept' }));
    const file = JSON.parse(await backupText()) as { tables: object };
    const broken = { ...file, tables: { ...file.tables, clients: [{ id: 'no-name' }] } };
    const { port, posted, send } = makeBackupPort();
    const afterImport = listen(db, port);
    sendFile(send, JSON.stringify(broken), 'replace');

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
    listen(db, port, vi.fn<AfterImport>(() => Promise.reject(new Error('Duplicate script ID'))));
    sendFile(send, await backupText(), 'merge');

    await expect(finished(posted)).resolves.toMatchObject({ kind: 'done', summary: { total: 3 } });
    await expect(db.clients.count()).resolves.toBe(2);
    expect(warn).toHaveBeenCalledWith('[touchbook] after restoring a backup', expect.any(Error));
  });

  it('a file from somewhere else is refused by name', async () => {
    const { port, posted, send } = makeBackupPort();
    listen(makeDb(), port);
    sendFile(send, JSON.stringify({ format: 'other-app', tables: {} }), 'merge');
    await expect(finished(posted)).resolves.toEqual({ kind: 'error', error: 'this is not a Touchbook backup at format' });
  });

  it('when the page goes away in the middle of the write, the restore is abandoned and the old data stays', async () => {
    const db = makeDb();
    await db.clients.put(makeClient({ id: 'kept', name: 'Kept' }));
    await db.touches.bulkPut(Array.from({ length: 10 }, (_, index) => makeTouch({ id: `old-${index}`, clientId: 'kept' })));
    const touches = Array.from({ length: 3_000 }, (_, index) => makeTouch({ id: `new-${index}`, clientId: 'client-1' }));
    const file = { format: 'touchbook-backup', version: 1, exportedAt: 1, tables: { clients: [makeClient()], events: [], touches, answers: [], books: [], sites: [], settings: [] } };
    let leave = () => undefined as void;
    const { port, posted, send, pageLeaves } = makeBackupPort({
      // The second chunk of rows: the tab is closed while the transaction is open.
      onPost: (message) => void (message.kind === 'progress' && message.done > 500 && leave()),
    });
    leave = pageLeaves;
    const afterImport = listen(db, port);
    sendFile(send, JSON.stringify(file), 'replace');

    await vi.waitFor(() => expect(posted.filter((message) => message.kind === 'progress').at(-1)).toMatchObject({ done: 501 }), { timeout: 5_000 });
    // Reads wait for the restore's read-write transaction to end, committed or not.
    await expect(db.touches.count()).resolves.toBe(10);
    await expect(db.clients.toCollection().primaryKeys()).resolves.toEqual(['kept']);
    expect(posted.filter((message) => message.kind === 'progress').at(-1)).toMatchObject({ done: 501 });
    expect(posted.some((message) => message.kind === 'written' || message.kind === 'done')).toBe(false);
    expect(afterImport).not.toHaveBeenCalled();
  });
});

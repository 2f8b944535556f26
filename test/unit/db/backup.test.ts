import { describe, expect, it, vi } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, exportBackup, exportBackupParts, importBackup, parseBackup } from '../../../lib/db/backup';
import { openDatabase } from '../../../lib/db/database';
import type { TouchbookDb } from '../../../lib/db/database';
import { updateSettings } from '../../../lib/db/settings';
import { replanClient } from '../../../lib/db/touches';
import { makeClient, makeDb, makeSite } from '../factories';
import { at, KYIV, makeTouch, OFFICE } from '../lifecycle/factories';

const NOW = at('2025-06-10 12:00', KYIV);

/** A database with something in every table, touches and events planned the real way. */
async function seeded(): Promise<TouchbookDb> {
  const db = makeDb();
  await db.clients.bulkPut([
    makeClient({ products: [{ name: 'Skoda Octavia', category: 'Car', purchasedAt: '2025-03-02' }], buyerType: 'loyal', churnReason: null }),
    makeClient({
      id: 'client-2',
      name: 'Petro',
      emails: ['petro@example.com'],
      products: [],
      churnReason: 'too-expensive',
      churnReasonAt: NOW,
      discount: { amount: '10%', until: '2025-07-01', grantedAt: NOW, source: 'manager' },
    }),
  ]);
  await replanClient(db, 'client-1', { book: defaultBookFor('en'), now: NOW, timeZone: KYIV, working: OFFICE });
  // A discount and a churn reason: their events and touches go through the file too.
  await replanClient(db, 'client-2', { book: defaultBookFor('en'), now: NOW, timeZone: KYIV, working: OFFICE });
  await db.answers.put({ clientId: 'client-1', questionId: 'budget', questionnaireId: 'negotiation', value: 25_000, updatedAt: NOW });
  await db.books.put({ slot: 'personal', value: { schema: 1, objections: [], responses: {}, notes: { greeting: 'Call after 10' } }, updatedAt: NOW });
  await db.sites.put(makeSite());
  await updateSettings(db, { uiLanguage: 'uk', timeZone: KYIV, vacation: { from: '2025-08-01', to: '2025-08-10' } });
  return db;
}

/** What a file on disk gives back. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('exporting', () => {
  it('writes every table under a format marker and version', async () => {
    const backup = await exportBackup(await seeded(), NOW);
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW });
    expect(Object.keys(backup.tables).sort()).toEqual(['answers', 'books', 'clients', 'events', 'offers', 'settings', 'sites', 'touches', 'unmatchedObjections']);
    expect(backup.tables.touches.length).toBeGreaterThan(3);
    expect(backup.tables.events.length).toBeGreaterThan(1);
    expect(backup.tables.events.map((event) => event.type)).toEqual(expect.arrayContaining(['discount', 'churn-reason']));
    expect(backup.tables.touches.some((touch) => touch.templateId === 'discount-expiry-reminder')).toBe(true);
  });
});

describe('a round trip', () => {
  it('gives back exactly what was exported', async () => {
    const original = await exportBackup(await seeded(), NOW);
    const restored = makeDb();
    await importBackup(restored, throughJson(original), { mode: 'replace' });
    expect(await exportBackup(restored, NOW)).toEqual(original);
  });
});

describe('checking a file before anything is written', () => {
  it.each([
    ['not a backup', { hello: 'world' }, /not a Touchbook backup/],
    ['from a newer Touchbook', { format: BACKUP_FORMAT, version: BACKUP_VERSION + 1, exportedAt: 0, tables: {} }, /newer Touchbook/],
  ])('rejects %s', (_name, input, message) => {
    const parsed = parseBackup(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('names the bad place, and leaves the database as it was', async () => {
    const db = await seeded();
    const before = await exportBackup(db, NOW);
    const broken = throughJson(before) as { tables: { touches: Array<Record<string, unknown>> } };
    broken.tables.touches[1]!.state = 'forgotten';
    await expect(importBackup(db, broken, { mode: 'replace' })).rejects.toThrow(/tables\.touches\.1\.state/);
    await expect(importBackup(db, broken, { mode: 'replace' })).rejects.toBeInstanceOf(BackupError);
    expect(await exportBackup(db, NOW)).toEqual(before);
  });

  it('writes nothing when the import fails halfway', async () => {
    const db = await seeded();
    const before = await exportBackup(db, NOW);
    const backup = throughJson(before) as typeof before;
    backup.tables.clients[0]!.name = 'Renamed';
    backup.tables.clients[0]!.updatedAt = NOW + 1;
    // The import goes through db.table(name), so the failure is planted on the shared Table prototype.
    const table = Object.getPrototypeOf(db.touches) as { bulkPut: (this: { name: string }, ...args: unknown[]) => Promise<unknown> };
    const bulkPut = table.bulkPut;
    vi.spyOn(table, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      return this.name === 'touches' ? Promise.reject(new Error('disk full')) : bulkPut.apply(this, args);
    });
    await expect(importBackup(db, backup, { mode: 'replace' })).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await exportBackup(db, NOW)).toEqual(before);
  });
});

// Issue 16: the browser closed, or the options page with it, in the middle of a restore.
describe('a restore stopped halfway', () => {
  it('leaves every old row as it was, as a new connection to the database sees it, and nothing of the file', async () => {
    const indexedDB = new IDBFactory();
    const db = openDatabase({ indexedDB, IDBKeyRange });
    await db.clients.bulkPut([makeClient({ id: 'old-1', name: 'Old One' }), makeClient({ id: 'old-2', name: 'Old Two' })]);
    await db.touches.bulkPut(Array.from({ length: 300 }, (_, index) => makeTouch({ id: `old-t-${index}`, clientId: 'old-1', dueAt: index })));
    const before = await exportBackup(db, NOW);

    const touches = Array.from({ length: 5_000 }, (_, index) => makeTouch({ id: `new-t-${index}`, clientId: 'client-1', dueAt: index }));
    const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW, tables: { clients: [makeClient()], events: [], touches, answers: [], books: [], sites: [], settings: [] } };
    const stop = new AbortController();
    const progress: number[] = [];
    const restoring = importBackup(db, file, {
      mode: 'replace',
      chunkSize: 500,
      signal: stop.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done >= 2_001) stop.abort(); // a few chunks of touches are in the transaction
      },
    });
    await expect(restoring).rejects.toThrow('the restore was stopped before it finished');
    expect(progress).toEqual([0, 1, 501, 1_001, 1_501, 2_001]);
    expect(await exportBackup(db, NOW)).toEqual(before);
    db.close();

    const reopened = openDatabase({ indexedDB, IDBKeyRange });
    await expect(reopened.touches.count()).resolves.toBe(300);
    await expect(reopened.touches.where('id').startsWith('new-').count()).resolves.toBe(0);
    await expect(reopened.clients.toCollection().primaryKeys()).resolves.toEqual(['old-1', 'old-2']);
    expect(await exportBackup(reopened, NOW)).toEqual(before);
    reopened.close();
  });

  it('an abort that comes after the last chunk changes nothing of a finished restore', async () => {
    const db = makeDb();
    const stop = new AbortController();
    const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW, tables: { clients: [makeClient()], events: [], touches: [makeTouch()], answers: [], books: [], sites: [], settings: [] } };
    await importBackup(db, file, { mode: 'replace', signal: stop.signal });
    stop.abort();
    await expect(db.touches.toArray()).resolves.toEqual([makeTouch()]);
  });
});

describe('exporting in parts', () => {
  it('gives the same document as one export, page by page, with progress up to the total', async () => {
    const db = await seeded();
    await db.touches.bulkPut(Array.from({ length: 25 }, (_, index) => makeTouch({ id: `extra-${index}`, dueAt: index })));
    await db.answers.bulkPut(Array.from({ length: 7 }, (_, index) => ({ clientId: 'client-2', questionId: `q${index}`, questionnaireId: 'qn', value: index, updatedAt: NOW })));
    const whole = await exportBackup(db, NOW);
    const rows = Object.values(whole.tables).reduce((sum, table) => sum + table.length, 0);
    const progress: Array<[number, number]> = [];
    const parts = await exportBackupParts(db, NOW, { pageSize: 4, onProgress: (done, total) => progress.push([done, total]) });
    expect(parts.join('')).toBe(`${JSON.stringify(whole)}\n`);
    expect(parts.length).toBeGreaterThan(rows / 4);
    expect(progress.at(-1)).toEqual([rows, rows]);
    expect(progress.every(([done], index) => index === 0 || done > progress[index - 1]![0])).toBe(true);
  });

  it('an empty database is a valid backup that restores', async () => {
    const parts = await exportBackupParts(makeDb(), NOW);
    const parsed = parseBackup(JSON.parse(parts.join('')));
    expect(parsed.ok).toBe(true);
    await expect(importBackup(makeDb(), JSON.parse(parts.join('')), { mode: 'replace' })).resolves.toMatchObject({ total: 0 });
  });
});

describe('merging', () => {
  it('adds what is missing and lets the newer row win', async () => {
    const db = await seeded();
    const backup = throughJson(await exportBackup(db, NOW)) as Awaited<ReturnType<typeof exportBackup>>;
    const [anna, petro] = backup.tables.clients;
    backup.tables.clients = [
      { ...anna!, name: 'Anna (newer in the file)', updatedAt: anna!.updatedAt + 1 },
      { ...petro!, name: 'Petro (older in the file)', updatedAt: petro!.updatedAt - 1 },
      makeClient({ id: 'client-3', name: 'Olena', emails: ['olena@example.com'] }),
    ];
    const touch = backup.tables.touches[0]!;
    backup.tables.touches = [{ ...touch, state: 'done', outcome: 'reached', updatedAt: touch.updatedAt + 1 }];
    const event = backup.tables.events[0]!;
    backup.tables.events = [{ ...event, at: 1 }];
    backup.tables.settings = [{ ...backup.tables.settings[0]!, uiLanguage: 'el' }];

    const summary = await importBackup(db, backup, { mode: 'merge' });
    expect(summary.written).toMatchObject({ clients: 2, touches: 1, events: 0, settings: 0 });
    expect((await db.clients.toArray()).map((client) => client.name).sort()).toEqual(['Anna (newer in the file)', 'Olena', 'Petro']);
    await expect(db.touches.get(touch.id)).resolves.toMatchObject({ state: 'done' });
    await expect(db.events.get(event.id)).resolves.toMatchObject({ at: event.at });
    await expect(db.settings.get('settings')).resolves.toMatchObject({ uiLanguage: 'uk' });
    expect(await db.touches.count()).toBe((await exportBackup(db, NOW)).tables.touches.length);
  });

  it('replaces everything in replace mode', async () => {
    const db = await seeded();
    const empty = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW, tables: { clients: [makeClient()], events: [], touches: [makeTouch()], answers: [], books: [], sites: [], settings: [] } };
    await importBackup(db, empty, { mode: 'replace' });
    await expect(db.clients.toArray()).resolves.toEqual([makeClient()]);
    await expect(db.touches.toArray()).resolves.toEqual([makeTouch()]);
  });
});

describe('progress', () => {
  it('reports after every chunk, ending at the total', async () => {
    const db = makeDb();
    const touches = Array.from({ length: 1_050 }, (_, index) => makeTouch({ id: `t-${index}`, dueAt: index }));
    const backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW, tables: { clients: [makeClient()], events: [], touches, answers: [], books: [], sites: [], settings: [] } };
    const progress: number[] = [];
    const summary = await importBackup(db, backup, { mode: 'merge', chunkSize: 500, onProgress: (done, total) => progress.push(done / total) });
    expect(summary.total).toBe(1_051);
    expect(progress).toEqual([0, 1 / 1_051, 501 / 1_051, 1_001 / 1_051, 1]);
    await expect(db.touches.count()).resolves.toBe(1_050);
  });
});

describe('purchase amounts in a backup', () => {
  async function withPurchases(): Promise<TouchbookDb> {
    const db = makeDb();
    await db.clients.put(
      makeClient({ products: [{ name: 'Van', category: 'Vehicles', purchasedAt: '2025-03-02', amount: { value: 38_500.5, currency: 'EUR' } }] }),
    );
    await replanClient(db, 'client-1', { book: defaultBookFor('en'), now: NOW, timeZone: KYIV, working: OFFICE });
    // A refund the manager recorded, and a purchase with no amount at all.
    await db.events.bulkPut([
      { id: 'purchase-refund', clientId: 'client-1', type: 'purchase', at: NOW, data: { date: '2025-06-10', product: 'Van', category: null, amount: -500, currency: 'EUR' }, source: 'manager', createdAt: NOW },
      { id: 'purchase-bare', clientId: 'client-1', type: 'purchase', at: NOW, data: { date: '2025-06-10', product: 'Mats', category: null }, source: 'manager', createdAt: NOW },
    ]);
    return db;
  }

  it('keeps the amount and currency of every purchase, refunds included', async () => {
    const original = await exportBackup(await withPurchases(), NOW);
    const restored = makeDb();
    await importBackup(restored, throughJson(original), { mode: 'replace' });
    const purchases = (await restored.events.where('type').equals('purchase').toArray()).map((event) => [event.data.product, event.data.amount ?? null, event.data.currency ?? null]);
    expect(purchases.sort()).toEqual([
      ['Mats', null, null],
      ['Van', -500, 'EUR'],
      ['Van', 38_500.5, 'EUR'],
    ]);
    expect((await restored.clients.get('client-1'))?.products[0]?.amount).toEqual({ value: 38_500.5, currency: 'EUR' });
  });

  it('refuses a purchase whose currency is not an ISO 4217 code', async () => {
    const backup = throughJson(await exportBackup(await withPurchases(), NOW)) as { tables: { events: Array<{ id: string; data: Record<string, unknown> }> } };
    backup.tables.events.find((event) => event.id === 'purchase-refund')!.data.currency = 'euros';
    expect(parseBackup(backup)).toMatchObject({ ok: false, error: expect.stringContaining('three-letter code') });
    backup.tables.events.find((event) => event.id === 'purchase-refund')!.data.currency = 'EUR';
    expect(parseBackup(backup)).toMatchObject({ ok: true });
  });
});

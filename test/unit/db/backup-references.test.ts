import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, importBackup, type BackupTables } from '../../../lib/db/backup';
import { DEFAULT_SETTINGS } from '../../../lib/db/schema';
import { makeClient, makeDb, makeSite, makeSnapshot } from '../factories';
import { makeTouch } from '../lifecycle/factories';

/**
 * Issue 16, bullet 5: rows that only make sense together. A touch, event, answer or offer of a
 * client the file (or, merging, the database) does not have; a time zone this browser does not
 * know; a client page that is not a web page (a notification click opens it). Each is left out
 * and the restore report says how many and why.
 */

const NOW = 1_750_000_000_000;

function backup(tables: Partial<BackupTables>) {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: NOW,
    tables: { clients: [], events: [], touches: [], answers: [], books: [], sites: [], settings: [], ...tables },
  };
}

const event = (id: string, clientId: string) => ({ id, clientId, type: 'purchase' as const, at: NOW, data: {}, source: 'crm' as const, createdAt: NOW });
const answer = (clientId: string) => ({ clientId, questionId: 'budget', questionnaireId: 'negotiation', value: 1, updatedAt: NOW });

describe('references to clients', () => {
  it('skips touches, events, answers and offers of clients the file does not have, and counts them', async () => {
    const db = makeDb();
    const summary = await importBackup(
      db,
      backup({
        clients: [makeClient()],
        touches: [makeTouch({ id: 'mine' }), makeTouch({ id: 'orphan-1', clientId: 'ghost' }), makeTouch({ id: 'orphan-2', clientId: 'ghost' })],
        events: [event('e-1', 'client-1'), event('e-2', 'ghost')],
        answers: [answer('ghost')],
        offers: [{ clientId: 'ghost', ruleId: 'wheels', status: 'offered', updatedAt: NOW }],
      }),
      { mode: 'replace' },
    );
    expect(await db.touches.toCollection().primaryKeys()).toEqual(['mine']);
    expect(await db.events.toCollection().primaryKeys()).toEqual(['e-1']);
    await expect(db.answers.count()).resolves.toBe(0);
    await expect(db.offers.count()).resolves.toBe(0);
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { table: 'touches', reason: 'missing-client', count: 2, examples: ['orphan-1: client ghost', 'orphan-2: client ghost'] },
        { table: 'events', reason: 'missing-client', count: 1, examples: ['e-2: client ghost'] },
        { table: 'answers', reason: 'missing-client', count: 1, examples: ['budget: client ghost'] },
        { table: 'offers', reason: 'missing-client', count: 1, examples: ['wheels: client ghost'] },
      ]),
    );
    expect(summary.skipped).toHaveLength(4);
    expect(summary.total).toBe(3);
  });

  it('keeps, when merging, a touch whose client this database already has', async () => {
    const db = makeDb();
    await db.clients.put(makeClient({ id: 'local' }));
    const summary = await importBackup(db, backup({ touches: [makeTouch({ id: 'for-local', clientId: 'local' })] }), { mode: 'merge' });
    expect(summary).toMatchObject({ written: { touches: 1 }, skipped: [] });
  });

  it('keeps at most five examples however many are skipped', async () => {
    const touches = Array.from({ length: 40 }, (_, index) => makeTouch({ id: `t-${index}`, clientId: 'ghost' }));
    const summary = await importBackup(makeDb(), backup({ touches }), { mode: 'replace' });
    expect(summary.skipped).toEqual([expect.objectContaining({ count: 40, examples: expect.any(Array) })]);
    expect(summary.skipped[0]!.examples).toHaveLength(5);
  });
});

describe('client addresses', () => {
  it.each([
    ['a javascript: page', { records: [{ origin: 'https://crm.example.com', recordId: '1', url: 'javascript:alert(document.domain)', source: 'demo', seenAt: 1 }] }],
    ['a data: page', { records: [{ origin: 'https://crm.example.com', recordId: '1', url: 'data:text/html,<script>alert(1)</script>', source: 'demo', seenAt: 1 }] }],
    ['a file: snapshot', { lastSnapshot: makeSnapshot({ url: 'file:///etc/passwd' }) }],
  ])('skips a client with %s, and the touches that hang on it', async (_what, overrides) => {
    const db = makeDb();
    const summary = await importBackup(db, backup({ clients: [makeClient(overrides)], touches: [makeTouch()] }), { mode: 'replace' });
    await expect(db.clients.count()).resolves.toBe(0);
    await expect(db.touches.count()).resolves.toBe(0);
    expect(summary.skipped.map(({ table, reason, count }) => ({ table, reason, count }))).toEqual([
      { table: 'clients', reason: 'unsafe-url', count: 1 },
      { table: 'touches', reason: 'missing-client', count: 1 },
    ]);
  });

  it('keeps http and https client pages', async () => {
    const db = makeDb();
    const plain = makeClient({ id: 'plain', records: [{ origin: 'http://crm.local', recordId: '1', url: 'http://crm.local/c/1', source: 'demo', seenAt: 1 }] });
    const summary = await importBackup(db, backup({ clients: [makeClient(), plain] }), { mode: 'replace' });
    expect(summary).toMatchObject({ written: { clients: 2 }, skipped: [] });
  });

  it('skips a site whose origin is not a web origin', async () => {
    const db = makeDb();
    const summary = await importBackup(db, backup({ sites: [makeSite(), makeSite({ origin: 'javascript:alert(1)', pattern: '*' })] }), { mode: 'replace' });
    expect(await db.sites.toCollection().primaryKeys()).toEqual([makeSite().origin]);
    expect(summary.skipped).toEqual([{ table: 'sites', reason: 'unsafe-url', count: 1, examples: ['javascript:alert(1)'] }]);
  });
});

describe('time zones', () => {
  it('restores the settings without a zone this browser does not know, and says so', async () => {
    const db = makeDb();
    const summary = await importBackup(db, backup({ settings: [{ ...DEFAULT_SETTINGS, uiLanguage: 'uk', timeZone: 'Mars/Olympus_Mons' }] }), { mode: 'replace' });
    await expect(db.settings.get('settings')).resolves.toMatchObject({ uiLanguage: 'uk', timeZone: null });
    expect(summary.skipped).toEqual([{ table: 'settings', reason: 'unknown-time-zone', count: 1, examples: ['Mars/Olympus_Mons'] }]);
  });

  it('keeps a real zone', async () => {
    const db = makeDb();
    await importBackup(db, backup({ settings: [{ ...DEFAULT_SETTINGS, timeZone: 'Europe/Kyiv' }] }), { mode: 'replace' });
    await expect(db.settings.get('settings')).resolves.toMatchObject({ timeZone: 'Europe/Kyiv' });
  });
});

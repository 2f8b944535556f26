import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, TouchbookDb } from '../../../lib/db/database';
import { queueDays, rowsAfter } from '../../../lib/team/outbox';
import { makeDb } from '../factories';
import { makeDayBody } from './team-factories';

describe('the team outbox', () => {
  it('queues a day again only when its figures changed, with a higher sequence number', async () => {
    const db = makeDb();
    expect(await queueDays(db, [makeDayBody({ day: '2026-03-01' }), makeDayBody({ day: '2026-03-02' })])).toBe(2);
    // Recomputed later: only updatedAt differs, which is not a change.
    expect(await queueDays(db, [makeDayBody({ day: '2026-03-01', updatedAt: 99 })])).toBe(0);
    expect(await queueDays(db, [makeDayBody({ day: '2026-03-01', objections: [{ text: 'Too dear', count: 1 }] })])).toBe(1);
    expect((await rowsAfter(db, 0, 10)).map((row) => [row.day, row.seq])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-01', 3],
    ]);
    expect((await rowsAfter(db, 2, 10)).map((row) => row.day)).toEqual(['2026-03-01']);
  });

  it('arrives with version 4 of the database, which keeps every record of version 2', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange });
    old.version(1).stores({ clients: 'id', events: 'id', touches: 'id', answers: '[clientId+questionId]', books: 'slot', sites: 'origin', settings: 'key' });
    old.version(2).stores({
      clients: 'id, *recordKeys, *emails, *phoneKeys, name, updatedAt',
      events: 'id, clientId, [clientId+at], type',
      touches: 'id, clientId, [state+dueAt], [clientId+dueAt], programmeId, [state+expiresAt]',
      answers: '[clientId+questionId], clientId',
      offers: '[clientId+ruleId], clientId',
      unmatchedObjections: 'id, createdAt',
    });
    await old.open();
    await old.table('unmatchedObjections').put({ id: 'u1', text: 'Too dear', clientId: null, bookId: 'b', createdAt: 1 });
    await old.table('offers').put({ clientId: 'c1', ruleId: 'r1', status: 'offered', updatedAt: 1 });
    old.close();

    const db = new TouchbookDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.unmatchedObjections.toArray()).toEqual([{ id: 'u1', text: 'Too dear', clientId: null, bookId: 'b', createdAt: 1 }]);
    expect(await db.offers.count()).toBe(1);
    expect(await db.teamOutbox.count()).toBe(0);
    db.close();
  });
});

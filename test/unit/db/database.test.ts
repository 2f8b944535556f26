import { makeTouch } from '../lifecycle/factories';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME } from '../../../lib/db/database';
import { makeDb } from '../factories';

describe('TouchbookDb schema', () => {
  it('opens with every table at the current version', async () => {
    const db = makeDb();
    await db.open();
    expect(db.name).toBe(DATABASE_NAME);
    expect(db.verno).toBe(5);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['answers', 'books', 'clients', 'events', 'insightBuyers', 'insightClients', 'insightDays', 'insightsDirty', 'insightsMeta', 'offers', 'settings', 'sites', 'teamOutbox', 'touches', 'unmatchedObjections']);
    const stores = [...db.backendDB().objectStoreNames].sort();
    expect(stores).toEqual(['answers', 'books', 'clients', 'events', 'insightBuyers', 'insightClients', 'insightDays', 'insightsDirty', 'insightsMeta', 'offers', 'settings', 'sites', 'teamOutbox', 'touches', 'unmatchedObjections']);
    db.close();
  });

  it('indexes clients by every key used to find the same person, multi-entry where it is a list', async () => {
    const db = makeDb();
    await db.open();
    const schema = db.clients.schema;
    expect(schema.primKey.name).toBe('id');
    const indexes = Object.fromEntries(schema.indexes.map((index) => [index.name, index.multi]));
    expect(indexes).toEqual({ recordKeys: true, emails: true, phoneKeys: true, name: false, updatedAt: false });
    const store = db.backendDB().transaction('clients').objectStore('clients');
    expect(store.index('recordKeys').multiEntry).toBe(true);
    expect(store.index('phoneKeys').multiEntry).toBe(true);
    db.close();
  });

  it('has the compound keys the queries rely on', async () => {
    const db = makeDb();
    await db.open();
    const names = (table: string) => db.table(table).schema.indexes.map((index) => index.name);
    expect(names('events')).toEqual(expect.arrayContaining(['clientId', '[clientId+at]', 'type']));
    expect(names('touches')).toEqual(expect.arrayContaining(['clientId', '[state+dueAt]', '[clientId+dueAt]', 'programmeId']));
    expect(db.answers.schema.primKey.keyPath).toEqual(['clientId', 'questionId']);
    expect(db.sites.schema.primKey.keyPath).toBe('origin');
    expect(db.settings.schema.primKey.keyPath).toBe('key');
    expect(db.books.schema.primKey.keyPath).toBe('slot');
    db.close();
  });

  it('answers a compound index query', async () => {
    const db = makeDb();
    await db.touches.bulkPut([
      makeTouch({ id: 't1', state: 'due', dueAt: 10 }),
      makeTouch({ id: 't2', state: 'due', dueAt: 30 }),
      makeTouch({ id: 't3', state: 'done', dueAt: 5 }),
    ]);
    const due = await db.touches.where('[state+dueAt]').between(['due', 0], ['due', 20]).toArray();
    expect(due.map((touch) => touch.id)).toEqual(['t1']);
  });

  it('keeps separate IndexedDB factories apart (test isolation)', async () => {
    const a = makeDb();
    const b = makeDb();
    await a.sites.put({ origin: 'https://a.example', pattern: 'https://a.example/*', enabledAt: 1 });
    await expect(b.sites.count()).resolves.toBe(0);
  });
});

import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, TouchbookDb } from '../../../lib/db/database';
import { getSettings } from '../../../lib/db/settings';
import { countDue } from '../../../lib/db/touches';
import { makeClient, makeSite } from '../factories';

/** The schema as version 1 shipped it, declared alone, the way a user's browser still has it. */
const VERSION_1_STORES = {
  clients: 'id, *recordKeys, *emails, *phoneKeys, name, updatedAt',
  events: 'id, clientId, [clientId+at], type',
  touches: 'id, clientId, [state+dueAt], [clientId+dueAt], programmeId',
  answers: '[clientId+questionId], clientId',
  books: 'slot',
  sites: 'origin',
  settings: 'key',
};

const v1Client = (() => {
  const { buyerType: _buyerType, churnReason: _churnReason, ...client } = makeClient();
  return client;
})();
const v1Touch = {
  id: 't1',
  clientId: 'client-1',
  programmeId: 'durable-goods',
  templateId: 'satisfaction-call',
  state: 'due',
  dueAt: 10,
  goal: 'Check satisfaction',
  role: 'Sales manager',
  channel: 'call',
  script: 'Hello',
  outcome: null,
  note: null,
  updatedAt: 7,
};
const v1Event = { id: 'e1', clientId: 'client-1', type: 'purchase', at: 5, data: { product: 'Car' }, source: 'crm', createdAt: 5 };
const v1Answer = { clientId: 'client-1', questionId: 'q1', questionnaireId: 'qn', value: 'Yes', updatedAt: 3 };
const v1Settings = { key: 'settings', uiLanguage: 'uk', timeZone: 'Europe/Kyiv', managerName: 'Oleg' };

async function createVersion1(indexedDB: IDBFactory): Promise<void> {
  const old = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange });
  old.version(1).stores(VERSION_1_STORES);
  await old.open();
  await old.table('clients').put(v1Client);
  await old.table('touches').put(v1Touch);
  await old.table('events').put(v1Event);
  await old.table('answers').put(v1Answer);
  await old.table('sites').put(makeSite());
  await old.table('settings').put(v1Settings);
  old.close();
}

/** What the upgrades fill in on a version-1 touch (createdAt comes from its updatedAt). */
const MIGRATED_TOUCH_FIELDS = {
  programmeName: '',
  priority: 0,
  roleId: '',
  anchorEventId: null,
  occurrence: '',
  source: 'manager',
  expiresAt: null,
  snoozedUntil: null,
  outcomeAt: null,
  skipReason: null,
} as const;

describe('upgrading a version 1 database', () => {
  it('keeps every record and fills the fields version 2 added', async () => {
    const indexedDB = new IDBFactory();
    await createVersion1(indexedDB);
    const db = new TouchbookDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);

    await expect(db.clients.get('client-1')).resolves.toEqual({ ...v1Client, buyerType: null, churnReason: null });
    await expect(db.touches.get('t1')).resolves.toEqual({
      ...v1Touch,
      ...MIGRATED_TOUCH_FIELDS,
      createdAt: 7,
    });
    await expect(db.events.get('e1')).resolves.toEqual(v1Event);
    await expect(db.answers.get(['client-1', 'q1'])).resolves.toEqual(v1Answer);
    await expect(db.sites.toArray()).resolves.toEqual([makeSite()]);
    await expect(db.settings.get('settings')).resolves.toEqual({
      ...v1Settings,
      workingDays: [1, 2, 3, 4, 5],
      workDayStart: '09:00',
      workDayEnd: '18:00',
      vacation: null,
      remindersCheckedAt: null,
    });
    await expect(getSettings(db)).resolves.toMatchObject({ uiLanguage: 'uk', managerName: 'Oleg' });
    // The old indexes still answer after the upgrade, and the new one is there.
    await expect(countDue(db, 100)).resolves.toBe(1);
    expect([...db.backendDB().transaction('touches').objectStore('touches').indexNames]).toContain('[state+expiresAt]');
    db.close();
  });

  // Issue 16: a manager with years of history upgrades; no row may be lost or left half-filled.
  it('keeps all 100,000 touches (and their clients, events and answers) of a large version 1 database', async () => {
    const TOUCHES = 100_000;
    const CLIENTS = 5_000;
    const indexedDB = new IDBFactory();
    const old = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange });
    old.version(1).stores(VERSION_1_STORES);
    await old.open();
    const clientId = (index: number) => `client-${index % CLIENTS}`;
    await old.table('clients').bulkAdd(Array.from({ length: CLIENTS }, (_, index) => ({ ...v1Client, id: `client-${index}`, name: `Client ${index}` })));
    await old.table('events').bulkAdd(Array.from({ length: CLIENTS }, (_, index) => ({ ...v1Event, id: `e${index}`, clientId: clientId(index), at: index })));
    await old.table('answers').bulkAdd(Array.from({ length: CLIENTS }, (_, index) => ({ ...v1Answer, clientId: clientId(index) })));
    for (let start = 0; start < TOUCHES; start += 10_000) {
      await old.table('touches').bulkAdd(
        Array.from({ length: 10_000 }, (_, offset) => {
          const index = start + offset;
          // Every third one done, the rest due at their index: the index ranges can be checked after.
          return { ...v1Touch, id: `t${index}`, clientId: clientId(index), dueAt: index, state: index % 3 === 0 ? 'done' : 'due', note: `note ${index}`, updatedAt: index + 1 };
        }),
      );
    }
    old.close();

    const db = new TouchbookDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    await expect(db.touches.count()).resolves.toBe(TOUCHES);
    await expect(db.clients.count()).resolves.toBe(CLIENTS);
    await expect(db.events.count()).resolves.toBe(CLIENTS);
    await expect(db.answers.count()).resolves.toBe(CLIENTS);
    // Spot checks across the whole range, first and last included: every field kept, the new ones filled.
    for (const index of [0, 1, 2, 33_333, 50_000, 77_777, TOUCHES - 1]) {
      await expect(db.touches.get(`t${index}`)).resolves.toEqual({
        ...v1Touch,
        id: `t${index}`,
        clientId: clientId(index),
        dueAt: index,
        state: index % 3 === 0 ? 'done' : 'due',
        note: `note ${index}`,
        updatedAt: index + 1,
        ...MIGRATED_TOUCH_FIELDS,
        createdAt: index + 1,
      });
    }
    await expect(db.clients.get(`client-${CLIENTS - 1}`)).resolves.toEqual({ ...v1Client, id: `client-${CLIENTS - 1}`, name: `Client ${CLIENTS - 1}`, buyerType: null, churnReason: null });
    // No row missed the upgrade: none lacks a field version 2 added.
    await expect(db.touches.filter((touch) => touch.source === undefined || touch.createdAt === undefined).count()).resolves.toBe(0);
    // The indexes answer over the whole table: due ones are the two thirds not done.
    await expect(countDue(db, TOUCHES)).resolves.toBe(TOUCHES - Math.ceil(TOUCHES / 3));
    await expect(db.touches.where('clientId').equals('client-7').count()).resolves.toBe(TOUCHES / CLIENTS);
    db.close();
  }, 180_000);

  it('opens an empty version 1 database without trouble', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie(DATABASE_NAME, { indexedDB, IDBKeyRange });
    old.version(1).stores(VERSION_1_STORES);
    await old.open();
    old.close();
    const db = new TouchbookDb({ indexedDB, IDBKeyRange });
    await expect(db.touches.count()).resolves.toBe(0);
    expect(db.verno).toBe(5);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { clientLink, readTouchRows } from '../../../lib/export/touch-rows';
import { makeClient, makeDb } from '../factories';
import { makeTouch } from '../lifecycle/factories';

describe('readTouchRows', () => {
  it('reads pending touches (planned, due, snoozed) with their clients, by due time', async () => {
    const db = makeDb();
    await db.clients.bulkPut([makeClient({ id: 'anna', name: 'Anna' }), makeClient({ id: 'ivan', name: 'Ivan' })]);
    await db.touches.bulkPut([
      makeTouch({ id: 'a-later', clientId: 'anna', state: 'planned', dueAt: 3_000 }),
      makeTouch({ id: 'i-due', clientId: 'ivan', state: 'due', dueAt: 1_000 }),
      makeTouch({ id: 'a-snoozed', clientId: 'anna', state: 'snoozed', dueAt: 2_000 }),
      makeTouch({ id: 'a-done', clientId: 'anna', state: 'done', dueAt: 500 }),
      makeTouch({ id: 'i-skipped', clientId: 'ivan', state: 'skipped', dueAt: 600 }),
      makeTouch({ id: 'gone', clientId: 'deleted-client', state: 'planned', dueAt: 4_000 }),
    ]);

    const pending = await readTouchRows(db, 'pending');
    expect(pending.map((row) => [row.touch.id, row.client?.name ?? null])).toEqual([
      ['i-due', 'Ivan'],
      ['a-snoozed', 'Anna'],
      ['a-later', 'Anna'],
      ['gone', null],
    ]);

    const all = await readTouchRows(db, 'all');
    expect(all.map((row) => row.touch.id)).toEqual(['a-done', 'i-skipped', 'i-due', 'a-snoozed', 'a-later', 'gone']);
  });
});

describe('clientLink', () => {
  const seen = (url: string, seenAt: number) => ({ origin: 'https://crm.example.com', recordId: null, url, source: 'demo', seenAt });

  it('is the CRM page the client was seen on last', () => {
    const client = makeClient({ records: [seen('https://crm.example.com/old', 1), seen('https://crm.example.com/new', 5), seen('http://crm.local/x', 3)] });
    expect(clientLink(client)).toBe('https://crm.example.com/new');
  });

  it('is nothing for an address that is not http or https, or no client', () => {
    expect(clientLink(makeClient({ records: [seen('javascript:alert(1)', 1)] }))).toBeNull();
    expect(clientLink(makeClient({ records: [seen('ftp://crm.example.com/x', 1)] }))).toBeNull();
    expect(clientLink(makeClient({ records: [] }))).toBeNull();
    expect(clientLink(null)).toBeNull();
  });
});

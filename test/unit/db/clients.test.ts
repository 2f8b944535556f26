import { describe, expect, it } from 'vitest';
import { findClientForSnapshot, mergeSnapshot, phoneKey, recordKey, upsertClientFromSnapshot } from '../../../lib/db/clients';
import { CRM_ORIGIN, makeClient, makeDb, makeSnapshot } from '../factories';

const OTHER_ORIGIN = 'https://other-crm.example';
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('keys', () => {
  it('builds a record key from origin and record id', () => {
    expect(recordKey(CRM_ORIGIN, '42')).toBe(`${CRM_ORIGIN}|42`);
  });

  it('reduces a phone number to its digits', () => {
    expect(phoneKey('+1 (415) 555-0100')).toBe('14155550100');
    expect(phoneKey('ext.')).toBe('');
  });
});

describe('upsertClientFromSnapshot', () => {
  it('creates a client from a first snapshot', async () => {
    const db = makeDb();
    const client = await upsertClientFromSnapshot(db, makeSnapshot(), 1_000, ids());
    expect(client).toMatchObject({
      id: 'id-1',
      name: 'Anna Petrova',
      company: 'Acme Ltd',
      emails: ['anna@acme.example'],
      phoneKeys: ['14155550100'],
      recordKeys: [`${CRM_ORIGIN}|42`],
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    await expect(db.clients.get('id-1')).resolves.toEqual(client);
  });

  it('the same CRM record seen again is the same client, even with nothing else in common', async () => {
    const db = makeDb();
    const newId = ids();
    const first = await upsertClientFromSnapshot(db, makeSnapshot(), 1_000, newId);
    const renamed = makeSnapshot({ name: 'Anna Smith', emails: [], phones: [] });
    const second = await upsertClientFromSnapshot(db, renamed, 2_000, newId);
    expect(second.id).toBe(first.id);
    expect(second.name).toBe('Anna Smith');
    expect(second.records).toHaveLength(1);
    await expect(db.clients.count()).resolves.toBe(1);
  });

  it('the same email on another CRM page is the same client', async () => {
    const db = makeDb();
    const newId = ids();
    const first = await upsertClientFromSnapshot(db, makeSnapshot({ phones: [] }), 1_000, newId);
    const deal = makeSnapshot({ origin: OTHER_ORIGIN, url: `${OTHER_ORIGIN}/deals/7`, recordType: 'deal', recordId: 'D-7', phones: [] });
    const second = await upsertClientFromSnapshot(db, deal, 2_000, newId);
    expect(second.id).toBe(first.id);
    expect(second.recordKeys).toEqual([`${OTHER_ORIGIN}|D-7`, `${CRM_ORIGIN}|42`]);
  });

  it('the same email written in another case is the same client', async () => {
    const db = makeDb();
    const newId = ids();
    const first = await upsertClientFromSnapshot(db, makeSnapshot({ phones: [], emails: ['Anna@Acme.example'] }), 1_000, newId);
    const other = makeSnapshot({ origin: OTHER_ORIGIN, url: `${OTHER_ORIGIN}/c/1`, recordId: '1', phones: [], emails: ['anna@acme.example'] });
    const second = await upsertClientFromSnapshot(db, other, 2_000, newId);
    expect(second.id).toBe(first.id);
    expect(second.emails).toEqual(['anna@acme.example']);
  });

  it('the same phone on another page is the same client, however it is formatted', async () => {
    const db = makeDb();
    const newId = ids();
    const first = await upsertClientFromSnapshot(db, makeSnapshot({ emails: [], phones: [{ raw: '+1 415 555 0100', e164: null }] }), 1_000, newId);
    const other = makeSnapshot({
      origin: OTHER_ORIGIN,
      url: `${OTHER_ORIGIN}/c/9`,
      recordId: '9',
      emails: [],
      phones: [{ raw: '1-415-555-0100', e164: null }],
    });
    const second = await upsertClientFromSnapshot(db, other, 2_000, newId);
    expect(second.id).toBe(first.id);
    expect(second.phones).toHaveLength(1); // same digits: one phone, the newest formatting
    expect(second.phones[0]?.raw).toBe('1-415-555-0100');
  });

  it('a short phone fragment (an extension number) does not join two people', async () => {
    const db = makeDb();
    const newId = ids();
    await upsertClientFromSnapshot(db, makeSnapshot({ emails: [], phones: [{ raw: 'ext 123', e164: null }] }), 1_000, newId);
    const other = makeSnapshot({ recordId: '2', url: `${CRM_ORIGIN}/c/2`, name: 'Boris', emails: [], phones: [{ raw: '123', e164: null }] });
    const second = await upsertClientFromSnapshot(db, other, 2_000, newId);
    expect(second.id).toBe('id-2');
  });

  it('different people stay different clients', async () => {
    const db = makeDb();
    const newId = ids();
    await upsertClientFromSnapshot(db, makeSnapshot(), 1_000, newId);
    await upsertClientFromSnapshot(
      db,
      makeSnapshot({ recordId: '43', url: `${CRM_ORIGIN}/c/43`, name: 'Boris', emails: ['boris@b.example'], phones: [] }),
      2_000,
      newId,
    );
    await expect(db.clients.count()).resolves.toBe(2);
  });

  it('prefers the CRM record over an email that belongs to someone else', async () => {
    const db = makeDb();
    const newId = ids();
    const anna = await upsertClientFromSnapshot(db, makeSnapshot(), 1_000, newId);
    const boris = await upsertClientFromSnapshot(
      db,
      makeSnapshot({ recordId: '43', url: `${CRM_ORIGIN}/c/43`, name: 'Boris', emails: ['boris@b.example'], phones: [] }),
      2_000,
      newId,
    );
    // Boris's card now lists a shared office mailbox that Anna's card showed first.
    const found = await findClientForSnapshot(db, makeSnapshot({ recordId: '43', emails: ['anna@acme.example'], phones: [] }));
    expect(found?.id).toBe(boris.id);
    expect(found?.id).not.toBe(anna.id);
  });

  it('merging keeps what the new page did not show and lets shown values win', async () => {
    const db = makeDb();
    const newId = ids();
    await upsertClientFromSnapshot(db, makeSnapshot(), 1_000, newId);
    const sparse = makeSnapshot({
      origin: OTHER_ORIGIN,
      url: `${OTHER_ORIGIN}/c/1`,
      recordId: '1',
      name: null,
      firstName: null,
      company: null,
      jobTitle: 'Head of purchasing',
      stage: null,
      amount: null,
      birthday: null,
      tags: [],
      owner: null,
      products: [],
      emails: ['anna@acme.example', 'anna.p@home.example'],
      phones: [],
    });
    const merged = await upsertClientFromSnapshot(db, sparse, 2_000, newId);
    expect(merged).toMatchObject({
      name: 'Anna Petrova',
      firstName: 'Anna',
      company: 'Acme Ltd',
      jobTitle: 'Head of purchasing',
      stage: 'Proposal',
      amount: { value: 1200, currency: 'EUR' },
      birthday: '1990-05-17',
      tags: ['vip'],
      owner: 'Oleg',
      products: [{ name: 'Widget' }],
      emails: ['anna@acme.example', 'anna.p@home.example'],
      phoneKeys: ['14155550100'],
      createdAt: 1_000,
      updatedAt: 2_000,
    });
    expect(merged.lastSnapshot).toEqual(sparse);
  });
});

describe('mergeSnapshot', () => {
  it('names a nameless client after its first email', () => {
    const client = mergeSnapshot(undefined, makeSnapshot({ name: null }), 1, () => 'x');
    expect(client.name).toBe('anna@acme.example');
    expect(mergeSnapshot(undefined, makeSnapshot({ name: null, emails: [] }), 1, () => 'x').name).toBe('');
  });

  it('puts the newest record first and replaces a record seen again instead of repeating it', () => {
    let client = mergeSnapshot(undefined, makeSnapshot(), 1, () => 'x');
    client = mergeSnapshot(client, makeSnapshot({ recordId: '7', url: `${CRM_ORIGIN}/c/7` }), 2, () => 'y');
    client = mergeSnapshot(client, makeSnapshot(), 3, () => 'z');
    expect(client.records.map((record) => [record.recordId, record.seenAt])).toEqual([
      ['42', 3],
      ['7', 2],
    ]);
    expect(client.id).toBe('x');
  });

  it("reads the card's discount, keeps its first-seen day while the amount stays, and never overwrites the manager's", () => {
    const card = (fields: Array<{ label: string; value: string }>) => makeSnapshot({ fields });
    let client = mergeSnapshot(undefined, card([{ label: 'Discount', value: '10%' }, { label: 'Discount until', value: '30.04.2026' }]), 5, () => 'x');
    expect(client.discount).toEqual({ amount: '10%', until: '2026-04-30', grantedAt: 5, source: 'card' });
    client = mergeSnapshot(client, card([{ label: 'Discount', value: '10%' }]), 9, () => 'x');
    expect(client.discount).toEqual({ amount: '10%', until: null, grantedAt: 5, source: 'card' });
    expect(mergeSnapshot(client, card([]), 10, () => 'x').discount).toBeNull();
    const recorded = { ...client, discount: { amount: '15%', until: '2026-05-01', grantedAt: 7, source: 'manager' as const } };
    expect(mergeSnapshot(recorded, card([{ label: 'Discount', value: '5%' }]), 11, () => 'x').discount).toEqual(recorded.discount);
  });

  it('tells record-less pages apart by URL', () => {
    let client = mergeSnapshot(undefined, makeSnapshot({ recordId: null, url: `${CRM_ORIGIN}/a` }), 1, () => 'x');
    client = mergeSnapshot(client, makeSnapshot({ recordId: null, url: `${CRM_ORIGIN}/b` }), 2, () => 'x');
    client = mergeSnapshot(client, makeSnapshot({ recordId: null, url: `${CRM_ORIGIN}/a` }), 3, () => 'x');
    expect(client.records.map((record) => record.url)).toEqual([`${CRM_ORIGIN}/a`, `${CRM_ORIGIN}/b`]);
    expect(client.recordKeys).toEqual([]);
  });

  it('caps the list of records at the 20 most recent', () => {
    let client = makeClient({ records: [], recordKeys: [] });
    for (let i = 0; i < 25; i++) {
      client = mergeSnapshot(client, makeSnapshot({ recordId: `r${i}`, url: `${CRM_ORIGIN}/c/${i}` }), i, () => 'x');
    }
    expect(client.records).toHaveLength(20);
    expect(client.records[0]?.recordId).toBe('r24');
    expect(client.records.at(-1)?.recordId).toBe('r5');
    expect(client.recordKeys).toHaveLength(20);
    expect(client.recordKeys).not.toContain(`${CRM_ORIGIN}|r4`);
  });

  it('unions emails and phones without duplicates, newest first', () => {
    const existing = makeClient({
      emails: ['old@a.example', 'anna@acme.example'],
      phones: [{ raw: '+1 415 555 0100', e164: '+14155550100' }],
    });
    const client = mergeSnapshot(
      existing,
      makeSnapshot({ emails: ['anna@acme.example', 'new@a.example'], phones: [{ raw: '+30 210 000 0000', e164: '+302100000000' }] }),
      2,
      () => 'x',
    );
    expect(client.emails).toEqual(['anna@acme.example', 'new@a.example', 'old@a.example']);
    expect(client.phoneKeys).toEqual(['302100000000', '14155550100']);
  });
});

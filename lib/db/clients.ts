import type { ClientSnapshot } from '../crm/snapshot';
import { cardDiscount, mergeCardDiscount } from '../lifecycle/discount';
import type { TouchbookDb } from './database';
import type { ClientRecord, SeenRecord } from './schema';

export function recordKey(origin: string, recordId: string): string {
  return `${origin}|${recordId}`;
}

export function phoneKey(raw: string): string {
  return raw.replace(/\D/g, '');
}

/**
 * Stores what a page showed about a client. The same person seen on two pages is one client:
 * the same CRM record first, then the same email, then the same phone number. `onMerged` hears
 * the client as it will be stored, before the write commits (the side panel can be told then).
 */
export async function upsertClientFromSnapshot(
  db: TouchbookDb,
  snapshot: ClientSnapshot,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  onMerged?: (client: ClientRecord) => void,
): Promise<ClientRecord> {
  return db.transaction('rw', db.clients, async () => {
    const existing = await findClientForSnapshot(db, snapshot);
    const client = mergeSnapshot(existing, snapshot, now, newId);
    onMerged?.(client);
    await db.clients.put(client);
    return client;
  });
}

export async function findClientForSnapshot(db: TouchbookDb, snapshot: ClientSnapshot): Promise<ClientRecord | undefined> {
  if (snapshot.recordId) {
    const byRecord = await db.clients.where('recordKeys').equals(recordKey(snapshot.origin, snapshot.recordId)).first();
    if (byRecord) return byRecord;
  }
  if (snapshot.emails.length) {
    // CRMs keep an address as it was typed: Anna@Acme.com on one page is anna@acme.com on another.
    const byEmail = await db.clients.where('emails').anyOfIgnoreCase(snapshot.emails).first();
    if (byEmail) return byEmail;
  }
  const phones = snapshot.phones.map((phone) => phoneKey(phone.e164 ?? phone.raw)).filter((key) => key.length >= 6);
  if (phones.length) return db.clients.where('phoneKeys').anyOf(phones).first();
  return undefined;
}

/** Newer page data wins field by field; what the page did not show is kept from before. */
export function mergeSnapshot(
  existing: ClientRecord | undefined,
  snapshot: ClientSnapshot,
  now: number,
  newId: () => string,
): ClientRecord {
  const seen: SeenRecord = {
    origin: snapshot.origin,
    recordId: snapshot.recordId,
    url: snapshot.url,
    source: snapshot.source,
    seenAt: now,
  };
  const records = [
    seen,
    ...(existing?.records ?? []).filter(
      (record) => !(record.origin === seen.origin && (record.recordId ?? record.url) === (seen.recordId ?? seen.url)),
    ),
  ].slice(0, 20);
  const phones = uniqueBy([...snapshot.phones, ...(existing?.phones ?? [])], (phone) => phoneKey(phone.e164 ?? phone.raw));

  return {
    id: existing?.id ?? newId(),
    name: snapshot.name ?? existing?.name ?? snapshot.emails[0] ?? '',
    firstName: snapshot.firstName ?? existing?.firstName ?? null,
    middleName: snapshot.middleName ?? existing?.middleName ?? null,
    lastName: snapshot.lastName ?? existing?.lastName ?? null,
    company: snapshot.company ?? existing?.company ?? null,
    jobTitle: snapshot.jobTitle ?? existing?.jobTitle ?? null,
    emails: uniqueBy([...snapshot.emails, ...(existing?.emails ?? [])], (email) => email.toLowerCase()),
    phones,
    phoneKeys: unique(phones.map((phone) => phoneKey(phone.e164 ?? phone.raw))),
    records,
    recordKeys: records.flatMap((record) => (record.recordId ? [recordKey(record.origin, record.recordId)] : [])),
    stage: snapshot.stage ?? existing?.stage ?? null,
    amount: snapshot.amount ?? existing?.amount ?? null,
    birthday: snapshot.birthday ?? existing?.birthday ?? null,
    tags: snapshot.tags.length ? snapshot.tags : (existing?.tags ?? []),
    owner: snapshot.owner ?? existing?.owner ?? null,
    products: snapshot.products.length ? snapshot.products : (existing?.products ?? []),
    lastSnapshot: snapshot,
    // What the manager set in the side panel is theirs; no page overwrites it.
    buyerType: existing?.buyerType ?? null,
    churnReason: existing?.churnReason ?? null,
    churnReasonAt: existing?.churnReasonAt ?? null,
    discount: mergeCardDiscount(existing?.discount, cardDiscount(snapshot.fields), now),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

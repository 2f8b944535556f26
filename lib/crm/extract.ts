import type { CrmLabels, CrmProfile } from '../book/crm-profile-schema';
import { adaptersFor, NOT_A_RECORD, type AdapterReading, type CrmAdapter } from './adapters';
import { profileAdaptersFor } from './adapters/profile';
import { SnapshotDraft } from './draft';
import { readGeneric } from './generic';
import { withBookLabels } from './labels';
import { applyTaughtMappings, type FieldMapping } from './mappings';
import { readPageHints } from './page-hints';
import { looksLikeOrganization, splitPersonName } from './parse/names';
import type { ClientSnapshotInput } from './snapshot';

/**
 * Reads the client on a CRM page. The content script calls this on every settled page, so it
 * imports no schema, no UI and no database: the background validates what it sends.
 *
 * Order of trust: what the user taught for this CRM, then the sales book's profile for this CRM
 * (`crmAdapters`), then the built-in adapter, then structured data, links, labels (the book's
 * `crmLabels` words among them) and the heading read by the generic extractor, which also fills
 * whatever the adapter could not read. Returns null for pages that show no single record.
 */
export type { FieldMapping } from './mappings';

/** What the team's sales book says about reading CRMs, beyond per-origin field mappings. */
export interface BookCrmReading {
  profiles?: readonly CrmProfile[];
  labels?: CrmLabels;
}

export function extractSnapshot(
  doc: Document,
  pageUrl: string,
  mappings?: readonly FieldMapping[],
  book?: BookCrmReading,
): ClientSnapshotInput | null {
  return withBookLabels(book?.labels, () => read(doc, pageUrl, mappings, book?.profiles));
}

function read(doc: Document, pageUrl: string, mappings: readonly FieldMapping[] | undefined, profiles: readonly CrmProfile[] | undefined) {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (!doc.body || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  const hints = readPageHints(doc, url);
  const draft = new SnapshotDraft();

  const adapterResult = readWithAdapter(doc, url, hints, draft, [...profileAdaptersFor(url, profiles), ...adaptersFor(url)]);
  if (adapterResult === NOT_A_RECORD) return null;
  const generic = readGeneric(doc, url, hints, draft, adapterResult?.scope ?? null);
  if (mappings?.length) applyTaughtMappings(doc, mappings, generic.pairs, draft, hints);

  completeNames(draft);
  if (draft.recordType === 'unknown' && draft.contactCount() > 0) draft.recordType = 'contact';
  return isRecord(draft) ? draft.toSnapshot(url) : null;
}

function readWithAdapter(doc: Document, url: URL, hints: ReturnType<typeof readPageHints>, draft: SnapshotDraft, adapters: readonly CrmAdapter[]) {
  for (const adapter of adapters) {
    const result = safely(adapter, () => adapter.extract(doc, url, hints));
    // Also from an adapter that then read nothing: a profile whose scope the browser refused
    // leaves the page to the next reader, and the manager should learn why.
    for (const problem of adapter.problems ?? []) draft.noteProblem(`${adapter.id}: ${problem}`);
    if (result === NOT_A_RECORD) return NOT_A_RECORD;
    if (!result) continue;
    absorb(draft, adapter, result);
    return result;
  }
  return null;
}

/** An adapter that throws (the CRM changed its markup) must not stop the generic extractor. */
function safely<T>(adapter: CrmAdapter, read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    console.debug(`[touchbook] adapter ${adapter.id} failed`, error);
    return null;
  }
}

const ADAPTER_CONFIDENCE = 0.95;

function absorb(draft: SnapshotDraft, adapter: CrmAdapter, reading: AdapterReading): void {
  draft.source = adapter.id;
  draft.recognised = true;
  draft.recordType = reading.recordType;
  draft.recordId = reading.recordId;
  const offer = <K extends 'name' | 'firstName' | 'middleName' | 'lastName' | 'company' | 'jobTitle' | 'stage' | 'owner' | 'birthday' | 'lastPurchase' | 'nextContact'>(field: K) =>
    draft.offer(field, reading[field], 'adapter', ADAPTER_CONFIDENCE);
  for (const field of ['name', 'firstName', 'middleName', 'lastName', 'company', 'jobTitle', 'stage', 'owner', 'birthday', 'lastPurchase', 'nextContact'] as const) offer(field);
  if (reading.amount) draft.offer('amount', { value: reading.amount.value, currency: reading.amount.currency }, 'adapter', ADAPTER_CONFIDENCE);
  draft.add('emails', reading.emails ?? [], 'adapter', ADAPTER_CONFIDENCE);
  draft.add('phones', reading.phones ?? [], 'adapter', ADAPTER_CONFIDENCE);
  draft.add('tags', reading.tags ?? [], 'adapter', ADAPTER_CONFIDENCE);
  draft.add('messengers', reading.messengers ?? [], 'adapter', ADAPTER_CONFIDENCE);
  draft.add(
    'products',
    (reading.products ?? []).map((product) => ({
      name: product.name,
      category: product.category ?? null,
      purchasedAt: product.purchasedAt ?? null,
      amount: product.amount ?? null,
    })),
    'adapter',
    ADAPTER_CONFIDENCE,
  );
  for (const pair of reading.fields ?? []) draft.addPair(pair.label, pair.value);
}

/**
 * First and last name from the full name and back. A single word under "Nombre" next to
 * "Apellidos" is a first name; two words under "Nom" with no "Prénom" are a full name.
 */
function completeNames(draft: SnapshotDraft): void {
  const name = draft.get('name');
  const first = draft.get('firstName');
  const last = draft.get('lastName');
  const nameClaim = draft.claimOf('name');
  const isPerson = draft.recordType === 'contact' || draft.recordType === 'lead' || draft.recordType === 'unknown';

  if (name && last && !first && !name.includes(' ') && name !== last && nameClaim) {
    draft.offer('firstName', name, nameClaim.via, nameClaim.confidence);
    draft.offer('name', `${name} ${last}`, nameClaim.via, nameClaim.confidence + 0.01);
    return;
  }
  if (!name && last && !first && last.includes(' ')) {
    // Two words under a family-name label ("Nom: Marie Dupont") with no first name: a full name.
    const claim = draft.claimOf('lastName')!;
    const parts = splitPersonName(last);
    draft.offer('name', last, claim.via, claim.confidence);
    draft.offer('firstName', parts.firstName, claim.via, claim.confidence);
    draft.offer('lastName', parts.lastName, claim.via, claim.confidence + 0.01);
    return;
  }
  if (!name && (first || last)) {
    const claim = draft.claimOf(first ? 'firstName' : 'lastName')!;
    draft.offer('name', [first, last].filter(Boolean).join(' '), claim.via, claim.confidence * 0.9);
    return;
  }
  if (name && nameClaim && isPerson && !first && !last && !looksLikeOrganization(name)) {
    const parts = splitPersonName(name);
    draft.offer('firstName', parts.firstName, nameClaim.via, nameClaim.confidence * 0.9);
    draft.offer('lastName', parts.lastName, nameClaim.via, nameClaim.confidence * 0.9);
  }
}

/**
 * A record page shows one named record and something about it. List pages and dashboards have
 * a heading but their contacts sit in lists of other records, which the extractor leaves out.
 */
function isRecord(draft: SnapshotDraft): boolean {
  const hasName = draft.get('name') !== null;
  if (draft.recognised) return hasName || draft.contactCount() > 0;
  const nameClaim = draft.claimOf('name');
  if (nameClaim && (nameClaim.via === 'structured' || nameClaim.via === 'taught')) return true;
  if (!hasName) return false;
  const details = draft.detailCount();
  return draft.contactCount() > 0 || details >= 2 || (draft.recordId !== null && details >= 1);
}

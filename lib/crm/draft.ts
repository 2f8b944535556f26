import type { Money } from './parse/amounts';
import type { ClientSnapshotInput, FieldOrigin, Messenger, Phone, Product } from './snapshot';
import { cleanText, foldCase } from './text';

/**
 * The snapshot being assembled. Several readers (the adapter, structured data, links, labels,
 * taught mappings) offer values; each field keeps the most trusted offer, and list fields gather
 * every distinct value. It also remembers where each value came from, for `provenance`.
 */

export type RecordType = ClientSnapshotInput['recordType'];

export interface ScalarValues {
  name: string;
  firstName: string;
  middleName: string;
  lastName: string;
  company: string;
  jobTitle: string;
  stage: string;
  owner: string;
  birthday: string;
  lastPurchase: string;
  nextContact: string;
  amount: Money;
}

export interface ListValues {
  phones: Phone;
  emails: string;
  tags: string;
  products: Product;
  messengers: Messenger;
}

export type ScalarField = keyof ScalarValues;
export type ListField = keyof ListValues;

interface Claim {
  via: FieldOrigin;
  confidence: number;
}

/** The schema's size limits, applied here so a valid page never produces a rejected snapshot. */
const TEXT_LIMITS: Partial<Record<ScalarField, number>> = { firstName: 200, middleName: 200, lastName: 200, stage: 200, owner: 200, nextContact: 40 };
const LIST_LIMITS: Record<ListField, number> = { phones: 20, emails: 20, tags: 50, products: 100, messengers: 20 };
const MAX_PAIRS = 300;
/** Bounds of the snapshot's `readingProblems` (lib/crm/snapshot.ts). */
const MAX_PROBLEMS = 10;
const MAX_PROBLEM_LENGTH = 300;

const KEY_OF: { [K in ListField]: (value: ListValues[K]) => string } = {
  phones: (phone) => phone.e164 ?? phone.raw.replace(/\D/g, ''),
  emails: (email) => email,
  tags: (tag) => foldCase(tag),
  products: (product) => `${foldCase(product.name)}|${product.purchasedAt ?? ''}`,
  messengers: (messenger) => `${messenger.kind}|${messenger.handle.toLowerCase()}`,
};

export class SnapshotDraft {
  source = 'generic';
  /** What a reader had to skip (lib/crm/adapters/types.ts `problems`), at most MAX_PROBLEMS. */
  private readonly problems: string[] = [];
  recordType: RecordType = 'unknown';
  recordId: string | null = null;
  /** An adapter recognised the page as one of its record pages. */
  recognised = false;
  readonly pairs: Array<{ label: string; value: string }> = [];
  private readonly scalars: { [K in ScalarField]?: { value: ScalarValues[K] } & Claim } = {};
  private readonly lists: { [K in ListField]?: { values: Array<ListValues[K]> } & Claim } = {};

  /** Offers a value; it is kept when the field is empty or the offer is more trusted. */
  offer<K extends ScalarField>(field: K, value: ScalarValues[K] | null | undefined, via: FieldOrigin, confidence: number): boolean {
    const cleaned = typeof value === 'string' ? cleanText(value, TEXT_LIMITS[field] ?? 300) : value;
    if (cleaned === null || cleaned === undefined) return false;
    const current = this.scalars[field];
    if (current && current.confidence >= confidence) return false;
    (this.scalars as Record<K, { value: ScalarValues[K] } & Claim>)[field] = { value: cleaned as ScalarValues[K], via, confidence };
    return true;
  }

  /** Adds values to a list field; the field's provenance is its most trusted contributor. */
  add<K extends ListField>(field: K, values: ReadonlyArray<ListValues[K]>, via: FieldOrigin, confidence: number): void {
    if (!values.length) return;
    const current = this.lists[field];
    // An adapter knows where its CRM lists phones and emails: its list is complete, and numbers
    // elsewhere on the card (a deal's second contact) are not this client's.
    if (current?.via === 'adapter' && via !== 'adapter' && via !== 'taught') return;
    const key = KEY_OF[field] as (value: ListValues[K]) => string;
    const merged = current ? [...current.values] : [];
    const seen = new Set(merged.map(key));
    for (const value of values) {
      const id = key(value);
      if (seen.has(id) || merged.length >= LIST_LIMITS[field]) continue;
      seen.add(id);
      merged.push(value);
    }
    const best = current && current.confidence >= confidence ? current : { via, confidence };
    (this.lists as Record<K, { values: Array<ListValues[K]> } & Claim>)[field] = { values: merged, via: best.via, confidence: best.confidence };
  }

  /** Replaces a list field outright: what the user taught beats anything guessed. */
  replace<K extends ListField>(field: K, values: ReadonlyArray<ListValues[K]>, via: FieldOrigin, confidence: number): void {
    delete this.lists[field];
    this.add(field, values, via, confidence);
  }

  get<K extends ScalarField>(field: K): ScalarValues[K] | null {
    return this.scalars[field]?.value ?? null;
  }

  list<K extends ListField>(field: K): ReadonlyArray<ListValues[K]> {
    return this.lists[field]?.values ?? [];
  }

  claimOf(field: ScalarField | ListField): Claim | null {
    return (this.scalars as Record<string, Claim | undefined>)[field] ?? (this.lists as Record<string, Claim | undefined>)[field] ?? null;
  }

  addPair(label: string, value: string): void {
    if (this.pairs.length >= MAX_PAIRS) return;
    const cleanLabel = cleanText(label, 200);
    const cleanValue = cleanText(value, 2000);
    if (!cleanLabel || !cleanValue) return;
    if (this.pairs.some((pair) => pair.label === cleanLabel && pair.value === cleanValue)) return;
    this.pairs.push({ label: cleanLabel, value: cleanValue });
  }

  /** How many fields besides the name were read: a record page shows some, a list page none. */
  detailCount(): number {
    const scalars = Object.keys(this.scalars).filter((field) => field !== 'name' && field !== 'firstName' && field !== 'middleName' && field !== 'lastName').length;
    return scalars + Object.keys(this.lists).length;
  }

  contactCount(): number {
    return this.list('emails').length + this.list('phones').length + this.list('messengers').length;
  }

  noteProblem(problem: string): void {
    const words = problem.slice(0, MAX_PROBLEM_LENGTH);
    if (this.problems.length < MAX_PROBLEMS && !this.problems.includes(words)) this.problems.push(words);
  }

  toSnapshot(url: URL): ClientSnapshotInput {
    const provenance: NonNullable<ClientSnapshotInput['provenance']> = {};
    for (const field of [...Object.keys(this.scalars), ...Object.keys(this.lists)] as Array<ScalarField | ListField>) {
      const claim = this.claimOf(field);
      if (claim) provenance[field] = { via: claim.via, confidence: Math.round(claim.confidence * 100) / 100 };
    }
    const messengers = this.list('messengers');
    return {
      source: this.source,
      origin: url.origin,
      url: url.href.slice(0, 4096),
      recordType: this.recordType,
      recordId: this.recordId ? this.recordId.slice(0, 256) : null,
      name: this.get('name'),
      firstName: this.get('firstName'),
      middleName: this.get('middleName'),
      lastName: this.get('lastName'),
      company: this.get('company'),
      jobTitle: this.get('jobTitle'),
      phones: [...this.list('phones')],
      emails: [...this.list('emails')],
      stage: this.get('stage'),
      amount: this.get('amount'),
      birthday: this.get('birthday'),
      lastPurchase: this.get('lastPurchase'),
      nextContact: this.get('nextContact'),
      tags: [...this.list('tags')],
      owner: this.get('owner'),
      products: [...this.list('products')],
      ...(messengers.length ? { messengers: [...messengers] } : {}),
      fields: [...this.pairs],
      provenance,
      ...(this.problems.length ? { readingProblems: [...this.problems] } : {}),
    };
  }
}

import type { SalesBook } from '../book/schema';
import { LABEL_FIELD_OF, type FieldMapping } from '../crm/mapping-fields';
import type { SnapshotField } from '../crm/snapshot';

/**
 * Taught field mappings ("on this CRM, the phone is here") in the two vocabularies they live in:
 * the snapshot's (phones, emails) where the extractor applies them, and the sales book's (phone,
 * email) where a team lead publishes them for the whole team.
 */

type BookMapping = NonNullable<SalesBook['fieldMappings']>[string][number];
type BookField = BookMapping['field'];

// The book names fields as the label dictionaries do (phone, email), plus the product.
const TO_BOOK: Partial<Record<SnapshotField, BookField>> = { ...LABEL_FIELD_OF, products: 'product' };
const FROM_BOOK = Object.fromEntries(Object.entries(TO_BOOK).map(([snapshot, book]) => [book, snapshot])) as Record<
  BookField,
  SnapshotField
>;

/** The fields a person can teach, in the order the picker offers them. */
export const TEACHABLE_FIELDS = [
  'name',
  'phones',
  'emails',
  'company',
  'jobTitle',
  'stage',
  'amount',
  'birthday',
  'owner',
  'tags',
  'nextContact',
  'lastPurchase',
] as const satisfies readonly SnapshotField[];
export type TeachableField = (typeof TEACHABLE_FIELDS)[number];

/** Whether a book's origin key (`https://crm.example.com` or `https://*.example.com`) covers an origin. */
export function originKeyMatches(key: string, origin: string): boolean {
  if (key === origin) return true;
  const wildcard = /^(https?):\/\/\*\.(.+)$/.exec(key);
  if (!wildcard) return false;
  const url = new URL(origin);
  return url.protocol === `${wildcard[1]}:` && (url.host === wildcard[2] || url.host.endsWith(`.${wildcard[2]}`));
}

/** The team's mappings for an origin, from the book, in the extractor's vocabulary. */
export function bookMappingsFor(book: SalesBook, origin: string): FieldMapping[] {
  return Object.entries(book.fieldMappings ?? {})
    .filter(([key]) => originKeyMatches(key, origin))
    .flatMap(([, mappings]) => mappings)
    .map(({ field, selector, label }) => ({ field: FROM_BOOK[field], ...(selector ? { selector } : {}), ...(label ? { label } : {}) }));
}

/** The manager's own mappings win over the team's for the same field. */
export function mergeMappings(team: readonly FieldMapping[], own: readonly FieldMapping[]): FieldMapping[] {
  const taughtHere = new Set(own.map((mapping) => mapping.field));
  return [...team.filter((mapping) => !taughtHere.has(mapping.field)), ...own];
}

/** Replaces the mapping of one field (a field is taught once per origin). */
export function withMapping(mappings: readonly FieldMapping[], mapping: FieldMapping): FieldMapping[] {
  return [...mappings.filter((existing) => existing.field !== mapping.field), mapping];
}

/** Every site's taught mappings as a book's `fieldMappings`, for a team lead to publish. */
export function toBookFieldMappings(sites: ReadonlyArray<{ origin: string; mappings?: readonly FieldMapping[] }>) {
  const entries = sites
    .filter((site) => (site.mappings?.length ?? 0) > 0)
    .map((site) => [
      site.origin,
      site.mappings!.flatMap(({ field, selector, label }) => {
        const bookField = TO_BOOK[field];
        return bookField ? [{ field: bookField, ...(selector ? { selector } : {}), ...(label ? { label } : {}) }] : [];
      }),
    ]);
  return Object.fromEntries(entries) as Record<string, BookMapping[]>;
}

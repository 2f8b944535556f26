import { z } from 'zod';

/**
 * What the content script read from one CRM record page. It crosses the content-script boundary,
 * so the background parses it with this schema before trusting a byte of it: sizes are bounded
 * because the page (and whoever controls it) decides what the content script sees.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

export const SNAPSHOT_FIELDS = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'company',
  'jobTitle',
  'phones',
  'emails',
  'stage',
  'amount',
  'birthday',
  'tags',
  'owner',
  'products',
  'lastPurchase',
  'nextContact',
  'messengers',
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/**
 * `text` is a value recognised in free page text (an email address or an international phone
 * number with no link and no label, or a value next to an icon); it is the least certain origin.
 */
export const FIELD_ORIGINS = ['adapter', 'structured', 'link', 'heading', 'label', 'taught', 'text'] as const;
export type FieldOrigin = (typeof FIELD_ORIGINS)[number];

export const RECORD_TYPES = ['contact', 'company', 'deal', 'lead', 'unknown'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const PhoneSchema = z.object({
  raw: text(64),
  /** E.164 when the country could be inferred, else null (the raw form is still usable to dial). */
  e164: z.string().regex(/^\+\d{6,15}$/).nullable(),
});

export const MESSENGER_KINDS = ['telegram', 'whatsapp', 'viber'] as const;
export type MessengerKind = (typeof MESSENGER_KINDS)[number];

export const MessengerSchema = z.object({
  kind: z.enum(MESSENGER_KINDS),
  /** Telegram: `@handle` or an E.164 number; WhatsApp and Viber: an E.164 number when known. */
  handle: text(100),
});

const MoneySchema = z.object({ value: z.number().finite(), currency: z.string().regex(/^[A-Z]{3}$/).nullable() });

export const ProductSchema = z.object({
  name: text(300),
  category: text(200).nullable().default(null),
  purchasedAt: isoDate.nullable().default(null),
  /** What the purchase came to, where the CRM's product table shows it (revenue figures). */
  amount: MoneySchema.nullable().optional(),
});

export const ClientSnapshotSchema = z.object({
  source: text(64),
  origin: z.string().url().max(2048),
  url: z.string().url().max(4096),
  recordType: z.enum(RECORD_TYPES),
  recordId: text(256).nullable(),
  name: text(300).nullable(),
  firstName: text(200).nullable().default(null),
  /** The card's middle name or patronymic field ("Отчество"); optional like `messengers`. */
  middleName: text(200).nullable().optional(),
  lastName: text(200).nullable().default(null),
  company: text(300).nullable().default(null),
  jobTitle: text(300).nullable().default(null),
  phones: z.array(PhoneSchema).max(20).default([]),
  emails: z.array(z.string().email().max(320)).max(20).default([]),
  stage: text(200).nullable().default(null),
  amount: MoneySchema.nullable().default(null),
  birthday: isoDate.nullable().default(null),
  lastPurchase: isoDate.nullable().default(null),
  nextContact: z.string().max(40).nullable().default(null),
  tags: z.array(text(100)).max(50).default([]),
  owner: text(200).nullable().default(null),
  products: z.array(ProductSchema).max(100).default([]),
  /** Optional (not defaulted) so objects typed as `ClientSnapshot` elsewhere need not spell it out. */
  messengers: z.array(MessengerSchema).max(20).optional(),
  /** Every label/value pair the extractor saw, for "what was read" and for teaching fields. */
  fields: z.array(z.object({ label: text(200), value: text(2000) })).max(300).default([]),
  /** What the reader had to skip on this page and why (a book profile's broken selector), for "what was read". */
  readingProblems: z.array(text(300)).max(10).optional(),
  /** Where each field came from and how sure the extractor is (0..1). */
  provenance: z
    .partialRecord(z.enum(SNAPSHOT_FIELDS), z.object({ via: z.enum(FIELD_ORIGINS), confidence: z.number().min(0).max(1) }))
    .default({}),
});

export type ClientSnapshot = z.output<typeof ClientSnapshotSchema>;
export type ClientSnapshotInput = z.input<typeof ClientSnapshotSchema>;
export type Phone = z.output<typeof PhoneSchema>;
export type Product = z.output<typeof ProductSchema>;
export type Messenger = z.output<typeof MessengerSchema>;

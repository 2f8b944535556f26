import { z } from 'zod';
import { BUYER_TYPE_IDS } from '../book/schema';
import { checkRestoredSlot } from '../book/stored-slots';
import { FieldMappingsSchema } from '../crm/mapping-schema';
import { ClientSnapshotSchema, PhoneSchema, ProductSchema } from '../crm/snapshot';
import { UI_LANGUAGES } from '../i18n/languages';
import { DISCOUNT_AMOUNT_MAX } from '../lifecycle/discount';
import { isKnownTimeZone } from '../lifecycle/time';
import { HandedOverSchema, RoleIdsSchema } from '../roles/routing';
import { webOrigin, webUrl } from '../sites/origins';
import type { TouchbookDb } from './database';
import { EVENT_TYPES } from './schema';
import type {
  AnswerRecord,
  BookRecord,
  BookSlotName,
  ClientRecord,
  EventRecord,
  OfferRecord,
  SettingsRecord,
  SiteRecord,
  TouchRecord,
  UnmatchedObjectionRecord,
} from './schema';

/**
 * Backups: everything Touchbook keeps locally as one JSON document, and back. A file to import
 * comes from outside, so the whole of it is checked against these schemas before the database is
 * touched; then it is written in one transaction (all or nothing), chunk by chunk so a progress
 * bar can follow.
 */

export const BACKUP_FORMAT = 'touchbook-backup';
export const BACKUP_VERSION = 1;

const id = z.string().min(1).max(1_000);
const shortText = z.string().max(1_000);
const longText = z.string().max(100_000);
const time = z.number().finite();
const many = <T extends z.ZodType>(schema: T) => z.array(schema).max(1_000_000);

const ClientSchema = z.object({
  id,
  name: shortText,
  firstName: shortText.nullable(),
  middleName: shortText.nullable().optional(),
  lastName: shortText.nullable(),
  company: shortText.nullable(),
  jobTitle: shortText.nullable(),
  emails: z.array(shortText).max(100),
  phones: z.array(PhoneSchema).max(100),
  phoneKeys: z.array(shortText).max(100),
  recordKeys: z.array(shortText).max(100),
  records: z
    .array(z.object({ origin: shortText, recordId: shortText.nullable(), url: z.string().max(4_096), source: shortText, seenAt: time }))
    .max(100),
  stage: shortText.nullable(),
  amount: z.object({ value: z.number().finite(), currency: z.string().max(3).nullable() }).nullable(),
  birthday: shortText.nullable(),
  tags: z.array(shortText).max(200),
  owner: shortText.nullable(),
  products: z.array(ProductSchema).max(500),
  lastSnapshot: ClientSnapshotSchema,
  createdAt: time,
  updatedAt: time,
  buyerType: z.enum(BUYER_TYPE_IDS).nullable().optional(),
  churnReason: shortText.nullable().optional(),
  churnReasonAt: time.nullable().optional(),
  discount: z
    .object({
      amount: z.string().trim().min(1).max(DISCOUNT_AMOUNT_MAX),
      until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
      grantedAt: time,
      source: z.enum(['manager', 'card']),
    })
    .nullable()
    .optional(),
}) satisfies z.ZodType<ClientRecord>;

const EventSchema = z.object({
  id,
  clientId: id,
  type: z.enum(EVENT_TYPES),
  at: time,
  data: z.record(z.string().max(100), z.union([z.string().max(10_000), z.number(), z.null()])),
  source: z.enum(['crm', 'manager']),
  createdAt: time,
})
  // Revenue figures sum purchase amounts per currency: a file must not smuggle in a currency
  // that is not an ISO 4217 code or an amount that is not a number.
  .refine(
    (event) =>
      event.type !== 'purchase' ||
      ((event.data.amount === undefined || event.data.amount === null || typeof event.data.amount === 'number') &&
        (event.data.currency === undefined || event.data.currency === null || /^[A-Z]{3}$/.test(String(event.data.currency)))),
    { message: 'a purchase amount is a number and its currency a three-letter code', path: ['data'] },
  ) satisfies z.ZodType<EventRecord>;

const TouchSchema = z.object({
  id,
  clientId: id,
  programmeId: shortText,
  templateId: shortText,
  state: z.enum(['planned', 'due', 'done', 'snoozed', 'skipped', 'missed']),
  dueAt: time,
  goal: longText,
  role: shortText,
  channel: shortText,
  script: longText,
  scriptVariants: z.array(longText).max(10).optional(),
  outcome: z.enum(['reached', 'no-answer', 'rescheduled', 'not-interested']).nullable(),
  note: longText.nullable(),
  updatedAt: time,
  programmeName: shortText,
  priority: z.number().finite(),
  roleId: shortText,
  anchorEventId: id.nullable(),
  occurrence: shortText,
  source: z.enum(['plan', 'manager']),
  expiresAt: time.nullable(),
  snoozedUntil: time.nullable(),
  outcomeAt: time.nullable(),
  skipReason: longText.nullable(),
  createdAt: time,
}) satisfies z.ZodType<TouchRecord>;

const AnswerSchema = z.object({
  clientId: id,
  questionId: id,
  questionnaireId: id,
  value: z.union([z.string().max(100_000), z.number(), z.null()]),
  updatedAt: time,
}) satisfies z.ZodType<AnswerRecord>;

/** What the book machinery keeps (its settings, last good books); each slot is checked by `screenBackup`. */
const BookSchema = z.object({
  slot: z.enum(['config', 'managed', 'subscription', 'imported', 'personal']),
  value: z.unknown(),
  updatedAt: time,
}) satisfies z.ZodType<BookRecord>;

const SiteSchema = z.object({
  origin: z.string().url().max(2_048),
  pattern: z.string().max(2_100),
  enabledAt: time,
  mappings: FieldMappingsSchema.optional(),
}) satisfies z.ZodType<SiteRecord>;

const OfferSchema = z.object({
  clientId: id,
  ruleId: id,
  status: z.enum(['offered', 'accepted', 'declined']),
  updatedAt: time,
}) satisfies z.ZodType<OfferRecord>;

const UnmatchedObjectionSchema = z.object({
  id,
  text: z.string().max(2_000),
  clientId: id.nullable(),
  bookId: id,
  createdAt: time,
}) satisfies z.ZodType<UnmatchedObjectionRecord>;

const SettingsSchema = z.object({
  key: z.literal('settings'),
  uiLanguage: z.enum(UI_LANGUAGES).nullable(),
  timeZone: shortText.nullable(),
  managerName: shortText.nullable(),
  companyName: shortText.nullable().optional(),
  workingDays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  workDayStart: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  workDayEnd: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  vacation: z.object({ from: z.iso.date(), to: z.iso.date() }).nullable().optional(),
  remindersCheckedAt: time.nullable().optional(),
  planGrowthPercent: z.number().min(-100).max(1_000).nullable().optional(),
  coldCallsPerDay: z.number().int().min(0).max(10_000).nullable().optional(),
  roleIds: RoleIdsSchema.optional(),
  handedOverTouchIds: HandedOverSchema.optional(),
}) satisfies z.ZodType<SettingsRecord>;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'this is not a Touchbook backup' }),
  version: z.number().int().min(1).max(BACKUP_VERSION, { error: 'this backup comes from a newer Touchbook; update the extension first' }),
  exportedAt: time,
  tables: z.object({
    clients: many(ClientSchema),
    events: many(EventSchema),
    touches: many(TouchSchema),
    answers: many(AnswerSchema),
    books: many(BookSchema),
    sites: many(SiteSchema),
    settings: z.array(SettingsSchema).max(1),
    // Tables added after the first backups: a file without them restores the rest.
    offers: many(OfferSchema).default([]),
    unmatchedObjections: many(UnmatchedObjectionSchema).default([]),
  }),
});

export type Backup = z.output<typeof BackupSchema>;
export type BackupTables = Backup['tables'];
export type BackupTableName = keyof BackupTables;

/** Written in this order, so a progress bar moves from the small tables to the big ones evenly. */
export const BACKUP_TABLES: readonly BackupTableName[] = [
  'settings',
  'sites',
  'books',
  'unmatchedObjections',
  'clients',
  'offers',
  'events',
  'touches',
  'answers',
];

// ---- export ------------------------------------------------------------------------------------

export async function exportBackup(db: TouchbookDb, now: number): Promise<Backup> {
  return db.transaction('r', db.tables, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    tables: {
      clients: await db.clients.toArray(),
      events: await db.events.toArray(),
      touches: await db.touches.toArray(),
      answers: await db.answers.toArray(),
      books: await db.books.toArray(),
      sites: await db.sites.toArray(),
      settings: await db.settings.toArray(),
      offers: await db.offers.toArray(),
      unmatchedObjections: await db.unmatchedObjections.toArray(),
    },
  }));
}

export interface ExportPartsOptions {
  /** Rows read per request; the page stays responsive and no array holds a whole table. */
  pageSize?: number;
  /** Called after each page with rows read so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The backup as pieces of JSON text, for a Blob: the same document `exportBackup` gives, read a
 * page at a time in one read transaction (a consistent copy while the worker keeps writing).
 * Issue 16: a whole database as one object, or one message, does not fit Chrome's 64 MiB message
 * limit nor, past a few hundred megabytes, one JavaScript string; pieces of a Blob do.
 */
export async function exportBackupParts(db: TouchbookDb, now: number, options: ExportPartsOptions = {}): Promise<string[]> {
  const pageSize = Math.max(1, options.pageSize ?? 2_000);
  // The file's own key order, so it reads like `JSON.stringify(exportBackup(...))`.
  const order: readonly BackupTableName[] = ['clients', 'events', 'touches', 'answers', 'books', 'sites', 'settings', 'offers', 'unmatchedObjections'];
  return db.transaction('r', db.tables, async () => {
    const counts = await Promise.all(order.map((name) => db.table(name).count()));
    const total = counts.reduce((sum, count) => sum + count, 0);
    let done = 0;
    const parts = [`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(now)},"tables":{`];
    for (const [index, name] of order.entries()) {
      parts.push(`${index === 0 ? '' : ','}${JSON.stringify(name)}:[`);
      let last: unknown = undefined;
      let first = true;
      for (;;) {
        const table = db.table<Record<string, unknown>>(name);
        // Keyset paging on the primary key: each page starts where the last one ended.
        const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(pageSize).toArray();
        if (page.length === 0) break;
        const text = page.map((row) => JSON.stringify(row)).join(',');
        parts.push(first ? text : `,${text}`);
        first = false;
        last = KEYS[name](page[page.length - 1]!);
        done += page.length;
        options.onProgress?.(done, total);
        if (page.length < pageSize) break;
      }
      parts.push(']');
    }
    parts.push('}}\n');
    if (total === 0) options.onProgress?.(0, 0);
    return parts;
  });
}

// ---- import ------------------------------------------------------------------------------------

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

/** Checks a backup without touching the database; the error names the first bad place. */
export function parseBackup(input: unknown): ParsedBackup {
  const parsed = BackupSchema.safeParse(input);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `${issue?.message ?? 'invalid backup'}${where}` };
}

export type ImportMode = 'merge' | 'replace';

export interface ImportOptions {
  /** `replace` empties every table first; `merge` keeps local rows unless the backup's are newer. */
  mode: ImportMode;
  /** Called after each chunk with rows processed so far and the total. */
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
  /**
   * Book slots an administrator's policy controls, with why; the backup's rows for them are not
   * written and, in replace mode, the local ones are kept.
   */
  protectedBookSlots?: ProtectedBookSlots | ((backupBooks: readonly BookRecord[]) => Promise<ProtectedBookSlots>);
  /**
   * Stops the restore before its next chunk; the transaction is aborted, so the database keeps
   * what it had (the page that asked went away, or the browser is closing).
   */
  signal?: AbortSignal;
}

export type ProtectedBookSlots = Partial<Record<BookSlotName, string>>;

/** Why a row of the file was not restored; the options page words each one. */
export type SkipReason = 'invalid-book' | 'policy-controlled' | 'missing-client' | 'unsafe-url' | 'unknown-time-zone';

export interface SkippedRows {
  table: BackupTableName;
  reason: SkipReason;
  count: number;
  /** The first few, "key: detail", so the manager can find them in the file. */
  examples: string[];
}

export interface ImportSummary {
  written: Record<BackupTableName, number>;
  /** Rows that passed the checks (written, or older than the local ones in merge mode). */
  total: number;
  skipped: SkippedRows[];
}

const MAX_EXAMPLES = 5;

/**
 * Imports a backup. Merge rule: a row the database lacks is added; a row it has is replaced only
 * by a strictly newer one (updatedAt for clients, touches, answers and books, enabledAt for
 * sites); events never change once written; local settings win.
 * Sites restored here still need their host permission and content-script registration synced.
 */
export async function importBackup(db: TouchbookDb, input: unknown, options: ImportOptions): Promise<ImportSummary> {
  const parsed = parseBackup(input);
  if (!parsed.ok) throw new BackupError(parsed.error);
  const chunkSize = Math.max(1, options.chunkSize ?? 500);
  // Asked before the transaction: the answer may need browser storage, which would end it.
  const protectedSlots =
    typeof options.protectedBookSlots === 'function' ? await options.protectedBookSlots(parsed.backup.tables.books) : (options.protectedBookSlots ?? {});
  const written = Object.fromEntries(BACKUP_TABLES.map((name) => [name, 0])) as Record<BackupTableName, number>;
  let done = 0;
  let total = 0;
  let skipped: SkippedRows[] = [];

  await db.transaction('rw', db.tables, async () => {
    // In merge mode a touch may belong to a client this database already has.
    const localClientIds = options.mode === 'merge' ? (await db.clients.toCollection().primaryKeys()) : [];
    const screened = screenBackup(parsed.backup.tables, { localClientIds, protectedBookSlots: protectedSlots });
    const { tables } = screened;
    skipped = screened.skipped;
    total = BACKUP_TABLES.reduce((sum, name) => sum + tables[name].length, 0);
    // The file is checked: the bar moves on to writing before emptying the tables, which takes a while on a big database.
    options.onProgress?.(0, total);
    if (options.mode === 'replace') {
      await Promise.all(db.tables.filter((table) => table.name !== 'books').map((table) => table.clear()));
      await db.books.filter((row) => !Object.hasOwn(protectedSlots, row.slot)).delete();
    }
    for (const name of BACKUP_TABLES) {
      const rows: readonly object[] = tables[name];
      for (let start = 0; start < rows.length; start += chunkSize) {
        // Thrown inside the transaction: Dexie aborts it and nothing of this restore stays.
        if (options.signal?.aborted) throw new BackupError('the restore was stopped before it finished');
        const chunk = rows.slice(start, start + chunkSize);
        const keep = options.mode === 'replace' ? chunk : await newerRows(db, name, chunk);
        await db.table(name).bulkPut(keep);
        written[name] += keep.length;
        done += chunk.length;
        options.onProgress?.(done, total);
      }
    }
  });
  return { written, total, skipped };
}

// ---- what a file may not bring in ---------------------------------------------------------------

export interface ScreenOptions {
  /** Clients the database keeps whatever the file says (merge mode). */
  localClientIds: readonly string[];
  protectedBookSlots: ProtectedBookSlots;
}

/**
 * The checks the schemas cannot make on one row alone (issue 16): a client whose pages are not
 * web pages (a notification click opens them), rows that refer to a client neither the file nor
 * the database has, a time zone this browser does not know, book slots that are not what the book
 * machinery wrote or that an administrator's policy controls. Such rows are left out and counted.
 */
export function screenBackup(tables: BackupTables, options: ScreenOptions): { tables: BackupTables; skipped: SkippedRows[] } {
  const skipped = new Map<string, SkippedRows>();
  const skip = (table: BackupTableName, reason: SkipReason, example: string) => {
    const key = `${table}/${reason}`;
    const entry = skipped.get(key) ?? { table, reason, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(example.slice(0, 300));
    skipped.set(key, entry);
  };

  const clients = tables.clients.filter((client) => {
    const bad = clientAddresses(client).find((address) => webUrl(address) === null);
    if (bad !== undefined) skip('clients', 'unsafe-url', `${client.id}: ${bad}`);
    return bad === undefined;
  });
  const clientIds = new Set([...options.localClientIds, ...clients.map((client) => client.id)]);
  const ofKnownClient = <Row extends { clientId: string }>(table: BackupTableName, rows: readonly Row[], key: (row: Row) => string) =>
    rows.filter((row) => {
      if (clientIds.has(row.clientId)) return true;
      skip(table, 'missing-client', `${key(row)}: client ${row.clientId}`);
      return false;
    });

  const settings = tables.settings.map((row) => {
    if (row.timeZone === null || isKnownTimeZone(row.timeZone)) return row;
    skip('settings', 'unknown-time-zone', row.timeZone);
    return { ...row, timeZone: null }; // the browser's own zone, as on a fresh install
  });

  const books = tables.books.flatMap((row) => {
    const policyReason = options.protectedBookSlots[row.slot];
    if (policyReason !== undefined) {
      skip('books', 'policy-controlled', `${row.slot}: ${policyReason}`);
      return [];
    }
    const checked = checkRestoredSlot(row.slot, row.value);
    if (checked.ok) return [{ ...row, value: checked.value }];
    const first = checked.errors[0];
    skip('books', 'invalid-book', `${row.slot}: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid'}`);
    return [];
  });

  const sites = tables.sites.filter((site) => {
    if (webOrigin(site.origin) === site.origin) return true;
    skip('sites', 'unsafe-url', site.origin);
    return false;
  });

  return {
    tables: {
      ...tables,
      clients,
      events: ofKnownClient('events', tables.events, (row) => row.id),
      touches: ofKnownClient('touches', tables.touches, (row) => row.id),
      answers: ofKnownClient('answers', tables.answers, (row) => row.questionId),
      offers: ofKnownClient('offers', tables.offers, (row) => row.ruleId),
      settings,
      books,
      sites,
    },
    skipped: [...skipped.values()],
  };
}

/** Every address of a client that the extension may open in a tab. */
function clientAddresses(client: ClientRecord): string[] {
  return [...client.records.flatMap((record) => [record.url, record.origin]), client.lastSnapshot.url, client.lastSnapshot.origin];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The moment a row was last changed, per table; null: a stored row is never replaced. */
const STAMPS: Record<BackupTableName, ((row: Record<string, unknown>) => number) | null> = {
  clients: (row) => row.updatedAt as number,
  touches: (row) => row.updatedAt as number,
  answers: (row) => row.updatedAt as number,
  books: (row) => row.updatedAt as number,
  sites: (row) => row.enabledAt as number,
  offers: (row) => row.updatedAt as number,
  events: null,
  settings: null,
  unmatchedObjections: null,
};

/** Each table's primary key, as Dexie's `bulkGet` wants it. */
const KEYS: Record<BackupTableName, (row: Record<string, unknown>) => unknown> = {
  clients: (row) => row.id,
  events: (row) => row.id,
  touches: (row) => row.id,
  answers: (row) => [row.clientId, row.questionId],
  books: (row) => row.slot,
  sites: (row) => row.origin,
  settings: (row) => row.key,
  offers: (row) => [row.clientId, row.ruleId],
  unmatchedObjections: (row) => row.id,
};

async function newerRows(db: TouchbookDb, name: BackupTableName, rows: readonly object[]): Promise<object[]> {
  const records = rows as ReadonlyArray<Record<string, unknown>>;
  const stored = await db.table<Record<string, unknown>>(name).bulkGet(records.map(KEYS[name]) as string[]);
  const stamp = STAMPS[name];
  return records.filter((row, index) => {
    const local = stored[index];
    if (!local) return true;
    return stamp !== null && stamp(row) > stamp(local);
  });
}

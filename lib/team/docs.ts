import { z } from 'zod';

/**
 * The documents a manager's browser writes to the team's CouchDB, and the only ones the lead's
 * page reads. One document per manager per local day, with a deterministic id, so a re-sent day
 * updates its document in place (by `_rev`) and never adds a second one: replication is
 * conflict-free because each document has exactly one writer.
 *
 * Every document read back is parsed with these schemas before it is shown; anything else in the
 * database (design documents, other apps' documents, a broken write) is skipped with a reason.
 */

export const DOC_TYPE = 'touchbook/day';
export const DOC_PREFIX = 'agg:';

/** Manager ids become part of document ids and of CouchDB user names: keep them plain. */
export const ManagerIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected lower-case letters, digits, ".", "_" or "-", such as "anna.k"');

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const count = z.number().int().min(0).max(1e9);
const money = z.number().finite().min(-1e15).max(1e15);
const currency = z.string().regex(/^[A-Z]{3}$/);

export const TouchFiguresSchema = z.strictObject({
  done: count,
  open: count,
  overdue: count,
  skipped: count,
  missed: count,
});

export const RevenueFiguresSchema = z.strictObject({
  purchases: count,
  repeatPurchases: count,
  clients: count,
  repeatClients: count,
  /** Per currency, never summed across currencies: what the repeat share is computed from. */
  byCurrency: z.record(currency, z.strictObject({ total: money, repeat: money })),
});

/** The month's plan as it stood at the end of the day: last month + growth, and the month so far. */
export const PlanFiguresSchema = z.strictObject({
  currency,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  basis: money,
  plan: money,
  actual: money,
  /** The share of the month gone by that day, 0..1: progress is read against it. */
  monthElapsed: z.number().min(0).max(1),
});

/** TOP-50 over the 30 days ending that day; only when the team policy allows client ids out. */
export const TopFiguresSchema = z.strictObject({
  currency,
  /** Local client ids (random UUIDs, no names), in rank order. */
  ids: z.array(z.string().min(1).max(100)).max(50),
  entered: count,
  dropped: count,
});

/** What the manager typed when the book had no answer; never who said it. */
export const ObjectionFiguresSchema = z.strictObject({
  text: z.string().min(1).max(2000),
  count: z.number().int().min(1).max(1e6),
});

export const CLIENT_OUTCOMES = ['reached', 'no-answer', 'rescheduled', 'not-interested'] as const;

/** Per-client touch outcomes for a shared client base; only when the team policy turns it on. */
export const ClientOutcomeSchema = z.strictObject({
  /** The CRM record the client was seen on, `origin|recordId`: the team's shared key for the client. */
  record: z.string().min(1).max(2200),
  programmeId: z.string().max(200),
  outcome: z.enum(CLIENT_OUTCOMES),
  at: z.number().int().min(0),
});

export type ClientOutcome = z.infer<typeof ClientOutcomeSchema>;

export const DayDocBodySchema = z.strictObject({
  type: z.literal(DOC_TYPE),
  schema: z.literal(1),
  managerId: ManagerIdSchema,
  managerName: z.string().max(200),
  day: isoDay,
  timeZone: z.string().min(1).max(64),
  touches: TouchFiguresSchema,
  revenue: RevenueFiguresSchema,
  plans: z.array(PlanFiguresSchema).max(50),
  top: z.array(TopFiguresSchema).max(20).nullable(),
  objections: z.array(ObjectionFiguresSchema).max(200),
  clientOutcomes: z.array(ClientOutcomeSchema).max(5000).nullable(),
  /** When the browser computed it, epoch ms (not part of what decides whether to re-send). */
  updatedAt: z.number().int().min(0),
});
export type DayDocBody = z.infer<typeof DayDocBodySchema>;

/** A document as read back from CouchDB: its id must be the one its content implies. */
export const DayDocSchema = DayDocBodySchema.extend({
  _id: z.string(),
  _rev: z.string().min(1),
})
  .loose()
  .refine((doc) => doc._id === dayDocId(doc.managerId, doc.day), { message: 'the id does not match its manager and day', path: ['_id'] });
export type DayDoc = z.infer<typeof DayDocSchema>;

export function dayDocId(managerId: string, day: string): string {
  return `${DOC_PREFIX}${managerId}:${day}`;
}

export interface SkippedDoc {
  id: string;
  reason: string;
}

/**
 * Sorts replicated rows into valid day documents and skipped ones (with the first problem found).
 * Design documents and deletions are not team data and are left out without a reason.
 */
export function parseDayDocs(rows: ReadonlyArray<{ id: string; doc?: unknown; deleted?: boolean }>): { docs: DayDoc[]; skipped: SkippedDoc[] } {
  const docs: DayDoc[] = [];
  const skipped: SkippedDoc[] = [];
  for (const row of rows) {
    if (row.id.startsWith('_design/') || row.deleted) continue;
    const parsed = DayDocSchema.safeParse(row.doc);
    if (parsed.success) docs.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      skipped.push({ id: row.id, reason: issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid document' });
    }
  }
  return { docs, skipped };
}

/**
 * The team index: the document the admin keeps in the team index database, listing one database
 * per manager (docs/team-view.md, "Access rules"). Database names only, never URLs: the lead's
 * page reads them on the index's own server, so the lead's password goes nowhere else.
 */
export const TEAM_INDEX_ID = 'touchbook-team';
/** CouchDB's rule for database names, without "/" (a name stays one path segment). */
export const DbNameSchema = z.string().max(238).regex(/^[a-z][a-z0-9_$()+-]*$/, 'expected a CouchDB database name');
export const TeamIndexSchema = z
  .object({
    _id: z.literal(TEAM_INDEX_ID),
    type: z.literal('touchbook/team'),
    schema: z.literal(1),
    managers: z
      .array(z.strictObject({ id: ManagerIdSchema, name: z.string().max(200), db: DbNameSchema }))
      .max(1000)
      .refine((list) => new Set(list.map((entry) => entry.id)).size === list.length, 'a manager is listed twice'),
  })
  .loose();
export type TeamIndexEntry = z.infer<typeof TeamIndexSchema>['managers'][number];

/** The push checkpoint the manager's browser keeps in `_local/` on the target (never replicated). */
export const PushCheckpointSchema = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  /** A random id of this browser's outbox: a target that holds another session's checkpoint was reset or replaced. */
  session: z.string().min(1).max(100),
  seq: z.number().int().min(0),
});
export type PushCheckpoint = z.infer<typeof PushCheckpointSchema>;

export function pushCheckpointId(managerId: string): string {
  return `_local/touchbook-push-${managerId}`;
}

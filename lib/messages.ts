import { z } from 'zod';
import type { BookStatus, ImportResult, LayeredBookReply } from './background/books';
import type { ClientPlan, DueList } from './background/lifecycle-service';
import { BUYER_TYPE_IDS } from './book/schema';
import { DISCOUNT_AMOUNT_MAX } from './lifecycle/discount';
import { TOUCH_OUTCOMES } from './lifecycle/states';
import { BookConfigSchema } from './book/config';
import type { BookError } from './book/errors';
import type { PersonalLayer } from './book/layers';
import { FieldMappingSchema, FieldMappingsSchema } from './crm/mapping-schema';
import { PageDigestSchema } from './crm/digest/schema';
import type { PageDigest } from './crm/digest/collect';
import { RoleIdsSchema } from './roles/routing';
import { ClientSnapshotSchema, SNAPSHOT_FIELDS, type ClientSnapshotInput } from './crm/snapshot';
import type { ReportTerms } from './crm/report-terms';
import type {
  AnswerRecord,
  ClientRecord,
  OfferStatus,
  SettingsRecord,
  SiteRecord,
  TouchRecord,
  UnmatchedObjectionRecord,
} from './db/schema';
import { UI_LANGUAGES, type UiLanguage } from './i18n/languages';
import type { FieldMapping } from './crm/mappings';
import { TEACHABLE_FIELDS, type TeachableField } from './sites/mappings';
import type { PickerMessages } from './teach/texts';
import type { TeamStatus } from './team/service';

/**
 * The one message protocol. Messages are named by direction: `cs/*` come from content scripts in
 * CRM pages (untrusted: the page shapes their payload), `ui/*` from the extension's own pages.
 * The background parses every message with these schemas before it looks at it, and every reply
 * is `{ ok: true, data } | { ok: false, error }`.
 */

const origin = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'expected an origin such as https://crm.example.com');

const clientId = z.string().min(1).max(100);
const touchId = z.string().min(1).max(600);
const epochMs = z.number().int().min(0).max(8.64e15);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A page's terms for the background to report its client (lib/crm/report-terms); only compared, never stored. */
const ReportTermsSchema = z.object({
  navigation: z.boolean(),
  previous: z
    .object({
      recordId: z.string().max(1_000).nullable().optional(),
      name: z.string().max(1_000).nullable().optional(),
      emails: z.array(z.string().max(1_000)).max(100).optional(),
    })
    .nullable(),
  lastSent: z.string().max(2_000_000),
});

export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs/snapshot'), snapshot: ClientSnapshotSchema }),
  // The page's digest, read off the page; the reply is what it shows. With the page's terms the
  // background reports the client itself (`reported`); else the page sends the snapshot as above.
  z.object({ type: z.literal('cs/digest'), digest: PageDigestSchema, mappings: FieldMappingsSchema, report: ReportTermsSchema.optional() }),
  z.object({ type: z.literal('cs/no-client'), url: z.string().url().max(4096) }),
  z.object({ type: z.literal('cs/mappings.get') }),
  z.object({ type: z.literal('cs/teach'), mapping: FieldMappingSchema }),
  z.object({ type: z.literal('cs/teach.context') }),
]);

/** What the background tells content scripts; they only check the type (no payload to trust). */
export type BackgroundToContent = { type: 'bg/mappings.changed' };

export const UiMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui/sites.list') }),
  z.object({ type: z.literal('ui/sites.enable'), origin }),
  z.object({ type: z.literal('ui/sites.disable'), origin }),
  z.object({ type: z.literal('ui/focus.get'), tabId: z.number().int().nonnegative().nullable() }),
  // With a field, the picker asks for that one value ("Teach the name") instead of "what is this?".
  z.object({ type: z.literal('ui/teach.start'), tabId: z.number().int().nonnegative().nullable(), field: z.enum(TEACHABLE_FIELDS).optional() }),
  z.object({ type: z.literal('ui/mappings.list') }),
  z.object({ type: z.literal('ui/mappings.forget'), origin, field: z.enum(SNAPSHOT_FIELDS) }),
  z.object({ type: z.literal('ui/touches.due') }),
  z.object({ type: z.literal('ui/touches.client'), clientId }),
  z.object({
    type: z.literal('ui/touch.done'),
    touchId,
    outcome: z.enum(TOUCH_OUTCOMES),
    note: z.string().trim().max(5000).nullable(),
    retryAt: epochMs.optional(),
  }),
  z.object({ type: z.literal('ui/touch.retry'), touchId }),
  z.object({ type: z.literal('ui/touch.snooze'), touchId, until: epochMs }),
  z.object({ type: z.literal('ui/touch.skip'), touchId, reason: z.string().trim().min(1).max(500) }),
  z.object({ type: z.literal('ui/touch.handOver'), touchId, handedOver: z.boolean() }),
  z.object({ type: z.literal('ui/client.callback'), clientId, at: epochMs, note: z.string().trim().max(2000).nullable() }),
  z.object({
    type: z.literal('ui/client.purchase'),
    clientId,
    product: z.string().trim().min(1).max(300),
    category: z.string().trim().max(200).nullable(),
    date: epochMs,
    /** What it came to (negative for a refund), in `currency`; both or neither. */
    amount: z.number().finite().min(-1e12).max(1e12).nullable().default(null),
    currency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
  }).refine((purchase) => (purchase.amount === null) === (purchase.currency === null), { message: 'an amount needs its currency' }),
  z.object({
    type: z.literal('ui/client.profile'),
    clientId,
    buyerType: z.enum(BUYER_TYPE_IDS).nullable().optional(),
    churnReason: z.string().max(64).nullable().optional(),
  }),
  z.object({
    type: z.literal('ui/client.discount'),
    clientId,
    discount: z
      .object({
        amount: z.string().trim().min(1).max(DISCOUNT_AMOUNT_MAX),
        until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').nullable(),
      })
      .nullable(),
  }),
  z.object({ type: z.literal('ui/answers.get'), clientId }),
  z.object({
    type: z.literal('ui/answer.save'),
    clientId,
    questionnaireId: z.string().min(1).max(64),
    questionId: z.string().min(1).max(64),
    value: z.union([z.string().max(5000), z.number(), z.null()]),
  }),
  z.object({ type: z.literal('ui/offers.get'), clientId }),
  z.object({ type: z.literal('ui/offer.mark'), clientId, ruleId: z.string().min(1).max(64), status: z.enum(['offered', 'accepted', 'declined']).nullable() }),
  z.object({ type: z.literal('ui/unmatched.add'), text: z.string().trim().min(1).max(2000), clientId: clientId.nullable() }),
  z.object({ type: z.literal('ui/unmatched.list') }),
  z.object({ type: z.literal('ui/unmatched.clear') }),
  z.object({ type: z.literal('ui/debug.clock'), offsetMs: z.number().int().min(-1e12).max(1e12) }),
  z.object({ type: z.literal('ui/settings.get') }),
  // The Insights page asks the worker (the one writer) to bring the daily aggregates up to date.
  z.object({ type: z.literal('ui/insights.refresh') }),
  z.object({ type: z.literal('ui/book.status') }),
  z.object({ type: z.literal('ui/book.get') }),
  z.object({ type: z.literal('ui/book.sync') }),
  // Bounded a little above the book size limit so the validator, not the router, reports "too big".
  z.object({ type: z.literal('ui/book.import'), text: z.string().max(6_000_000) }),
  z.object({ type: z.literal('ui/book.forget-imported') }),
  z.object({ type: z.literal('ui/book.configure'), patch: BookConfigSchema.partial() }),
  z.object({ type: z.literal('ui/book.personal.get') }),
  z.object({ type: z.literal('ui/book.personal.save'), layer: z.unknown() }),
  z.object({
    type: z.literal('ui/settings.update'),
    patch: z
      .object({
        uiLanguage: z.enum(UI_LANGUAGES).nullable(),
        timeZone: z.string().max(64).refine(isTimeZone, 'expected an IANA time zone such as Europe/Kyiv').nullable(),
        managerName: z.string().trim().max(200).nullable(),
        companyName: z.string().trim().max(200).nullable(),
        workingDays: z.array(z.number().int().min(1).max(7)).max(7),
        workDayStart: clock,
        workDayEnd: clock,
        vacation: z.object({ from: isoDay, to: isoDay }).nullable(),
        roleIds: RoleIdsSchema,
      })
      .partial(),
  }),
  // wt-team: the team view's sync status and "Sync now" (settings live in storage.local).
  z.object({ type: z.literal('ui/team.status') }),
  z.object({ type: z.literal('ui/team.sync') }),
]);

/** What a content script sends; the snapshot is typed by its input shape (defaults not applied). */
export type ContentMessage =
  | { type: 'cs/snapshot'; snapshot: ClientSnapshotInput }
  | { type: 'cs/digest'; digest: PageDigest; mappings: readonly FieldMapping[]; report?: ReportTerms }
  | { type: 'cs/no-client'; url: string }
  | { type: 'cs/mappings.get' }
  | { type: 'cs/teach'; mapping: FieldMapping }
  | { type: 'cs/teach.context' };
export type UiMessage = z.input<typeof UiMessageSchema>;
export type ParsedContentMessage = z.output<typeof ContentMessageSchema>;
export type ParsedUiMessage = z.output<typeof UiMessageSchema>;

/** What the side panel shows for a tab. */
export type PanelFocus =
  | { state: 'client'; tabId: number; origin: string; client: ClientRecord }
  /** An enabled site whose page has not reported yet: loading, or a page opened before an update. */
  | { state: 'reading'; tabId: number; origin: string }
  | {
      state: 'no-client';
      tabId: number | null;
      origin: string | null;
      /** False on a web page of a site the user has not enabled (the panel offers to enable it). */
      siteEnabled: boolean | null;
      /** The page was read and reported no client: not a record page, or one the reader did not recognise. */
      read?: boolean;
    };

/** The data each message answers with. */
export interface Replies {
  'cs/snapshot': { clientId: string };
  'cs/digest': { snapshot: ClientSnapshotInput | null; reported?: boolean };
  'cs/no-client': null;
  'cs/mappings.get': FieldMapping[];
  'cs/teach': FieldMapping[];
  'cs/teach.context': { language: UiLanguage; messages: PickerMessages; selectionField: TeachableField | null; pickField: TeachableField | null };
  'ui/teach.start': { tabId: number };
  'ui/mappings.list': Array<{ origin: string; mappings: FieldMapping[] }>;
  'ui/mappings.forget': FieldMapping[];
  'ui/sites.list': SiteRecord[];
  'ui/sites.enable': SiteRecord;
  'ui/sites.disable': null;
  'ui/focus.get': PanelFocus;
  'ui/book.status': BookStatus;
  'ui/book.get': LayeredBookReply;
  'ui/book.sync': BookStatus;
  'ui/book.import': ImportResult;
  'ui/book.forget-imported': BookStatus;
  'ui/book.configure': { ok: true; status: BookStatus } | { ok: false; errors: BookError[] };
  'ui/book.personal.get': PersonalLayer;
  'ui/book.personal.save': { ok: true } | { ok: false; errors: BookError[] };
  'ui/touches.due': DueList;
  'ui/touches.client': ClientPlan;
  'ui/touch.done': { touch: TouchRecord; retry: TouchRecord | null };
  'ui/touch.retry': TouchRecord;
  'ui/touch.snooze': TouchRecord;
  'ui/touch.skip': TouchRecord;
  'ui/touch.handOver': null;
  'ui/client.callback': null;
  'ui/client.purchase': null;
  'ui/client.profile': ClientRecord | undefined;
  'ui/client.discount': ClientRecord | undefined;
  'ui/debug.clock': { now: number };
  'ui/answers.get': AnswerRecord[];
  'ui/answer.save': AnswerRecord;
  'ui/offers.get': Record<string, OfferStatus>;
  'ui/offer.mark': null;
  'ui/unmatched.add': UnmatchedObjectionRecord;
  'ui/unmatched.list': UnmatchedObjectionRecord[];
  'ui/unmatched.clear': null;
  'ui/settings.get': SettingsRecord;
  'ui/settings.update': SettingsRecord;
  'ui/insights.refresh': { zone: string; recounted: number | 'all' };
  // wt-team
  'ui/team.status': TeamStatus;
  'ui/team.sync': TeamStatus;
}

export type MessageType = keyof Replies;
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
export type ReplyTo<M extends { type: MessageType }> = Reply<Replies[M['type']]>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

import type { BuyerTypeId } from '../book/schema';
import type { FieldMapping } from '../crm/mappings';
import type { ClientSnapshot, Phone, Product } from '../crm/snapshot';
import type { UiLanguage } from '../i18n';
import type { ClientDiscount } from '../lifecycle/discount';
import type { DayDocBody } from '../team/docs';

/** A CRM record a client was seen on; one client may be seen on several (contact, deal...). */
export interface SeenRecord {
  origin: string;
  recordId: string | null;
  url: string;
  source: string;
  seenAt: number;
}

export interface ClientRecord {
  id: string;
  name: string;
  firstName: string | null;
  /** The card's middle name or patronymic; optional so records stored before it keep their shape. */
  middleName?: string | null;
  lastName: string | null;
  company: string | null;
  jobTitle: string | null;
  emails: string[];
  phones: Phone[];
  /** Digits-only forms of the phones, indexed for matching the same person across pages. */
  phoneKeys: string[];
  /** `origin|recordId` of every CRM record this client was seen on, indexed for lookups. */
  recordKeys: string[];
  records: SeenRecord[];
  stage: string | null;
  amount: ClientSnapshot['amount'];
  birthday: string | null;
  tags: string[];
  owner: string | null;
  products: Product[];
  lastSnapshot: ClientSnapshot;
  createdAt: number;
  updatedAt: number;
  /**
   * Set by the manager in the side panel (version 2). Optional so code that builds a record from
   * a page snapshot keeps compiling; the version 2 upgrade fills null for older rows.
   */
  buyerType?: BuyerTypeId | null;
  /** A churn reason id from the sales book, when the client is leaving or has left. */
  churnReason?: string | null;
  /** When the churn reason was recorded: the programmes the book links to it count from here. */
  churnReasonAt?: number | null;
  /** The second-purchase discount, recorded in the side panel or read from the card. */
  discount?: ClientDiscount | null;
}

export const EVENT_TYPES = [
  'purchase',
  'deal-won',
  'stage-reached',
  'birthday',
  'callback-requested',
  'custom-date',
  // From the client record: the discount granted and the churn reason recorded.
  'discount',
  'churn-reason',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventRecord {
  id: string;
  clientId: string;
  type: EventType;
  /** When it happened (or, for a callback, when the client asked to be called), epoch ms. */
  at: number;
  data: Record<string, string | number | null>;
  source: 'crm' | 'manager';
  createdAt: number;
}

export type TouchState = 'planned' | 'due' | 'done' | 'snoozed' | 'skipped' | 'missed';

/** How a done touch went. `no-answer` proposes a retry; `rescheduled` goes with a new time. */
export type TouchOutcome = 'reached' | 'no-answer' | 'rescheduled' | 'not-interested';

/** `plan` touches belong to the planner, which may move or remove them; `manager` ones never. */
export type TouchSource = 'plan' | 'manager';

export interface TouchRecord {
  /** `${clientId}:${programmeId}:${templateId}:${occurrence}`, so planning twice writes once. */
  id: string;
  clientId: string;
  programmeId: string;
  templateId: string;
  state: TouchState;
  /** When to act, epoch ms; while snoozed, the end of the snooze (so one index serves both). */
  dueAt: number;
  goal: string;
  /** The role's display name from the book. */
  role: string;
  channel: string;
  script: string;
  /**
   * Wordings to prefer over `script`, in order, whose book conditions held when planned; the
   * panel reads the first one the card fills. Absent when the book's touch has no variants.
   */
  scriptVariants?: string[];
  outcome: TouchOutcome | null;
  note: string | null;
  updatedAt: number;
  // ---- version 2 ----
  /** The programme's name, so lists need not load the book. */
  programmeName: string;
  /** The programme's priority: lower goes first when touches fall on the same day. */
  priority: number;
  /** The role's id from the book, for "my touches" filters. */
  roleId: string;
  /** The lifecycle event the touch counts from; null for yearly windows with no anchor. */
  anchorEventId: string | null;
  /** Which run of the template: the anchor event id (`#n` for repeats) or a window's start date. */
  occurrence: string;
  source: TouchSource;
  /** After this the chance has passed (a season window closed, the next repeat came): missed. */
  expiresAt: number | null;
  snoozedUntil: number | null;
  outcomeAt: number | null;
  skipReason: string | null;
  createdAt: number;
}

export interface AnswerRecord {
  clientId: string;
  questionId: string;
  questionnaireId: string;
  value: string | number | null;
  updatedAt: number;
}

/**
 * One row per thing the sales-book machinery keeps: the manager's subscription settings, the last
 * good book of each source (with its sync state), and the personal layer. See lib/background/books.
 */
export type BookSlotName = 'config' | 'managed' | 'subscription' | 'imported' | 'personal';

/** What became of a cross-sell offer for a client; insights read it later. */
export type OfferStatus = 'offered' | 'accepted' | 'declined';

export interface OfferRecord {
  clientId: string;
  ruleId: string;
  status: OfferStatus;
  updatedAt: number;
}

/** Words a client used that the book had no answer for, kept for the team lead to add. */
export interface UnmatchedObjectionRecord {
  id: string;
  text: string;
  clientId: string | null;
  bookId: string;
  createdAt: number;
}

export interface BookRecord {
  slot: BookSlotName;
  value: unknown;
  updatedAt: number;
}

export interface SiteRecord {
  origin: string;
  /** The match pattern the content script is registered for, e.g. `https://crm.example.com/*`. */
  pattern: string;
  enabledAt: number;
  /** Fields the manager taught by clicking on this CRM; they override the extractor's guesses. */
  mappings?: FieldMapping[];
}

export interface SettingsRecord {
  key: 'settings';
  uiLanguage: UiLanguage | null;
  timeZone: string | null;
  managerName: string | null;
  /** The manager's own company, for "{company.name}" in scripts. */
  companyName?: string | null;
  // ---- version 2: when touches may fall, and when reminders last looked. Optional so settings
  // written before them still type-check; `getSettings` fills them from DEFAULT_SETTINGS. ----
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workingDays?: number[];
  /** "HH:MM", local. */
  workDayStart?: string;
  /** "HH:MM", local, exclusive. */
  workDayEnd?: string;
  /** Days away, both inclusive, "YYYY-MM-DD": touches wait for the first working slot after. */
  vacation?: { from: string; to: string } | null;
  /** The last reminder check, epoch ms: touches due after it and by now are "newly due". */
  remindersCheckedAt?: number | null;
  // ---- the Insights figures; optional, no upgrade needed (absent reads as the default) ----
  /** Next month's revenue plan is the last month's figure plus this percent (default 10). */
  planGrowthPercent?: number | null;
  /** The cold-call plan per working day; null or absent: no plan. */
  coldCallsPerDay?: number | null;
  // ---- routing by role; optional, absent reads as a sales manager who handed nothing over ----
  /** The book's role ids the manager performs; their touches remind and come first. */
  roleIds?: string[];
  /** Touches of other roles the manager copied as a task for the CRM, oldest first. */
  handedOverTouchIds?: string[];
}

export const DEFAULT_SETTINGS: SettingsRecord = {
  key: 'settings',
  uiLanguage: null,
  timeZone: null,
  managerName: null,
  workingDays: [1, 2, 3, 4, 5],
  workDayStart: '09:00',
  workDayEnd: '18:00',
  vacation: null,
  remindersCheckedAt: null,
};

/**
 * A day document waiting in the team outbox (lib/team/outbox.ts). `seq` grows each time the
 * day's figures change; the replicator sends rows above its checkpoint, so a changed day is sent
 * again and an unchanged one never.
 */
export interface TeamOutboxRecord {
  /** The CouchDB document id, `agg:<managerId>:<YYYY-MM-DD>`. */
  id: string;
  day: string;
  body: DayDocBody;
  /** The body without `updatedAt`, as canonical JSON: what decides whether the day changed. */
  fingerprint: string;
  seq: number;
  /** The document's revision on the target as last written, or null before the first write. */
  rev: string | null;
}

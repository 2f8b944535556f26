import { z } from 'zod';
import { PLACEHOLDER_NAMES } from './placeholders';
import { BOOK_LIMITS, BUYER_TYPE_IDS, ID_PATTERN, MAPPED_FIELDS, OPTION_TIERS, QUESTION_LEVELS } from './constants';
import { ISO_DURATION_PATTERN, MONTH_DAY_PATTERN } from './timing';

import { CrmAdaptersSchema, CrmLabelsSchema } from './crm-profile-schema';

export { BOOK_LIMITS, BUYER_TYPE_IDS, ID_PATTERN, MAPPED_FIELDS, OPTION_TIERS, QUESTION_LEVELS } from './constants';

/**
 * The sales book format, version 1: the team's lifecycle programmes, cross-sell rules,
 * questionnaires, objection answers and technique sections in one JSON document.
 *
 * A book arrives from outside (a URL, a policy, a pasted file), so every string and list here has
 * a ceiling and every object is strict: an unknown key is far more often a typo ("scirpt") than a
 * feature, and silently ignoring it would lose the team lead's work. Rules that involve several
 * fields (exactly one timing, unique ids, known placeholders) live in `validate.ts`, which runs
 * them next to this schema so every error is reported at once.
 *
 * Matching values (products, categories, tags, stages) are compared with what the CRM card shows,
 * case- and accent-insensitively; a card value matches when it has the book's term as whole words
 * in any word form ("car" matches "Passenger cars", not "Cartridges"; see
 * lib/lifecycle/matching.ts). They are written in the language the CRM speaks, which is why each
 * default book has its own.
 */


// ---- building blocks ---------------------------------------------------------------------------

const RESERVED_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype']);

/** Ids are stable across languages and book updates; answers and personal notes hang off them. */
export const IdSchema = z
  .string()
  .max(BOOK_LIMITS.id, { abort: true, error: 'expected an id of at most 64 characters' })
  .regex(ID_PATTERN, {
    error: 'expected an id: lowercase letters a-z, digits, ".", "_" or "-", starting with a letter or digit',
  })
  .refine((id) => !RESERVED_IDS.has(id), { error: '"constructor" and "prototype" are reserved words, not ids' });

/** Text that may be empty (a script still being written). `abort` keeps 10 MB strings cheap. */
const text = (max: number) => z.string().max(max, { abort: true });

/** Text that must say something. */
const requiredText = (max: number) =>
  text(max).refine((value) => value.trim() !== '', { error: 'expected some text; this must not be empty' });

const MatchValuesSchema = z
  .array(requiredText(BOOK_LIMITS.name))
  .max(BOOK_LIMITS.matchValues)
  .describe('Words matched against the CRM card, ignoring case and accents: a card value matches when it has one of them as whole words, in any word form ("car" matches "Passenger cars", not "Cartridges"); a term of several words matches them in a row.');

/** Script text; `{{client.firstName}}`-style placeholders are filled from the client card. */
const scriptText = () =>
  text(BOOK_LIMITS.script).describe(`Text with placeholders such as {{client.firstName}}. Known placeholders: ${PLACEHOLDER_NAMES.join(', ')}.`);

export const IsoDurationSchema = z.string().max(40, { abort: true }).regex(ISO_DURATION_PATTERN, {
  error: 'expected an ISO-8601 duration such as "P7D" (7 days), "P2W", "P1M", "P3M", "P1Y" or "PT2H" (2 hours)',
}).describe('ISO-8601 duration: "P7D" = 7 days, "P1M" = 1 month, "P1Y" = 1 year, "PT2H" = 2 hours.');

export const MonthDaySchema = z.string().max(5, { abort: true }).regex(MONTH_DAY_PATTERN, {
  error: 'expected a day of the year as "MM-DD", e.g. "10-01" for 1 October',
}).describe('Day of the year as "MM-DD".');

const SemverishSchema = text(64).regex(/^\d{1,9}(?:\.\d{1,9}){0,2}(?:[-+][0-9A-Za-z.-]{1,40})?$/, {
  error: 'expected a version such as "1", "1.4" or "2.0.1"',
});

const LanguageTagSchema = text(35).regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/, {
  error: 'expected a language tag such as "en", "ru", "uk", "el" or "pt-BR"',
});

const DateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'expected an ISO date-time such as "2025-03-01T09:00:00Z"',
});

/** Which clients a programme or questionnaire is for. Empty or missing means every client. */
export const AppliesToSchema = z.strictObject({
  products: MatchValuesSchema.optional(),
  categories: MatchValuesSchema.optional(),
  tags: MatchValuesSchema.optional(),
  stages: MatchValuesSchema.optional(),
});

export const BuyerTypeIdSchema = z.enum(BUYER_TYPE_IDS);

export const CHANNELS = ['call', 'meeting', 'email', 'sms', 'messenger'] as const;

/** Who makes the contact: an id for filtering ("my touches") and a name people read. */
export const RoleSchema = z.strictObject({
  id: IdSchema,
  name: requiredText(BOOK_LIMITS.name),
});

/**
 * Group ids are what the manager sees next to the client ("A"), so capitals are allowed here,
 * unlike other ids.
 */
export const SegmentGroupIdSchema = z.string().max(16, { abort: true }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, {
  error: 'expected a group id of at most 16 letters, digits, "_" or "-", such as "A"',
});

const SegmentGroupIdsSchema = z.array(SegmentGroupIdSchema).min(1).max(BOOK_LIMITS.segmentGroups);

// ---- lifecycle programmes ----------------------------------------------------------------------

/** The event a programme's "after" intervals count from. `none` is for pure yearly windows. */
export const AnchorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('purchase') }),
  z.strictObject({ kind: z.literal('dealWon') }),
  z.strictObject({ kind: z.literal('stageReached'), stage: requiredText(BOOK_LIMITS.name) }),
  z.strictObject({ kind: z.literal('callbackRequested') }),
  z.strictObject({ kind: z.literal('birthday') }),
  z.strictObject({
    kind: z.literal('customDate'),
    field: requiredText(BOOK_LIMITS.name).describe('The card label holding the date, e.g. "Policy expiry"; compared case- and spacing-insensitively.'),
    labels: z
      .array(requiredText(BOOK_LIMITS.name))
      .max(BOOK_LIMITS.cardLabels)
      .optional()
      .describe('Other labels CRMs use for the same date ("Insurance valid until", "Policy end date"); the first one the card shows is read.'),
  }),
  z.strictObject({ kind: z.literal('discount') }).describe('The discount recorded for the client: counts from the day it was granted; "before" counts back from its last day.'),
  z
    .strictObject({
      kind: z.literal('monthEnd'),
      buyersNearEnd: z
        .strictObject({
          lastDays: z.number().int().min(1).max(15),
          atLeast: z.number().int().min(1).max(100),
        })
        .optional()
        .describe('Only clients who buy near the end of the month: at least "atLeast" of the purchases on the card fell in a month\'s last "lastDays" days.'),
    })
    .describe('The last day of every month: "before" counts back from it ("P14D": two weeks before the month-end purchase).'),
  z.strictObject({ kind: z.literal('none') }),
]);

/** A yearly window; `from` after `to` means it runs over New Year. */
export const SeasonWindowSchema = z.strictObject({
  from: MonthDaySchema,
  to: MonthDaySchema,
  year: z.number().int().min(2000).max(2100).optional().describe('Only in this year (the year the window opens): a one-off window, e.g. a promotion that will not come back.'),
});

/** Holidays the planner knows the date of in any year, movable feasts included. */
export const HOLIDAY_IDS = ['new-year', 'christmas', 'orthodox-christmas', 'womens-day', 'easter', 'orthodox-easter'] as const;
export const HolidayIdSchema = z.enum(HOLIDAY_IDS);

/**
 * A yearly date: a fixed one, a holiday the book names (its date is worked out for each year),
 * the client's name day, or the anchor's own day (the birthday itself).
 */
export const AnnualDateSchema = z.strictObject({
  date: MonthDaySchema.optional(),
  anchorDate: z.literal(true).optional(),
  holiday: HolidayIdSchema.optional().describe(
    'A holiday whose date is worked out for each year: "new-year" (1 Jan), "christmas" (25 Dec), "orthodox-christmas" (7 Jan), "womens-day" (8 Mar), "easter" (Western), "orthodox-easter". A greeting that falls on a day off moves to the working day before it.',
  ),
  nameDay: z.literal(true).optional().describe('The client\'s Greek name day, from the first name on the card; clients whose name is not in the calendar get no touch.'),
  offsetDays: z.number().int().min(-30).max(30).optional().describe('With "holiday": this many days from the holiday itself; negative is before it, e.g. -3 for the Thursday before Easter.'),
});

const dayCount = z.number().int().min(0).max(36_500);

/**
 * "At least two service visits in the last three months": events of one kind counted over the
 * days before the touch. Purchases can be narrowed to products or categories (a service visit is
 * a purchase of the service category on most cards).
 */
export const RecentEventsSchema = z.strictObject({
  kind: z.enum(['purchase', 'dealWon', 'callbackRequested']).default('purchase'),
  products: MatchValuesSchema.optional(),
  categories: MatchValuesSchema.optional(),
  atLeast: z.number().int().min(1).max(1_000),
  withinDays: z.number().int().min(1).max(3_660),
});

export const TouchConditionSchema = z.strictObject({
  tagsAny: MatchValuesSchema.optional(),
  tagsAll: MatchValuesSchema.optional(),
  tagsNone: MatchValuesSchema.optional(),
  stages: MatchValuesSchema.optional(),
  buyerTypes: z.array(BuyerTypeIdSchema).max(BUYER_TYPE_IDS.length).optional(),
  minDaysSinceAnchor: dayCount.optional(),
  maxDaysSinceAnchor: dayCount.optional(),
  segments: z
    .record(IdSchema, SegmentGroupIdsSchema)
    .refine((segments) => Object.keys(segments).length <= BOOK_LIMITS.segments, { error: `expected at most ${BOOK_LIMITS.segments} segments` })
    .optional()
    .describe('Segment id -> the groups the client must be in, e.g. { "farm-group": ["A"] }. A client with no group in that segment does not get the touch.'),
  recentEvents: z
    .array(RecentEventsSchema)
    .max(10)
    .optional()
    .describe('Counts of events in the days before the touch, all of which must hold. A touch whose count is reached later falls on the day it is reached.'),
  gender: z
    .enum(['female', 'male'])
    .optional()
    .describe('Only for clients of this gender: from the card\'s gender field, else from the patronymic, first name or surname; a client whose gender is unclear does not get the touch.'),
});

/** Another wording of a touch's script, used when its condition holds and the card fills it. */
export const ScriptVariantSchema = z.strictObject({
  condition: TouchConditionSchema.optional(),
  script: scriptText(),
});

/**
 * One planned contact. Exactly one of `after`, `window`, `annual`, `before` says when; `before`
 * may bring `after` along for anchors that have no end date.
 */
export const TouchSchema = z.strictObject({
  id: IdSchema,
  after: IsoDurationSchema.optional().describe('Timing: this long after the programme\'s anchor event. Use exactly one of after, window, annual.'),
  window: SeasonWindowSchema.optional().describe('Timing: every year between these days; "from" after "to" runs over New Year.'),
  annual: AnnualDateSchema.optional().describe('Timing: every year on a fixed "date", a named "holiday", the client\'s "nameDay", or the anchor\'s own day ("anchorDate": true).'),
  before: IsoDurationSchema.optional().describe('Timing: this long before the anchor\'s date: a card date such as a policy\'s or a contract\'s expiry ("customDate"), the last day of the client\'s discount ("discount"), or the last day of each month ("monthEnd"). Together with "after", "after" is used when the anchor has no end date.'),
  /** For consumables: after the first touch, again every this long. Only with `after`. */
  repeatEvery: IsoDurationSchema.optional().describe('After the first touch, repeat every this long (only together with "after").'),
  goal: requiredText(BOOK_LIMITS.text),
  role: RoleSchema,
  channel: z.enum(CHANNELS),
  script: scriptText(),
  /**
   * Wordings tried before `script`, in order: the first whose condition holds and whose
   * placeholders the card fills is read to the client. `script` is the one that always fits.
   */
  variants: z
    .array(ScriptVariantSchema)
    .max(10)
    .optional()
    .describe('Other wordings, tried in order before "script": the first whose condition holds and whose placeholders all have values is shown. Keep "script" free of claims the card may not support.'),
  condition: TouchConditionSchema.optional(),
  closedBy: z
    .strictObject({
      products: MatchValuesSchema.optional(),
      categories: MatchValuesSchema.optional(),
      reason: requiredText(BOOK_LIMITS.text),
    })
    .optional()
    .describe('A purchase of these products or categories on or after the anchor\'s day closes the touch: the client already bought what it would offer (the next stage of a construction object). An open touch is closed as skipped with "reason" and the purchase in its history; done touches stay as they were.'),
  yieldsTo: IdSchema.optional().describe('A programme that does this touch\'s job with better facts: while it runs for the client (its anchor is on the card), this touch is not planned, e.g. the insurance call a year after the purchase gives way to the one before the policy\'s real expiry date.'),
});

export const ProgrammeSchema = z.strictObject({
  id: IdSchema,
  name: requiredText(BOOK_LIMITS.title),
  description: text(BOOK_LIMITS.text).optional(),
  /** Lower runs first when two programmes want the same client on the same day. */
  priority: z.number().int().min(-10_000).max(10_000),
  callListOrder: IdSchema.optional().describe('A segment id: the due list puts this programme\'s calls in the order of that segment\'s groups (group A first).'),
  appliesTo: AppliesToSchema.optional().describe('Which clients the programme is for; missing or empty means every client.'),
  anchor: AnchorSchema.describe('The event that starts the programme\'s clock; "none" for pure yearly windows.'),
  newAnchorReplaces: z
    .strictObject({
      per: z.enum(['category', 'product']).default('category'),
      reason: requiredText(BOOK_LIMITS.text),
    })
    .optional()
    .describe('A later anchor replaces the chain of an earlier one: a repeat purchase of the same category (or product) restarts the reminders from the new purchase instead of running a second chain beside the first. The earlier chain\'s touch that is due is closed as skipped with "reason"; its future touches go; done touches stay.'),
  touches: z.array(TouchSchema).max(BOOK_LIMITS.touches),
});

/**
 * News about products and promotions: one touch to the clients of an audience while the window
 * is open, every year or once (`window.year`). Planned like a programme with no anchor.
 */
export const CampaignSchema = z.strictObject({
  id: IdSchema,
  name: requiredText(BOOK_LIMITS.title),
  description: text(BOOK_LIMITS.text).optional(),
  window: SeasonWindowSchema.describe('When the campaign runs: every year between these days, or once with "year".'),
  audience: AppliesToSchema.optional().describe('Which clients hear about it (products or categories they bought, tags, stages); missing means every client.'),
  condition: TouchConditionSchema.optional(),
  goal: requiredText(BOOK_LIMITS.text),
  role: RoleSchema,
  channel: z.enum(CHANNELS),
  script: scriptText(),
  variants: z.array(ScriptVariantSchema).max(10).optional(),
});

// ---- cross-selling -----------------------------------------------------------------------------

/** Products and/or categories; at least one value. */
export const ProductSetSchema = z.strictObject({
  products: MatchValuesSchema.optional(),
  categories: MatchValuesSchema.optional(),
});

export const CrossSellConditionSchema = z.strictObject({
  tagsAny: MatchValuesSchema.optional(),
  tagsAll: MatchValuesSchema.optional(),
  tagsNone: MatchValuesSchema.optional(),
  stages: MatchValuesSchema.optional(),
  buyerTypes: z.array(BuyerTypeIdSchema).max(BUYER_TYPE_IDS.length).optional(),
  minDaysSincePurchase: dayCount.optional(),
  maxDaysSincePurchase: dayCount.optional(),
});


export const CrossSellOptionSchema = z.strictObject({
  tier: z.enum(OPTION_TIERS),
  title: requiredText(BOOK_LIMITS.title),
  whatDiffers: requiredText(BOOK_LIMITS.text),
  /** Display text ("from €40 a month"): currencies and price formats vary too much for a number. */
  price: text(BOOK_LIMITS.name).optional(),
});

/** "Client bought core X (and has interest Y) -> offer periphery Z", with the client's benefit. */
export const CrossSellRuleSchema = z.strictObject({
  id: IdSchema,
  title: requiredText(BOOK_LIMITS.title),
  core: ProductSetSchema,
  offers: ProductSetSchema,
  condition: CrossSellConditionSchema.optional(),
  benefit: requiredText(BOOK_LIMITS.text),
  options: z
    .array(CrossSellOptionSchema)
    .max(BOOK_LIMITS.options)
    .describe('The choices to offer: at least three (standard, professional, premium) is recommended, at most 6; a tier may appear more than once.'),
  script: scriptText(),
});

// ---- questionnaires ----------------------------------------------------------------------------

export const QUESTIONNAIRE_KINDS = ['negotiation', 'feedback', 'other'] as const;

export const AnswerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('number'), unit: text(BOOK_LIMITS.name).optional() }),
  z.strictObject({
    type: z.literal('choice'),
    choices: z.array(requiredText(BOOK_LIMITS.name)).min(2).max(BOOK_LIMITS.choices),
    multiple: z.boolean().optional(),
  }),
  /** A 1-5 rating. */
  z.strictObject({ type: z.literal('rating') }),
]);

/** When to ask the follow-up; exactly one condition. "If 4, ask why not 5" is `ratingEquals: 4`. */
export const FollowUpWhenSchema = z.strictObject({
  ratingBelow: z.number().int().min(2).max(5).optional(),
  ratingEquals: z.number().int().min(1).max(5).optional(),
  choiceIs: requiredText(BOOK_LIMITS.name).optional(),
});

export const QuestionSchema = z.strictObject({
  id: IdSchema,
  level: z.enum(QUESTION_LEVELS),
  text: requiredText(BOOK_LIMITS.text),
  hint: text(BOOK_LIMITS.text).optional(),
  /** Important questions are the ones a manager must not leave the meeting without asking. */
  important: z.boolean().default(false),
  answer: AnswerSchema,
  followUp: z.strictObject({ when: FollowUpWhenSchema, text: requiredText(BOOK_LIMITS.text) }).optional(),
});

export const QuestionnaireSchema = z.strictObject({
  id: IdSchema,
  title: requiredText(BOOK_LIMITS.title),
  kind: z.enum(QUESTIONNAIRE_KINDS),
  description: text(BOOK_LIMITS.text).optional(),
  appliesTo: AppliesToSchema.optional(),
  questions: z.array(QuestionSchema).min(1).max(BOOK_LIMITS.questions),
});

// ---- objections --------------------------------------------------------------------------------

export const OBJECTION_CATEGORIES = [
  'price',
  'competitor',
  'timing',
  'trust',
  'need',
  'authority',
  'quality',
  'service',
  'other',
] as const;

export const ObjectionResponseSchema = z.strictObject({
  text: requiredText(BOOK_LIMITS.script),
  /** Why this answer works, so the manager can adapt it instead of reciting it. */
  why: text(BOOK_LIMITS.text).optional(),
});

export const ObjectionSchema = z.strictObject({
  id: IdSchema,
  category: z.enum(OBJECTION_CATEGORIES),
  /** The words clients actually use; search matches against these. */
  phrasings: z.array(requiredText(BOOK_LIMITS.phrasing)).min(1).max(BOOK_LIMITS.phrasings),
  responses: z.array(ObjectionResponseSchema).min(1).max(BOOK_LIMITS.responses),
});

// ---- numbered sections -------------------------------------------------------------------------

export const SECTION_PARTS = ['organisation', 'techniques'] as const;

export const SectionStepSchema = z.strictObject({
  title: requiredText(BOOK_LIMITS.title),
  script: text(BOOK_LIMITS.script).optional(),
  why: text(BOOK_LIMITS.text).optional(),
});

export const SectionSchema = z.strictObject({
  id: IdSchema,
  number: text(20).regex(/^\d{1,3}(?:\.\d{1,3}){0,3}$/, { error: 'expected a section number such as "3" or "3.14"' }),
  /** Part 1 organises the sales process; part 2 collects principles and techniques. */
  part: z.enum(SECTION_PARTS),
  title: requiredText(BOOK_LIMITS.title),
  description: text(BOOK_LIMITS.script),
  steps: z.array(SectionStepSchema).max(BOOK_LIMITS.steps),
});

// ---- clients who leave, buyer types, loyalty and promotions -------------------------------------

export const ChurnReasonSchema = z.strictObject({
  id: IdSchema,
  reason: requiredText(BOOK_LIMITS.title),
  /** The share of lost clients this reason accounts for, in percent. */
  share: z.number().min(0).max(100).optional(),
  response: requiredText(BOOK_LIMITS.text),
  suggestObjectionIds: z.array(IdSchema).max(BOOK_LIMITS.references).optional(),
  suggestProgrammeIds: z.array(IdSchema).max(BOOK_LIMITS.references).optional(),
});

export const BuyerTypeSchema = z.strictObject({
  id: BuyerTypeIdSchema,
  name: requiredText(BOOK_LIMITS.name),
  description: requiredText(BOOK_LIMITS.text),
  howToWork: requiredText(BOOK_LIMITS.text),
});

export const IdeaSchema = z.strictObject({
  id: IdSchema,
  title: requiredText(BOOK_LIMITS.title),
  description: text(BOOK_LIMITS.text),
  /** The side panel suggests the idea for clients of these buyer types; missing: browse only. */
  forBuyerTypes: z
    .array(BuyerTypeIdSchema)
    .max(BUYER_TYPE_IDS.length)
    .optional()
    .describe('Buyer types the side panel suggests this idea for (e.g. ["loyal", "advocate"]); without it the idea is only in the book browser.'),
});

// ---- segments: call lists by size --------------------------------------------------------------

/** Where the number that places a client comes from. */
export const SegmentMeasureSchema = z.discriminatedUnion('kind', [
  /** A number field on the CRM card ("Machines: 12"); the first label the card shows is read. */
  z.strictObject({
    kind: z.literal('cardNumber'),
    labels: z.array(requiredText(BOOK_LIMITS.name)).min(1).max(BOOK_LIMITS.cardLabels),
  }),
  /** How many of the card's purchases match; none at all tells nothing, so it places no one. */
  z.strictObject({
    kind: z.literal('purchaseCount'),
    products: MatchValuesSchema.optional(),
    categories: MatchValuesSchema.optional(),
  }),
]);

export const SegmentGroupSchema = z.strictObject({
  id: SegmentGroupIdSchema,
  name: requiredText(BOOK_LIMITS.name),
  /** The smallest number that puts a client in this group. */
  min: z.number().min(0).max(1_000_000_000),
});

export const SegmentSchema = z.strictObject({
  id: IdSchema,
  name: requiredText(BOOK_LIMITS.name),
  description: text(BOOK_LIMITS.text).optional(),
  appliesTo: AppliesToSchema.optional().describe('Which clients the segment is for; missing or empty means every client.'),
  measures: z
    .array(SegmentMeasureSchema)
    .min(1)
    .max(BOOK_LIMITS.segmentMeasures)
    .describe('Tried in order; the first one that gives a number places the client.'),
  groups: z
    .array(SegmentGroupSchema)
    .min(1)
    .max(BOOK_LIMITS.segmentGroups)
    .describe('In call order, each "min" below the one before; a client goes to the first group whose "min" the number reaches.'),
});

// ---- CRM field mappings ------------------------------------------------------------------------


/** Where a field sits on a CRM's record page: a CSS selector, a visible label, or both. */
export const FieldMappingSchema = z.strictObject({
  field: z.enum(MAPPED_FIELDS),
  selector: text(BOOK_LIMITS.selector).optional(),
  label: text(BOOK_LIMITS.name).optional(),
});

export const ORIGIN_KEY_PATTERN = /^https?:\/\/(?:\*\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,10}(?::\d{1,5})?$/;

const OriginKeySchema = z.string().max(300, { abort: true }).regex(ORIGIN_KEY_PATTERN, {
  error: 'expected a CRM origin such as "https://crm.example.com" or "https://*.example.com"',
});

export const FieldMappingsSchema = z
  .record(OriginKeySchema, z.array(FieldMappingSchema).max(BOOK_LIMITS.mappingsPerOrigin))
  .refine((mappings) => Object.keys(mappings).length <= BOOK_LIMITS.mappingOrigins, {
    error: `expected at most ${BOOK_LIMITS.mappingOrigins} CRM origins`,
  });

// ---- the book ----------------------------------------------------------------------------------

export const SalesBookSchema = z.strictObject({
  /** Lets editors such as VS Code find docs/sales-book.schema.json for completion. */
  $schema: text(2_000).optional(),
  schema: z.literal(1),
  id: IdSchema,
  title: requiredText(BOOK_LIMITS.title),
  description: text(BOOK_LIMITS.text).optional(),
  version: SemverishSchema,
  language: LanguageTagSchema,
  updatedAt: DateTimeSchema,
  author: requiredText(BOOK_LIMITS.name),
  team: text(BOOK_LIMITS.name).optional(),
  programmes: z.array(ProgrammeSchema).max(BOOK_LIMITS.programmes).default([]),
  crossSell: z.array(CrossSellRuleSchema).max(BOOK_LIMITS.crossSell).default([]),
  questionnaires: z.array(QuestionnaireSchema).max(BOOK_LIMITS.questionnaires).default([]),
  objections: z.array(ObjectionSchema).max(BOOK_LIMITS.objections).default([]),
  sections: z.array(SectionSchema).max(BOOK_LIMITS.sections).default([]),
  churnReasons: z.array(ChurnReasonSchema).max(BOOK_LIMITS.churnReasons).default([]),
  buyerTypes: z.array(BuyerTypeSchema).max(BUYER_TYPE_IDS.length).default([]),
  loyaltyIdeas: z.array(IdeaSchema).max(BOOK_LIMITS.ideas).default([]),
  promotionIdeas: z.array(IdeaSchema).max(BOOK_LIMITS.ideas).default([]),
  segments: z.array(SegmentSchema).max(BOOK_LIMITS.segments).default([]),
  campaigns: z.array(CampaignSchema).max(BOOK_LIMITS.campaigns).default([]),
  fieldMappings: FieldMappingsSchema.default({}),
  crmAdapters: CrmAdaptersSchema.optional(),
  crmLabels: CrmLabelsSchema.optional(),
});

/** The schema under the name the rest of the code reads best with: `SalesBook.safeParse(...)`. */
export const SalesBook = SalesBookSchema;

export type SalesBook = z.output<typeof SalesBookSchema>;
export type SalesBookInput = z.input<typeof SalesBookSchema>;
export type AppliesTo = z.output<typeof AppliesToSchema>;
export type Anchor = z.output<typeof AnchorSchema>;
export type AnchorKind = Anchor['kind'];
export type SeasonWindow = z.output<typeof SeasonWindowSchema>;
export type Campaign = z.output<typeof CampaignSchema>;
export type AnnualDate = z.output<typeof AnnualDateSchema>;
export type HolidayId = (typeof HOLIDAY_IDS)[number];
export type Role = z.output<typeof RoleSchema>;
export type Channel = (typeof CHANNELS)[number];
export type TouchCondition = z.output<typeof TouchConditionSchema>;
export type RecentEvents = z.output<typeof RecentEventsSchema>;
export type ScriptVariant = z.output<typeof ScriptVariantSchema>;
export type Touch = z.output<typeof TouchSchema>;
export type Programme = z.output<typeof ProgrammeSchema>;
export type ProductSet = z.output<typeof ProductSetSchema>;
export type CrossSellCondition = z.output<typeof CrossSellConditionSchema>;
export type OptionTier = (typeof OPTION_TIERS)[number];
export type CrossSellOption = z.output<typeof CrossSellOptionSchema>;
export type CrossSellRule = z.output<typeof CrossSellRuleSchema>;
export type QuestionLevel = (typeof QUESTION_LEVELS)[number];
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];
export type Answer = z.output<typeof AnswerSchema>;
export type Question = z.output<typeof QuestionSchema>;
export type Questionnaire = z.output<typeof QuestionnaireSchema>;
export type ObjectionCategory = (typeof OBJECTION_CATEGORIES)[number];
export type ObjectionResponse = z.output<typeof ObjectionResponseSchema>;
export type Objection = z.output<typeof ObjectionSchema>;
export type SectionPart = (typeof SECTION_PARTS)[number];
export type SectionStep = z.output<typeof SectionStepSchema>;
export type Section = z.output<typeof SectionSchema>;
export type ChurnReason = z.output<typeof ChurnReasonSchema>;
export type BuyerTypeId = (typeof BUYER_TYPE_IDS)[number];
export type BuyerType = z.output<typeof BuyerTypeSchema>;
export type Idea = z.output<typeof IdeaSchema>;
export type SegmentMeasure = z.output<typeof SegmentMeasureSchema>;
export type SegmentGroup = z.output<typeof SegmentGroupSchema>;
export type Segment = z.output<typeof SegmentSchema>;
export type MappedField = (typeof MAPPED_FIELDS)[number];
export type FieldMapping = z.output<typeof FieldMappingSchema>;
export type { CrmLabels, CrmProfile } from './crm-profile-schema';

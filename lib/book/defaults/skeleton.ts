import type {
  AnnualDate,
  Anchor,
  AppliesTo,
  BuyerTypeId,
  Channel,
  CrossSellCondition,
  ObjectionCategory,
  OptionTier,
  ProductSet,
  QuestionLevel,
  QuestionnaireKind,
  SalesBook,
  SeasonWindow,
  SectionPart,
  Segment,
  TouchCondition,
} from '../schema';
import { BUYER_TYPE_IDS, OPTION_TIERS } from '../schema';

/**
 * The frame every default book shares: ids, timings, roles, channels, order and numbers. Each
 * language file supplies only words (`BookTexts`), and TypeScript demands a text for every id
 * here, so the four books cannot drift apart: a manager who switches the UI language keeps the
 * same programmes, answers and notes, because they hang off the same ids.
 *
 * The timings carry the methodology: the car dealer's chain (+1 week, +1 month, +3 months,
 * +6 months, +12 months, trade-in after a year), consumables every two months, tyre and farm
 * seasons, the construction chain (foundation -> walls ~1 month -> roof -> finishing).
 */

export const DEFAULT_BOOK_VERSION = '1.0.0';
export const DEFAULT_BOOK_UPDATED_AT = '2025-01-15T00:00:00Z';

export const ROLE_IDS = ['sales-manager', 'service-advisor', 'finance', 'trade-in-team', 'account-manager', 'client-service'] as const;
export type RoleId = (typeof ROLE_IDS)[number];

// ---- lifecycle programmes ----------------------------------------------------------------------

interface TouchFrame {
  after?: string;
  before?: string;
  window?: SeasonWindow;
  annual?: AnnualDate;
  repeatEvery?: string;
  role: RoleId;
  channel: Channel;
  /** The language file names the tags that must be on the card (`TouchTexts.tagsAny`). */
  needsTags?: true;
  /** Purchases that must be on the card in the days before the touch; the language file names
   *  what counts (`TouchTexts.countedPurchases`), e.g. service visits. */
  needsRecentPurchases?: { atLeast: number; withinDays: number };
  /** Says the same as another touch of the programme: the language files word it once. */
  textsFrom?: string;
  /** Only for clients of this gender (`TouchCondition.gender`). */
  gender?: 'female' | 'male';
  /** A purchase the language file names (`TouchTexts.closedBy`) closes the touch: that stage was bought. */
  closedByPurchase?: true;
  /** Not planned while this programme runs for the client (`Touch.yieldsTo`). */
  yieldsTo?: string;
}

interface ProgrammeFrame {
  priority: number;
  /** A segment whose groups set the order of this programme's calls in the due list. */
  callListOrder?: SegmentId;
  /** A card date's labels are words: the language file names them (`ProgrammeTexts.dateLabels`). */
  anchor: Exclude<Anchor, { kind: 'customDate' }> | { kind: 'customDate' };
  /** A repeat purchase of the same category restarts the chain; the language file words the reason. */
  newAnchorReplaces?: { per: 'category' | 'product' };
  touches: Record<string, TouchFrame>;
}

export const PROGRAMMES = {
  'client-callback': {
    priority: 0,
    anchor: { kind: 'callbackRequested' },
    touches: { 'requested-callback': { after: 'PT0S', role: 'sales-manager', channel: 'call' } },
  },
  'durable-goods': {
    priority: 10,
    anchor: { kind: 'purchase' },
    touches: {
      'satisfaction-call': { after: 'P7D', role: 'sales-manager', channel: 'call' },
      'first-month-check-in': { after: 'P1M', role: 'sales-manager', channel: 'call' },
      'add-on-offer': { after: 'P3M', role: 'sales-manager', channel: 'call' },
      'service-reminder': { after: 'P6M', role: 'service-advisor', channel: 'call' },
      // A year after the purchase, unless the card shows the policy's real expiry date.
      'insurance-renewal': { after: 'P12M', role: 'finance', channel: 'call', yieldsTo: 'policy-renewal' },
      // "After a year of use, frequent service visits": two or more in the last three months.
      'trade-in-offer': { after: 'P13M', role: 'trade-in-team', channel: 'call', needsRecentPurchases: { atLeast: 2, withinDays: 92 } },
    },
  },
  'construction-object': {
    priority: 15,
    anchor: { kind: 'purchase' },
    touches: {
      // A stage the client has already bought (here or, by the card, since) is not offered again.
      'walls-materials': { after: 'P1M', role: 'sales-manager', channel: 'call', closedByPurchase: true },
      roofing: { after: 'P3M', role: 'sales-manager', channel: 'call', closedByPurchase: true },
      finishing: { after: 'P5M', role: 'sales-manager', channel: 'meeting', closedByPurchase: true },
    },
  },
  // The policy's and the contract's own end dates, read from the card: the call comes in time
  // to prepare the renewal, not a fixed year after some purchase.
  'policy-renewal': {
    priority: 12,
    anchor: { kind: 'customDate' },
    touches: { 'policy-expiry-call': { before: 'P21D', role: 'finance', channel: 'call' } },
  },
  'contract-renewal': {
    priority: 14,
    anchor: { kind: 'customDate' },
    touches: { 'contract-renewal-call': { before: 'P1M', role: 'account-manager', channel: 'call' } },
  },
  consumables: {
    priority: 20,
    anchor: { kind: 'purchase' },
    // Buying the same category again restarts the reminders from that purchase: one chain each.
    newAnchorReplaces: { per: 'category' },
    touches: { replenishment: { after: 'P2M', repeatEvery: 'P2M', role: 'account-manager', channel: 'messenger' } },
  },
  // "A client who buys towards the end of the month: a call two weeks before it." Clients with
  // at least two purchases in a month's last week.
  'month-end-purchase': {
    priority: 22,
    anchor: { kind: 'monthEnd', buyersNearEnd: { lastDays: 7, atLeast: 2 } },
    touches: { 'month-end-order': { before: 'P14D', role: 'account-manager', channel: 'call' } },
  },
  'second-purchase-discount': {
    priority: 25,
    // Runs for the discount actually granted (recorded in the panel or read from the card), so the
    // scripts can quote it, and for "too expensive" (a churn reason that links here) so the
    // manager offers one. The reminder falls three days before its last day, or three weeks
    // after the grant when nobody wrote the last day down.
    anchor: { kind: 'discount' },
    touches: {
      'discount-announcement': { after: 'P1D', role: 'sales-manager', channel: 'email' },
      'discount-expiry-reminder': { before: 'P3D', after: 'P3W', role: 'sales-manager', channel: 'call' },
    },
  },
  'seasonal-tyres': {
    priority: 30,
    anchor: { kind: 'none' },
    touches: {
      'summer-tyres': { window: { from: '03-01', to: '04-30' }, role: 'sales-manager', channel: 'messenger' },
      'winter-tyres': { window: { from: '10-01', to: '11-30' }, role: 'sales-manager', channel: 'call' },
    },
  },
  'agricultural-season': {
    priority: 30,
    // Ordered rather than limited to group A: smaller farms still need their parts, only later
    // in the list, and a farm whose card shows no machine count must not drop out of the season.
    callListOrder: 'farm-group',
    anchor: { kind: 'none' },
    touches: {
      'spare-parts-before-repairs': { window: { from: '02-01', to: '02-28' }, role: 'sales-manager', channel: 'call' },
      'attachments-before-field-work': { window: { from: '07-15', to: '08-31' }, role: 'sales-manager', channel: 'meeting' },
    },
  },
  'feedback-after-deal': {
    priority: 40,
    anchor: { kind: 'dealWon' },
    // "A call a month is enough: a quick survey; once a quarter a detailed one." The quick call
    // comes in the two months of each quarter the detailed survey leaves free.
    touches: {
      'feedback-call': { after: 'P3D', role: 'client-service', channel: 'call' },
      'monthly-quick-call': { after: 'P1M', repeatEvery: 'P3M', role: 'client-service', channel: 'call' },
      'monthly-quick-call-2': { after: 'P2M', repeatEvery: 'P3M', role: 'client-service', channel: 'call', textsFrom: 'monthly-quick-call' },
      'quarterly-review': { after: 'P3M', repeatEvery: 'P3M', role: 'client-service', channel: 'call' },
    },
  },
  birthdays: {
    priority: 50,
    anchor: { kind: 'birthday' },
    touches: { 'birthday-greeting': { annual: { anchorDate: true }, role: 'account-manager', channel: 'messenger' } },
  },
  holidays: {
    priority: 60,
    anchor: { kind: 'none' },
    touches: { 'new-year-greeting': { annual: { date: '12-28' }, role: 'account-manager', channel: 'email' } },
  },
} as const satisfies Record<string, ProgrammeFrame>;

type Programmes = typeof PROGRAMMES;

// ---- holiday calendars ---------------------------------------------------------------------------

/**
 * Greetings each language's book may add to the `holidays` programme: which holidays a client
 * celebrates depends on the country, so each language file names its own calendar by wording
 * only the greetings that belong in it (`BookTexts.holidayGreetings`). Wishes for a holiday come
 * before it: Easter greetings on the Thursday before, so they arrive before the long weekend,
 * and one that falls on a day off moves to the working day before. A name day is wished on the
 * day itself, as a birthday is.
 */
export const HOLIDAY_GREETINGS = {
  'christmas-greeting': { annual: { holiday: 'christmas', offsetDays: -3 }, role: 'account-manager', channel: 'email' },
  'orthodox-christmas-greeting': { annual: { holiday: 'orthodox-christmas' }, role: 'account-manager', channel: 'messenger' },
  'easter-greeting': { annual: { holiday: 'easter', offsetDays: -3 }, role: 'account-manager', channel: 'email' },
  'orthodox-easter-greeting': { annual: { holiday: 'orthodox-easter', offsetDays: -3 }, role: 'account-manager', channel: 'messenger' },
  // Only for women: a man congratulated on 8 March takes it as a joke at his expense.
  'womens-day-greeting': { annual: { holiday: 'womens-day' }, role: 'account-manager', channel: 'messenger', gender: 'female' },
  'name-day-greeting': { annual: { nameDay: true }, role: 'account-manager', channel: 'messenger' },
} as const satisfies Record<string, TouchFrame>;

export type HolidayGreetingId = keyof typeof HOLIDAY_GREETINGS;

// ---- campaigns ---------------------------------------------------------------------------------

interface CampaignFrame {
  window: SeasonWindow;
  role: RoleId;
  channel: Channel;
}

/** News and promotions on a date window; the language files word them and name the audience. */
export const CAMPAIGNS = {
  // Before the holidays deliveries slow down: consumables clients restock for January in time.
  'year-end-restock': { window: { from: '11-20', to: '12-15' }, role: 'account-manager', channel: 'call' },
} as const satisfies Record<string, CampaignFrame>;

export type CampaignId = keyof typeof CAMPAIGNS;

export interface CampaignTexts {
  name: string;
  description: string;
  audience: AppliesTo;
  goal: string;
  script: string;
}
export type ProgrammeId = keyof Programmes;

export interface TouchTexts {
  goal: string;
  /** The wording that is true for every client the touch reaches. */
  script: string;
  tagsAny?: string[];
  /** Wordings to prefer when the card supports them (`TouchSchema.variants`). */
  variants?: Array<{ tagsAny?: string[]; script: string }>;
  countedPurchases?: ProductSet;
  /** Purchases that mean the touch's stage is bought, and the reason history shows. */
  closedBy?: ProductSet & { reason: string };
}

type TextsForTouch<F> = TouchTexts &
  (F extends { needsTags: true } ? { tagsAny: string[] } : unknown) &
  (F extends { needsRecentPurchases: object } ? { countedPurchases: ProductSet } : unknown) &
  (F extends { closedByPurchase: true } ? { closedBy: ProductSet & { reason: string } } : unknown);

export type ProgrammeTexts<P extends ProgrammeId> = {
  name: string;
  description: string;
  appliesTo?: AppliesTo;
  /** For a card-date anchor: the labels CRMs in this language give the date, the usual one first. */
  dateLabels?: [string, ...string[]];
  /** For a chain a repeat purchase restarts: why the earlier chain's touch was closed. */
  replacedReason?: string;
  touches: {
    [T in keyof Programmes[P]['touches'] as Programmes[P]['touches'][T] extends { textsFrom: string } ? never : T]: TextsForTouch<Programmes[P]['touches'][T]>;
  };
} & (Programmes[P]['anchor'] extends { kind: 'customDate' } ? { dateLabels: [string, ...string[]] } : unknown) &
  (Programmes[P] extends { newAnchorReplaces: object } ? { replacedReason: string } : unknown);

// ---- cross-selling -----------------------------------------------------------------------------

interface CrossSellFrame {
  minDaysSincePurchase?: number;
  maxDaysSincePurchase?: number;
  buyerTypes?: readonly BuyerTypeId[];
  needsTags?: true;
}

export const CROSS_SELL = {
  'car-alloy-wheels': { minDaysSincePurchase: 60, needsTags: true },
  'car-tuning': { minDaysSincePurchase: 60, needsTags: true },
  'car-insurance': { maxDaysSincePurchase: 30 },
  'car-extended-warranty': { minDaysSincePurchase: 180 },
  'tyres-fitting-and-storage': {},
  'foundation-waterproofing': { maxDaysSincePurchase: 45 },
  'walls-mortar-and-mesh': {},
  'finishing-underlay-and-fitting': {},
  'farm-service-kit': { minDaysSincePurchase: 150 },
  'equipment-service-contract': { maxDaysSincePurchase: 60 },
  'consumables-subscription': { minDaysSincePurchase: 30, buyerTypes: ['loyal', 'advocate'] },
} as const satisfies Record<string, CrossSellFrame>;

export type CrossSellId = keyof typeof CROSS_SELL;

export interface OptionTexts {
  title: string;
  whatDiffers: string;
  price?: string;
}

export interface CrossSellTexts {
  title: string;
  core: ProductSet;
  offers: ProductSet;
  tagsAny?: string[];
  benefit: string;
  options: Record<OptionTier, OptionTexts>;
  script: string;
}

// ---- questionnaires ----------------------------------------------------------------------------

type AnswerKind = 'text' | 'number' | 'choice' | 'multi-choice' | 'rating';

interface QuestionFrame {
  level: QuestionLevel;
  answer: AnswerKind;
  important?: true;
  /** A rating condition, or the position of the choice that triggers the follow-up. */
  followUp?: { ratingBelow: number } | { ratingEquals: number } | { choiceIndex: number };
}

interface QuestionnaireFrame {
  kind: QuestionnaireKind;
  questions: Record<string, QuestionFrame>;
}

/** Easy and even abstract questions first, the ones that need argument in the middle, and closing
 *  questions that invite a "yes". At least ten: fewer and details get missed. */
export const QUESTIONNAIRES = {
  negotiation: {
    kind: 'negotiation',
    questions: {
      'business-today': { level: 'opening', answer: 'text' },
      'company-profile': { level: 'opening', answer: 'text' },
      'role-in-purchasing': { level: 'opening', answer: 'text' },
      'current-suppliers': { level: 'core', answer: 'text', important: true },
      'items-and-volumes': { level: 'core', answer: 'text', important: true },
      'purchase-frequency': { level: 'core', answer: 'choice' },
      'order-size': { level: 'core', answer: 'number' },
      'what-to-improve': { level: 'core', answer: 'text' },
      'decision-makers': { level: 'core', answer: 'text', important: true },
      'priority-deadlines': { level: 'core', answer: 'text', important: true },
      'payment-method': { level: 'core', answer: 'choice', important: true },
      'choice-criteria': { level: 'core', answer: 'multi-choice' },
      'terms-fit': { level: 'closing', answer: 'choice' },
      'send-offer': { level: 'closing', answer: 'choice', important: true },
      'next-step': { level: 'closing', answer: 'text' },
    },
  },
  feedback: {
    kind: 'feedback',
    questions: {
      'what-to-change': { level: 'opening', answer: 'text' },
      'service-professionalism': { level: 'core', answer: 'rating', important: true, followUp: { ratingEquals: 4 } },
      'overall-rating': { level: 'core', answer: 'rating', important: true, followUp: { ratingBelow: 4 } },
      'what-else-to-buy': { level: 'core', answer: 'text' },
      'buy-more-conditions': { level: 'core', answer: 'text' },
      'would-recommend': { level: 'closing', answer: 'choice', followUp: { choiceIndex: 2 } },
    },
  },
} as const satisfies Record<string, QuestionnaireFrame>;

type Questionnaires = typeof QUESTIONNAIRES;
export type QuestionnaireId = keyof Questionnaires;

export interface QuestionTexts {
  text: string;
  hint?: string;
  unit?: string;
}

type TextsForQuestion<F> = QuestionTexts &
  (F extends { answer: 'choice' | 'multi-choice' } ? { choices: string[] } : unknown) &
  (F extends { followUp: object } ? { followUp: string } : unknown);

export type QuestionnaireTexts<Q extends QuestionnaireId> = {
  title: string;
  description: string;
  questions: { [K in keyof Questionnaires[Q]['questions']]: TextsForQuestion<Questionnaires[Q]['questions'][K]> };
};

// ---- objections --------------------------------------------------------------------------------

export const OBJECTIONS = {
  'price-too-expensive': 'price',
  'price-found-cheaper': 'price',
  'price-no-budget': 'price',
  'price-discount-demand': 'price',
  'competitor-have-supplier': 'competitor',
  'competitor-better-terms': 'competitor',
  'competitor-long-relationship': 'competitor',
  'timing-not-now': 'timing',
  'timing-call-later': 'timing',
  'timing-after-holidays': 'timing',
  // Clients who say "I'll think about it" mostly put the decision off: a timing objection. The id
  // predates the move and stays, so team books and managers' notes that name it still apply.
  'other-think-it-over': 'timing',
  'timing-off-season': 'timing',
  'trust-never-heard': 'trust',
  'trust-delivery-risk': 'trust',
  'trust-guarantees': 'trust',
  'need-dont-need': 'need',
  'need-have-everything': 'need',
  'need-too-small': 'need',
  'authority-not-decider': 'authority',
  'authority-boss-approval': 'authority',
  'authority-must-consult': 'authority',
  'authority-tender-only': 'authority',
  'quality-doubts': 'quality',
  'quality-bad-experience': 'quality',
  'quality-cheap-is-enough': 'quality',
  'service-slow-delivery': 'service',
  'service-no-support-after-sale': 'service',
  'service-bad-last-time': 'service',
  'other-send-info': 'other',
  'other-not-interested': 'other',
} as const satisfies Record<string, ObjectionCategory>;

export type ObjectionId = keyof typeof OBJECTIONS;

export interface ObjectionTexts {
  phrasings: string[];
  responses: Array<{ text: string; why: string }>;
}

// ---- numbered sections -------------------------------------------------------------------------

export const SECTIONS = {
  'client-profile': { number: '1.1', part: 'organisation' },
  'client-path': { number: '1.2', part: 'organisation' },
  'pricing-principles': { number: '2.1', part: 'organisation' },
  'selling-points': { number: '2.2', part: 'organisation' },
  'loyalty-programme': { number: '2.3', part: 'organisation' },
  'sales-controls': { number: '2.4', part: 'organisation' },
  'product-knowledge': { number: '3.11', part: 'techniques' },
  'dont-know-answer': { number: '3.12', part: 'techniques' },
  'negotiation-questionnaire': { number: '3.13', part: 'techniques' },
  'cold-calls': { number: '3.14', part: 'techniques' },
  'cross-selling': { number: '3.15', part: 'techniques' },
  'feedback-survey': { number: '3.16', part: 'techniques' },
  'lifecycle-touches': { number: '3.17', part: 'techniques' },
} as const satisfies Record<string, { number: string; part: SectionPart }>;

export type SectionId = keyof typeof SECTIONS;

export interface SectionTexts {
  title: string;
  description: string;
  steps: Array<{ title: string; script?: string; why?: string }>;
}

// ---- churn, buyer types, loyalty and promotion ideas ---------------------------------------------

interface ChurnFrame {
  share?: number;
  objections?: readonly ObjectionId[];
  programmes?: readonly ProgrammeId[];
}

/** Shares of lost clients as reported in the source: nearly 70% leave over how they were treated. */
export const CHURN_REASONS = {
  'staff-indifference': { share: 68, objections: ['service-bad-last-time'], programmes: ['feedback-after-deal'] },
  'product-quality': { share: 14, objections: ['quality-bad-experience', 'quality-doubts'], programmes: ['feedback-after-deal'] },
  'competitor-offer': { share: 9, objections: ['competitor-better-terms', 'price-found-cheaper'] },
  'changed-activity': { share: 5, objections: ['need-dont-need'] },
  relocation: { share: 3 },
  other: { share: 1 },
  'too-expensive': { objections: ['price-too-expensive'], programmes: ['second-purchase-discount'] },
  'poor-service': { objections: ['service-bad-last-time', 'service-slow-delivery'], programmes: ['feedback-after-deal'] },
  'supplier-silence': { programmes: ['durable-goods', 'consumables'] },
} as const satisfies Record<string, ChurnFrame>;

export type ChurnReasonId = keyof typeof CHURN_REASONS;

/**
 * Each idea with the buyer types the side panel suggests it for (`forBuyerTypes`). The panel
 * takes a type's ideas in book order, a loyalty tool and a promotion in turn, three at most, so
 * the marks below are what a manager sees first: an advocate gets the club, a bring-a-friend
 * bonus and a review bonus (they already recommend us: make it count); a loyal client the card,
 * growing discounts and first access (reasons to stay, and to start recommending); a concession
 * seeker concessions that come only with volume; a defector and a mercenary the value of buying
 * everything here; a hostage the service that turns them into a loyal client.
 */
export const LOYALTY_IDEAS = {
  'loyalty-card': ['loyal'],
  'cumulative-discounts': ['loyal', 'concession-seeker'],
  'special-service-terms': ['mercenary', 'hostage'],
  'prizes-and-contests': [],
  'unique-experience': [],
  'client-club': ['advocate'],
  'closed-resources': [],
  'after-sales-service': ['hostage'],
  'coalition-programme': [],
  'trade-in': [],
  'client-training': [],
  'support-24-7': [],
} as const satisfies Record<string, readonly BuyerTypeId[]>;

export const PROMOTION_IDEAS = {
  'bundle-offer': ['defector', 'mercenary'],
  scarcity: [],
  'first-access': ['loyal'],
  'weekend-offer': [],
  'personal-selection': ['defector'],
  'buy-more-save-more': ['concession-seeker'],
  'small-gift': ['hostage'],
  'loyalty-points': [],
  'price-match': [],
  'bring-a-friend': ['advocate'],
  'birthday-gift': [],
  'subscribers-only': [],
  'old-for-new': [],
  'gift-certificates': [],
  'tell-a-story': [],
  'family-purchase': [],
  'service-as-bonus': ['mercenary'],
  'master-class': [],
  'review-bonus': ['advocate'],
  'two-plus-one': ['concession-seeker'],
} as const satisfies Record<string, readonly BuyerTypeId[]>;

type LoyaltyIdeaId = keyof typeof LOYALTY_IDEAS;
type PromotionIdeaId = keyof typeof PROMOTION_IDEAS;

export interface IdeaTexts {
  title: string;
  description: string;
}

// ---- segments ----------------------------------------------------------------------------------

/**
 * Farms by the size of their fleet (methodology, section 2): call lists go A, B, C, so group A
 * is called first in February, before the repair season. The card's own count wins; without
 * one, the machines the farm bought from us are counted.
 */
export const SEGMENTS = {
  'farm-group': { groups: { A: { min: 10 }, B: { min: 3 }, C: { min: 0 } } },
} as const satisfies Record<string, { groups: Record<string, { min: number }> }>;

export type SegmentId = keyof typeof SEGMENTS;

export type SegmentTexts<S extends SegmentId> = {
  name: string;
  description: string;
  appliesTo?: AppliesTo;
  /** Labels of the card field holding the number, as the CRMs in this language write them. */
  cardLabels: string[];
  /** What counts as one unit when the card has no such field. */
  counted: ProductSet;
  groups: Record<keyof (typeof SEGMENTS)[S]['groups'], string>;
};

// ---- everything a language provides --------------------------------------------------------------

export interface BookTexts {
  title: string;
  description: string;
  author: string;
  team: string;
  roles: Record<RoleId, string>;
  programmes: { [P in ProgrammeId]: ProgrammeTexts<P> };
  crossSell: Record<CrossSellId, CrossSellTexts>;
  questionnaires: { [Q in QuestionnaireId]: QuestionnaireTexts<Q> };
  objections: Record<ObjectionId, ObjectionTexts>;
  sections: Record<SectionId, SectionTexts>;
  churnReasons: Record<ChurnReasonId, { reason: string; response: string }>;
  /**
   * The source's names, except one: it calls the concession seeker a "terrorist". The name is
   * shown in a dropdown colleagues read over each other's shoulders and may end up in a CRM note
   * a client sees, so every book names the behaviour ("Concession seeker") and keeps the source's
   * word in the description, where it explains rather than labels.
   */
  buyerTypes: Record<BuyerTypeId, { name: string; description: string; howToWork: string }>;
  loyaltyIdeas: Record<LoyaltyIdeaId, IdeaTexts>;
  promotionIdeas: Record<PromotionIdeaId, IdeaTexts>;
  segments: { [S in SegmentId]: SegmentTexts<S> };
  campaigns: Record<CampaignId, CampaignTexts>;
  /** The book's holiday calendar: the greetings its clients get besides New Year, worded. */
  holidayGreetings: Partial<Record<HolidayGreetingId, TouchTexts>>;
}

// ---- frame + texts -> book ------------------------------------------------------------------------

/** Object.entries with the key type kept (the frames are closed `as const` objects). */
function entries<T extends object>(object: T): Array<[keyof T & string, T[keyof T]]> {
  return Object.entries(object) as Array<[keyof T & string, T[keyof T]]>;
}

/**
 * The result is a private deep copy, frozen: the four books are shared by the whole extension,
 * so editing one by accident must fail loudly. `structuredClone` it to get an editable copy.
 */
export function buildDefaultBook(language: string, texts: BookTexts): SalesBook {
  return deepFreeze(structuredClone(assembleBook(language, texts)));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function assembleBook(language: string, texts: BookTexts): SalesBook {
  return {
    schema: 1,
    id: `touchbook-default-${language}`,
    title: texts.title,
    description: texts.description,
    version: DEFAULT_BOOK_VERSION,
    language,
    updatedAt: DEFAULT_BOOK_UPDATED_AT,
    author: texts.author,
    team: texts.team,
    programmes: buildProgrammes(texts),
    crossSell: buildCrossSell(texts),
    questionnaires: buildQuestionnaires(texts),
    objections: entries(OBJECTIONS).map(([id, category]) => ({ id, category, ...texts.objections[id] })),
    sections: entries(SECTIONS).map(([id, frame]) => ({ id, ...frame, ...texts.sections[id] })),
    churnReasons: entries(CHURN_REASONS).map(([id, frame]: [ChurnReasonId, ChurnFrame]) => ({
      id,
      ...texts.churnReasons[id],
      ...(frame.share !== undefined ? { share: frame.share } : {}),
      ...(frame.objections ? { suggestObjectionIds: [...frame.objections] } : {}),
      ...(frame.programmes ? { suggestProgrammeIds: [...frame.programmes] } : {}),
    })),
    buyerTypes: BUYER_TYPE_IDS.map((id) => ({ id, ...texts.buyerTypes[id] })),
    loyaltyIdeas: buildIdeas(LOYALTY_IDEAS, texts.loyaltyIdeas),
    promotionIdeas: buildIdeas(PROMOTION_IDEAS, texts.promotionIdeas),
    segments: buildSegments(texts),
    campaigns: entries(CAMPAIGNS).map(([id, frame]: [CampaignId, CampaignFrame]) => {
      const { audience, ...words } = texts.campaigns[id];
      return { id, ...words, window: { ...frame.window }, audience, role: { id: frame.role, name: texts.roles[frame.role] }, channel: frame.channel };
    }),
    fieldMappings: {},
  };
}

function buildIdeas<I extends string>(frame: Record<I, readonly BuyerTypeId[]>, texts: Record<I, IdeaTexts>): SalesBook['loyaltyIdeas'] {
  return entries(frame).map(([id, buyerTypes]) => ({
    id,
    ...texts[id],
    ...(buyerTypes.length > 0 ? { forBuyerTypes: [...buyerTypes] } : {}),
  }));
}

function buildSegments(texts: BookTexts): Segment[] {
  return entries(SEGMENTS).map(([id, frame]) => {
    const words: SegmentTexts<SegmentId> = texts.segments[id];
    const groupNames = words.groups as Record<string, string>;
    return {
      id,
      name: words.name,
      description: words.description,
      ...(words.appliesTo ? { appliesTo: words.appliesTo } : {}),
      measures: [
        { kind: 'cardNumber', labels: words.cardLabels },
        { kind: 'purchaseCount', ...words.counted },
      ],
      groups: entries(frame.groups as Record<string, { min: number }>).map(([groupId, group]) => ({
        id: groupId,
        name: groupNames[groupId] ?? groupId,
        min: group.min,
      })),
    };
  });
}

function buildProgrammes(texts: BookTexts): SalesBook['programmes'] {
  return entries(PROGRAMMES).map(([programmeId, frame]) => {
    const words = texts.programmes[programmeId] as ProgrammeTexts<ProgrammeId>;
    const touchTexts = words.touches as Record<string, TouchTexts>;
    return {
      id: programmeId,
      name: words.name,
      description: words.description,
      priority: frame.priority,
      ...('callListOrder' in frame ? { callListOrder: frame.callListOrder } : {}),
      ...(words.appliesTo ? { appliesTo: words.appliesTo } : {}),
      anchor: anchorOf(frame, words),
      ...('newAnchorReplaces' in frame && words.replacedReason ? { newAnchorReplaces: { ...frame.newAnchorReplaces, reason: words.replacedReason } } : {}),
      touches: [
        ...entries(frame.touches as Record<string, TouchFrame>).map(([touchId, touch]) => [touchId, touch, touchTexts[touch.textsFrom ?? touchId] as TouchTexts] as const),
        ...(programmeId === 'holidays' ? holidayGreetings(texts) : []),
      ].map(([touchId, touch, words]) => {
        const { goal, script, tagsAny, variants, countedPurchases, closedBy } = words;
        const { role, needsTags: _needsTags, needsRecentPurchases, textsFrom: _textsFrom, gender, closedByPurchase, yieldsTo, ...timing } = touch;
        const condition: TouchCondition = {
          ...(gender ? { gender } : {}),
          ...(tagsAny ? { tagsAny } : {}),
          ...(needsRecentPurchases && countedPurchases
            ? { recentEvents: [{ kind: 'purchase' as const, ...countedPurchases, ...needsRecentPurchases }] }
            : {}),
        };
        return {
          id: touchId,
          ...timing,
          goal,
          role: { id: role, name: texts.roles[role] },
          script,
          ...(variants?.length
            ? { variants: variants.map(({ tagsAny: tags, script: text }) => ({ ...(tags ? { condition: { tagsAny: tags } } : {}), script: text })) }
            : {}),
          ...(Object.keys(condition).length > 0 ? { condition } : {}),
          ...(closedByPurchase && closedBy ? { closedBy } : {}),
          ...(yieldsTo ? { yieldsTo } : {}),
        };
      }),
    };
  });
}

/** The frame's anchor with the language's card labels for a card date. */
function anchorOf(frame: ProgrammeFrame, words: ProgrammeTexts<ProgrammeId>): Anchor {
  if (frame.anchor.kind !== 'customDate') return frame.anchor;
  const [field, ...labels] = words.dateLabels ?? [];
  if (!field) throw new Error('a card-date programme needs the labels of its date');
  return { kind: 'customDate', field, ...(labels.length ? { labels } : {}) };
}

/** The greetings of the language's calendar, in the frame's order, each with its words. */
function holidayGreetings(texts: BookTexts): Array<readonly [string, TouchFrame, TouchTexts]> {
  return entries(HOLIDAY_GREETINGS).flatMap(([id, frame]) => {
    const words = texts.holidayGreetings[id];
    return words ? [[id, frame, words] as const] : [];
  });
}

function buildCrossSell(texts: BookTexts): SalesBook['crossSell'] {
  return entries(CROSS_SELL).map(([id, frame]: [CrossSellId, CrossSellFrame]) => {
    const words = texts.crossSell[id];
    const condition: CrossSellCondition = {};
    if (words.tagsAny) condition.tagsAny = words.tagsAny;
    if (frame.buyerTypes) condition.buyerTypes = [...frame.buyerTypes];
    if (frame.minDaysSincePurchase !== undefined) condition.minDaysSincePurchase = frame.minDaysSincePurchase;
    if (frame.maxDaysSincePurchase !== undefined) condition.maxDaysSincePurchase = frame.maxDaysSincePurchase;
    return {
      id,
      title: words.title,
      core: words.core,
      offers: words.offers,
      ...(Object.keys(condition).length > 0 ? { condition } : {}),
      benefit: words.benefit,
      options: OPTION_TIERS.map((tier) => ({ tier, ...words.options[tier] })),
      script: words.script,
    };
  });
}

function buildQuestionnaires(texts: BookTexts): SalesBook['questionnaires'] {
  return entries(QUESTIONNAIRES).map(([questionnaireId, frame]) => {
    const words = texts.questionnaires[questionnaireId] as QuestionnaireTexts<QuestionnaireId>;
    const questionTexts = words.questions as Record<string, QuestionTexts & { choices?: string[]; followUp?: string }>;
    return {
      id: questionnaireId,
      title: words.title,
      kind: frame.kind,
      description: words.description,
      questions: entries(frame.questions as Record<string, QuestionFrame>).map(([questionId, question]) => {
        const { text, hint, unit, choices = [], followUp } = questionTexts[questionId] as QuestionTexts & { choices?: string[]; followUp?: string };
        return {
          id: questionId,
          level: question.level,
          text,
          ...(hint ? { hint } : {}),
          important: question.important === true,
          answer: answerFor(question.answer, choices, unit),
          ...(question.followUp && followUp ? { followUp: { when: followUpWhen(question.followUp, choices), text: followUp } } : {}),
        };
      }),
    };
  });
}

function answerFor(kind: AnswerKind, choices: string[], unit: string | undefined): SalesBook['questionnaires'][number]['questions'][number]['answer'] {
  switch (kind) {
    case 'choice':
      return { type: 'choice', choices };
    case 'multi-choice':
      return { type: 'choice', choices, multiple: true };
    case 'number':
      return unit ? { type: 'number', unit } : { type: 'number' };
    case 'rating':
      return { type: 'rating' };
    case 'text':
      return { type: 'text' };
  }
}

function followUpWhen(frame: NonNullable<QuestionFrame['followUp']>, choices: string[]) {
  if ('choiceIndex' in frame) return { choiceIs: choices[frame.choiceIndex] ?? '' };
  return frame;
}

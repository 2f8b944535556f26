import type { BuyerType, BuyerTypeId, ChurnReason, ObjectionCategory, SalesBook } from '../book/schema';
import { parseIsoDuration } from '../book/timing';
import type { Product } from '../crm/snapshot';
import { foldCase, unique } from '../crm/text';
import type { ClientRecord, TouchRecord } from '../db/schema';
import { appliesToClient, productMatches } from '../lifecycle/matching';
import { DAY_MS, type LocalDate, compareDates, daysBetween, localDateOf, parseLocalDate, resolveTimeZone } from '../lifecycle/time';
import { latestDatedPurchase } from './script-values';

/**
 * Why clients leave and what kind of buyer each one is (methodology, section 8), turned into two
 * answers for the side panel: how likely this client is to leave, with the signs that say so, and
 * what the book suggests for them (the response to their churn reason, the objections to prepare
 * for, the programmes that bring them back, how to work with their buyer type).
 */

// ---- churn risk --------------------------------------------------------------------------------

export type RiskLevel = 'low' | 'medium' | 'high';

/** One sign of a client on the way out; `severity` says how much it weighs on its own. */
export type RiskReason =
  | { code: 'lost-stage'; severity: 'high'; stage: string }
  | { code: 'churn-reason'; severity: 'high'; churnReasonId: string }
  | { code: 'no-recent-purchase'; severity: 'medium' | 'high'; daysSincePurchase: number; cycleDays: number; product: string | null }
  | { code: 'buyer-type'; severity: 'medium'; buyerType: BuyerTypeId }
  | { code: 'missed-touches'; severity: 'medium'; count: number }
  | { code: 'not-interested'; severity: 'medium' };

export interface ChurnRisk {
  level: RiskLevel;
  /** Strongest first, for the panel to explain the level. */
  reasons: RiskReason[];
}

export interface ChurnRiskOptions {
  /** Lets the client's programmes say how often they buy; without it `DEFAULT_CYCLE_DAYS`. */
  book?: SalesBook;
  timeZone?: string;
}

/** Half a year without buying is long for most trades when the book does not say otherwise. */
export const DEFAULT_CYCLE_DAYS = 180;

/** A touch this late has been forgotten, not just postponed: the client hears nothing from us. */
export const FORGOTTEN_AFTER_DAYS = 7;

/** Missed touches older than this say little about the client today. */
const MISSED_TOUCH_MEMORY_DAYS = 365;

/**
 * How likely the client is to stop buying, from what the card, the manager and the touch history
 * say. One strong sign (the deal is lost, the manager recorded a churn reason, no purchase for two
 * buying cycles) makes the risk high; so do two weaker ones together; one weaker sign makes it
 * medium. The weaker signs: no purchase for one cycle, a buyer type that leaves easily, touches
 * we let slip (silence is the most common reason clients leave), a client who said "not
 * interested" last time.
 */
export function churnRisk(
  client: ClientRecord,
  touches: readonly TouchRecord[] | undefined,
  now: number,
  options: ChurnRiskOptions = {},
): ChurnRisk {
  const ownTouches = (touches ?? []).filter((touch) => touch.clientId === client.id);
  const reasons = [
    lostStage(client),
    recordedChurnReason(client),
    purchaseGap(client, now, options),
    riskyBuyerType(client),
    missedTouches(ownTouches, now),
    lastAnswerNotInterested(ownTouches),
  ].filter((reason): reason is RiskReason => reason !== null);
  reasons.sort((a, b) => Number(b.severity === 'high') - Number(a.severity === 'high'));
  return { level: levelOf(reasons), reasons };
}

function levelOf(reasons: readonly RiskReason[]): RiskLevel {
  if (reasons.some((reason) => reason.severity === 'high') || reasons.length >= 2) return 'high';
  return reasons.length === 1 ? 'medium' : 'low';
}

function recordedChurnReason(client: ClientRecord): RiskReason | null {
  return client.churnReason ? { code: 'churn-reason', severity: 'high', churnReasonId: client.churnReason } : null;
}

/**
 * Buyer types that leave easily: the defector already buys elsewhere, the mercenary goes to the
 * highest bidder, the concession seeker stays only while the concessions last. The hostage is
 * not here: they have no other choice today, which is exactly why they are not leaving yet.
 */
export const RISKY_BUYER_TYPES: readonly BuyerTypeId[] = ['defector', 'mercenary', 'concession-seeker'];

function riskyBuyerType(client: ClientRecord): RiskReason | null {
  const buyerType = client.buyerType;
  return buyerType && RISKY_BUYER_TYPES.includes(buyerType) ? { code: 'buyer-type', severity: 'medium', buyerType } : null;
}

// ---- lost stages -------------------------------------------------------------------------------

/**
 * How CRMs name a lost deal or a lost client, folded (lower case, no accents), in the languages of
 * the default books: "Closed lost", amoCRM's "Закрыто и не реализовано", Bitrix24's "Сделка
 * провалена", "Втрачено", "Χαμένη". Whole words in sequence, so "не реализовано" is lost while
 * "Успешно реализовано" is won, and "неуспешно" is not mistaken for "успешно".
 */
export const LOST_STAGE_PHRASES: readonly string[] = [
  'lost',
  'churned',
  'cancelled',
  'canceled',
  'rejected',
  'проиграна',
  'проиграно',
  'отказ',
  'неуспешно',
  'неуспешна',
  'не реализовано',
  'провалена',
  'потерян',
  'потеряна',
  'програно',
  'програна',
  'відмова',
  'неуспішно',
  'неуспішна',
  'не реалізовано',
  'втрачено',
  'втрачена',
  'χαμενη',
  'χαμενο',
  'χαθηκε',
  'απορριφθηκε',
];

const WORD = /\p{L}[\p{L}'’]*/gu;

export function isLostStage(stage: string | null | undefined): boolean {
  if (!stage) return false;
  const words = foldCase(stage).match(WORD) ?? [];
  return LOST_STAGE_PHRASES.some((phrase) => containsSequence(words, phrase.split(' ')));
}

function containsSequence(words: readonly string[], sequence: readonly string[]): boolean {
  return words.some((_, start) => sequence.every((word, offset) => words[start + offset] === word));
}

function lostStage(client: ClientRecord): RiskReason | null {
  return client.stage && isLostStage(client.stage) ? { code: 'lost-stage', severity: 'high', stage: client.stage } : null;
}

// ---- time since the last purchase --------------------------------------------------------------

/**
 * A purchase gap is measured against how often the client is expected to buy, not a fixed number
 * of days: two months without toner is a lost client, a year without a new car is not. The book's
 * programmes for what the client bought set the cycle; the gap that matters most is taken (the
 * consumables bought elsewhere now, even when the car was bought here last month).
 */
function purchaseGap(client: ClientRecord, now: number, { book, timeZone }: ChurnRiskOptions): RiskReason | null {
  const today = localDateOf(now, resolveTimeZone(timeZone));
  const byCycle = purchaseCycles(book, client).flatMap(({ cycleDays, covers }) =>
    gapSince(datedPurchase(latestDatedPurchase(client.products.filter(covers))), cycleDays, today),
  );
  const gaps = byCycle.length ? byCycle : gapSince(lastPurchase(client), DEFAULT_CYCLE_DAYS, today);
  const worst = gaps.sort((a, b) => b.days / b.cycleDays - a.days / a.cycleDays)[0];
  if (!worst || worst.days <= worst.cycleDays) return null;
  const severity = worst.days > 2 * worst.cycleDays ? 'high' : 'medium';
  return { code: 'no-recent-purchase', severity, daysSincePurchase: worst.days, cycleDays: worst.cycleDays, product: worst.product };
}

interface DatedPurchase {
  date: LocalDate;
  /** Null when the card shows only a "last purchase" date. */
  product: string | null;
}

interface Gap {
  days: number;
  cycleDays: number;
  product: string | null;
}

function gapSince(purchase: DatedPurchase | null, cycleDays: number, today: LocalDate): Gap[] {
  return purchase ? [{ days: daysBetween(purchase.date, today), cycleDays, product: purchase.product }] : [];
}

function datedPurchase(product: Product | null): DatedPurchase | null {
  const date = product?.purchasedAt ? parseLocalDate(product.purchasedAt) : null;
  return product && date ? { date, product: product.name } : null;
}

/**
 * The latest purchase the card shows: a dated product, or the "last purchase" field when that is
 * later (some CRMs show when the client last bought but not what).
 */
function lastPurchase(client: ClientRecord): DatedPurchase | null {
  const product = datedPurchase(latestDatedPurchase(client.products));
  const field = client.lastSnapshot.lastPurchase ? parseLocalDate(client.lastSnapshot.lastPurchase) : null;
  if (field && (!product || compareDates(field, product.date) > 0)) return { date: field, product: null };
  return product;
}

interface PurchaseCycle {
  cycleDays: number;
  covers: (product: Product) => boolean;
}

/**
 * Each purchase programme written for particular products that applies to the client gives a
 * cycle. A repeat interval (consumables every two months) is a rhythm for those products: a
 * missed one means they are bought elsewhere, whatever else the client buys from us. Without one,
 * the span of the touches (a car's first year of service, insurance and trade-in) is how long the
 * client may go without buying anything at all. Programmes for every buyer (a second-purchase
 * discount three weeks on) say nothing about how often anything is bought.
 */
function purchaseCycles(book: SalesBook | undefined, client: ClientRecord): PurchaseCycle[] {
  return (book?.programmes ?? []).flatMap((programme): PurchaseCycle[] => {
    const appliesTo = programme.appliesTo;
    const forProducts = Boolean(appliesTo?.products?.length || appliesTo?.categories?.length);
    if (programme.anchor.kind !== 'purchase' || !forProducts || !appliesToClient(appliesTo, client)) return [];
    const repeat = shortest(programme.touches.flatMap((touch) => (touch.repeatEvery ? [durationDays(touch.repeatEvery)] : [])));
    if (repeat) return [{ cycleDays: repeat, covers: (product) => productMatches(appliesTo, product) }];
    const span = Math.max(0, ...programme.touches.flatMap((touch) => (touch.after ? [durationDays(touch.after)] : [])));
    return span > 0 ? [{ cycleDays: span, covers: () => true }] : [];
  });
}

function shortest(days: readonly number[]): number | null {
  const positive = days.filter((day) => day > 0);
  return positive.length ? Math.min(...positive) : null;
}

/** Near enough for "how long is a buying cycle": a month is 30 days, a year 365. */
function durationDays(text: string): number {
  const duration = parseIsoDuration(text);
  if (!duration) return 0;
  const { years, months, weeks, days, hours, minutes, seconds } = duration;
  const exact = years * 365 + months * 30 + weeks * 7 + days + (hours * 3600 + minutes * 60 + seconds) / (DAY_MS / 1000);
  return Math.round(exact);
}

// ---- touches -----------------------------------------------------------------------------------

/** Touches the manager let slip: missed ones, and open ones a week or more past their time. */
function missedTouches(touches: readonly TouchRecord[], now: number): RiskReason | null {
  const forgotten = touches.filter((touch) => {
    const late = now - touch.dueAt;
    if (touch.state === 'missed') return late <= MISSED_TOUCH_MEMORY_DAYS * DAY_MS;
    return (touch.state === 'planned' || touch.state === 'due') && late > FORGOTTEN_AFTER_DAYS * DAY_MS;
  });
  return forgotten.length ? { code: 'missed-touches', severity: 'medium', count: forgotten.length } : null;
}

/** What the client said the last time we reached them. */
function lastAnswerNotInterested(touches: readonly TouchRecord[]): RiskReason | null {
  const finished = touches.filter((touch) => touch.state === 'done' && touch.outcome !== null);
  const last = finished.sort((a, b) => (b.outcomeAt ?? b.updatedAt) - (a.outcomeAt ?? a.updatedAt))[0];
  return last?.outcome === 'not-interested' ? { code: 'not-interested', severity: 'medium' } : null;
}

// ---- what the book suggests --------------------------------------------------------------------

export interface ProfileSuggestions {
  /** The book's entry for the client's churn reason: its `response` is what to do. */
  churnReason: ChurnReason | null;
  /** The book's entry for the client's buyer type: its `howToWork` is how to treat them. */
  buyerType: BuyerType | null;
  /** Objections to have ready, most relevant first; only ids the book has. */
  objectionIds: string[];
  /** Programmes that answer the churn reason (regular touches for a client we neglected). */
  programmeIds: string[];
  /** Objection categories to open first in the objections list. */
  categories: ObjectionCategory[];
}

/**
 * What each buyer type tends to argue about: a mercenary and a concession seeker about price, a
 * defector and a mercenary about the competitor's offer, a hostage about the service they put up
 * with. Advocates and loyal clients need thanks and a reason to recommend us, not rebuttals.
 */
export const BUYER_TYPE_CATEGORIES: Readonly<Record<BuyerTypeId, readonly ObjectionCategory[]>> = {
  advocate: [],
  loyal: [],
  defector: ['competitor'],
  'concession-seeker': ['price'],
  mercenary: ['price', 'competitor'],
  hostage: ['service', 'quality'],
};

/**
 * The book's advice for this client's profile: "too expensive" brings the time-limited discount
 * (the churn reason's response and programmes) and the price objections; a defector brings the
 * competitor objections and the book's way of working with defectors. References the book does
 * not resolve (a team book without that objection) are left out rather than shown broken.
 */
export function suggestionsForProfile(book: SalesBook, client: ClientRecord): ProfileSuggestions {
  const churnReason = book.churnReasons.find((reason) => reason.id === client.churnReason) ?? null;
  const buyerType = book.buyerTypes.find((type) => type.id === client.buyerType) ?? null;
  const objections = new Map(book.objections.map((objection) => [objection.id, objection]));
  const programmes = new Set(book.programmes.map((programme) => programme.id));

  const objectionIds = unique(churnReason?.suggestObjectionIds ?? []).filter((id) => objections.has(id));
  const programmeIds = unique(churnReason?.suggestProgrammeIds ?? []).filter((id) => programmes.has(id));
  const categories = unique([
    ...objectionIds.flatMap((id) => {
      const category = objections.get(id)?.category;
      return category ? [category] : [];
    }),
    ...(client.buyerType ? BUYER_TYPE_CATEGORIES[client.buyerType] : []),
  ]);
  return { churnReason, buyerType, objectionIds, programmeIds, categories };
}


import { OPTION_TIERS } from '../book/constants';
import type {
  CrossSellCondition,
  CrossSellOption,
  CrossSellRule,
  ProductSet,
  SalesBook,
} from '../book/schema';
import type { Product } from '../crm/snapshot';
import type { ClientRecord, OfferStatus } from '../db/schema';
import { conditionHolds, matchesAnyTerm } from '../lifecycle/matching';
import { type LocalDate, daysBetween, localDateOf, parseLocalDate, resolveTimeZone } from '../lifecycle/time';

/**
 * Cross-selling: "the client bought core X (and the card notes an interest in Y), so offer
 * periphery Z", each offer with the client's benefit and three options to choose from
 * (methodology, section 4). The book's rules say what may be offered; this module says which of
 * them fit the client open in the CRM today, and in what order the manager should bring them up.
 */

/** What happened when an offer was made: accepted ones are done, declined ones wait their turn. */
export type { OfferStatus };

export interface CrossSellContext {
  now: number;
  /** Per rule id, what became of the offer so far. Rules not listed have never been offered. */
  offered?: Readonly<Record<string, OfferStatus>>;
  /** Where "today" is, for counting days since a purchase; UTC when not given. */
  timeZone?: string;
}

/** The purchase that makes a rule apply: the "core" of core-periphery. */
export interface CoreMatch {
  product: Product;
  /** Named among the rule's core products, or only sharing a core category (a weaker sign). */
  by: 'product' | 'category';
  /** Null when the card shows no purchase date. */
  daysSincePurchase: number | null;
}

export interface CrossSellOffer {
  ruleId: string;
  title: string;
  /** What the client gains: the offer fails without it, so the UI shows it first. */
  benefit: string;
  /** Standard, professional, premium, in that order, whatever order the book lists them in. */
  options: CrossSellOption[];
  /** Raw script; fill it with `scriptValues(...)` and `nextProduct`. */
  script: string;
  /** The periphery products and categories the rule offers. */
  offers: ProductSet;
  /** The words for `{{product.next}}`: the first product or category the rule offers. */
  nextProduct: string;
  core: CoreMatch;
  /** The client's tags that met the rule's interest conditions ("interested: alloy wheels"). */
  interestTags: string[];
  /** Days until the rule's "at most N days after the purchase" window closes; null without one. */
  daysLeft: number | null;
  /** `new` when it was never offered; a `declined` offer stays on the list, at the bottom. */
  status: 'new' | 'offered' | 'declined';
}

/**
 * The offers that fit the client, best first. An offer fits when:
 * - the client bought one of the rule's core products or categories,
 * - the card meets the rule's conditions (tags, stage, buyer type),
 * - the purchase is inside the rule's day window (an undated purchase cannot be checked, so it
 *   is given the benefit of the doubt and ranked lower),
 * - the client does not already have what the rule offers, and has not accepted it from us.
 *
 * The order, one criterion after another:
 * 1. Not declined before declined: a "no" is remembered, but the client may change their mind
 *    (methodology: "let the client change their mind"), so the offer sinks rather than vanishes.
 * 2. Stronger match: a purchase named among the core products beats one that only shares a
 *    category; an interest the card records (a tag condition met) counts most, because an offer
 *    the client asked about is the one that brings value; a rule narrowed to this buyer type or
 *    stage is more personal than one written for everybody.
 * 3. Timing fit: a purchase known to be inside the rule's window ("insurance in the first 30
 *    days") is a moment that passes; then dated purchases for rules with no window; undated last.
 * 4. The window closing sooner first: tomorrow's chance before next month's.
 * 5. The more recent core purchase first: the client remembers it and us.
 * 6. The book's order, so the team lead's priorities decide the rest.
 */
export function rankCrossSell(book: SalesBook, client: ClientRecord, context: CrossSellContext): CrossSellOffer[] {
  const today = localDateOf(context.now, resolveTimeZone(context.timeZone));
  const history = context.offered ?? {};
  return book.crossSell
    .map((rule) => {
      const status = openStatus(history, rule.id);
      return status && offerFor(rule, client, today, status);
    })
    .filter((candidate): candidate is Candidate => candidate !== null)
    .sort(byRank)
    .map(({ offer }) => offer);
}

// ---- one rule ----------------------------------------------------------------------------------

interface Candidate {
  offer: CrossSellOffer;
  strength: number;
  timing: number;
}

function offerFor(rule: CrossSellRule, client: ClientRecord, today: LocalDate, status: CrossSellOffer['status']): Candidate | null {
  if (alreadyHas(client, rule.offers) || !filtersHold(rule.condition, client)) return null;
  const core = bestCoreMatch(rule, client, today);
  if (!core) return null;
  const interestTags = interestTagsOf(rule.condition, client);
  const offer: CrossSellOffer = {
    ruleId: rule.id,
    title: rule.title,
    benefit: rule.benefit,
    options: inTierOrder(rule.options),
    script: rule.script,
    offers: rule.offers,
    nextProduct: rule.offers.products?.[0] ?? rule.offers.categories?.[0] ?? rule.title,
    core,
    interestTags,
    daysLeft: daysLeftIn(rule.condition, core.daysSincePurchase),
    status,
  };
  return { offer, strength: strengthOf(rule.condition, core, interestTags), timing: timingOf(rule.condition, core) };
}

/** Null once the client said yes: the offer has done its job. */
function openStatus(history: Readonly<Record<string, OfferStatus>>, ruleId: string): CrossSellOffer['status'] | null {
  // hasOwn, not `in`: a rule id such as "constructor" must not find Object.prototype's.
  const status = Object.hasOwn(history, ruleId) ? history[ruleId] : undefined;
  if (status === 'accepted') return null;
  return status ?? 'new';
}

/** Offering what the card says the client already has is noise, not service. */
function alreadyHas(client: ClientRecord, offers: ProductSet): boolean {
  return client.products.some((product) => matchesSet(offers, product) !== null);
}

/** Tags, stage and buyer type; the day window depends on which purchase, so it is checked there. */
function filtersHold(condition: CrossSellCondition | undefined, client: ClientRecord): boolean {
  if (!condition) return true;
  const { minDaysSincePurchase: _min, maxDaysSincePurchase: _max, ...filters } = condition;
  return conditionHolds(filters, client, null);
}

// ---- the core purchase -------------------------------------------------------------------------

/** A product name is a stronger sign than a category: "Toyota RAV4" says more than "Car". */
function matchesSet(set: ProductSet, product: Product): CoreMatch['by'] | null {
  if (set.products?.length && matchesAnyTerm(product.name, set.products)) return 'product';
  if (set.categories?.length && matchesAnyTerm(product.category, set.categories)) return 'category';
  return null;
}

/** Of the client's core purchases inside the window, the strongest, dated and most recent one. */
function bestCoreMatch(rule: CrossSellRule, client: ClientRecord, today: LocalDate): CoreMatch | null {
  const matches = client.products.flatMap((product): CoreMatch[] => {
    const by = matchesSet(rule.core, product);
    if (!by) return [];
    const daysSincePurchase = daysSince(product.purchasedAt, today);
    return insideWindow(rule.condition, daysSincePurchase) ? [{ product, by, daysSincePurchase }] : [];
  });
  return matches.sort(byBetterCore)[0] ?? null;
}

function byBetterCore(a: CoreMatch, b: CoreMatch): number {
  return Number(b.by === 'product') - Number(a.by === 'product') || fewerFirst(a.daysSincePurchase, b.daysSincePurchase);
}

function daysSince(purchasedAt: string | null, today: LocalDate): number | null {
  const date = purchasedAt ? parseLocalDate(purchasedAt) : null;
  return date ? daysBetween(date, today) : null;
}

function insideWindow(condition: CrossSellCondition | undefined, days: number | null): boolean {
  if (days === null || !condition) return true;
  const { minDaysSincePurchase: min, maxDaysSincePurchase: max } = condition;
  return (min === undefined || days >= min) && (max === undefined || days <= max);
}

function daysLeftIn(condition: CrossSellCondition | undefined, days: number | null): number | null {
  const max = condition?.maxDaysSincePurchase;
  return max === undefined || days === null ? null : max - days;
}

function hasWindow(condition: CrossSellCondition | undefined): boolean {
  return condition?.minDaysSincePurchase !== undefined || condition?.maxDaysSincePurchase !== undefined;
}

// ---- ranking -----------------------------------------------------------------------------------

function interestTagsOf(condition: CrossSellCondition | undefined, client: ClientRecord): string[] {
  const words = [...(condition?.tagsAny ?? []), ...(condition?.tagsAll ?? [])];
  return words.length ? client.tags.filter((tag) => matchesAnyTerm(tag, words)) : [];
}

/** See criterion 2 of `rankCrossSell`. */
function strengthOf(condition: CrossSellCondition | undefined, core: CoreMatch, interestTags: readonly string[]): number {
  return (
    (core.by === 'product' ? 2 : 1) +
    (interestTags.length ? 2 : 0) +
    (condition?.buyerTypes?.length ? 1 : 0) +
    (condition?.stages?.length ? 1 : 0)
  );
}

/** See criterion 3 of `rankCrossSell`: 2 inside a known window, 1 dated, 0 undated. */
function timingOf(condition: CrossSellCondition | undefined, core: CoreMatch): number {
  if (core.daysSincePurchase === null) return 0;
  return hasWindow(condition) ? 2 : 1;
}

function byRank(a: Candidate, b: Candidate): number {
  return (
    Number(a.offer.status === 'declined') - Number(b.offer.status === 'declined') ||
    b.strength - a.strength ||
    b.timing - a.timing ||
    fewerFirst(a.offer.daysLeft, b.offer.daysLeft) ||
    fewerFirst(a.offer.core.daysSincePurchase, b.offer.core.daysSincePurchase)
  );
}

/** Ascending, with the unknown (null) after every known count. */
function fewerFirst(a: number | null, b: number | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return a - b;
}

function inTierOrder(options: readonly CrossSellOption[]): CrossSellOption[] {
  return [...options].sort((a, b) => OPTION_TIERS.indexOf(a.tier) - OPTION_TIERS.indexOf(b.tier));
}

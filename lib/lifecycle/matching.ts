import type { AppliesTo, TouchCondition } from '../book/schema';
import type { ClientRecord } from '../db/schema';
import { words } from '../text/normalize';
import { stemVariants } from '../text/stem';
import { clientGender } from './gender';
import type { ClientGroups } from './segments';

/**
 * How the sales book's words meet the CRM card. The book says "car"; the card says "Passenger
 * cars (new)": a card value matches when it has one of the book's terms as whole words, in any
 * word form, with case and accents set aside (see the note at the top of lib/book/schema.ts).
 * Words go through the same folding and stemming as the objection search, so "шины", "шин" and
 * "шинах" meet, while "car" stays out of "Cartridges" and "техника" out of "Сельхозтехника": a
 * substring match sent toner buyers down the car chain. A term of several words ("extended
 * warranty") matches the same words in a row.
 */

/** The product a purchase is about, as far as matching needs it. */
export interface ProductFacts {
  name: string | null;
  category: string | null;
}

// Planning meets the same few hundred book terms and card values for every client; stemming
// them once keeps whole-word matching as cheap as the substring test it replaced. A plain
// cache of pure results, dropped when full, so it never grows with the number of clients.
const STEMS_CACHE_SIZE = 5_000;
const stemsCache = new Map<string, readonly (readonly string[])[]>();

/** A text as its words in order, each as the stems it may have. */
function stemsOf(text: string): readonly (readonly string[])[] {
  const cached = stemsCache.get(text);
  if (cached) return cached;
  const stems = words(text).map((word) => stemVariants(word.text));
  if (stemsCache.size >= STEMS_CACHE_SIZE) stemsCache.clear();
  stemsCache.set(text, stems);
  return stems;
}

/** Whether `terms` has a term whose words appear, in a row, among the words of `value`. */
export function matchesAnyTerm(value: string | null | undefined, terms: readonly string[]): boolean {
  if (!value || !terms.length) return false;
  const valueWords = stemsOf(value);
  return terms.some((term) => containsRun(valueWords, stemsOf(term)));
}

function containsRun(text: readonly (readonly string[])[], run: readonly (readonly string[])[]): boolean {
  if (!run.length) return false;
  for (let start = 0; start + run.length <= text.length; start++) {
    if (run.every((word, offset) => sameWord(text[start + offset]!, word))) return true;
  }
  return false;
}

/** Forms of one word share a stem. */
function sameWord(a: readonly string[], b: readonly string[]): boolean {
  return a.some((stem) => b.includes(stem));
}

function someValueMatches(values: readonly string[], terms: readonly string[]): boolean {
  return values.some((value) => matchesAnyTerm(value, terms));
}

function isSet(words: readonly string[] | undefined): words is readonly string[] {
  return words !== undefined && words.length > 0;
}

/**
 * Products and categories both say what was bought, so either may match; with neither given,
 * any purchase (even one with no product on the card) will do.
 */
export function productMatches(appliesTo: AppliesTo | undefined, product: ProductFacts | null): boolean {
  const products = appliesTo?.products ?? [];
  const categories = appliesTo?.categories ?? [];
  if (!products.length && !categories.length) return true;
  if (!product) return false;
  return matchesAnyTerm(product.name, products) || matchesAnyTerm(product.category, categories);
}

/**
 * Whether a programme is for this client: every kind of filter the book gives must match
 * (tags, stage, something bought); within one kind, any word will do. No filters: every client.
 * A purchase-anchored programme checks products on each purchase event instead
 * (`checkProducts: false`), so a purchase the manager recorded by hand counts too.
 */
export function appliesToClient(appliesTo: AppliesTo | undefined, client: ClientRecord, checkProducts = true): boolean {
  if (!appliesTo) return true;
  if (isSet(appliesTo.tags) && !someValueMatches(client.tags, appliesTo.tags)) return false;
  if (isSet(appliesTo.stages) && !matchesAnyTerm(client.stage, appliesTo.stages)) return false;
  if (checkProducts && (isSet(appliesTo.products) || isSet(appliesTo.categories))) {
    return client.products.some((product) => productMatches(appliesTo, product));
  }
  return true;
}

/**
 * A touch's own condition on the client at planning time. The day counts are measured at the
 * touch's date, so "maxDaysSinceAnchor: 365" stops a repeating reminder after a year; a touch
 * with no anchor event has no day count, and those limits do not apply to it. `groups` is where
 * the client stands in the book's segments (`clientGroups`), for conditions that name groups.
 */
export function conditionHolds(
  condition: TouchCondition | undefined,
  client: ClientRecord,
  daysSinceAnchor: number | null,
  groups: ClientGroups = {},
): boolean {
  if (!condition) return true;
  const { tagsAny, tagsAll, tagsNone, stages, buyerTypes, minDaysSinceAnchor, maxDaysSinceAnchor } = condition;
  if (isSet(tagsAny) && !someValueMatches(client.tags, tagsAny)) return false;
  if (isSet(tagsAll) && !tagsAll.every((word) => someValueMatches(client.tags, [word]))) return false;
  if (isSet(tagsNone) && someValueMatches(client.tags, tagsNone)) return false;
  if (isSet(stages) && !matchesAnyTerm(client.stage, stages)) return false;
  if (buyerTypes?.length && !(client.buyerType && buyerTypes.includes(client.buyerType))) return false;
  if (daysSinceAnchor !== null) {
    if (minDaysSinceAnchor !== undefined && daysSinceAnchor < minDaysSinceAnchor) return false;
    if (maxDaysSinceAnchor !== undefined && daysSinceAnchor > maxDaysSinceAnchor) return false;
  }
  if (condition.segments && !inSegmentGroups(condition.segments, groups)) return false;
  if (condition.gender && clientGender(client) !== condition.gender) return false;
  return true;
}

/** Every segment the condition names must have placed the client in one of its groups. */
function inSegmentGroups(wanted: Readonly<Record<string, readonly string[]>>, groups: ClientGroups): boolean {
  return Object.entries(wanted).every(([segmentId, groupIds]) => {
    const group = Object.hasOwn(groups, segmentId) ? groups[segmentId] : undefined;
    return group !== undefined && groupIds.includes(group);
  });
}

import type { AppliesTo, TouchCondition } from '../book/schema';
import { foldCase } from '../crm/text';
import type { ClientRecord } from '../db/schema';
import { clientGender } from './gender';
import type { ClientGroups } from './segments';

/**
 * How the sales book's words meet the CRM card. The book says "car"; the card says "Car (new)":
 * a card value matches when it contains one of the book's words, with case and accents set aside
 * (see the note at the top of lib/book/schema.ts).
 */

/** The product a purchase is about, as far as matching needs it. */
export interface ProductFacts {
  name: string | null;
  category: string | null;
}

export function containsAny(value: string | null | undefined, words: readonly string[]): boolean {
  if (!value) return false;
  const folded = foldCase(value);
  return words.some((word) => folded.includes(foldCase(word)));
}

function someValueContains(values: readonly string[], words: readonly string[]): boolean {
  return values.some((value) => containsAny(value, words));
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
  return containsAny(product.name, products) || containsAny(product.category, categories);
}

/**
 * Whether a programme is for this client: every kind of filter the book gives must match
 * (tags, stage, something bought); within one kind, any word will do. No filters: every client.
 * A purchase-anchored programme checks products on each purchase event instead
 * (`checkProducts: false`), so a purchase the manager recorded by hand counts too.
 */
export function appliesToClient(appliesTo: AppliesTo | undefined, client: ClientRecord, checkProducts = true): boolean {
  if (!appliesTo) return true;
  if (isSet(appliesTo.tags) && !someValueContains(client.tags, appliesTo.tags)) return false;
  if (isSet(appliesTo.stages) && !containsAny(client.stage, appliesTo.stages)) return false;
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
  if (isSet(tagsAny) && !someValueContains(client.tags, tagsAny)) return false;
  if (isSet(tagsAll) && !tagsAll.every((word) => someValueContains(client.tags, [word]))) return false;
  if (isSet(tagsNone) && someValueContains(client.tags, tagsNone)) return false;
  if (isSet(stages) && !containsAny(client.stage, stages)) return false;
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

import type { SalesBook, Segment, SegmentGroup, SegmentMeasure } from '../book/schema';
import { normalizeLabel } from '../crm/text';
import type { ClientRecord } from '../db/schema';
import { appliesToClient, productMatches } from './matching';

/**
 * Segments put clients into groups by a number the card shows: a farm with twelve machines is in
 * group A and is called first when the repair season comes (methodology, section 2). The number
 * comes from a card field ("Machines: 12") or from counting the card's purchases that match.
 *
 * A client the card says nothing about gets no group rather than the smallest one: calling a
 * large farm last because its card lacks the field would be the very mistake call lists prevent.
 */

/** Where a client stands in one segment. `rank` is the group's place in the call order, 0 first. */
export interface SegmentPlacement {
  segment: Segment;
  group: SegmentGroup;
  rank: number;
  value: number;
}

/** Segment id -> the client's group id; a segment the client is in no group of is absent. */
export type ClientGroups = Readonly<Record<string, string>>;

/**
 * A count as CRMs show it: "12", "12 pcs", "1 200", "3,5". The value must start with the number,
 * so "about 12" or "-3" is not read as a count; the unit after it is ignored.
 */
const CARD_NUMBER = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?(?![\d.,])/;

export function readCardNumber(value: string): number | null {
  const match = CARD_NUMBER.exec(value.trim());
  if (!match) return null;
  const whole = (match[1] ?? '').replace(/[ \u00a0\u202f]/g, '');
  const number = Number(match[2] === undefined ? whole : `${whole}.${match[2]}`);
  return Number.isFinite(number) ? number : null;
}

function measureValue(measure: SegmentMeasure, client: ClientRecord): number | null {
  if (measure.kind === 'purchaseCount') {
    // No matching purchase tells nothing: the client may well own machines bought elsewhere.
    const count = client.products.filter((product) => productMatches(measure, product)).length;
    return count > 0 ? count : null;
  }
  const fields = client.lastSnapshot.fields;
  for (const label of measure.labels) {
    const wanted = normalizeLabel(label);
    for (const field of fields) {
      if (normalizeLabel(field.label) !== wanted) continue;
      const number = readCardNumber(field.value);
      if (number !== null) return number;
    }
  }
  return null;
}

/** The number that places the client: the first measure that gives one. */
export function segmentValue(segment: Segment, client: ClientRecord): number | null {
  for (const measure of segment.measures) {
    const value = measureValue(measure, client);
    if (value !== null) return value;
  }
  return null;
}

/**
 * The client's group: the one with the largest `min` the number reaches (the book lists groups
 * largest first, and validation holds it to that, but the answer does not depend on it). Null
 * when the segment is not for this client, the card gives no number, or the number is below
 * every group.
 */
export function placeClient(segment: Segment, client: ClientRecord): SegmentPlacement | null {
  if (!appliesToClient(segment.appliesTo, client)) return null;
  const value = segmentValue(segment, client);
  if (value === null) return null;
  let best: SegmentPlacement | null = null;
  for (const [rank, group] of segment.groups.entries()) {
    if (value >= group.min && (!best || group.min > best.group.min)) best = { segment, group, rank, value };
  }
  return best;
}

/** Every segment the client has a group in, in the book's order. */
export function placementsOf(segments: readonly Segment[], client: ClientRecord): SegmentPlacement[] {
  return segments.flatMap((segment) => placeClient(segment, client) ?? []);
}

/** The client's groups by segment id, for touch conditions. */
export function clientGroups(segments: readonly Segment[], client: ClientRecord): ClientGroups {
  return Object.fromEntries(placementsOf(segments, client).map((placement) => [placement.segment.id, placement.group.id]));
}

/** Where a due call stands in the call list its programme is ordered by (`callListOrder`). */
export interface CallListPlace {
  segmentId: string;
  segmentName: string;
  /** Null when the card gives no number for the segment: such calls come after every group. */
  group: { id: string; name: string; rank: number } | null;
}

/** Null when the programme orders its calls by no segment (or by one the book lacks). */
export function callListPlace(book: Pick<SalesBook, 'programmes' | 'segments'>, programmeId: string, client: ClientRecord): CallListPlace | null {
  const segmentId = book.programmes.find((programme) => programme.id === programmeId)?.callListOrder;
  const segment = segmentId === undefined ? undefined : book.segments.find((candidate) => candidate.id === segmentId);
  if (!segment) return null;
  const placement = placeClient(segment, client);
  return {
    segmentId: segment.id,
    segmentName: segment.name,
    group: placement ? { id: placement.group.id, name: placement.group.name, rank: placement.rank } : null,
  };
}

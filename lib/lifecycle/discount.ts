import type { ClientSnapshot } from '../crm/snapshot';
import { normalizeLabel } from '../crm/text';
import { readCardDate } from './events';
import { formatLocalDate, localDateOf } from './time';

/**
 * The second-purchase discount: after a purchase the client gets a discount on the next one, valid
 * until a date. The manager records it in the side panel, or the card shows it in fields the book's
 * language names. Scripts quote it and the expiry reminder counts back from its last day, so both
 * say what was actually granted.
 */
export interface ClientDiscount {
  /** As the manager or the card writes it: "10%", "€50", "5 000 ₽". */
  amount: string;
  /** The last day it is valid, "YYYY-MM-DD"; null when the card names no end. */
  until: string | null;
  /** When it was granted (first seen, for one read from the card): the programme counts from here. */
  grantedAt: number;
  /** A recorded discount is the manager's; no page overwrites it. */
  source: 'manager' | 'card';
}

export const DISCOUNT_AMOUNT_MAX = 40;

/** Card labels of the discount and of its last day, in the four languages of the books. */
const AMOUNT_LABELS = [
  'discount',
  'second purchase discount',
  'next purchase discount',
  'скидка',
  'скидка на следующую покупку',
  'скидка на вторую покупку',
  'знижка',
  'знижка на наступну покупку',
  'знижка на другу покупку',
  'έκπτωση',
  'έκπτωση επόμενης αγοράς',
].map(normalizeLabel);

const UNTIL_LABELS = [
  'discount until',
  'discount valid until',
  'discount expires',
  'discount expiry',
  'скидка до',
  'скидка действует до',
  'срок скидки',
  'знижка до',
  'знижка діє до',
  'термін знижки',
  'έκπτωση έως',
  'έκπτωση ισχύει έως',
  'λήξη έκπτωσης',
].map(normalizeLabel);

/** The discount the card shows, or null; a value that is not a short amount is not one. */
export function cardDiscount(fields: ClientSnapshot['fields']): { amount: string; until: string | null } | null {
  const value = (labels: readonly string[]) => fields.find((field) => labels.includes(normalizeLabel(field.label)))?.value.trim() ?? null;
  const amount = value(AMOUNT_LABELS);
  if (!amount || amount.length > DISCOUNT_AMOUNT_MAX || !/\d/.test(amount)) return null;
  const until = value(UNTIL_LABELS);
  return { amount, until: until ? readCardDate(until) : null };
}

/**
 * What a client's discount becomes when a page is read: the manager's stays; the card's follows
 * the card, keeping the day it was first seen while the amount stays the same.
 */
export function mergeCardDiscount(
  existing: ClientDiscount | null | undefined,
  fromCard: { amount: string; until: string | null } | null,
  now: number,
): ClientDiscount | null {
  if (existing?.source === 'manager') return existing;
  if (!fromCard) return null;
  const grantedAt = existing && existing.amount === fromCard.amount ? existing.grantedAt : now;
  return { ...fromCard, grantedAt, source: 'card' };
}

/** The discount a script may quote at `now`: none once its last day is over in the client's zone. */
export function activeDiscount(discount: ClientDiscount | null | undefined, now: number | undefined, timeZone: string): ClientDiscount | null {
  if (!discount) return null;
  if (discount.until === null || now === undefined) return discount;
  return discount.until >= formatLocalDate(localDateOf(now, timeZone)) ? discount : null;
}

/**
 * The discount the manager records: the grant keeps its day when only the last day changes, so
 * the announcement is not planned again for the same discount.
 */
export function recordedDiscount(existing: ClientDiscount | null | undefined, input: { amount: string; until: string | null }, now: number): ClientDiscount {
  const grantedAt = existing && existing.amount === input.amount ? existing.grantedAt : now;
  return { amount: input.amount, until: input.until, grantedAt, source: 'manager' };
}

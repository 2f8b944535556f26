import type { EventRecord } from '../db/schema';
import { epochDay, formatLocalDate, fromEpochDay, localDateOf, parseLocalDate } from '../lifecycle/time';
import type { DateRange } from './range';

/**
 * Purchases as the figures read them: one local calendar day each, an amount (negative for a
 * refund, null when unknown) and an ISO 4217 currency (null when unknown): what every figure reads.
 *
 * Days are ISO strings compared as text: "2025-12-31" < "2026-01-01" holds, so range tests need
 * no Date objects, and each purchase is given its local day once, here.
 */
export interface DatedPurchase {
  clientId: string;
  /** The local calendar day of the purchase, YYYY-MM-DD. */
  date: string;
  amount: number | null;
  currency: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Purchase events as dated purchases. The card's date (`data.date`) is the purchase day as the
 * CRM printed it; without one, the day is where the instant falls in the manager's zone: a
 * purchase at 23:30 on 31 December in Kyiv belongs to December even though UTC says so too late.
 */
export function datedPurchases(events: readonly EventRecord[], timeZone: string): DatedPurchase[] {
  const purchases: DatedPurchase[] = [];
  for (const event of events) {
    if (event.type !== 'purchase') continue;
    const { date, amount, currency } = event.data;
    purchases.push({
      clientId: event.clientId,
      date: typeof date === 'string' && ISO_DAY.test(date) ? date : formatLocalDate(localDateOf(event.at, timeZone)),
      amount: typeof amount === 'number' && Number.isFinite(amount) ? amount : null,
      currency: typeof currency === 'string' && CURRENCY.test(currency) ? currency : null,
    });
  }
  return purchases;
}

/** A purchase that brings money in: refunds and zero amounts are not buying. */
export function isSale(purchase: DatedPurchase): boolean {
  return purchase.amount === null || purchase.amount > 0;
}

export function inRange(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}

/** Days since 1970-01-01 of an ISO day (or NaN when it is not one). */
export function dayNumber(isoDay: string): number {
  const date = parseLocalDate(isoDay);
  return date ? epochDay(date) : Number.NaN;
}

export function isoDayOf(dayNumberValue: number): string {
  return formatLocalDate(fromEpochDay(dayNumberValue));
}

/** The manager's today, as an ISO day. */
export function todayIn(now: number, timeZone: string): string {
  return formatLocalDate(localDateOf(now, timeZone));
}

/** The period of the same length that ends the day before `range` starts. */
export function previousRange(range: DateRange): DateRange {
  const from = dayNumber(range.from);
  const length = dayNumber(range.to) - from + 1;
  return { from: isoDayOf(from - length), to: isoDayOf(from - 1) };
}

/** "2026-01" for "2026-01-17". */
export function monthOf(isoDay: string): string {
  return isoDay.slice(0, 7);
}

/** The month `by` months after "YYYY-MM". */
export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + monthNumber - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * A client's usual time between purchases, in days: the median gap between the distinct days
 * they bought on. Null with fewer than two buying days (one purchase shows no rhythm).
 */
export function usualIntervalDays(buyingDays: readonly number[]): number | null {
  if (buyingDays.length < 2) return null; // most clients: one purchase, no rhythm, nothing to sort
  const days = [...new Set(buyingDays)].sort((a, b) => a - b);
  if (days.length < 2) return null;
  const gaps = days.slice(1).map((day, index) => day - days[index]!).sort((a, b) => a - b);
  const middle = Math.floor(gaps.length / 2);
  return gaps.length % 2 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
}

/** Each client's buying days (day numbers, refunds left out), for intervals and silences. */
export function buyingDaysByClient(purchases: readonly DatedPurchase[], until?: string): Map<string, number[]> {
  const byClient = new Map<string, number[]>();
  // 50,000 purchases fall on a thousand or so distinct days: each day's text is parsed once.
  const numbers = new Map<string, number>();
  for (const purchase of purchases) {
    if (!isSale(purchase) || (until !== undefined && purchase.date > until)) continue;
    let day = numbers.get(purchase.date);
    if (day === undefined) numbers.set(purchase.date, (day = dayNumber(purchase.date)));
    if (Number.isNaN(day)) continue;
    const days = byClient.get(purchase.clientId);
    if (days) days.push(day);
    else byClient.set(purchase.clientId, [day]);
  }
  return byClient;
}

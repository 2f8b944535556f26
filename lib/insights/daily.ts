import type { EventRecord, TouchOutcome, TouchRecord } from '../db/schema';
import { isoWeekday, parseLocalDate } from '../lifecycle/time';
import { monthTotals, type ColdCallDay, type ColdCallFigures } from './cold-calls';
import { dayNumber, datedPurchases, isoDayOf, isSale, monthOf, shiftMonth, todayIn, type DatedPurchase } from './dated-purchases';
import { plansFor, type MonthPlan } from './plan';
import { localDateFunction, weekStart, type DateRange } from './range';
import { monthsOf, type MonthRevenue, type RevenueSummary } from './revenue';
import type { TouchBreakdown, TouchCounts } from './touch-counts';

/**
 * The daily pre-aggregates behind the Insights page's first screen: per local day, what revenue,
 * purchases, touches and cold calls came to, so a year of figures is a read of 365 small rows
 * instead of 50,000 purchases and 100,000 touches.
 *
 * Each client's share of every day is computed from that client's own rows (its purchases tell
 * repeat from first, its call touches are cold until its first sale), and stored with the client
 * (`ClientDays`), so when the client's rows change their old share is taken off the day totals and
 * the new one added: the totals always equal the sum over clients, which equals the figures
 * computed from raw rows (test/unit/insights/daily.test.ts).
 */

export interface TouchDayCounts {
  done: number;
  /** Planned, due or snoozed: overdue once its time has passed, to do before. */
  pending: number;
  skipped: number;
  missed: number;
  outcomes: Partial<Record<TouchOutcome, number>>;
}

export interface ColdCallCounts {
  calls: number;
  reached: number;
  noAnswer: number;
  notInterested: number;
  rescheduled: number;
}

export interface DayFigures {
  /**
   * Per ISO 4217 code: revenue, the part from clients who had bought on an earlier day, and how
   * many purchases carried that code (a zero amount still shows the currency; none, it goes).
   */
  revenue: Record<string, { total: number; repeat: number; count: number }>;
  purchases: number;
  repeatPurchases: number;
  /**
   * Who bought that day (refunds are not buying), and who of them had bought before, by the
   * client's number (`ClientDays.number`): the page counts distinct buyers over some 700 days of
   * a hundred buyers each, and numbers are read out of IndexedDB and counted far faster than ids.
   */
  buyers: number[];
  repeatBuyers: number[];
  /** Touches by the local day they were due, per programme name ('' = added by hand). */
  touches: Record<string, TouchDayCounts>;
  /** Calls done that day with clients who had not bought by then. */
  coldCalls: ColdCallCounts;
}

export interface DailyAggregate extends DayFigures {
  /** The local day, YYYY-MM-DD, in the zone the aggregates were built in. */
  day: string;
}

/** One client's share of each day, and their purchases as the per-client figures read them. */
export interface ClientDays {
  clientId: string;
  /** A small number of the client's own, unique among the aggregates (insights-aggregates.ts hands them out). */
  number: number;
  purchases: Array<Omit<DatedPurchase, 'clientId'>>;
  days: Record<string, DayFigures>;
}

export function emptyDay(): DayFigures {
  return { revenue: {}, purchases: 0, repeatPurchases: 0, buyers: [], repeatBuyers: [], touches: {}, coldCalls: emptyCalls() };
}

function emptyCalls(): ColdCallCounts {
  return { calls: 0, reached: 0, noAnswer: 0, notInterested: 0, rescheduled: 0 };
}

function emptyTouchCounts(): TouchDayCounts {
  return { done: 0, pending: 0, skipped: 0, missed: 0, outcomes: {} };
}

const OUTCOME_FIELD: Record<TouchOutcome, Exclude<keyof ColdCallCounts, 'calls'>> = {
  reached: 'reached',
  'no-answer': 'noAnswer',
  'not-interested': 'notInterested',
  rescheduled: 'rescheduled',
};

/** Money to a millionth: adding and taking away shares must not leave 1e-13 behind. */
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

/** A client's share of each day, from every event and touch of theirs, in `timeZone`. */
export function clientDays(
  clientId: string,
  events: readonly EventRecord[],
  touches: readonly TouchRecord[],
  timeZone: string,
  localDateOf = localDateFunction(timeZone),
  number = 0,
): ClientDays {
  const purchases = datedPurchases(events, timeZone);
  const days: Record<string, DayFigures> = {};
  const dayOf = (day: string) => (days[day] ??= emptyDay());
  // As revenue.ts: the first buying day ignores refunds; cold-calls.ts: a sale is money in.
  let first: string | undefined;
  let firstSale: string | undefined;
  for (const purchase of purchases) {
    if (!(purchase.amount !== null && purchase.amount < 0) && (first === undefined || purchase.date < first)) first = purchase.date;
    if (isSale(purchase) && (firstSale === undefined || purchase.date < firstSale)) firstSale = purchase.date;
  }
  for (const purchase of purchases) {
    const day = dayOf(purchase.date);
    const repeat = (first ?? purchase.date) < purchase.date;
    if (purchase.amount !== null && purchase.currency) {
      const money = (day.revenue[purchase.currency] ??= { total: 0, repeat: 0, count: 0 });
      money.count += 1;
      money.total = tidy(money.total + purchase.amount);
      if (repeat) money.repeat = tidy(money.repeat + purchase.amount);
    }
    if (purchase.amount !== null && purchase.amount < 0) continue;
    day.purchases += 1;
    if (!day.buyers.length) day.buyers.push(number);
    if (repeat) {
      day.repeatPurchases += 1;
      if (!day.repeatBuyers.length) day.repeatBuyers.push(number);
    }
  }
  for (const touch of touches) {
    const day = dayOf(localDateOf(touch.dueAt));
    const counts = (day.touches[touch.programmeName || ''] ??= emptyTouchCounts());
    if (touch.state === 'done') {
      counts.done += 1;
      if (touch.outcome) counts.outcomes[touch.outcome] = (counts.outcomes[touch.outcome] ?? 0) + 1;
    } else if (touch.state === 'skipped') counts.skipped += 1;
    else if (touch.state === 'missed') counts.missed += 1;
    else counts.pending += 1;
    if (touch.state !== 'done' || touch.channel !== 'call') continue;
    const doneOn = todayIn(touch.outcomeAt ?? touch.updatedAt, timeZone);
    if (firstSale !== undefined && firstSale <= doneOn) continue; // a client already: not a cold call
    const calls = dayOf(doneOn).coldCalls;
    calls.calls += 1;
    if (touch.outcome) calls[OUTCOME_FIELD[touch.outcome]] += 1;
  }
  return { clientId, number, purchases: purchases.map(({ date, amount, currency }) => ({ date, amount, currency })), days };
}

/** Adds (`sign` 1) or takes away (-1) one client's share of a day from the day's totals, in place. */
export function applyDay(total: DayFigures, share: DayFigures, sign: 1 | -1): DayFigures {
  for (const [code, money] of Object.entries(share.revenue)) {
    const into = (total.revenue[code] ??= { total: 0, repeat: 0, count: 0 });
    into.total = tidy(into.total + sign * money.total);
    into.repeat = tidy(into.repeat + sign * money.repeat);
    into.count += sign * money.count;
    if (into.count <= 0) delete total.revenue[code];
  }
  total.purchases += sign * share.purchases;
  total.repeatPurchases += sign * share.repeatPurchases;
  total.buyers = applyIds(total.buyers, share.buyers, sign);
  total.repeatBuyers = applyIds(total.repeatBuyers, share.repeatBuyers, sign);
  for (const [programme, counts] of Object.entries(share.touches)) {
    const into = (total.touches[programme] ??= emptyTouchCounts());
    into.done += sign * counts.done;
    into.pending += sign * counts.pending;
    into.skipped += sign * counts.skipped;
    into.missed += sign * counts.missed;
    for (const [outcome, count] of Object.entries(counts.outcomes) as Array<[TouchOutcome, number]>) {
      const next = (into.outcomes[outcome] ?? 0) + sign * count;
      if (next) into.outcomes[outcome] = next;
      else delete into.outcomes[outcome];
    }
    if (!into.done && !into.pending && !into.skipped && !into.missed) delete total.touches[programme];
  }
  for (const key of Object.keys(share.coldCalls) as Array<keyof ColdCallCounts>) total.coldCalls[key] += sign * share.coldCalls[key];
  return total;
}

function applyIds(list: number[], ids: readonly number[], sign: 1 | -1): number[] {
  if (!ids.length) return list;
  // Sorted, so a day kept up write by write reads exactly like one rebuilt.
  if (sign > 0) return [...list, ...ids.filter((id) => !list.includes(id))].sort((a, b) => a - b);
  const gone = new Set(ids);
  return list.filter((id) => !gone.has(id));
}

/** True when a day holds nothing any more (its row can go). */
export function isEmptyDay(day: DayFigures): boolean {
  return (
    !Object.keys(day.revenue).length &&
    !day.purchases &&
    !day.buyers.length &&
    !Object.keys(day.touches).length &&
    !day.coldCalls.calls
  );
}

// ---- the figures, from the days -----------------------------------------------------------------

/**
 * The days inside `range`. The page reads them in day order (the table's key) and asks for some
 * thirty ranges (each month, this year and last): on sorted days that is two binary searches
 * and a slice, not a pass over every day each time.
 */
function inDays(days: readonly DailyAggregate[], range: DateRange): readonly DailyAggregate[] {
  if (!isSorted(days)) return days.filter((day) => day.day >= range.from && day.day <= range.to);
  return days.slice(firstAtOrAfter(days, range.from), firstAtOrAfter(days, `${range.to}\uffff`));
}

function isSorted(days: readonly DailyAggregate[]): boolean {
  for (let index = 1; index < days.length; index++) if (days[index - 1]!.day > days[index]!.day) return false;
  return true;
}

function firstAtOrAfter(days: readonly DailyAggregate[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle]!.day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** revenue.ts's `revenueSummary`, from days. */
export function summaryFromDays(days: readonly DailyAggregate[], range: DateRange): RevenueSummary {
  const summary: RevenueSummary = { byCurrency: {}, purchases: 0, repeatPurchases: 0, clients: 0, repeatClients: 0 };
  const selected = inDays(days, range);
  let most = -1;
  for (const day of selected) for (const id of [...day.buyers, ...day.repeatBuyers]) if (id > most) most = id;
  // Distinct buyers over a byte array indexed by the client's number: bit 1 bought, bit 2 again.
  const seen = new Uint8Array(most + 1);
  for (const day of selected) {
    for (const [code, money] of Object.entries(day.revenue)) {
      const into = (summary.byCurrency[code] ??= { total: 0, repeat: 0 });
      into.total = tidy(into.total + money.total);
      into.repeat = tidy(into.repeat + money.repeat);
    }
    summary.purchases += day.purchases;
    summary.repeatPurchases += day.repeatPurchases;
    for (const id of day.buyers) {
      if (!(seen[id]! & 1)) summary.clients += 1;
      seen[id]! |= 1;
    }
    for (const id of day.repeatBuyers) {
      if (!(seen[id]! & 2)) summary.repeatClients += 1;
      seen[id]! |= 2;
    }
  }
  return summary;
}

/** revenue.ts's `revenueByMonth`, from days. */
export function revenueByMonthFromDays(days: readonly DailyAggregate[], range: DateRange): MonthRevenue[] {
  return monthsOf(range).map((month) => {
    const from = `${month}-01` < range.from ? range.from : `${month}-01`;
    const last = `${month}-31` > range.to ? range.to : `${month}-31`;
    return { month, ...summaryFromDays(days, { from, to: last }) };
  });
}

/**
 * touch-counts.ts's `touchBreakdown`, from days. A pending touch is overdue on a day before today
 * and to do after it; today's are split by the clock: `overdueToday` is, per programme, how many
 * of today's pending touches are already past their time (the caller counts the few raw rows).
 */
export function touchesFromDays(
  days: readonly DailyAggregate[],
  range: DateRange,
  { today, overdueToday }: { today: string; overdueToday: ReadonlyMap<string, number> },
): TouchBreakdown {
  const empty = (): TouchCounts => ({ done: 0, open: 0, overdue: 0, skipped: 0, missed: 0, outcomes: {} });
  const total = empty();
  const weeks = new Map<string, TouchCounts>();
  for (let week = weekStart(range.from); week <= range.to; week = isoDayOf(dayNumber(week) + 7)) weeks.set(week, empty());
  const programmes = new Map<string, TouchCounts>();
  for (const day of inDays(days, range)) {
    const week = weeks.get(weekStart(day.day));
    for (const [programme, counts] of Object.entries(day.touches)) {
      const overdue = day.day < today ? counts.pending : day.day > today ? 0 : Math.min(counts.pending, overdueToday.get(programme) ?? 0);
      const share: TouchCounts = { done: counts.done, open: counts.pending - overdue, overdue, skipped: counts.skipped, missed: counts.missed, outcomes: counts.outcomes };
      let byProgramme = programmes.get(programme);
      if (!byProgramme) programmes.set(programme, (byProgramme = empty()));
      for (const into of [total, week, byProgramme]) if (into) addCounts(into, share);
    }
  }
  const size = (counts: TouchCounts) => counts.done + counts.open + counts.overdue + counts.skipped + counts.missed;
  return {
    total,
    byWeek: [...weeks].map(([week, counts]) => ({ week, ...counts })),
    byProgramme: [...programmes]
      .map(([programme, counts]) => ({ programme, ...counts }))
      .filter((row) => size(row) > 0)
      .sort((a, b) => size(b) - size(a) || a.programme.localeCompare(b.programme)),
  };
}

function addCounts(into: TouchCounts, share: TouchCounts): void {
  into.done += share.done;
  into.open += share.open;
  into.overdue += share.overdue;
  into.skipped += share.skipped;
  into.missed += share.missed;
  for (const [outcome, count] of Object.entries(share.outcomes) as Array<[TouchOutcome, number]>) into.outcomes[outcome] = (into.outcomes[outcome] ?? 0) + count;
}

/** cold-calls.ts's `coldCalls`, from days. */
export function coldCallsFromDays(
  days: readonly DailyAggregate[],
  range: DateRange,
  { perDayPlan = null, workingDays = [1, 2, 3, 4, 5] }: { perDayPlan?: number | null; workingDays?: readonly number[] } = {},
): ColdCallFigures {
  const byDay = new Map(inDays(days, range).map((day) => [day.day, day.coldCalls]));
  const rows: ColdCallDay[] = [];
  for (let day = dayNumber(range.from); day <= dayNumber(range.to); day++) {
    const date = isoDayOf(day);
    const working = workingDays.includes(isoWeekday(parseLocalDate(date)!));
    const calls = byDay.get(date) ?? emptyCalls();
    rows.push({ date, ...calls, plan: perDayPlan === null ? null : working ? perDayPlan : 0 });
  }
  return {
    days: rows,
    months: monthTotals(rows, perDayPlan),
    total: rows.reduce((sum, row) => sum + row.calls, 0),
    plan: perDayPlan === null ? null : rows.reduce((sum, row) => sum + (row.plan ?? 0), 0),
  };
}

/** plan.ts's `monthPlans`, from days (which must cover last month and this month up to today). */
export function monthPlansFromDays(days: readonly DailyAggregate[], { now, timeZone, growthPercent }: { now: number; timeZone: string; growthPercent: number }): MonthPlan[] {
  const today = todayIn(now, timeZone);
  const month = monthOf(today);
  const lastMonth = shiftMonth(month, -1);
  const basis = summaryFromDays(days, { from: `${lastMonth}-01`, to: `${lastMonth}-31` }).byCurrency;
  const actual = summaryFromDays(days, { from: `${month}-01`, to: today }).byCurrency;
  const totals = (byCurrency: typeof basis) => new Map(Object.entries(byCurrency).map(([currency, sums]) => [currency, sums?.total ?? 0]));
  return plansFor(totals(basis), totals(actual), today, growthPercent);
}

/**
 * A client's purchases as one short string ("2026-01-05|820|EUR;2026-03-01||"): what TOP-50,
 * segments and churn read for 10,000 clients. A string is copied out of IndexedDB far faster
 * than 50,000 small objects.
 */
export function encodePurchases(purchases: ClientDays['purchases']): string {
  return purchases.map(({ date, amount, currency }) => `${date}|${amount ?? ''}|${currency ?? ''}`).join(';');
}

export interface BuyerRow {
  clientId: string;
  purchases: string;
}

/** Every client's purchases back from their encoded rows. */
export function purchasesOfBuyers(rows: readonly BuyerRow[]): DatedPurchase[] {
  const purchases: DatedPurchase[] = [];
  for (const { clientId, purchases: encoded } of rows) {
    if (!encoded) continue;
    // By index rather than split(): 50,000 entries, and no arrays made for each.
    for (let start = 0; start < encoded.length; ) {
      let end = encoded.indexOf(';', start);
      if (end < 0) end = encoded.length;
      const bar = encoded.indexOf('|', start);
      const bar2 = bar < 0 || bar > end ? -1 : encoded.indexOf('|', bar + 1);
      const date = encoded.slice(start, bar < 0 || bar > end ? end : bar);
      const amount = bar < 0 || bar > end ? '' : encoded.slice(bar + 1, bar2 < 0 || bar2 > end ? end : bar2);
      const currency = bar2 < 0 || bar2 > end ? '' : encoded.slice(bar2 + 1, end);
      purchases.push({ clientId, date, amount: amount === '' ? null : Number(amount), currency: currency || null });
      start = end + 1;
    }
  }
  return purchases;
}

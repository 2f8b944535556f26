import type { TouchOutcome, TouchRecord } from '../db/schema';
import { isoWeekday, parseLocalDate } from '../lifecycle/time';
import type { DateRange } from './range';
import { dayNumber, inRange, isoDayOf, isSale, monthOf, todayIn, type DatedPurchase } from './dated-purchases';

/**
 * Cold calls against the plan, per day and per month, and the daily report the methodology asks
 * for ("set a plan for cold calls per month and per day; keep a daily report of their results").
 * Touchbook has no separate cold-call log: a cold call is a call touch marked done with a client
 * who had not bought anything by that day. It counts on the day it was done (its outcome time),
 * not the day it was due.
 */

export type CallTouch = Pick<TouchRecord, 'clientId' | 'state' | 'channel' | 'outcome' | 'outcomeAt' | 'updatedAt'>;

export interface ColdCallDay {
  date: string;
  calls: number;
  reached: number;
  noAnswer: number;
  notInterested: number;
  rescheduled: number;
  /** The day's plan: the per-day plan on a working day, 0 on a day off; null with no plan. */
  plan: number | null;
}

export interface ColdCallMonth {
  month: string;
  calls: number;
  reached: number;
  /** The per-day plan times the working days of the month that fall in the range. */
  plan: number | null;
}

export interface ColdCallFigures {
  /** Every day of the range, quiet days included, so the report has no holes. */
  days: ColdCallDay[];
  months: ColdCallMonth[];
  total: number;
  plan: number | null;
}

const OUTCOME_FIELD: Record<TouchOutcome, keyof Pick<ColdCallDay, 'reached' | 'noAnswer' | 'notInterested' | 'rescheduled'>> = {
  reached: 'reached',
  'no-answer': 'noAnswer',
  'not-interested': 'notInterested',
  rescheduled: 'rescheduled',
};

export function coldCalls({
  touches,
  purchases,
  range,
  timeZone,
  perDayPlan = null,
  workingDays = [1, 2, 3, 4, 5],
}: {
  touches: readonly CallTouch[];
  purchases: readonly DatedPurchase[];
  range: DateRange;
  timeZone: string;
  perDayPlan?: number | null;
  /** ISO weekdays the plan applies on (settings.workingDays). */
  workingDays?: readonly number[];
}): ColdCallFigures {
  const firstBought = new Map<string, string>();
  for (const purchase of purchases) {
    if (!isSale(purchase)) continue;
    const known = firstBought.get(purchase.clientId);
    if (known === undefined || purchase.date < known) firstBought.set(purchase.clientId, purchase.date);
  }
  const start = dayNumber(range.from);
  const end = dayNumber(range.to);
  const days: ColdCallDay[] = [];
  for (let day = start; day <= end; day++) {
    const date = isoDayOf(day);
    const working = workingDays.includes(isoWeekday(parseLocalDate(date)!));
    days.push({ date, calls: 0, reached: 0, noAnswer: 0, notInterested: 0, rescheduled: 0, plan: perDayPlan === null ? null : working ? perDayPlan : 0 });
  }
  for (const touch of touches) {
    if (touch.state !== 'done' || touch.channel !== 'call') continue;
    const date = todayIn(touch.outcomeAt ?? touch.updatedAt, timeZone);
    if (!inRange(date, range)) continue;
    const bought = firstBought.get(touch.clientId);
    if (bought !== undefined && bought <= date) continue; // a client already: not a cold call
    const row = days[dayNumber(date) - start]!;
    row.calls += 1;
    if (touch.outcome) row[OUTCOME_FIELD[touch.outcome]] += 1;
  }
  return {
    days,
    months: monthTotals(days, perDayPlan),
    total: days.reduce((sum, row) => sum + row.calls, 0),
    plan: perDayPlan === null ? null : days.reduce((sum, row) => sum + (row.plan ?? 0), 0),
  };
}

/** The days' calls, reached clients and plan summed per month (shared with the daily aggregates). */
export function monthTotals(rows: readonly ColdCallDay[], perDayPlan: number | null): ColdCallMonth[] {
  const months = new Map<string, ColdCallMonth>();
  for (const row of rows) {
    const month = monthOf(row.date);
    let entry = months.get(month);
    if (!entry) months.set(month, (entry = { month, calls: 0, reached: 0, plan: perDayPlan === null ? null : 0 }));
    entry.calls += row.calls;
    entry.reached += row.reached;
    if (entry.plan !== null && row.plan !== null) entry.plan += row.plan;
  }
  return [...months.values()];
}

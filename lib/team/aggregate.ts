import type { ClientRecord, EventRecord, TouchRecord, UnmatchedObjectionRecord } from '../db/schema';
import { datedPurchases, type DatedPurchase } from '../insights/dated-purchases';
import { monthPlans } from '../insights/plan';
import { localDateFunction } from '../insights/range';
import { revenueSummary } from '../insights/revenue';
import { topClients } from '../insights/top-clients';
import { touchBreakdown } from '../insights/touch-counts';
import { unansweredObjections } from '../insights/unanswered-objections';
import { addDays, formatLocalDate, fromLocal, parseLocalDate } from '../lifecycle/time';
import { DOC_TYPE, type DayDocBody } from './docs';

/** What the team decided may leave the browser beyond the default per-day aggregates. */
export interface SharePolicy {
  /** TOP-50 client ids (random local ids, no names) per currency. */
  topClients: boolean;
  /** Each done touch's outcome with the CRM record it was about, for a shared client base. */
  clientOutcomes: boolean;
}

export interface DayInputs {
  /** Every purchase event: telling a repeat purchase from a first needs the whole history. */
  purchases: readonly EventRecord[];
  /** Touches due on (at least) the days asked for, and those whose outcome was recorded on them. */
  touches: readonly TouchRecord[];
  objections: readonly UnmatchedObjectionRecord[];
  /** Only needed when the policy shares client outcomes: the clients of those touches. */
  clients?: ReadonlyMap<string, ClientRecord>;
}

export interface DayContext {
  managerId: string;
  managerName: string;
  timeZone: string;
  growthPercent: number;
  policy: SharePolicy;
  now: number;
}

const TOP_WINDOW_DAYS = 30;

/**
 * The day documents for `days` (local ISO days): the Insights figures of each day, computed by the
 * same pure functions the Insights page uses, cut to one day. Client identity never goes in unless
 * the policy says so; objections go as the text the manager typed and a count.
 */
export function buildDayDocs(inputs: DayInputs, days: readonly string[], context: DayContext): DayDocBody[] {
  const history = datedPurchases(inputs.purchases, context.timeZone);
  const localDateOf = localDateFunction(context.timeZone);
  return days.map((day) => buildDay(inputs, history, day, context, localDateOf));
}

function buildDay(
  inputs: DayInputs,
  history: readonly DatedPurchase[],
  day: string,
  context: DayContext,
  localDateOf: (at: number) => string,
): DayDocBody {
  const range = { from: day, to: day };
  const today = localDateOf(context.now);
  // Plans and the TOP-50 are "as of that day": for a past day, its noon stands in for now.
  const asOf = day >= today ? context.now : noonOf(day, context.timeZone);
  const counts = touchBreakdown(inputs.touches, range, { now: context.now, localDateOf }).total;
  const revenue = revenueSummary(history, range);
  const plans = monthPlans({ purchases: history, now: asOf, timeZone: context.timeZone, growthPercent: context.growthPercent });
  const top = context.policy.topClients
    ? topClients({ purchases: history, range: { from: shiftDay(day, -(TOP_WINDOW_DAYS - 1)), to: day }, now: asOf, timeZone: context.timeZone }).map((list) => ({
        currency: list.currency,
        ids: list.clients.map((client) => client.clientId),
        entered: list.entered.length,
        dropped: list.dropped.length,
      }))
    : null;
  const objections = unansweredObjections({ objections: inputs.objections, range, timeZone: context.timeZone, limit: 200 }).phrases.map((phrase) => ({
    text: phrase.text,
    count: phrase.count,
  }));
  return {
    type: DOC_TYPE,
    schema: 1,
    managerId: context.managerId,
    managerName: context.managerName,
    day,
    timeZone: context.timeZone,
    touches: { done: counts.done, open: counts.open, overdue: counts.overdue, skipped: counts.skipped, missed: counts.missed },
    revenue: {
      purchases: revenue.purchases,
      repeatPurchases: revenue.repeatPurchases,
      clients: revenue.clients,
      repeatClients: revenue.repeatClients,
      byCurrency: Object.fromEntries(Object.entries(revenue.byCurrency).map(([code, value]) => [code, { total: round(value.total), repeat: round(value.repeat) }])),
    },
    plans: plans.map((plan) => ({ currency: plan.currency, month: plan.month, basis: plan.basis, plan: plan.plan, actual: round(plan.actual), monthElapsed: plan.monthElapsed })),
    top,
    objections,
    clientOutcomes: context.policy.clientOutcomes ? clientOutcomes(inputs, day, localDateOf) : null,
    updatedAt: context.now,
  };
}

function clientOutcomes(inputs: DayInputs, day: string, localDateOf: (at: number) => string): NonNullable<DayDocBody['clientOutcomes']> {
  const outcomes: NonNullable<DayDocBody['clientOutcomes']> = [];
  for (const touch of inputs.touches) {
    // By the day the outcome was recorded: a late call on an overdue touch is news of today.
    if (touch.state !== 'done' || !touch.outcome || localDateOf(touch.outcomeAt ?? touch.updatedAt) !== day) continue;
    const record = inputs.clients?.get(touch.clientId)?.records.find((seen) => seen.recordId !== null);
    // A client with no CRM record id has no key the team shares: it stays local.
    if (!record?.recordId) continue;
    outcomes.push({ record: `${record.origin}|${record.recordId}`, programmeId: touch.programmeId, outcome: touch.outcome, at: touch.outcomeAt ?? touch.updatedAt });
  }
  return outcomes.sort((a, b) => a.at - b.at || (a.record < b.record ? -1 : 1));
}

/** The days a refresh recomputes: the last `window` days up to today, and any missed since `lastDay`. */
export function daysToRefresh(today: string, lastDay: string | null, window = 7, max = 62): string[] {
  let first = shiftDay(today, -(window - 1));
  if (lastDay && lastDay < first) first = lastDay;
  const floor = shiftDay(today, -(max - 1));
  if (first < floor) first = floor;
  const days: string[] = [];
  for (let day = first; day <= today; day = shiftDay(day, 1)) days.push(day);
  return days;
}

export function shiftDay(day: string, by: number): string {
  const date = parseLocalDate(day);
  if (!date) throw new Error(`not a date: ${day}`);
  return formatLocalDate(addDays(date, by));
}

function noonOf(day: string, timeZone: string): number {
  const date = parseLocalDate(day);
  if (!date) throw new Error(`not a date: ${day}`);
  return fromLocal({ ...date, hour: 12, minute: 0, second: 0 }, timeZone);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

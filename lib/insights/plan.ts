import type { SettingsRecord } from '../db/schema';
import { monthOf, shiftMonth, todayIn, type DatedPurchase } from './dated-purchases';

/**
 * The month's revenue plan: last month's figure plus N percent (10 by default, or the manager's
 * setting), per currency, and how far this month has come. Next month's plan is this month's
 * figure so far plus N percent: provisional until the month closes.
 */

export const DEFAULT_PLAN_GROWTH_PERCENT = 10;

/** The growth the manager set, else the default. A setting out of -100..1000 is ignored. */
export function planGrowthPercent(settings: Pick<SettingsRecord, 'planGrowthPercent'> | null | undefined): number {
  const value = settings?.planGrowthPercent;
  return typeof value === 'number' && Number.isFinite(value) && value >= -100 && value <= 1_000 ? value : DEFAULT_PLAN_GROWTH_PERCENT;
}

export interface MonthPlan {
  currency: string;
  /** The month the plan is for, YYYY-MM: the manager's current month. */
  month: string;
  /** Last month's revenue, the plan's basis. */
  basis: number;
  plan: number;
  /** This month's revenue up to today. */
  actual: number;
  /** actual / plan; null when the plan is zero or less (nothing to measure against). */
  progress: number | null;
  /** How much of the month has passed, 0..1, to read progress against. */
  monthElapsed: number;
  /** Next month's plan from this month's figure so far. */
  nextMonth: string;
  nextPlan: number;
}

export interface MonthPlanInput {
  purchases: readonly DatedPurchase[];
  now: number;
  timeZone: string;
  growthPercent?: number;
}

/** One plan per currency seen last month or this month, by currency code. */
export function monthPlans({ purchases, now, timeZone, growthPercent = DEFAULT_PLAN_GROWTH_PERCENT }: MonthPlanInput): MonthPlan[] {
  const today = todayIn(now, timeZone);
  const month = monthOf(today);
  const lastMonth = shiftMonth(month, -1);
  const basis = new Map<string, number>();
  const actual = new Map<string, number>();
  for (const purchase of purchases) {
    if (purchase.amount === null || purchase.currency === null) continue;
    const purchaseMonth = monthOf(purchase.date);
    if (purchaseMonth === lastMonth) basis.set(purchase.currency, (basis.get(purchase.currency) ?? 0) + purchase.amount);
    else if (purchaseMonth === month && purchase.date <= today) actual.set(purchase.currency, (actual.get(purchase.currency) ?? 0) + purchase.amount);
  }
  return plansFor(basis, actual, today, growthPercent);
}

/**
 * The plans from last month's revenue (`basis`) and this month's so far (`actual`), per currency:
 * shared by the raw-row figure and the one over the daily aggregates.
 */
export function plansFor(basis: ReadonlyMap<string, number>, actual: ReadonlyMap<string, number>, today: string, growthPercent: number): MonthPlan[] {
  const month = monthOf(today);
  const factor = 1 + growthPercent / 100;
  const [year, monthNumber, day] = today.split('-').map(Number) as [number, number, number];
  const monthDays = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return [...new Set([...basis.keys(), ...actual.keys()])].sort().map((currency) => {
    const base = basis.get(currency) ?? 0;
    const plan = round(base * factor);
    const done = actual.get(currency) ?? 0;
    return {
      currency,
      month,
      basis: base,
      plan,
      actual: done,
      progress: plan > 0 ? done / plan : null,
      monthElapsed: day / monthDays,
      nextMonth: shiftMonth(month, 1),
      nextPlan: round(done * factor),
    };
  });
}

/** Money to the cent: 0.1 + 0.2 should not show as a plan. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

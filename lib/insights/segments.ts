import type { DateRange } from './range';
import { buyingDaysByClient, dayNumber, inRange, isoDayOf, todayIn, usualIntervalDays, type DatedPurchase } from './dated-purchases';

/**
 * Behaviour-based segments: A/B/C by revenue (the classic ABC cut: the clients bringing the first
 * 80% of a currency's revenue are A, the next 15% B, the rest C), and churn risk from how long a
 * client has been silent against their own rhythm.
 */

/** Cumulative revenue shares where A ends and B ends. */
export const ABC_CUTS = { a: 0.8, b: 0.95 } as const;

export type AbcGroup = 'A' | 'B' | 'C';

export interface AbcClient {
  clientId: string;
  group: AbcGroup;
  revenue: number;
}

export interface AbcSegments {
  currency: string;
  clients: AbcClient[];
  counts: Record<AbcGroup, number>;
  revenue: Record<AbcGroup, number>;
}

/**
 * Per currency. A client whose net revenue in the period is zero or less (refunded, or bought
 * without an amount) is in no group: there is nothing to rank them by.
 */
export function abcSegments({ purchases, range, cuts = ABC_CUTS }: { purchases: readonly DatedPurchase[]; range: DateRange; cuts?: { a: number; b: number } }): AbcSegments[] {
  const byCurrency = new Map<string, Map<string, number>>();
  for (const purchase of purchases) {
    if (purchase.amount === null || purchase.currency === null || !inRange(purchase.date, range)) continue;
    let clients = byCurrency.get(purchase.currency);
    if (!clients) byCurrency.set(purchase.currency, (clients = new Map<string, number>()));
    clients.set(purchase.clientId, (clients.get(purchase.clientId) ?? 0) + purchase.amount);
  }
  return [...byCurrency.keys()].sort().map((currency) => {
    const ranked = [...byCurrency.get(currency)!.entries()]
      .filter(([, revenue]) => revenue > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const total = ranked.reduce((sum, [, revenue]) => sum + revenue, 0);
    const counts: Record<AbcGroup, number> = { A: 0, B: 0, C: 0 };
    const revenue: Record<AbcGroup, number> = { A: 0, B: 0, C: 0 };
    let before = 0;
    const clients = ranked.map(([clientId, amount]): AbcClient => {
      // A client belongs where their revenue starts: the one who crosses 80% is still A.
      const share = before / total;
      const group: AbcGroup = share < cuts.a ? 'A' : share < cuts.b ? 'B' : 'C';
      before += amount;
      counts[group] += 1;
      revenue[group] += amount;
      return { clientId, group, revenue: amount };
    });
    return { currency, clients, counts, revenue };
  });
}

export type ChurnRisk = 'low' | 'medium' | 'high' | 'lost';

export interface ChurnRiskEntry {
  clientId: string;
  risk: ChurnRisk;
  lastPurchase: string;
  silentDays: number;
  /** The client's own median interval, or the team's when they bought only once. */
  intervalDays: number;
  /** True when the interval is the team's, not the client's own. */
  teamInterval: boolean;
  /** silentDays / intervalDays. */
  ratio: number;
}

export interface ChurnRiskSummary {
  clients: ChurnRiskEntry[];
  counts: Record<ChurnRisk, number>;
  /** The median of every repeat buyer's interval, used for one-time buyers; null when none. */
  teamIntervalDays: number | null;
}

/** Silence over the interval: within it low, up to 1.5x medium, up to 3x high, beyond lost. */
export const CHURN_RATIOS = { medium: 1, high: 1.5, lost: 3 } as const;

/**
 * Every client who has bought, most at risk first. A one-time buyer is measured against the
 * team's usual interval; with no repeat buyer at all there is no rhythm to measure against and
 * they are left out.
 */
export function churnRisk({
  purchases,
  now,
  timeZone,
  ...known
}: {
  purchases: readonly DatedPurchase[];
  now: number;
  timeZone: string;
  /** `buyingDaysByClient(purchases, today)`, when the caller has it already. */
  buyingDays?: ReadonlyMap<string, readonly number[]>;
}): ChurnRiskSummary {
  const today = todayIn(now, timeZone);
  const todayNumber = dayNumber(today);
  const buyingDays = known.buyingDays ?? buyingDaysByClient(purchases, today);
  const own = new Map<string, number | null>();
  const intervals: number[] = [];
  for (const [clientId, days] of buyingDays) {
    const interval = usualIntervalDays(days);
    own.set(clientId, interval);
    if (interval !== null) intervals.push(interval);
  }
  const teamIntervalDays = median(intervals);
  const counts: Record<ChurnRisk, number> = { low: 0, medium: 0, high: 0, lost: 0 };
  const clients: ChurnRiskEntry[] = [];
  for (const [clientId, days] of buyingDays) {
    const interval = own.get(clientId) ?? teamIntervalDays;
    if (interval === null || interval <= 0) continue;
    let last = days[0]!;
    for (const day of days) if (day > last) last = day;
    const silentDays = todayNumber - last;
    const ratio = silentDays / interval;
    const risk: ChurnRisk = ratio > CHURN_RATIOS.lost ? 'lost' : ratio > CHURN_RATIOS.high ? 'high' : ratio > CHURN_RATIOS.medium ? 'medium' : 'low';
    counts[risk] += 1;
    clients.push({ clientId, risk, lastPurchase: isoDayOf(last), silentDays, intervalDays: interval, teamInterval: own.get(clientId) == null, ratio });
  }
  clients.sort((a, b) => b.ratio - a.ratio || (a.clientId < b.clientId ? -1 : 1));
  return { clients, counts, teamIntervalDays };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

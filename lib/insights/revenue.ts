import type { DatedPurchase } from './dated-purchases';
import type { DateRange } from './range';

/**
 * Repeat sales, the one outcome the methodology measures: the share of revenue (and of buying
 * clients) that comes from clients who had bought before. A purchase is "repeat" when the same
 * client bought on an earlier day - over the whole history, not only the period looked at, or
 * every client would look new on the first day of a range.
 *
 * Money is kept per currency and never summed across currencies. A refund is a negative amount:
 * it lowers revenue but is not a purchase. A purchase without an amount still counts as a purchase
 * (and its client as a buyer), and adds nothing to revenue.
 */
/** One purchase on its local day: see dated-purchases.ts, which makes them from events. */
export type PurchaseFact = DatedPurchase;

export interface Money {
  total: number;
  repeat: number;
}

export interface RevenueSummary {
  /** Revenue per currency code; purchases without a currency are counted but not in here. */
  byCurrency: Record<string, Money>;
  purchases: number;
  repeatPurchases: number;
  /** Clients who bought in the period, and those of them who had bought before. */
  clients: number;
  repeatClients: number;
}

export interface MonthRevenue extends RevenueSummary {
  /** YYYY-MM */
  month: string;
}

/** The methodology's target band for the repeat share of revenue, in percent. */
export const REPEAT_SHARE_TARGET = { from: 30, to: 50 } as const;


/** Each client's first day of buying (refunds do not count as buying). */
function firstPurchaseDays(facts: readonly PurchaseFact[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const fact of facts) {
    if (fact.amount !== null && fact.amount < 0) continue;
    const known = first.get(fact.clientId);
    if (known === undefined || fact.date < known) first.set(fact.clientId, fact.date);
  }
  return first;
}

function emptySummary(): RevenueSummary {
  return { byCurrency: {}, purchases: 0, repeatPurchases: 0, clients: 0, repeatClients: 0 };
}

function summarise(facts: readonly PurchaseFact[], first: Map<string, string>): RevenueSummary {
  const summary = emptySummary();
  const buyers = new Set<string>();
  const repeatBuyers = new Set<string>();
  for (const fact of facts) {
    const isRefund = fact.amount !== null && fact.amount < 0;
    const isRepeat = (first.get(fact.clientId) ?? fact.date) < fact.date;
    if (fact.amount !== null && fact.currency) {
      const money = (summary.byCurrency[fact.currency] ??= { total: 0, repeat: 0 });
      money.total += fact.amount;
      if (isRepeat) money.repeat += fact.amount;
    }
    if (isRefund) continue;
    summary.purchases += 1;
    buyers.add(fact.clientId);
    if (isRepeat) {
      summary.repeatPurchases += 1;
      repeatBuyers.add(fact.clientId);
    }
  }
  summary.clients = buyers.size;
  summary.repeatClients = repeatBuyers.size;
  return summary;
}

const inRange = (range: DateRange) => (fact: PurchaseFact) => fact.date >= range.from && fact.date <= range.to;

/** The whole period at once. `history` is every purchase known, for telling repeat from first. */
export function revenueSummary(history: readonly PurchaseFact[], range: DateRange): RevenueSummary {
  return summarise(history.filter(inRange(range)), firstPurchaseDays(history));
}

/** The months the range touches, in order ("2026-01" .. "2026-12"). */
export function monthsOf(range: DateRange): string[] {
  const months: string[] = [];
  let [year, month] = range.from.split('-').map(Number) as [number, number];
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** Month by month over the range (a month cut by the range counts only its days inside it). */
export function revenueByMonth(history: readonly PurchaseFact[], range: DateRange): MonthRevenue[] {
  const first = firstPurchaseDays(history);
  const byMonth = new Map<string, PurchaseFact[]>();
  for (const fact of history.filter(inRange(range))) {
    const month = fact.date.slice(0, 7);
    const list = byMonth.get(month);
    if (list) list.push(fact);
    else byMonth.set(month, [fact]);
  }
  return monthsOf(range).map((month) => ({ month, ...summarise(byMonth.get(month) ?? [], first) }));
}

/** Repeat share of revenue in percent, or null when there was no revenue to share. */
export function repeatShareOfRevenue(money: Money | undefined): number | null {
  return money && money.total > 0 ? (Math.max(0, money.repeat) / money.total) * 100 : null;
}

export function repeatShareOfClients(summary: Pick<RevenueSummary, 'clients' | 'repeatClients'>): number | null {
  return summary.clients > 0 ? (summary.repeatClients / summary.clients) * 100 : null;
}

/** The currency that brought most in the period: what headlines lead with. */
export function mainCurrency(summary: RevenueSummary): string | null {
  let best: string | null = null;
  for (const [currency, money] of Object.entries(summary.byCurrency)) {
    if (best === null || money.total > (summary.byCurrency[best]?.total ?? 0)) best = currency;
  }
  return best;
}

import type { DateRange } from './range';
import { buyingDaysByClient, dayNumber, inRange, isoDayOf, previousRange, todayIn, usualIntervalDays, type DatedPurchase } from './dated-purchases';

/**
 * The TOP-N clients by revenue in a period, per currency (a client paying in two currencies can
 * stand in both lists; the sums are never mixed), compared with the period of the same length
 * just before: who entered the list, who dropped out. Each client also carries their usual
 * purchase interval and how long they have been silent, so "silent longer than usual" is the
 * call to make today.
 */

export const TOP_CLIENTS_LIMIT = 50;

export interface TopClient {
  clientId: string;
  /** 1-based place in this period's list. */
  rank: number;
  revenue: number;
  /** Purchases in the period in this currency, refunds included. */
  purchases: number;
  /** Place in the previous period's list, or null when the client was not in it. */
  previousRank: number | null;
  /** The last buying day up to today, any currency. */
  lastPurchase: string | null;
  usualIntervalDays: number | null;
  /** Days from the last buying day to today. */
  silentDays: number | null;
  /** Silent longer than their usual interval: worth a call now. */
  overdue: boolean;
}

export interface TopClientsList {
  currency: string;
  clients: TopClient[];
  /** In this period's list, not in the previous one's, in rank order. */
  entered: string[];
  /** In the previous period's list, not in this one's, in their old rank order. */
  dropped: string[];
}

export interface TopClientsInput {
  purchases: readonly DatedPurchase[];
  range: DateRange;
  now: number;
  timeZone: string;
  limit?: number;
  /** `buyingDaysByClient(purchases, today)`, when the caller has it already (churn reads it too). */
  buyingDays?: ReadonlyMap<string, readonly number[]>;
}

/** Per currency, sorted by currency code. Purchases with no amount or currency add no revenue. */
export function topClients({ purchases, range, now, timeZone, limit = TOP_CLIENTS_LIMIT, ...known }: TopClientsInput): TopClientsList[] {
  const previous = previousRange(range);
  const current = revenueByCurrency(purchases, range);
  const before = revenueByCurrency(purchases, previous);
  const today = todayIn(now, timeZone);
  const todayNumber = dayNumber(today);
  const buyingDays = known.buyingDays ?? buyingDaysByClient(purchases, today);
  const currencies = [...new Set([...current.keys(), ...before.keys()])].sort();

  return currencies.map((currency) => {
    const ranked = rank(current.get(currency), limit);
    const previousRanked = rank(before.get(currency), limit);
    const previousRanks = new Map(previousRanked.map((entry, index) => [entry.clientId, index + 1]));
    const inList = new Set(ranked.map((entry) => entry.clientId));
    const clients = ranked.map((entry, index): TopClient => {
      const days = buyingDays.get(entry.clientId) ?? [];
      const last = days.length ? days.reduce((latest, day) => (day > latest ? day : latest)) : null;
      const usual = usualIntervalDays(days);
      const silentDays = last === null ? null : todayNumber - last;
      return {
        clientId: entry.clientId,
        rank: index + 1,
        revenue: entry.revenue,
        purchases: entry.purchases,
        previousRank: previousRanks.get(entry.clientId) ?? null,
        lastPurchase: last === null ? null : isoDayOf(last),
        usualIntervalDays: usual,
        silentDays,
        overdue: usual !== null && silentDays !== null && silentDays > usual,
      };
    });
    return {
      currency,
      clients,
      entered: clients.filter((client) => client.previousRank === null).map((client) => client.clientId),
      dropped: previousRanked.map((entry) => entry.clientId).filter((clientId) => !inList.has(clientId)),
    };
  });
}

interface Tally {
  clientId: string;
  revenue: number;
  purchases: number;
}

function revenueByCurrency(purchases: readonly DatedPurchase[], range: DateRange): Map<string, Map<string, Tally>> {
  const byCurrency = new Map<string, Map<string, Tally>>();
  for (const purchase of purchases) {
    if (purchase.amount === null || purchase.currency === null || !inRange(purchase.date, range)) continue;
    let clients = byCurrency.get(purchase.currency);
    if (!clients) byCurrency.set(purchase.currency, (clients = new Map<string, Tally>()));
    const tally = clients.get(purchase.clientId);
    if (tally) {
      tally.revenue += purchase.amount;
      tally.purchases += 1;
    } else clients.set(purchase.clientId, { clientId: purchase.clientId, revenue: purchase.amount, purchases: 1 });
  }
  return byCurrency;
}

/** Highest revenue first; ties by client id so the list is stable. Net revenue <= 0 is no place. */
function rank(clients: Map<string, Tally> | undefined, limit: number): Tally[] {
  if (!clients) return [];
  return [...clients.values()]
    .filter((tally) => tally.revenue > 0)
    .sort((a, b) => b.revenue - a.revenue || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0))
    .slice(0, limit);
}

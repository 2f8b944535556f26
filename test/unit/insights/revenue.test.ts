import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../lib/db/schema';
import { datedPurchases } from '../../../lib/insights/dated-purchases';
import {
  mainCurrency,
  monthsOf,
  repeatShareOfClients,
  repeatShareOfRevenue,
  revenueByMonth,
  revenueSummary,
  type PurchaseFact,
} from '../../../lib/insights/revenue';

const fact = (clientId: string, date: string, amount: number | null, currency: string | null = 'EUR'): PurchaseFact => ({ clientId, date, amount, currency });

describe('repeat-sales figures', () => {
  it('counts a purchase as repeat only when the client bought on an earlier day, before the range too', () => {
    const history = [
      fact('anna', '2025-11-20', 1_000), // before the range: makes Anna's January purchase a repeat
      fact('anna', '2026-01-10', 300),
      fact('boris', '2026-01-05', 700), // Boris's first purchase...
      fact('boris', '2026-01-05', 100), // ...and a second one the same day: still his first day
      fact('boris', '2026-01-25', 400), // a repeat
    ];
    const january = revenueSummary(history, { from: '2026-01-01', to: '2026-01-31' });
    expect(january.byCurrency.EUR).toEqual({ total: 1_500, repeat: 700 });
    expect(january.purchases).toBe(4);
    expect(january.repeatPurchases).toBe(2);
    expect([january.clients, january.repeatClients]).toEqual([2, 2]);
    expect(repeatShareOfRevenue(january.byCurrency.EUR)).toBeCloseTo((700 / 1_500) * 100);
    expect(repeatShareOfClients(january)).toBe(100);
  });

  it('keeps currencies apart and never sums them', () => {
    const summary = revenueSummary([fact('a', '2026-02-01', 100, 'EUR'), fact('b', '2026-02-02', 5_000, 'UAH'), fact('c', '2026-02-03', 50, 'EUR')], {
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(summary.byCurrency).toEqual({ EUR: { total: 150, repeat: 0 }, UAH: { total: 5_000, repeat: 0 } });
    expect(mainCurrency(summary)).toBe('UAH');
  });

  it('lets a refund lower revenue without counting as a purchase, and a zero or unknown amount count as a purchase only', () => {
    const summary = revenueSummary(
      [fact('a', '2026-03-01', 500), fact('a', '2026-03-05', -200), fact('b', '2026-03-02', 0), fact('c', '2026-03-03', null, null)],
      { from: '2026-03-01', to: '2026-03-31' },
    );
    expect(summary.byCurrency.EUR).toEqual({ total: 300, repeat: -200 });
    expect(summary.purchases).toBe(3);
    expect(summary.clients).toBe(3);
    // A refund is not a repeat sale: the repeat share never goes below zero.
    expect(repeatShareOfRevenue(summary.byCurrency.EUR)).toBe(0);
    expect(repeatShareOfRevenue(undefined)).toBeNull();
  });

  it('lists every month of a range across the new year, empty months included', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const months = revenueByMonth([fact('a', '2025-12-31', 100), fact('a', '2026-02-01', 50)], { from: '2025-12-01', to: '2026-02-28' });
    expect(months.map((month) => [month.month, month.byCurrency.EUR?.total ?? 0, month.byCurrency.EUR?.repeat ?? 0])).toEqual([
      ['2025-12', 100, 0],
      ['2026-01', 0, 0],
      ['2026-02', 50, 50],
    ]);
  });

  it('dates a purchase by its local day: 23:30 on 31 December in Kyiv is last year, though UTC says so too, and 00:30 on 1 January is not', () => {
    const event = (at: string, data: EventRecord['data'] = {}): EventRecord => ({
      id: at,
      clientId: 'a',
      type: 'purchase',
      at: Date.parse(at),
      data: { amount: 10, currency: 'EUR', ...data },
      source: 'manager',
      createdAt: 0,
    });
    const facts = datedPurchases([event('2026-12-31T21:30:00Z'), event('2026-12-31T22:30:00Z'), event('2026-06-01T00:00:00Z', { date: '2026-05-31' })], 'Europe/Kyiv');
    expect(facts.map((item) => item.date)).toEqual(['2026-12-31', '2027-01-01', '2026-05-31']);
  });

  it('ignores amounts and currencies that are not numbers and ISO codes', () => {
    const facts = datedPurchases(
      [{ id: 'x', clientId: 'a', type: 'purchase', at: 0, data: { date: '2026-01-01', amount: 'lots', currency: 'euro' }, source: 'crm', createdAt: 0 }],
      'UTC',
    );
    expect(facts).toEqual([{ clientId: 'a', date: '2026-01-01', amount: null, currency: null }]);
  });
});

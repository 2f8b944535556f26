import { describe, expect, it } from 'vitest';
import { cardDiscount, mergeCardDiscount } from '../../../lib/lifecycle/discount';
import { deriveEvents, reconcileEvents } from '../../../lib/lifecycle/events';
import { makeClient } from '../factories';

const field = (label: string, value: string) => ({ label, value });

describe('the discount on the card', () => {
  it('reads the amount and its last day under the labels of every book language', () => {
    expect(cardDiscount([field('Discount', '10%'), field('Discount valid until', '2025-04-20')])).toEqual({ amount: '10%', until: '2025-04-20' });
    expect(cardDiscount([field('Скидка', '5 000 ₽'), field('Скидка до', '20.04.2025')])).toEqual({ amount: '5 000 ₽', until: '2025-04-20' });
    expect(cardDiscount([field('Знижка:', '7%'), field('Знижка діє до', '01.05.2025')])).toEqual({ amount: '7%', until: '2025-05-01' });
    expect(cardDiscount([field('Έκπτωση', '15%'), field('Λήξη έκπτωσης', '2025-06-30')])).toEqual({ amount: '15%', until: '2025-06-30' });
  });

  it('takes an amount without a last day, and skips what is not an amount', () => {
    expect(cardDiscount([field('Discount', '€50')])).toEqual({ amount: '€50', until: null });
    expect(cardDiscount([field('Discount', 'ask the manager')])).toBeNull();
    expect(cardDiscount([field('Discount', '10%'), field('Discount until', 'soon')])).toEqual({ amount: '10%', until: null });
    expect(cardDiscount([field('Discount programme', '10%')])).toBeNull();
    expect(cardDiscount([])).toBeNull();
  });

  it('keeps the manager\'s discount whatever the page says; the card\'s follows the card', () => {
    const manager = { amount: '10%', until: '2025-04-20', grantedAt: 1_000, source: 'manager' as const };
    expect(mergeCardDiscount(manager, { amount: '5%', until: null }, 9_000)).toBe(manager);
    expect(mergeCardDiscount(manager, null, 9_000)).toBe(manager);
    const card = { amount: '5%', until: null, grantedAt: 2_000, source: 'card' as const };
    // Same amount: the day it was first seen stays, so its touches keep their dates.
    expect(mergeCardDiscount(card, { amount: '5%', until: '2025-05-01' }, 9_000)).toEqual({ amount: '5%', until: '2025-05-01', grantedAt: 2_000, source: 'card' });
    expect(mergeCardDiscount(card, { amount: '7%', until: null }, 9_000)).toEqual({ amount: '7%', until: null, grantedAt: 9_000, source: 'card' });
    expect(mergeCardDiscount(card, null, 9_000)).toBeNull();
    expect(mergeCardDiscount(undefined, { amount: '5%', until: null }, 9_000)).toMatchObject({ grantedAt: 9_000, source: 'card' });
  });
});

describe('events from the client record', () => {
  const discount = { amount: '10%', until: '2025-04-20', grantedAt: 5_000, source: 'manager' as const };

  it('a discount is an event at its grant, carrying its amount and last day', () => {
    const events = deriveEvents({ client: makeClient({ discount }), customDateFields: [], now: 9_000 });
    expect(events.filter((event) => event.type === 'discount')).toEqual([
      expect.objectContaining({ at: 5_000, data: { date: null, amount: '10%', until: '2025-04-20' } }),
    ]);
  });

  it('a churn reason is an event on the day it was recorded; without its time, none', () => {
    const events = deriveEvents({ client: makeClient({ churnReason: 'too-expensive', churnReasonAt: 7_000 }), customDateFields: [], now: 9_000 });
    expect(events.filter((event) => event.type === 'churn-reason')).toEqual([expect.objectContaining({ at: 7_000, data: { date: null, reason: 'too-expensive' } })]);
    expect(deriveEvents({ client: makeClient({ churnReason: 'too-expensive' }), customDateFields: [], now: 9_000 }).some((event) => event.type === 'churn-reason')).toBe(false);
  });

  it('cleared on the record, they go; a new last day rewrites the same event', () => {
    const before = deriveEvents({ client: makeClient({ discount, churnReason: 'too-expensive', churnReasonAt: 7_000 }), customDateFields: [], now: 9_000 });
    const cleared = reconcileEvents(before, deriveEvents({ client: makeClient(), customDateFields: [], now: 10_000 }));
    expect(cleared.delete.sort()).toEqual(before.filter((event) => event.type === 'discount' || event.type === 'churn-reason').map((event) => event.id).sort());
    const moved = reconcileEvents(before, deriveEvents({ client: makeClient({ discount: { ...discount, until: '2025-05-10' }, churnReason: 'too-expensive', churnReasonAt: 7_000 }), customDateFields: [], now: 10_000 }));
    expect(moved.put).toEqual([expect.objectContaining({ type: 'discount', data: expect.objectContaining({ until: '2025-05-10' }) })]);
    expect(moved.delete).toEqual([]);
  });
});

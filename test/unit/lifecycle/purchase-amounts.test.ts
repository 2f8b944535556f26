import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deriveEvents, managerEvent } from '../../../lib/lifecycle/events';
import { UiMessageSchema } from '../../../lib/messages';
import { purchaseMoney } from '../../../lib/panel/purchase-money';
import { makeBookService, makeClient, makeDb, makeLifecycle } from '../factories';

const NOW = Date.parse('2026-03-02T09:00:00Z');

describe('purchase amounts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('carries the amount a CRM product row shows into the purchase event, in the card\'s currency when the row names none', () => {
    const client = makeClient({
      amount: { value: 12_400, currency: 'EUR' },
      products: [
        { name: 'Van', category: 'Vehicles', purchasedAt: '2025-09-02', amount: { value: 38_500, currency: null } },
        { name: 'Tyres', category: 'Tyres', purchasedAt: '2026-01-14', amount: { value: 820, currency: 'GBP' } },
        { name: 'Mats', category: 'Accessories', purchasedAt: '2026-01-20' },
      ],
    });
    const purchases = deriveEvents({ client, customDateFields: [], now: NOW }).filter((event) => event.type === 'purchase');
    const byProduct = Object.fromEntries(purchases.map((event) => [event.data.product, event.data]));
    expect(byProduct.Van).toMatchObject({ amount: 38_500, currency: 'EUR' });
    expect(byProduct.Tyres).toMatchObject({ amount: 820, currency: 'GBP' });
    expect(byProduct.Mats).not.toHaveProperty('amount');
  });

  it('keeps two purchases of one product on one day as two purchases', () => {
    const first = managerEvent('c1', 'purchase', NOW, { product: 'Toner', category: null }, NOW, 'UTC');
    const second = managerEvent('c1', 'purchase', NOW, { product: 'Toner', category: null }, NOW, 'UTC');
    expect(first.id).not.toBe(second.id);
  });

  it('records the amount and currency the manager typed, a refund as a negative amount', async () => {
    const db = makeDb();
    const lifecycle = makeLifecycle(db, makeBookService(db));
    await db.clients.put(makeClient({ id: 'buyer' }));
    await lifecycle.recordPurchase('buyer', { product: 'Roof box', category: null, date: NOW, amount: 420, currency: 'EUR' });
    await lifecycle.recordPurchase('buyer', { product: 'Roof box', category: null, date: NOW, amount: -420, currency: 'EUR' });
    const manual = (await db.events.where('clientId').equals('buyer').toArray()).filter((event) => event.source === 'manager');
    expect(manual.map((event) => [event.data.amount, event.data.currency]).sort()).toEqual([
      [-420, 'EUR'],
      [420, 'EUR'],
    ]);
  });

  it('accepts an amount only with its currency on the message', () => {
    const base = { type: 'ui/client.purchase', clientId: 'c1', product: 'Van', category: null, date: NOW };
    expect(UiMessageSchema.safeParse({ ...base, amount: 100, currency: 'EUR' }).success).toBe(true);
    expect(UiMessageSchema.safeParse(base).success).toBe(true);
    expect(UiMessageSchema.safeParse({ ...base, amount: 100 }).success).toBe(false);
    expect(UiMessageSchema.safeParse({ ...base, amount: 100, currency: 'euro' }).success).toBe(false);
    expect(UiMessageSchema.safeParse({ ...base, amount: Number.POSITIVE_INFINITY, currency: 'EUR' }).success).toBe(false);
  });

  it('reads what the manager typed, in local number forms, and refuses what it cannot keep', () => {
    expect(purchaseMoney('', 'EUR')).toBeNull();
    expect(purchaseMoney('12 400,50', 'uah')).toEqual({ amount: 12_400.5, currency: 'UAH' });
    expect(purchaseMoney('1,200', 'USD')).toEqual({ amount: 1_200, currency: 'USD' });
    expect(purchaseMoney('-75', 'EUR')).toEqual({ amount: -75, currency: 'EUR' });
    expect(purchaseMoney('lots', 'EUR')).toBeUndefined();
    expect(purchaseMoney('100', '')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { ClientPlan } from '../../../lib/background/lifecycle-service';
import { createScriptValues, touchContext } from '../../../lib/panel/script-context';
import type { CrossSellOffer } from '../../../lib/suggest/cross-sell';
import { makeClient, makeTouch } from '../suggest/factories';

const plan = (anchors: ClientPlan['anchors']): ClientPlan => ({ open: [], history: [], timeZone: 'Europe/London', anchors });
const offer = (ruleId: string, core: { name: string; category: string | null }, nextProduct: string, status: CrossSellOffer['status'] = 'new') =>
  ({ ruleId, nextProduct, status, core: { product: { ...core, purchasedAt: null }, by: 'product', daysSincePurchase: null } }) as unknown as CrossSellOffer;

const NOON_LONDON = Date.UTC(2026, 0, 15, 12, 30);
const van = { type: 'purchase' as const, product: 'Ford Transit', category: 'Commercial vehicle' };
const tyres = { type: 'purchase' as const, product: 'Winter tyre set', category: 'Tyres' };

describe('the values a touch script is filled with', () => {
  const client = makeClient({
    products: [
      { name: 'Ford Transit', category: 'Commercial vehicle', purchasedAt: '2025-01-10' },
      { name: 'Winter tyre set', category: 'Tyres', purchasedAt: '2025-11-20' },
    ],
  });
  const values = (anchors: ClientPlan['anchors'], offers: CrossSellOffer[] = []) =>
    createScriptValues({ managerName: 'Maria', companyName: 'Northwind', locale: 'en-GB' }, { client: () => client, plan: () => plan(anchors), offers: () => offers, bookLanguage: () => 'en', now: () => NOON_LONDON });

  it("names the touch's own purchase, not the latest one (the trade-in call about the van)", () => {
    const touch = makeTouch({ anchorEventId: 'e-van' });
    expect(values({ 'e-van': van, 'e-tyres': tyres }).forTouch(touch).product).toBe('Ford Transit');
  });

  it('leaves a gap when the anchor purchase named no product, instead of naming another purchase', () => {
    const touch = makeTouch({ anchorEventId: 'e-last' });
    expect(values({ 'e-last': { type: 'purchase', product: null, category: null } }).forTouch(touch)).not.toHaveProperty('product');
  });

  it('falls back to the latest purchase for touches with no purchase behind them (a birthday, a yearly window)', () => {
    expect(values({ 'e-bday': { type: 'birthday', product: null, category: null } }).forTouch(makeTouch({ anchorEventId: 'e-bday' })).product).toBe('Winter tyre set');
    expect(values({}).forTouch(makeTouch({ anchorEventId: null })).product).toBe('Winter tyre set');
  });

  it("fills {{product.next}} from the best offer for the touch's purchase, else the best offer, never a declined one", () => {
    const offers = [
      offer('tyres-to-rims', { name: 'Winter tyre set', category: 'Tyres' }, 'alloy wheels'),
      offer('van-to-insurance', { name: 'Ford Transit', category: 'Commercial vehicle' }, 'fleet insurance'),
    ];
    expect(touchContext(makeTouch({ anchorEventId: 'e-van' }), plan({ 'e-van': van }), offers).nextProduct).toBe('fleet insurance');
    expect(touchContext(makeTouch({ anchorEventId: null }), plan({}), offers).nextProduct).toBe('alloy wheels');
    const declined = [offer('van-to-insurance', { name: 'Ford Transit', category: null }, 'fleet insurance', 'declined')];
    expect(touchContext(makeTouch({ anchorEventId: 'e-van' }), plan({ 'e-van': van }), declined).nextProduct).toBeNull();
    expect(values({ 'e-van': van }, offers).forTouch(makeTouch({ anchorEventId: 'e-van' }))['product.next']).toBe('fleet insurance');
  });

  it("greets for the manager's time of day in the book's language", () => {
    expect(values({}).forTouch(makeTouch()).greeting).toBe('Good afternoon');
  });

  it('fills nothing without a client on screen', () => {
    const none = createScriptValues({ managerName: null, companyName: null, locale: 'en' }, { client: () => null, plan: () => null, offers: () => [], bookLanguage: () => null, now: () => NOON_LONDON });
    expect(none.forTouch(makeTouch())).toEqual({});
  });
});

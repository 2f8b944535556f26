import { describe, expect, it } from 'vitest';
import { rankCrossSell } from '../../../lib/suggest/cross-sell';
import { NOW, book, bookWithRules, daysAgo, makeClient, makeProduct, makeRule } from './factories';

const ids = (offers: Array<{ ruleId: string }>) => offers.map((offer) => offer.ruleId);

describe('rankCrossSell with the default English book', () => {
  it('offers alloy wheels to a car buyer whose card notes the interest, once the car has been driven a while', () => {
    const client = makeClient({ tags: ['Interested: alloy wheels'], products: [makeProduct({ purchasedAt: daysAgo(90) })] });

    const [offer, ...rest] = rankCrossSell(book, client, { now: NOW });

    expect(rest).toEqual([]);
    expect(offer).toMatchObject({
      ruleId: 'car-alloy-wheels',
      title: 'Alloy wheels for a new car',
      benefit: expect.stringContaining('warranty is kept') as string,
      nextProduct: 'alloy wheels',
      interestTags: ['Interested: alloy wheels'],
      status: 'new',
      daysLeft: null,
      core: { by: 'category', daysSincePurchase: 90, product: { name: 'Toyota RAV4 Hybrid' } },
    });
    expect(offer?.options.map((option) => option.tier)).toEqual(['standard', 'professional', 'premium']);
    expect(offer?.script).toContain('{{client.firstName}}');
  });

  it('offers nothing that needs an interest the card does not record', () => {
    const client = makeClient({ tags: [], products: [makeProduct({ purchasedAt: daysAgo(90) })] });

    expect(rankCrossSell(book, client, { now: NOW })).toEqual([]);
  });

  it('does not offer car insurance to a buyer of toner cartridges', () => {
    const tonerBuyer = makeClient({ products: [makeProduct({ name: 'TN-2420 toner', category: 'Cartridges', purchasedAt: daysAgo(10) })] });
    const carBuyer = makeClient({ products: [makeProduct({ name: 'Skoda Octavia', category: 'Passenger cars', purchasedAt: daysAgo(10) })] });

    expect(ids(rankCrossSell(book, tonerBuyer, { now: NOW }))).not.toContain('car-insurance');
    expect(ids(rankCrossSell(book, carBuyer, { now: NOW }))).toContain('car-insurance');
  });

  it('offers insurance only in the first 30 days, with the days left to do it', () => {
    const fresh = makeClient({ products: [makeProduct({ purchasedAt: daysAgo(10) })] });
    const late = makeClient({ products: [makeProduct({ purchasedAt: daysAgo(31) })] });

    const offers = rankCrossSell(book, fresh, { now: NOW });

    expect(ids(offers)).toEqual(['car-insurance']);
    expect(offers[0]?.daysLeft).toBe(20);
    expect(rankCrossSell(book, late, { now: NOW })).toEqual([]);
  });

  it('ranks the offers the client showed interest in above the one written for every car owner', () => {
    const client = makeClient({ tags: ['tuning', 'alloy wheels'], products: [makeProduct({ purchasedAt: daysAgo(200) })] });

    expect(ids(rankCrossSell(book, client, { now: NOW }))).toEqual(['car-alloy-wheels', 'car-tuning', 'car-extended-warranty']);
  });

  it('sinks a declined offer to the bottom and keeps it, and drops an accepted one', () => {
    const client = makeClient({ tags: ['tuning', 'alloy wheels'], products: [makeProduct({ purchasedAt: daysAgo(200) })] });

    const offers = rankCrossSell(book, client, {
      now: NOW,
      offered: { 'car-alloy-wheels': 'declined', 'car-tuning': 'accepted', 'car-extended-warranty': 'offered' },
    });

    expect(offers.map(({ ruleId, status }) => [ruleId, status])).toEqual([
      ['car-extended-warranty', 'offered'],
      ['car-alloy-wheels', 'declined'],
    ]);
  });

  it('matches a book category inside the card value: "tyres" matches "Winter tyres"', () => {
    const client = makeClient({ products: [makeProduct({ name: 'Nokian Hakkapeliitta R5', category: 'Winter tyres', purchasedAt: daysAgo(3) })] });

    const offers = rankCrossSell(book, client, { now: NOW });

    expect(ids(offers)).toEqual(['tyres-fitting-and-storage']);
    expect(offers[0]?.core.product.category).toBe('Winter tyres');
  });

  it('does not offer what the client already has', () => {
    const client = makeClient({
      products: [
        makeProduct({ name: 'Nokian Hakkapeliitta R5', category: 'Winter tyres', purchasedAt: daysAgo(3) }),
        makeProduct({ name: 'Seasonal storage, 4 wheels', category: 'Tyre storage', purchasedAt: daysAgo(3) }),
      ],
    });

    expect(rankCrossSell(book, client, { now: NOW })).toEqual([]);
  });

  it('offers the consumables subscription only to loyal clients and advocates', () => {
    const paper = makeProduct({ name: 'A4 copier paper, 5 boxes', category: 'Office supplies', purchasedAt: daysAgo(45) });

    expect(rankCrossSell(book, makeClient({ products: [paper] }), { now: NOW })).toEqual([]);
    expect(rankCrossSell(book, makeClient({ products: [paper], buyerType: 'mercenary' }), { now: NOW })).toEqual([]);
    expect(ids(rankCrossSell(book, makeClient({ products: [paper], buyerType: 'loyal' }), { now: NOW }))).toEqual(['consumables-subscription']);
  });

  it('gives an undated purchase the benefit of the doubt on the day windows', () => {
    const client = makeClient({ products: [makeProduct({ purchasedAt: null })] });

    const offers = rankCrossSell(book, client, { now: NOW });

    expect(ids(offers)).toEqual(['car-insurance', 'car-extended-warranty']);
    expect(offers[0]?.core.daysSincePurchase).toBeNull();
    expect(offers[0]?.daysLeft).toBeNull();
  });

  it('counts the days since the purchase in the given time zone', () => {
    const rule = makeRule({ condition: { minDaysSincePurchase: 1 } });
    const client = makeClient({ products: [makeProduct({ purchasedAt: '2026-03-01' })] });
    const now = Date.UTC(2026, 2, 2, 2, 0); // 2 March in London, still 1 March in Los Angeles

    expect(ids(rankCrossSell(bookWithRules([rule]), client, { now, timeZone: 'Europe/London' }))).toEqual(['test-rule']);
    expect(rankCrossSell(bookWithRules([rule]), client, { now, timeZone: 'America/Los_Angeles' })).toEqual([]);
  });
});

describe('rankCrossSell ranking and conditions', () => {
  it('ranks a purchase named among the core products above one that only shares a category', () => {
    const byCategory = makeRule({ id: 'by-category', core: { categories: ['car'] } });
    const byProduct = makeRule({ id: 'by-product', core: { products: ['RAV4'] } });

    expect(ids(rankCrossSell(bookWithRules([byCategory, byProduct]), makeClient(), { now: NOW }))).toEqual(['by-product', 'by-category']);
  });

  it('ranks a rule narrowed to the buyer type or the stage above one written for everybody', () => {
    const general = makeRule({ id: 'general' });
    const forAdvocates = makeRule({ id: 'for-advocates', condition: { buyerTypes: ['advocate'] } });
    const forCustomers = makeRule({ id: 'for-customers', condition: { stages: ['customer'] } });
    const client = makeClient({ buyerType: 'advocate', stage: 'Customer' });

    expect(ids(rankCrossSell(bookWithRules([general, forAdvocates, forCustomers]), client, { now: NOW }))).toEqual([
      'for-advocates',
      'for-customers',
      'general',
    ]);
    expect(ids(rankCrossSell(bookWithRules([forCustomers]), makeClient({ stage: 'Lead' }), { now: NOW }))).toEqual([]);
  });

  it('puts a purchase known to be inside a window before one that cannot be dated', () => {
    const anyCar = makeRule({ id: 'any-car', core: { categories: ['car'] } });
    const tyresThisYear = makeRule({ id: 'tyres-this-year', core: { categories: ['tyres'] }, condition: { maxDaysSincePurchase: 365 } });
    const client = makeClient({
      products: [makeProduct({ purchasedAt: null }), makeProduct({ name: 'Michelin Alpin 6', category: 'Winter tyres', purchasedAt: daysAgo(30) })],
    });

    expect(ids(rankCrossSell(bookWithRules([anyCar, tyresThisYear]), client, { now: NOW }))).toEqual(['tyres-this-year', 'any-car']);
  });

  it('puts the window that closes sooner first', () => {
    const monthLeft = makeRule({ id: 'sixty-days', condition: { maxDaysSincePurchase: 60 } });
    const weeksLeft = makeRule({ id: 'thirty-days', condition: { maxDaysSincePurchase: 30 } });
    const client = makeClient({ products: [makeProduct({ purchasedAt: daysAgo(10) })] });

    const offers = rankCrossSell(bookWithRules([monthLeft, weeksLeft]), client, { now: NOW });

    expect(offers.map(({ ruleId, daysLeft }) => [ruleId, daysLeft])).toEqual([
      ['thirty-days', 20],
      ['sixty-days', 50],
    ]);
  });

  it('keeps the book order when nothing else tells two offers apart', () => {
    const first = makeRule({ id: 'first' });
    const second = makeRule({ id: 'second', offers: { categories: ['bike rack'] } });

    expect(ids(rankCrossSell(bookWithRules([first, second]), makeClient(), { now: NOW }))).toEqual(['first', 'second']);
    expect(ids(rankCrossSell(bookWithRules([second, first]), makeClient(), { now: NOW }))).toEqual(['second', 'first']);
  });

  it('takes the purchase that fits the window when the client bought the core twice', () => {
    const insurance = makeRule({ condition: { maxDaysSincePurchase: 30 } });
    const client = makeClient({
      products: [makeProduct({ name: 'Skoda Octavia', purchasedAt: daysAgo(400) }), makeProduct({ name: 'Skoda Kodiaq', purchasedAt: daysAgo(12) })],
    });

    const [offer] = rankCrossSell(bookWithRules([insurance]), client, { now: NOW });

    expect(offer?.core).toMatchObject({ product: { name: 'Skoda Kodiaq' }, daysSincePurchase: 12 });
  });

  it('respects tagsAll and tagsNone', () => {
    const both = makeRule({ id: 'both', condition: { tagsAll: ['family', 'travel'] } });
    const notFleet = makeRule({ id: 'not-fleet', offers: { categories: ['bike rack'] }, condition: { tagsNone: ['fleet'] } });

    expect(ids(rankCrossSell(bookWithRules([both, notFleet]), makeClient({ tags: ['Family', 'Travels a lot'] }), { now: NOW }))).toEqual(['both', 'not-fleet']);
    expect(ids(rankCrossSell(bookWithRules([both, notFleet]), makeClient({ tags: ['Family', 'Fleet account'] }), { now: NOW }))).toEqual([]);
  });

  it('puts the options in tier order whatever order the book lists them in', () => {
    const rule = makeRule();
    const shuffled = makeRule({ options: [rule.options[2]!, rule.options[0]!, rule.options[1]!] });

    const [offer] = rankCrossSell(bookWithRules([shuffled]), makeClient(), { now: NOW });

    expect(offer?.options.map((option) => option.title)).toEqual(['Roof bars', 'Bars and a 400 l box', 'Aero box, fitted']);
  });

  it('offers nothing to a client who bought nothing', () => {
    expect(rankCrossSell(book, makeClient({ products: [], tags: ['alloy wheels'] }), { now: NOW })).toEqual([]);
  });

  it('reads the offer history safely for rule ids that look like object keys', () => {
    const rule = makeRule({ id: 'constructor' });

    expect(rankCrossSell(bookWithRules([rule]), makeClient(), { now: NOW, offered: {} })[0]?.status).toBe('new');
  });
});

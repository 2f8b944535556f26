import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../lib/lifecycle/time';
import { churnRisk, isLostStage, suggestionsForProfile } from '../../../lib/suggest/profile';
import { NOW, book, daysAgo, editableBook, makeClient, makeProduct, makeTouch } from './factories';

const toner = (days: number) => makeProduct({ name: 'HP 59A toner', category: 'Printer cartridges', purchasedAt: daysAgo(days) });
const car = (days: number) => makeProduct({ purchasedAt: daysAgo(days) });
const codes = (risk: ReturnType<typeof churnRisk>) => risk.reasons.map((reason) => reason.code);

describe('churnRisk', () => {
  it('is low for a client who bought recently and shows no warning signs', () => {
    expect(churnRisk(makeClient(), [], NOW)).toEqual({ level: 'low', reasons: [] });
    expect(churnRisk(makeClient(), undefined, NOW).level).toBe('low');
  });

  it('is high when the deal is lost', () => {
    const risk = churnRisk(makeClient({ stage: 'Closed lost' }), [], NOW);

    expect(risk.level).toBe('high');
    expect(risk.reasons).toEqual([{ code: 'lost-stage', severity: 'high', stage: 'Closed lost' }]);
  });

  it('is high when the manager recorded why the client is leaving', () => {
    const risk = churnRisk(makeClient({ churnReason: 'too-expensive' }), [], NOW);

    expect(risk).toEqual({ level: 'high', reasons: [{ code: 'churn-reason', severity: 'high', churnReasonId: 'too-expensive' }] });
  });

  it('is medium for a buyer type that leaves easily, and low for one that does not', () => {
    expect(churnRisk(makeClient({ buyerType: 'mercenary' }), [], NOW)).toEqual({
      level: 'medium',
      reasons: [{ code: 'buyer-type', severity: 'medium', buyerType: 'mercenary' }],
    });
    expect(churnRisk(makeClient({ buyerType: 'defector' }), [], NOW).level).toBe('medium');
    expect(churnRisk(makeClient({ buyerType: 'hostage' }), [], NOW).level).toBe('low');
    expect(churnRisk(makeClient({ buyerType: 'advocate' }), [], NOW).level).toBe('low');
  });

  it('is high when two weaker signs come together', () => {
    const forgotten = makeTouch({ state: 'due', dueAt: NOW - 10 * DAY_MS });

    const risk = churnRisk(makeClient({ buyerType: 'defector' }), [forgotten], NOW);

    expect(risk.level).toBe('high');
    expect(codes(risk)).toEqual(['buyer-type', 'missed-touches']);
  });

  it('lists the strong signs first', () => {
    const risk = churnRisk(makeClient({ buyerType: 'mercenary', stage: 'Lost' }), [], NOW);

    expect(codes(risk)).toEqual(['lost-stage', 'buyer-type']);
  });
});

describe('churnRisk: time since the last purchase', () => {
  it('measures consumables against the book\'s two-month replenishment cycle', () => {
    const oneCycle = churnRisk(makeClient({ products: [toner(70)] }), [], NOW, { book });
    const twoCycles = churnRisk(makeClient({ products: [toner(130)] }), [], NOW, { book });

    expect(churnRisk(makeClient({ products: [toner(50)] }), [], NOW, { book }).level).toBe('low');
    expect(oneCycle.level).toBe('medium');
    expect(oneCycle.reasons).toEqual([
      { code: 'no-recent-purchase', severity: 'medium', daysSincePurchase: 70, cycleDays: 60, product: 'HP 59A toner' },
    ]);
    expect(twoCycles.level).toBe('high');
  });

  it('gives a car buyer the whole first year the book plans for, not the default half year', () => {
    const client = makeClient({ products: [car(300)] });

    expect(churnRisk(client, [], NOW, { book }).level).toBe('low');
    expect(churnRisk(client, [], NOW).reasons).toEqual([
      { code: 'no-recent-purchase', severity: 'medium', daysSincePurchase: 300, cycleDays: 180, product: 'Toyota RAV4 Hybrid' },
    ]);
    expect(churnRisk(makeClient({ products: [car(400)] }), [], NOW, { book }).level).toBe('medium');
  });

  it('notices consumables bought elsewhere even when the client bought a car last month', () => {
    const risk = churnRisk(makeClient({ products: [car(30), toner(130)] }), [], NOW, { book });

    expect(risk.level).toBe('high');
    expect(risk.reasons[0]).toMatchObject({ code: 'no-recent-purchase', severity: 'high', product: 'HP 59A toner' });
  });

  it('uses the card\'s "last purchase" date when no product is dated', () => {
    const client = makeClient({ products: [], lastSnapshot: { ...makeClient().lastSnapshot, lastPurchase: daysAgo(250) } });

    expect(churnRisk(client, [], NOW).reasons).toEqual([
      { code: 'no-recent-purchase', severity: 'medium', daysSincePurchase: 250, cycleDays: 180, product: null },
    ]);
  });

  it('says nothing about purchases it cannot date', () => {
    expect(churnRisk(makeClient({ products: [makeProduct({ purchasedAt: null })] }), [], NOW, { book }).level).toBe('low');
  });
});

describe('churnRisk: touches', () => {
  it('counts missed touches and open ones forgotten for more than a week, of this client only', () => {
    const touches = [
      makeTouch({ id: 'a', state: 'planned', dueAt: NOW - 10 * DAY_MS }),
      makeTouch({ id: 'b', state: 'missed', dueAt: NOW - 30 * DAY_MS }),
      makeTouch({ id: 'c', state: 'due', dueAt: NOW - 3 * DAY_MS }),
      makeTouch({ id: 'd', state: 'snoozed', dueAt: NOW - 20 * DAY_MS }),
      makeTouch({ id: 'e', state: 'missed', dueAt: NOW - 500 * DAY_MS }),
      makeTouch({ id: 'f', state: 'missed', dueAt: NOW - 5 * DAY_MS, clientId: 'someone-else' }),
    ];

    expect(churnRisk(makeClient(), touches, NOW)).toEqual({ level: 'medium', reasons: [{ code: 'missed-touches', severity: 'medium', count: 2 }] });
  });

  it('remembers a client who said "not interested" the last time we reached them', () => {
    const refused = makeTouch({ id: 'a', state: 'done', outcome: 'not-interested', outcomeAt: NOW - 20 * DAY_MS });
    const reachedLater = makeTouch({ id: 'b', state: 'done', outcome: 'reached', outcomeAt: NOW - 2 * DAY_MS });

    expect(codes(churnRisk(makeClient(), [refused], NOW))).toEqual(['not-interested']);
    expect(churnRisk(makeClient(), [refused, reachedLater], NOW).level).toBe('low');
  });
});

describe('isLostStage', () => {
  it('knows the lost stages of common CRMs in the default books\' languages', () => {
    for (const stage of ['Closed Lost', 'Lost', 'Закрыто и не реализовано', 'Сделка провалена', 'Неуспешно', 'Втрачено', 'Χαμένη']) {
      expect(isLostStage(stage), stage).toBe(true);
    }
  });

  it('does not mistake won or open stages for lost ones', () => {
    for (const stage of ['Closed won', 'Успешно реализовано', 'Успішно', 'Negotiation', 'Lostwithiel office', null]) {
      expect(isLostStage(stage), String(stage)).toBe(false);
    }
  });
});

describe('suggestionsForProfile', () => {
  it('answers "too expensive" with the time-limited discount and the price objections', () => {
    const suggestions = suggestionsForProfile(book, makeClient({ churnReason: 'too-expensive' }));

    expect(suggestions.churnReason?.response).toContain('time-limited discount');
    expect(suggestions).toMatchObject({
      objectionIds: ['price-too-expensive'],
      programmeIds: ['second-purchase-discount'],
      categories: ['price'],
      buyerType: null,
    });
  });

  it('brings the book\'s way of working with a defector and the competitor objections', () => {
    const suggestions = suggestionsForProfile(book, makeClient({ buyerType: 'defector' }));

    expect(suggestions.buyerType?.howToWork).toContain('what they buy elsewhere');
    expect(suggestions).toMatchObject({ churnReason: null, objectionIds: [], programmeIds: [], categories: ['competitor'] });
  });

  it('combines the churn reason and the buyer type without repeating a category', () => {
    const suggestions = suggestionsForProfile(book, makeClient({ churnReason: 'competitor-offer', buyerType: 'mercenary' }));

    expect(suggestions.objectionIds).toEqual(['competitor-better-terms', 'price-found-cheaper']);
    expect(suggestions.categories).toEqual(['competitor', 'price']);
  });

  it('brings regular touches back for a client we went silent on', () => {
    expect(suggestionsForProfile(book, makeClient({ churnReason: 'supplier-silence' })).programmeIds).toEqual(['durable-goods', 'consumables']);
  });

  it('leaves out references the team\'s book does not resolve', () => {
    const teamBook = editableBook();
    teamBook.objections = teamBook.objections.filter((objection) => objection.id !== 'price-found-cheaper');
    teamBook.programmes = [];

    const suggestions = suggestionsForProfile(teamBook, makeClient({ churnReason: 'competitor-offer' }));

    expect(suggestions.objectionIds).toEqual(['competitor-better-terms']);
    expect(suggestionsForProfile(teamBook, makeClient({ churnReason: 'too-expensive' })).programmeIds).toEqual([]);
    expect(suggestionsForProfile(teamBook, makeClient({ churnReason: 'gone-to-the-moon' })).churnReason).toBeNull();
  });

  it('suggests nothing for a client with no profile', () => {
    expect(suggestionsForProfile(book, makeClient())).toEqual({ churnReason: null, buyerType: null, objectionIds: [], programmeIds: [], categories: [] });
  });
});

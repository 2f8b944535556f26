import { describe, expect, it } from 'vitest';
import type { SalesBook } from '../../../lib/book/schema';
import type { EventRecord, OfferRecord } from '../../../lib/db/schema';
import {
  abcSegments,
  churnRisk,
  coldCalls,
  crossSellByRule,
  datedPurchases,
  monthPlans,
  planGrowthPercent,
  previousRange,
  questionnaireCompletion,
  topClients,
  unansweredObjections,
  type CallTouch,
  type DatedPurchase,
} from '../../../lib/insights';

const KYIV = 'Europe/Kyiv';
const NEW_YORK = 'America/New_York';

function sale(clientId: string, date: string, amount: number | null = 100, currency: string | null = 'EUR'): DatedPurchase {
  return { clientId, date, amount, currency };
}

function purchaseEvent(clientId: string, at: number, data: EventRecord['data'] = {}): EventRecord {
  return { id: `${clientId}-${at}`, clientId, type: 'purchase', at, data: { product: 'Van', ...data }, source: 'manager', createdAt: at };
}

describe('dating purchases', () => {
  it('puts 23:30 on 31 December in the old year in the manager\'s zone, whatever UTC says', () => {
    const lateInNewYork = Date.parse('2026-01-01T04:30:00Z'); // 23:30 on 31 Dec in New York
    const earlyInKyiv = Date.parse('2025-12-31T22:30:00Z'); // 00:30 on 1 Jan in Kyiv
    expect(datedPurchases([purchaseEvent('a', lateInNewYork)], NEW_YORK)[0]!.date).toBe('2025-12-31');
    expect(datedPurchases([purchaseEvent('a', earlyInKyiv)], KYIV)[0]!.date).toBe('2026-01-01');
  });

  it('keeps the card\'s day, and drops a currency that is not an ISO code', () => {
    const [purchase] = datedPurchases([purchaseEvent('a', Date.parse('2026-01-01T00:00:00Z'), { date: '2025-12-31', amount: -40, currency: 'euro' })], KYIV);
    expect(purchase).toEqual({ clientId: 'a', date: '2025-12-31', amount: -40, currency: null });
  });

  it('measures the previous period across a year boundary', () => {
    expect(previousRange({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('TOP clients', () => {
  const range = { from: '2026-01-01', to: '2026-01-31' };
  const now = Date.parse('2026-03-01T10:00:00Z');

  it('ranks per currency, never summing across, with who entered and who dropped out', () => {
    const purchases = [
      sale('a', '2026-01-05', 500),
      sale('b', '2026-01-06', 300),
      sale('b', '2026-01-20', 300),
      sale('c', '2026-01-07', 900, 'UAH'),
      sale('d', '2025-12-10', 1000), // last period only: dropped
      sale('a', '2025-12-11', 50),
      sale('e', '2026-01-08', 0), // a zero amount earns no place
      sale('f', '2026-01-09', 200),
      sale('f', '2026-01-10', -200), // refunded in full: no place
    ];
    const lists = topClients({ purchases, range, now, timeZone: KYIV, limit: 2 });
    expect(lists.map((list) => list.currency)).toEqual(['EUR', 'UAH']);
    const eur = lists[0]!;
    expect(eur.clients.map((client) => [client.clientId, client.rank, client.revenue, client.previousRank])).toEqual([
      ['b', 1, 600, null],
      ['a', 2, 500, 2],
    ]);
    expect(eur.entered).toEqual(['b']);
    expect(eur.dropped).toEqual(['d']);
    expect(lists[1]!.clients).toEqual([expect.objectContaining({ clientId: 'c', revenue: 900 })]);
  });

  it('flags a client silent longer than their usual interval', () => {
    // Bought every 10 days, last on 20 Jan: on 1 March that is 40 days of silence.
    const purchases = [sale('a', '2026-01-01'), sale('a', '2026-01-11'), sale('a', '2026-01-21'), sale('b', '2026-01-02'), sale('b', '2026-02-25')];
    const [eur] = topClients({ purchases, range, now, timeZone: KYIV });
    const a = eur!.clients.find((client) => client.clientId === 'a')!;
    const b = eur!.clients.find((client) => client.clientId === 'b')!;
    expect(a).toMatchObject({ usualIntervalDays: 10, lastPurchase: '2026-01-21', silentDays: 39, overdue: true });
    expect(b).toMatchObject({ usualIntervalDays: 54, silentDays: 4, overdue: false });
  });
});

describe('the month plan', () => {
  it('is last month + 10% by default, per currency, with progress so far', () => {
    const now = Date.parse('2026-01-15T12:00:00Z');
    const purchases = [sale('a', '2025-12-31', 1000), sale('b', '2025-12-01', 1000), sale('a', '2026-01-10', 1100), sale('a', '2026-01-12', 0), sale('c', '2025-12-05', 500, 'USD')];
    const plans = monthPlans({ purchases, now, timeZone: KYIV });
    expect(plans.map((plan) => [plan.currency, plan.month, plan.basis, plan.plan, plan.actual, plan.nextMonth, plan.nextPlan])).toEqual([
      ['EUR', '2026-01', 2000, 2200, 1100, '2026-02', 1210],
      ['USD', '2026-01', 500, 550, 0, '2026-02', 0],
    ]);
    expect(plans[0]!.progress).toBeCloseTo(0.5);
    expect(plans[0]!.monthElapsed).toBeCloseTo(15 / 31);
  });

  it('takes the growth from the settings, and lowers the basis by refunds', () => {
    expect(planGrowthPercent({ planGrowthPercent: 25 })).toBe(25);
    expect(planGrowthPercent({ planGrowthPercent: null })).toBe(10);
    expect(planGrowthPercent({ planGrowthPercent: 5_000 })).toBe(10);
    const plans = monthPlans({ purchases: [sale('a', '2026-02-03', 1000), sale('a', '2026-02-04', -200)], now: Date.parse('2026-03-02T08:00:00Z'), timeZone: KYIV, growthPercent: 25 });
    expect(plans[0]).toMatchObject({ basis: 800, plan: 1000, actual: 0, progress: 0 });
  });
});

describe('segments', () => {
  it('cuts A/B/C at 80% and 95% of each currency\'s revenue', () => {
    const range = { from: '2026-01-01', to: '2026-12-31' };
    const purchases = [sale('a', '2026-02-01', 700), sale('b', '2026-02-01', 200), sale('c', '2026-02-01', 60), sale('d', '2026-02-01', 40), sale('x', '2026-02-01', 10, 'UAH'), sale('z', '2025-12-31', 9999)];
    const [eur, uah] = abcSegments({ purchases, range });
    expect(eur!.clients.map((client) => [client.clientId, client.group])).toEqual([
      ['a', 'A'],
      ['b', 'A'],
      ['c', 'B'],
      ['d', 'C'],
    ]);
    expect(eur!.revenue).toEqual({ A: 900, B: 60, C: 40 });
    expect(uah!.clients).toEqual([{ clientId: 'x', group: 'A', revenue: 10 }]);
  });

  it('rates churn risk against each client\'s rhythm, one-time buyers against the team\'s', () => {
    const now = Date.parse('2026-04-10T09:00:00Z');
    const purchases = [
      sale('steady', '2026-03-01'), sale('steady', '2026-03-31'), // every 30 days, 10 days silent
      sale('late', '2025-12-01'), sale('late', '2026-01-01'), // every 31 days, 99 days silent: 3.2x
      sale('once', '2026-02-20'), // 49 days silent against the team's 30.5
      sale('refund-only', '2026-04-01', -100),
    ];
    const { clients, counts, teamIntervalDays } = churnRisk({ purchases, now, timeZone: KYIV });
    expect(teamIntervalDays).toBe(30.5);
    expect(clients.map((client) => [client.clientId, client.risk, client.teamInterval])).toEqual([
      ['late', 'lost', false],
      ['once', 'high', true],
      ['steady', 'low', false],
    ]);
    expect(counts).toEqual({ low: 1, medium: 0, high: 1, lost: 1 });
  });
});

describe('cross-sell, questionnaires, objections', () => {
  const range = { from: '2026-01-01', to: '2026-01-31' };
  const at = (iso: string) => Date.parse(iso);

  it('counts offers per rule in the range, by the manager\'s local day', () => {
    const offers: OfferRecord[] = [
      { clientId: 'a', ruleId: 'tyres', status: 'accepted', updatedAt: at('2026-01-10T10:00:00Z') },
      { clientId: 'b', ruleId: 'tyres', status: 'declined', updatedAt: at('2026-01-11T10:00:00Z') },
      { clientId: 'c', ruleId: 'tyres', status: 'offered', updatedAt: at('2026-01-31T22:30:00Z') }, // 1 Feb in Kyiv
      { clientId: 'c', ruleId: 'mats', status: 'offered', updatedAt: at('2025-12-31T22:30:00Z') }, // 1 Jan in Kyiv
    ];
    const book = { crossSell: [{ id: 'mats', title: 'Mats' }, { id: 'tyres', title: 'Tyres' }] } as unknown as Pick<SalesBook, 'crossSell'>;
    expect(crossSellByRule({ offers, range, timeZone: KYIV, book })).toEqual([
      { ruleId: 'mats', title: 'Mats', offered: 1, accepted: 0, declined: 0, open: 1, acceptance: null },
      { ruleId: 'tyres', title: 'Tyres', offered: 2, accepted: 1, declined: 1, open: 0, acceptance: 0.5 },
    ]);
  });

  it('measures questionnaire completion by important and by all questions', () => {
    const book = {
      questionnaires: [{ id: 'q', title: 'Negotiation', questions: [{ id: 'budget', important: true }, { id: 'suppliers', important: true }, { id: 'hobby', important: false }] }],
    } as unknown as Pick<SalesBook, 'questionnaires'>;
    const answer = (clientId: string, questionId: string, value: string | number | null, updatedAt = at('2026-01-05T10:00:00Z')) => ({ clientId, questionId, questionnaireId: 'q', value, updatedAt });
    const answers = [
      answer('a', 'budget', 1000), answer('a', 'suppliers', 'Acme'), answer('a', 'hobby', 'fishing'),
      answer('b', 'budget', 500), answer('b', 'suppliers', 'Acme', at('2025-11-01T10:00:00Z')), answer('b', 'hobby', '  '),
      answer('c', 'budget', null),
      answer('d', 'budget', 1, at('2025-10-01T10:00:00Z')),
    ];
    expect(questionnaireCompletion({ answers, range, timeZone: KYIV, book })).toEqual([
      { questionnaireId: 'q', title: 'Negotiation', questions: 3, started: 2, essentialsAnswered: 2, completed: 1, completion: 0.5, answeredPerQuestion: { budget: 2, suppliers: 2, hobby: 1 } },
    ]);
  });

  it('groups unanswered objections by their words, most heard first', () => {
    const objection = (id: string, text: string, clientId: string | null, createdAt: number) => ({ id, text, clientId, bookId: 'en', createdAt });
    const result = unansweredObjections({
      objections: [
        objection('1', 'Too far to drive', 'a', at('2026-01-02T10:00:00Z')),
        objection('2', 'too far  to drive!', 'b', at('2026-01-03T10:00:00Z')),
        objection('3', 'Too far to drive', 'a', at('2026-01-04T10:00:00Z')),
        objection('4', 'We use Excel', null, at('2026-01-05T10:00:00Z')),
        objection('5', 'Old one', 'a', at('2025-12-01T10:00:00Z')),
      ],
      range,
      timeZone: KYIV,
    });
    expect(result).toEqual({
      total: 4,
      phrases: [
        { text: 'Too far to drive', count: 3, clients: 2, lastAt: at('2026-01-04T10:00:00Z') },
        { text: 'We use Excel', count: 1, clients: 0, lastAt: at('2026-01-05T10:00:00Z') },
      ],
    });
  });
});

describe('cold calls', () => {
  const call = (clientId: string, doneAt: string, outcome: CallTouch['outcome'], channel = 'call'): CallTouch => ({
    clientId, state: 'done', channel, outcome, outcomeAt: Date.parse(doneAt), updatedAt: Date.parse(doneAt),
  });

  it('counts calls to clients who have not bought yet, per day and month against the plan', () => {
    // 2026-01-30 is a Friday, 31 Jan and 1 Feb the weekend, 2 Feb a Monday.
    const range = { from: '2026-01-30', to: '2026-02-02' };
    const touches = [
      call('new-1', '2026-01-30T08:00:00Z', 'reached'),
      call('new-2', '2026-01-30T09:00:00Z', 'no-answer'),
      call('buyer', '2026-01-30T10:00:00Z', 'reached'), // bought before: not cold
      call('new-3', '2026-01-30T10:00:00Z', 'reached', 'email'), // not a call
      call('later-buyer', '2026-02-01T22:30:00Z', 'not-interested'), // 2 Feb in Kyiv, before the purchase
      { ...call('new-1', '2026-02-02T08:00:00Z', null), state: 'due' as const },
    ];
    const purchases = [sale('buyer', '2025-06-01'), sale('later-buyer', '2026-02-10')];
    const figures = coldCalls({ touches, purchases, range, timeZone: KYIV, perDayPlan: 20 });
    expect(figures.days.map((day) => [day.date, day.calls, day.reached, day.noAnswer, day.notInterested, day.plan])).toEqual([
      ['2026-01-30', 2, 1, 1, 0, 20],
      ['2026-01-31', 0, 0, 0, 0, 0],
      ['2026-02-01', 0, 0, 0, 0, 0],
      ['2026-02-02', 1, 0, 0, 1, 20],
    ]);
    expect(figures.months).toEqual([
      { month: '2026-01', calls: 2, reached: 1, plan: 20 },
      { month: '2026-02', calls: 1, reached: 0, plan: 20 },
    ]);
    expect(figures).toMatchObject({ total: 3, plan: 40 });
    expect(coldCalls({ touches, purchases, range, timeZone: KYIV }).plan).toBeNull();
  });
});

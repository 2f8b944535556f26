import { describe, expect, it } from 'vitest';
import { buildDayDocs, daysToRefresh } from '../../../lib/team/aggregate';
import { DayDocBodySchema } from '../../../lib/team/docs';
import { makeClient } from '../factories';
import { makeContext, makeObjection, makePurchase, makeTouch, noon } from './team-factories';

describe('the day documents', () => {
  const purchases = [
    makePurchase({ clientId: 'c1', day: '2026-02-02', amount: 200 }),
    makePurchase({ clientId: 'c1', day: '2026-03-10', amount: 300 }), // repeat
    makePurchase({ clientId: 'c2', day: '2026-03-10', amount: 100 }), // first
    makePurchase({ clientId: 'c3', day: '2026-03-10', amount: 50, currency: 'USD' }),
  ];
  const touches = [
    makeTouch({ state: 'done', outcome: 'reached', clientId: 'c1', dueAt: noon('2026-03-10'), outcomeAt: noon('2026-03-10') + 60_000 }),
    makeTouch({ state: 'due', dueAt: noon('2026-03-10') }), // overdue by the 12th
    makeTouch({ state: 'planned', dueAt: noon('2026-03-11') }),
  ];
  const objections = [
    makeObjection({ text: 'Too expensive', clientId: 'c1' }),
    makeObjection({ text: 'too  expensive!', clientId: 'c2' }),
    makeObjection({ text: 'We use a competitor', createdAt: noon('2026-03-11') }),
  ];

  it("holds one day's Insights figures, per currency, and objections as text without clients", () => {
    const [doc] = buildDayDocs({ purchases, touches, objections }, ['2026-03-10'], makeContext());
    expect(DayDocBodySchema.parse(doc)).toEqual(doc);
    expect(doc!.touches).toEqual({ done: 1, open: 0, overdue: 1, skipped: 0, missed: 0 });
    expect(doc!.revenue.byCurrency).toEqual({ EUR: { total: 400, repeat: 300 }, USD: { total: 50, repeat: 0 } });
    expect(doc!.revenue).toMatchObject({ purchases: 3, repeatPurchases: 1, clients: 3, repeatClients: 1 });
    expect(doc!.objections).toEqual([{ text: 'too  expensive!', count: 2 }]);
    // February's EUR 200 + 10% is March's plan; March had 400 by the 10th.
    expect(doc!.plans.find((plan) => plan.currency === 'EUR')).toMatchObject({ month: '2026-03', basis: 200, plan: 220, actual: 400 });
    expect(doc!.top).toBeNull();
    expect(doc!.clientOutcomes).toBeNull();
    expect(JSON.stringify(doc)).not.toMatch(/"c[123]"/);
  });

  it('adds the TOP-50 ids and client outcomes only when the team policy turns them on', () => {
    const clients = new Map([['c1', makeClient({ id: 'c1', records: [{ origin: 'https://crm.example.com', recordId: '42', url: 'https://crm.example.com/42', source: 'x', seenAt: 0 }] })]]);
    const [doc] = buildDayDocs({ purchases, touches, objections, clients }, ['2026-03-10'], makeContext({ policy: { topClients: true, clientOutcomes: true } }));
    // c1 bought on 2 February too, in the 30 days before: only c2 entered the list.
    expect(doc!.top?.find((list) => list.currency === 'EUR')).toEqual({ currency: 'EUR', ids: ['c1', 'c2'], entered: 1, dropped: 0 });
    expect(doc!.clientOutcomes).toEqual([{ record: 'https://crm.example.com|42', programmeId: 'durable', outcome: 'reached', at: noon('2026-03-10') + 60_000 }]);
  });

  it('files a client outcome under the day it was recorded, and the touch under the day it was due', () => {
    const clients = new Map([['c1', makeClient({ id: 'c1', records: [{ origin: 'https://crm.example.com', recordId: '42', url: 'https://crm.example.com/42', source: 'x', seenAt: 0 }] })]]);
    // Due in February, called on 10 March.
    const late = makeTouch({ state: 'done', outcome: 'not-interested', clientId: 'c1', dueAt: noon('2026-02-03'), outcomeAt: noon('2026-03-10') });
    const [february, march] = buildDayDocs({ purchases, touches: [late], objections: [], clients }, ['2026-02-03', '2026-03-10'], makeContext({ policy: { topClients: false, clientOutcomes: true } }));
    expect(february!.touches.done).toBe(1);
    expect(february!.clientOutcomes).toEqual([]);
    expect(march!.touches.done).toBe(0);
    expect(march!.clientOutcomes).toEqual([expect.objectContaining({ record: 'https://crm.example.com|42', outcome: 'not-interested' })]);
  });

  it('recounts the last week and every day missed since the last refresh', () => {
    expect(daysToRefresh('2026-03-12', null)).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12']);
    expect(daysToRefresh('2026-03-12', '2026-02-20')[0]).toBe('2026-02-20');
    expect(daysToRefresh('2026-03-12', '2025-01-01')).toHaveLength(62);
  });
});

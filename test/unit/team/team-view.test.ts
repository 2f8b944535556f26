import { describe, expect, it } from 'vitest';
import { ObjectionSchema } from '../../../lib/book/schema';
import { dayDocId, type DayDoc } from '../../../lib/team/docs';
import { periodEnd } from '../../../lib/team/lead';
import { objectionDraft, periodRange, teamView } from '../../../lib/team/team-view';
import { makeDayBody } from './team-factories';

const doc = (overrides: Parameters<typeof makeDayBody>[0] = {}): DayDoc => {
  const body = makeDayBody(overrides);
  return { ...body, _id: dayDocId(body.managerId, body.day), _rev: '1-x' };
};

describe('a shared client base', () => {
  const outcome = (record: string, outcome: 'reached' | 'no-answer' | 'rescheduled' | 'not-interested', at: number) => ({ record, programmeId: 'durable', outcome, at });
  const crm = 'https://crm.example';

  it('is left out when no manager shares client outcomes', () => {
    expect(teamView([doc({ managerId: 'anna' }), doc({ managerId: 'bob' })], { from: '2026-03-01', to: '2026-03-31' }).sharedClients).toBeNull();
  });

  it('lists per CRM record who touched the client and the latest outcome, clients of several managers first', () => {
    const docs = [
      doc({ managerId: 'anna', managerName: 'Anna', day: '2026-03-09', clientOutcomes: [outcome(`${crm}|42`, 'no-answer', 100), outcome(`${crm}|7`, 'reached', 150)] }),
      doc({ managerId: 'bob', managerName: 'Bob', day: '2026-03-10', clientOutcomes: [outcome(`${crm}|42`, 'reached', 300)] }),
      doc({ managerId: 'anna', managerName: 'Anna', day: '2026-03-10', clientOutcomes: [outcome(`${crm}|9`, 'not-interested', 200)] }),
      // Outside the period, and a manager whose policy keeps outcomes home.
      doc({ managerId: 'bob', managerName: 'Bob', day: '2026-02-01', clientOutcomes: [outcome(`${crm}|42`, 'rescheduled', 999)] }),
      doc({ managerId: 'carol', managerName: 'Carol', day: '2026-03-10', clientOutcomes: null }),
    ];
    const rows = teamView(docs, { from: '2026-03-04', to: '2026-03-10' }).sharedClients!;
    expect(rows.map((row) => [row.record, row.touches, row.managers.map((manager) => manager.managerId), row.last.outcome, row.last.managerName])).toEqual([
      [`${crm}|42`, 2, ['anna', 'bob'], 'reached', 'Bob'],
      [`${crm}|9`, 1, ['anna'], 'not-interested', 'Anna'],
      [`${crm}|7`, 1, ['anna'], 'reached', 'Anna'],
    ]);
  });
});

describe("the lead's team view", () => {
  const docs = [
    doc({ managerId: 'anna', managerName: 'Anna', day: '2026-03-09', touches: { done: 3, open: 1, overdue: 1, skipped: 0, missed: 0 }, objections: [{ text: 'Too expensive', count: 2 }] }),
    doc({
      managerId: 'anna',
      managerName: 'Anna',
      day: '2026-03-10',
      touches: { done: 2, open: 0, overdue: 0, skipped: 1, missed: 0 },
      revenue: { purchases: 2, repeatPurchases: 1, clients: 2, repeatClients: 1, byCurrency: { EUR: { total: 300, repeat: 100 }, USD: { total: 50, repeat: 50 } } },
      top: [{ currency: 'EUR', ids: ['c1', 'c2'], entered: 1, dropped: 3 }],
      plans: [{ currency: 'EUR', month: '2026-03', basis: 1000, plan: 1100, actual: 550, monthElapsed: 0.32 }],
    }),
    doc({ managerId: 'bob', managerName: 'Bob', day: '2026-03-10', objections: [{ text: 'too expensive!', count: 1 }, { text: 'We need to ask the boss', count: 1 }] }),
    doc({ managerId: 'bob', managerName: 'Bob', day: '2026-02-01', objections: [{ text: 'Out of range', count: 9 }] }),
  ];

  it('adds up each manager over the period, side by side', () => {
    const { managers } = teamView(docs, { from: '2026-03-04', to: '2026-03-10' });
    expect(managers.map((row) => row.managerName)).toEqual(['Anna', 'Bob']);
    const [anna, bob] = managers;
    expect(anna).toMatchObject({ days: 2, lastDay: '2026-03-10', done: 5, due: 8, overdue: 1 });
    // 100 + 100 repeat of 100 + 300 EUR; dollars apart.
    expect(anna!.repeat).toEqual([
      { currency: 'EUR', total: 400, repeat: 200, share: 0.5 },
      { currency: 'USD', total: 50, repeat: 50, share: 1 },
    ]);
    expect(anna!.top).toEqual([{ currency: 'EUR', size: 2, entered: 1, dropped: 3 }]);
    expect(anna!.plans[0]).toMatchObject({ plan: 1100, actual: 550 });
    expect(bob).toMatchObject({ days: 1, top: null });
  });

  it("ranks the team's unanswered objections by how often they were heard", () => {
    expect(teamView(docs, { from: '2026-03-04', to: '2026-03-10' }).objections).toEqual([
      { text: 'too expensive!', count: 3, managers: 2 },
      { text: 'We need to ask the boss', count: 1, managers: 1 },
    ]);
  });

  it('shows one wording for an objection heard on the same day, whatever order the documents arrive in', () => {
    const sameDay = [
      doc({ managerId: 'anna', managerName: 'Anna', day: '2026-03-10', objections: [{ text: 'Too expensive', count: 1 }] }),
      doc({ managerId: 'bob', managerName: 'Bob', day: '2026-03-10', objections: [{ text: 'too expensive!', count: 1 }] }),
    ];
    const range = { from: '2026-03-04', to: '2026-03-10' };
    const expected = [{ text: 'Too expensive', count: 2, managers: 2 }];
    expect(teamView(sameDay, range).objections).toEqual(expected);
    expect(teamView([...sameDay].reverse(), range).objections).toEqual(expected);
    // The wording heard more that day wins over the collation order.
    const louder = [sameDay[0]!, doc({ managerId: 'bob', managerName: 'Bob', day: '2026-03-10', objections: [{ text: 'too expensive!', count: 3 }] })];
    expect(teamView(louder, range).objections[0]?.text).toBe('too expensive!');
    expect(teamView([...louder].reverse(), range).objections[0]?.text).toBe('too expensive!');
  });

  it('drafts a valid sales-book entry for an objection, with the same id each time', () => {
    const draft = objectionDraft('  Слишком дорого ', 'Write the answer here');
    expect(ObjectionSchema.parse(draft)).toEqual(draft);
    expect(draft).toMatchObject({ category: 'other', phrasings: ['Слишком дорого'], responses: [{ text: 'Write the answer here' }] });
    expect(draft.id).toMatch(/^team-[a-z0-9]+$/);
    expect(objectionDraft('слишком  дорого', 'x').id).toBe(draft.id);
  });

  it('turns the presets into days', () => {
    expect(periodRange('7', '2026-03-10')).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(periodRange('30', '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(periodRange('month', '2026-03-10')).toEqual({ from: '2026-03-01', to: '2026-03-10' });
  });

  it("ends the period tomorrow only when a manager east of the lead is already there", () => {
    expect(periodEnd('2026-03-10', [{ day: '2026-03-09' }])).toBe('2026-03-10');
    expect(periodEnd('2026-03-10', [{ day: '2026-03-11' }])).toBe('2026-03-11');
    expect(periodEnd('2026-03-10', [{ day: '2026-04-11' }])).toBe('2026-03-10');
  });
});

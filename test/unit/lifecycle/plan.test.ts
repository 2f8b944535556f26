import { describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import type { Programme } from '../../../lib/book/schema';
import type { ClientRecord, EventRecord, TouchRecord } from '../../../lib/db/schema';
import { applyEventChanges, callbackRequest, deriveEvents, managerEvent, reconcileEvents } from '../../../lib/lifecycle/events';
import { planClient, planTouches, touchId } from '../../../lib/lifecycle/plan';
import type { TouchChanges } from '../../../lib/lifecycle/reconcile';
import { formatLocalDate, toLocal } from '../../../lib/lifecycle/time';
import type { WorkingTime } from '../../../lib/lifecycle/working-time';
import { makeClient } from '../factories';
import { at, KYIV, makeBook, makeEvent, makeProgramme, makeTouchTemplate, NEW_YORK, OFFICE } from './factories';

/** Any day of the week, 09:00-18:00: date-only events land at 09:00 and stay on their day. */
const ANY_DAY: WorkingTime = { workingDays: [], workDayStart: '09:00', workDayEnd: '18:00', vacation: null };

interface Scenario {
  programmes?: Programme[];
  book?: ReturnType<typeof makeBook>;
  client?: ClientRecord;
  events?: EventRecord[];
  now: number;
  zone?: string;
  working?: WorkingTime;
  existing?: TouchRecord[];
}

/** Events from the card plus any given, then the plan against what is stored. */
function plan({ programmes = [], book = makeBook(programmes), client = makeClient({ birthday: null }), events = [], now, zone = KYIV, working = ANY_DAY, existing = [] }: Scenario): TouchChanges {
  const derived = applyEventChanges([], reconcileEvents([], deriveEvents({ client, customDateFields: [], now })));
  return planTouches({ book, client, events: [...derived, ...events], now, timeZone: zone, working, existing });
}

/** "templateId@local date time state" lines, by due time: what a manager would read. */
function summary(touches: readonly TouchRecord[], zone = KYIV): string[] {
  return [...touches]
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
    .map((touch) => {
      const local = toLocal(touch.dueAt, zone);
      const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
      return `${touch.templateId} ${formatLocalDate(local)} ${time} ${touch.state}`;
    });
}

/** Stores a plan's writes on top of what was stored. */
function apply(existing: readonly TouchRecord[], changes: TouchChanges): TouchRecord[] {
  const byId = new Map(existing.map((touch) => [touch.id, touch]));
  for (const id of changes.delete) byId.delete(id);
  for (const touch of changes.put) byId.set(touch.id, touch);
  return [...byId.values()];
}

const car = (purchasedAt: string) => makeClient({ birthday: null, products: [{ name: 'Skoda Octavia', category: 'Car', purchasedAt }] });

const CHAIN = makeProgramme({
  id: 'car-chain',
  appliesTo: { categories: ['car'] },
  touches: [
    makeTouchTemplate({ id: 'week', after: 'P1W' }),
    makeTouchTemplate({ id: 'month', after: 'P1M' }),
    makeTouchTemplate({ id: 'quarter', after: 'P3M' }),
    makeTouchTemplate({ id: 'half-year', after: 'P6M' }),
    makeTouchTemplate({ id: 'year', after: 'P12M' }),
  ],
});

describe('touches after an anchor', () => {
  it('plans the whole chain from a purchase: +1 week, +1 month, +3, +6 and +12 months', () => {
    const { put, delete: removed } = plan({ programmes: [CHAIN], client: car('2025-01-31'), now: at('2025-01-31 12:00', KYIV) });
    expect(removed).toEqual([]);
    expect(summary(put)).toEqual([
      'week 2025-02-07 09:00 planned',
      'month 2025-02-28 09:00 planned',
      'quarter 2025-04-30 09:00 planned',
      'half-year 2025-07-31 09:00 planned',
      'year 2026-01-31 09:00 planned',
    ]);
  });

  it('builds ids from client, programme, template and anchor event, and fills the touch from the book', () => {
    const { put } = plan({ programmes: [CHAIN], client: car('2025-01-31'), now: at('2025-01-31 12:00', KYIV) });
    const week = put.find((touch) => touch.templateId === 'week')!;
    expect(week.id).toBe(touchId('client-1', 'car-chain', 'week', week.anchorEventId!));
    expect(week.anchorEventId).toMatch(/^purchase-/);
    expect(week).toMatchObject({
      clientId: 'client-1',
      programmeId: 'car-chain',
      programmeName: 'After the purchase',
      priority: 10,
      goal: 'Follow up',
      role: 'Sales manager',
      roleId: 'sales-manager',
      channel: 'call',
      script: 'Hello {{client.firstName}}',
      source: 'plan',
      expiresAt: null,
      outcome: null,
    });
  });

  it('keeps 09:00 local across the Kyiv and New York clock changes', () => {
    const kyiv = plan({ programmes: [CHAIN], client: car('2025-03-25'), now: at('2025-03-25 12:00', KYIV) });
    const week = kyiv.put.find((touch) => touch.templateId === 'week')!;
    expect(new Date(week.dueAt).toISOString()).toBe('2025-04-01T06:00:00.000Z');
    expect(summary([week])).toEqual(['week 2025-04-01 09:00 planned']);

    const ny = plan({ programmes: [CHAIN], client: car('2025-10-29'), now: at('2025-10-29 12:00', NEW_YORK), zone: NEW_YORK });
    const nyWeek = ny.put.find((touch) => touch.templateId === 'week')!;
    expect(new Date(nyWeek.dueAt).toISOString()).toBe('2025-11-05T14:00:00.000Z');
    const nySpring = plan({ programmes: [CHAIN], client: car('2025-03-05'), now: at('2025-03-05 12:00', NEW_YORK), zone: NEW_YORK });
    expect(summary(nySpring.put, NEW_YORK).slice(0, 2)).toEqual(['week 2025-03-12 09:00 planned', 'month 2025-04-05 09:00 planned']);
  });

  it('lands a year after 29 February on 28 February', () => {
    const { put } = plan({ programmes: [CHAIN], client: car('2024-02-29'), now: at('2024-02-29 12:00', KYIV) });
    expect(summary(put).at(-1)).toBe('year 2025-02-28 09:00 planned');
  });

  it('moves touches off weekends and into working hours', () => {
    // 2025-06-02 is a Monday: +5 days is Saturday, +6 is Sunday.
    const programme = makeProgramme({ touches: [makeTouchTemplate({ id: 'sat', after: 'P5D' }), makeTouchTemplate({ id: 'late', after: 'P1DT10H' })] });
    const { put } = plan({ programmes: [programme], client: car('2025-06-02'), now: at('2025-06-02 08:00', KYIV), working: OFFICE });
    expect(summary(put)).toEqual(['late 2025-06-04 09:00 planned', 'sat 2025-06-09 09:00 planned']);
  });

  it('shifts touches that fall in the vacation to the first working slot after it', () => {
    const away: WorkingTime = { ...OFFICE, vacation: { from: '2025-06-06', to: '2025-06-15' } };
    const programme = makeProgramme({ touches: [makeTouchTemplate({ id: 'inside', after: 'P1W' }), makeTouchTemplate({ id: 'after', after: 'P3W' })] });
    const { put } = plan({ programmes: [programme], client: car('2025-06-02'), now: at('2025-06-02 12:00', KYIV), working: away });
    expect(summary(put)).toEqual(['inside 2025-06-16 09:00 planned', 'after 2025-06-23 09:00 planned']);
  });
});

describe('repeating touches (consumables)', () => {
  const consumables = makeProgramme({
    id: 'consumables',
    appliesTo: { categories: ['consumables'] },
    touches: [makeTouchTemplate({ id: 'restock', after: 'P2M', repeatEvery: 'P2M' })],
  });
  const buyer = makeClient({ birthday: null, products: [{ name: 'Water filters', category: 'Consumables', purchasedAt: '2025-01-10' }] });

  it('repeats up to the horizon; the run overtaken by a later one is not planned, the current one is due', () => {
    const { put } = plan({ programmes: [consumables], client: buyer, now: at('2025-06-10 12:00', KYIV) });
    expect(summary(put)).toEqual([
      'restock 2025-05-10 09:00 due',
      'restock 2025-07-10 09:00 planned',
      'restock 2025-09-10 09:00 planned',
      'restock 2025-11-10 09:00 planned',
      'restock 2026-01-10 09:00 planned',
      'restock 2026-03-10 09:00 planned',
      'restock 2026-05-10 09:00 planned',
      'restock 2026-07-10 09:00 planned',
    ]);
    const due = put.find((touch) => touch.state === 'due')!;
    expect(due.occurrence).toMatch(/#1$/);
    expect(due.expiresAt).toBe(at('2025-07-10 09:00', KYIV));
  });

  it('stops repeating where the condition says (at most a year after the purchase)', () => {
    const yearOnly = { ...consumables, touches: [{ ...consumables.touches[0]!, condition: { maxDaysSinceAnchor: 365 } }] };
    const { put } = plan({ programmes: [yearOnly], client: buyer, now: at('2025-06-10 12:00', KYIV) });
    expect(summary(put).at(-1)).toBe('restock 2026-01-10 09:00 planned');
  });

  it('bounds the number of runs of a fast repeat', () => {
    const daily = makeProgramme({ touches: [makeTouchTemplate({ id: 'daily', after: 'P1D', repeatEvery: 'P1D' })] });
    const { put } = plan({ programmes: [daily], client: car('2020-01-01'), now: at('2025-06-10 12:00', KYIV) });
    expect(put).toHaveLength(24);
    expect(summary(put)[0]).toBe('daily 2025-06-10 09:00 due');
  });

  it('marks the overtaken run missed when the next one comes', () => {
    const june = at('2025-06-10 12:00', KYIV);
    const stored = apply([], plan({ programmes: [consumables], client: buyer, now: june }));
    const august = at('2025-08-01 12:00', KYIV);
    const { put, delete: removed } = plan({ programmes: [consumables], client: buyer, now: august, existing: stored });
    expect(removed).toEqual([]);
    expect(summary(put)).toEqual(['restock 2025-05-10 09:00 missed', 'restock 2025-07-10 09:00 due']);
  });
});

describe('yearly windows and dates', () => {
  const tyres = makeProgramme({
    id: 'tyres',
    anchor: { kind: 'none' },
    appliesTo: { categories: ['tyres'] },
    touches: [
      makeTouchTemplate({ id: 'summer', window: { from: '03-01', to: '04-30' } }),
      makeTouchTemplate({ id: 'winter', window: { from: '10-01', to: '11-30' } }),
    ],
  });
  const tyreBuyer = makeClient({ birthday: null, products: [{ name: 'Nokian', category: 'Tyres', purchasedAt: null }] });

  it('plans the open window as due now and the coming ones as planned', () => {
    const { put } = plan({ programmes: [tyres], client: tyreBuyer, now: at('2025-10-20 12:00', KYIV) });
    expect(summary(put)).toEqual([
      'winter 2025-10-01 09:00 due',
      'summer 2026-03-01 09:00 planned',
      'winter 2026-10-01 09:00 planned',
    ]);
    expect(put.find((touch) => touch.state === 'due')).toMatchObject({
      id: 'client-1:tyres:winter:2025-10-01',
      anchorEventId: null,
      expiresAt: at('2025-12-01', KYIV),
    });
  });

  it('misses a window nobody acted on once it closes', () => {
    const stored = apply([], plan({ programmes: [tyres], client: tyreBuyer, now: at('2025-10-20 12:00', KYIV) }));
    const { put } = plan({ programmes: [tyres], client: tyreBuyer, now: at('2025-12-02 12:00', KYIV), existing: stored });
    expect(summary(put)).toEqual(['winter 2025-10-01 09:00 missed']);
  });

  it('runs a window over New Year', () => {
    const festive = makeProgramme({ id: 'festive', anchor: { kind: 'none' }, touches: [makeTouchTemplate({ id: 'gifts', window: { from: '12-15', to: '01-15' } })] });
    const { put } = plan({ programmes: [festive], now: at('2025-01-05 12:00', KYIV) });
    expect(summary(put)).toEqual(['gifts 2024-12-15 09:00 due', 'gifts 2025-12-15 09:00 planned']);
    expect(put.find((touch) => touch.state === 'due')!.expiresAt).toBe(at('2025-01-16', KYIV));
  });

  it('plans a fixed date every year, and a birthday on its day (28 February for a 29 February birthday)', () => {
    const holidays = makeProgramme({ id: 'holidays', anchor: { kind: 'none' }, touches: [makeTouchTemplate({ id: 'new-year', annual: { date: '12-28' } })] });
    const birthdays = makeProgramme({ id: 'birthdays', anchor: { kind: 'birthday' }, touches: [makeTouchTemplate({ id: 'greeting', annual: { anchorDate: true } })] });
    const client = makeClient({ birthday: '1992-02-29' });
    const { put } = plan({ programmes: [holidays, birthdays], client, now: at('2025-01-10 12:00', KYIV) });
    // The horizon is 400 days: February 2026 is not planned yet.
    expect(summary(put)).toEqual(['greeting 2025-02-28 09:00 planned', 'new-year 2025-12-28 09:00 planned']);
    const leap = plan({ programmes: [birthdays], client, now: at('2027-12-10 12:00', KYIV) });
    expect(summary(leap.put)).toEqual(['greeting 2028-02-29 09:00 planned']);
  });

  it('greets on the day itself when first seen on the birthday', () => {
    const birthdays = makeProgramme({ id: 'birthdays', anchor: { kind: 'birthday' }, touches: [makeTouchTemplate({ id: 'greeting', annual: { anchorDate: true } })] });
    const { put } = plan({ programmes: [birthdays], client: makeClient({ birthday: '1990-05-17' }), now: at('2025-05-17 15:00', KYIV) });
    expect(summary(put)[0]).toBe('greeting 2025-05-17 09:00 due');
  });

  it('needs an anchor event for a window in an anchored programme, counted from the latest one', () => {
    const winterForBuyers = makeProgramme({
      id: 'winter-for-buyers',
      appliesTo: { categories: ['tyres'] },
      touches: [makeTouchTemplate({ id: 'winter', window: { from: '10-01', to: '11-30' }, condition: { maxDaysSinceAnchor: 500 } })],
    });
    expect(plan({ programmes: [winterForBuyers], client: tyreBuyer, now: at('2025-06-10 12:00', KYIV) }).put).toEqual([]);
    const twice = makeClient({
      birthday: null,
      products: [
        { name: 'Nokian', category: 'Tyres', purchasedAt: '2023-01-10' },
        { name: 'Michelin', category: 'Tyres', purchasedAt: '2025-01-10' },
      ],
    });
    const { put } = plan({ programmes: [winterForBuyers], client: twice, now: at('2025-06-10 12:00', KYIV) });
    expect(summary(put)).toEqual(['winter 2025-10-01 09:00 planned']);
  });
});

describe('callbacks', () => {
  const callbacks = makeProgramme({
    id: 'client-callback',
    priority: 0,
    anchor: { kind: 'callbackRequested' },
    touches: [makeTouchTemplate({ id: 'requested-callback', after: 'PT0S', goal: 'Call back as promised' })],
  });

  it('plans a one-off touch at the minute the client asked for, even outside working hours', () => {
    const when = at('2025-06-14 19:30', KYIV);
    const event = callbackRequest('client-1', when, null, at('2025-06-10 12:00', KYIV));
    const { put } = plan({ programmes: [callbacks], events: [event], now: at('2025-06-10 12:00', KYIV), working: OFFICE });
    expect(put).toEqual([expect.objectContaining({ templateId: 'requested-callback', dueAt: when, state: 'planned', anchorEventId: event.id })]);
  });

  it('still plans it when the book has no callback programme, with the note as the goal', () => {
    const event = callbackRequest('client-1', at('2025-06-12 15:00', KYIV), 'Discuss the winter tyres', at('2025-06-10 12:00', KYIV));
    const { put } = plan({ programmes: [], events: [event], now: at('2025-06-10 12:00', KYIV) });
    expect(put).toEqual([expect.objectContaining({ programmeId: 'client-callback', goal: 'Discuss the winter tyres', dueAt: event.at })]);
  });
});

describe('who a programme is for', () => {
  it('anchors on the purchases that match its products or categories, case aside', () => {
    const programme = makeProgramme({ appliesTo: { categories: ['CAR'], products: ['tractor'] } });
    const client = makeClient({
      birthday: null,
      products: [
        { name: 'Skoda Octavia', category: 'Car (used)', purchasedAt: '2025-06-01' },
        { name: 'Shampoo', category: 'Car care', purchasedAt: '2025-06-02' },
        { name: 'John Deere Tractor 6M', category: null, purchasedAt: '2025-06-03' },
        { name: 'Water filters', category: 'Consumables', purchasedAt: '2025-06-04' },
      ],
    });
    const { put } = plan({ programmes: [programme], client, now: at('2025-06-05 12:00', KYIV) });
    expect(summary(put)).toEqual(['follow-up 2025-06-08 09:00 planned', 'follow-up 2025-06-09 09:00 planned', 'follow-up 2025-06-10 09:00 planned']);
  });

  it('requires the tags and the stage when the book names them', () => {
    const programme = makeProgramme({ appliesTo: { tags: ['farm', 'agro'], stages: ['customer'] } });
    const now = at('2025-06-05 12:00', KYIV);
    const farmer = (tags: string[], stage: string) => makeClient({ birthday: null, tags, stage, products: [{ name: 'Seeds', category: null, purchasedAt: '2025-06-01' }] });
    expect(plan({ programmes: [programme], client: farmer(['Agro holding'], 'Regular customer'), now }).put).toHaveLength(1);
    expect(plan({ programmes: [programme], client: farmer(['retail'], 'Regular customer'), now }).put).toHaveLength(0);
    expect(plan({ programmes: [programme], client: farmer(['farm'], 'Lead'), now }).put).toHaveLength(0);
  });

  it('counts a purchase the manager recorded by hand, though the card lists no products', () => {
    const now = at('2025-06-05 12:00', KYIV);
    const recorded = managerEvent('client-1', 'purchase', at('2025-06-01 15:00', KYIV), { product: 'Skoda', category: 'Car' }, now, KYIV);
    const { put } = plan({ programmes: [CHAIN], client: makeClient({ birthday: null, products: [] }), events: [recorded], now });
    expect(summary(put)[0]).toBe('week 2025-06-08 09:00 planned');
  });

  it('does nothing for a purchase programme without a purchase', () => {
    expect(plan({ programmes: [CHAIN], client: makeClient({ birthday: null, products: [] }), now: at('2025-06-05 12:00', KYIV) }).put).toEqual([]);
  });
});

describe('touch conditions', () => {
  const now = at('2025-06-05 12:00', KYIV);
  const withCondition = (condition: NonNullable<Programme['touches'][number]['condition']>) =>
    makeProgramme({ touches: [makeTouchTemplate({ after: 'P7D', condition })] });
  const client = (overrides: Partial<ClientRecord> = {}) =>
    makeClient({ birthday: null, tags: ['VIP', 'alloy wheels'], stage: 'Customer', products: [{ name: 'Car', category: 'Car', purchasedAt: '2025-06-01' }], ...overrides });
  const count = (condition: Parameters<typeof withCondition>[0], overrides: Partial<ClientRecord> = {}) =>
    plan({ programmes: [withCondition(condition)], client: client(overrides), now }).put.length;

  it('checks tags any, all and none', () => {
    expect(count({ tagsAny: ['wheels', 'tuning'] })).toBe(1);
    expect(count({ tagsAny: ['tuning'] })).toBe(0);
    expect(count({ tagsAll: ['vip', 'wheels'] })).toBe(1);
    expect(count({ tagsAll: ['vip', 'tuning'] })).toBe(0);
    expect(count({ tagsNone: ['blacklist'] })).toBe(1);
    expect(count({ tagsNone: ['vip'] })).toBe(0);
  });

  it('checks stages and buyer types', () => {
    expect(count({ stages: ['customer'] })).toBe(1);
    expect(count({ stages: ['lead'] })).toBe(0);
    expect(count({ buyerTypes: ['loyal', 'advocate'] }, { buyerType: 'loyal' })).toBe(1);
    expect(count({ buyerTypes: ['loyal'] }, { buyerType: 'mercenary' })).toBe(0);
    expect(count({ buyerTypes: ['loyal'] })).toBe(0);
  });

  it('counts days since the anchor at the touch date', () => {
    expect(count({ minDaysSinceAnchor: 7 })).toBe(1);
    expect(count({ minDaysSinceAnchor: 8 })).toBe(0);
    expect(count({ maxDaysSinceAnchor: 6 })).toBe(0);
  });
});

describe('planning again', () => {
  const now = at('2025-03-01 12:00', KYIV);
  const client = car('2025-03-01');

  it('is idempotent: the same ids, nothing to write the second time', () => {
    const first = plan({ programmes: [CHAIN], client, now });
    const stored = apply([], first);
    expect(plan({ programmes: [CHAIN], client, now, existing: stored })).toEqual({ put: [], delete: [] });
    expect(plan({ programmes: [CHAIN], client, now: now + 3_600_000, existing: stored })).toEqual({ put: [], delete: [] });
    expect(planClient({ book: makeBook([CHAIN]), client, events: [], now, timeZone: KYIV, working: ANY_DAY })).toEqual([]);
  });

  it('turns planned touches due when their time comes', () => {
    const stored = apply([], plan({ programmes: [CHAIN], client, now }));
    const { put } = plan({ programmes: [CHAIN], client, now: at('2025-03-10 12:00', KYIV), existing: stored });
    expect(summary(put)).toEqual(['week 2025-03-08 09:00 due']);
  });

  it('removes future touches of a programme that left the book and keeps their history', () => {
    let stored = apply([], plan({ programmes: [CHAIN], client, now }));
    stored = stored.map((touch) => (touch.templateId === 'week' ? { ...touch, state: 'done', outcome: 'reached' } : touch));
    const { put, delete: removed } = plan({ programmes: [], client, now: at('2025-03-10 12:00', KYIV), existing: stored });
    expect(put).toEqual([]);
    expect(removed.map((id) => id.split(':')[2]).sort()).toEqual(['half-year', 'month', 'quarter', 'year']);
  });

  it('moves and rewords planned touches when the book changes, leaving closed ones as they were', () => {
    let stored = apply([], plan({ programmes: [CHAIN], client, now }));
    stored = stored.map((touch) => (touch.templateId === 'week' ? { ...touch, state: 'skipped', skipReason: 'on holiday' } : touch));
    const edited = { ...CHAIN, touches: CHAIN.touches.map((touch) => ({ ...touch, after: touch.id === 'month' ? 'P5W' : touch.after, goal: 'New goal' })) };
    const { put, delete: removed } = plan({ programmes: [edited], client, now, existing: stored });
    expect(removed).toEqual([]);
    expect(put.map((touch) => touch.templateId).sort()).toEqual(['half-year', 'month', 'quarter', 'year']);
    expect(summary(put.filter((touch) => touch.templateId === 'month'))).toEqual(['month 2025-04-05 09:00 planned']);
    expect(put.every((touch) => touch.goal === 'New goal')).toBe(true);
  });

  it('keeps a snooze, taking only new wording', () => {
    const until = at('2025-03-20 15:00', KYIV);
    const stored = apply([], plan({ programmes: [CHAIN], client, now })).map((touch) =>
      touch.templateId === 'week' ? { ...touch, state: 'snoozed' as const, snoozedUntil: until, dueAt: until } : touch,
    );
    const reworded = { ...CHAIN, touches: CHAIN.touches.map((touch) => ({ ...touch, goal: 'Reworded' })) };
    const { put } = plan({ programmes: [reworded], client, now: at('2025-03-10 12:00', KYIV), existing: stored });
    expect(put.find((touch) => touch.templateId === 'week')).toMatchObject({ state: 'snoozed', dueAt: until, snoozedUntil: until, goal: 'Reworded' });
  });

  it('removes a touch whose condition no longer holds, and leaves the manager\'s own touches alone', () => {
    const vipOnly = makeProgramme({ touches: [makeTouchTemplate({ after: 'P1M', condition: { tagsAny: ['vip'] } })] });
    const vip = makeClient({ birthday: null, tags: ['VIP'], products: [{ name: 'Car', category: 'Car', purchasedAt: '2025-03-01' }] });
    const stored = apply([], plan({ programmes: [vipOnly], client: vip, now }));
    const retry = { ...stored[0]!, id: `${stored[0]!.id}:retry-1`, source: 'manager' as const };
    const { put, delete: removed } = plan({ programmes: [vipOnly], client: { ...vip, tags: [] }, now, existing: [...stored, retry] });
    expect(put).toEqual([]);
    expect(removed).toEqual([stored[0]!.id]);
  });
});

describe('a client seen for the first time, long after the events', () => {
  it('makes only the latest past touch of each programme due; the older ones are missed', () => {
    const { put } = plan({ programmes: [CHAIN], client: car('2024-01-15'), now: at('2024-08-01 12:00', KYIV) });
    expect(summary(put)).toEqual([
      'week 2024-01-22 09:00 missed',
      'month 2024-02-15 09:00 missed',
      'quarter 2024-04-15 09:00 missed',
      'half-year 2024-07-15 09:00 due',
      'year 2025-01-15 09:00 planned',
    ]);
  });

  it('with the default English book: a car bought 100 days ago', () => {
    const now = at('2025-06-10 12:00', KYIV);
    const client = makeClient({ birthday: null, tags: [], stage: 'Customer', products: [{ name: 'Skoda Octavia', category: 'Car', purchasedAt: '2025-03-02' }] });
    const { put } = plan({ book: defaultBookFor('en'), client, now, working: OFFICE });
    const durable = put.filter((touch) => touch.programmeId === 'durable-goods');
    expect(summary(durable)).toEqual([
      'satisfaction-call 2025-03-10 09:00 missed',
      'first-month-check-in 2025-04-02 09:00 missed',
      'add-on-offer 2025-06-02 09:00 due',
      'service-reminder 2025-09-02 09:00 planned',
      'insurance-renewal 2026-03-02 09:00 planned',
    ]);
    // No service visits on the card: no trade-in call that speaks of frequent visits.
    expect(durable.find((touch) => touch.state === 'due')).toMatchObject({
      programmeName: 'Durable goods: the first year after the purchase',
      roleId: 'sales-manager',
      goal: expect.stringMatching(/additional product/),
    });
    // Programmes for other goods stay quiet; the New Year greeting goes to everyone.
    expect(new Set(put.map((touch) => touch.programmeId))).toEqual(new Set(['durable-goods', 'holidays']));
    expect(put.filter((touch) => touch.state === 'due')).toHaveLength(1);
  });
});

describe('script variants', () => {
  const withVariants = makeProgramme({
    appliesTo: { categories: ['car'] },
    touches: [
      makeTouchTemplate({
        after: 'P1M',
        script: 'Hello, how is the car?',
        variants: [
          { script: 'Hello, VIP: {{product.next}}?', condition: { tagsAny: ['vip'] } },
          { script: 'Hello, you add {{product.next}} often', condition: { recentEvents: [{ kind: 'purchase', categories: ['service'], atLeast: 1, withinDays: 60 }] } },
          { script: 'Hello {{product.next}}' },
        ],
      }),
    ],
  });
  const client = (tags: string[], products: ClientRecord['products']) => makeClient({ birthday: null, tags, products: [{ name: 'Car', category: 'Car', purchasedAt: '2025-03-01' }, ...products] });
  const variantsOf = (changes: TouchChanges) => changes.put.map((touch) => touch.scriptVariants);

  it('stores, in the book\'s order, only the variants whose conditions hold on the touch\'s day', () => {
    const now = at('2025-03-10 12:00', KYIV);
    expect(variantsOf(plan({ programmes: [withVariants], client: client([], []), now }))).toEqual([['Hello {{product.next}}']]);
    expect(variantsOf(plan({ programmes: [withVariants], client: client(['VIP'], []), now }))).toEqual([['Hello, VIP: {{product.next}}?', 'Hello {{product.next}}']]);
    const serviced = client([], [{ name: 'Oil change', category: 'Service', purchasedAt: '2025-03-20' }]);
    expect(variantsOf(plan({ programmes: [withVariants], client: serviced, now }))).toEqual([['Hello, you add {{product.next}} often', 'Hello {{product.next}}']]);
    // A visit after the touch's day (2025-04-01) does not make its variant true on that day.
    const servicedLater = client([], [{ name: 'Oil change', category: 'Service', purchasedAt: '2025-04-05' }]);
    expect(variantsOf(plan({ programmes: [withVariants], client: servicedLater, now }))).toEqual([['Hello {{product.next}}']]);
  });

  it('a touch without variants stores none', () => {
    const plain = makeProgramme({ touches: [makeTouchTemplate({ after: 'P1M' })] });
    expect(plan({ programmes: [plain], client: client([], []), now: at('2025-03-10 12:00', KYIV) }).put[0]).not.toHaveProperty('scriptVariants');
  });
});

describe('feedback after a deal in the default books', () => {
  for (const language of ['en', 'ru', 'uk', 'el'] as const) {
    it(`${language}: a call a month, the quarter's third month a detailed survey instead`, () => {
      // The card shows the deal won when Touchbook first sees it, on 1 March.
      const now = at('2025-03-01 12:00', KYIV);
      const client = makeClient({ birthday: null, tags: [], stage: 'Won', products: [] });
      const book = defaultBookFor(language);
      const { put } = plan({ book, client, now, working: ANY_DAY });
      const feedback = summary(put.filter((touch) => touch.programmeId === 'feedback-after-deal')).map((line) => line.split(' ').slice(0, 2).join(' '));
      expect(feedback.slice(0, 8)).toEqual([
        'feedback-call 2025-03-04',
        'monthly-quick-call 2025-04-01',
        'monthly-quick-call-2 2025-05-01',
        'quarterly-review 2025-06-01',
        'monthly-quick-call 2025-07-01',
        'monthly-quick-call-2 2025-08-01',
        'quarterly-review 2025-09-01',
        'monthly-quick-call 2025-10-01',
      ]);
      // One feedback touch a month at most, never two in the same month.
      const months = feedback.slice(1).map((line) => line.split(' ')[1]!.slice(0, 7));
      expect(new Set(months).size).toBe(months.length);
      // Each repeats every quarter, so the months go quick, quick, detailed, quick, quick, detailed...
      const touches = book.programmes.find((programme) => programme.id === 'feedback-after-deal')!.touches;
      expect(touches.filter((touch) => touch.repeatEvery).map((touch) => `${touch.id} ${touch.after} ${touch.repeatEvery}`)).toEqual([
        'monthly-quick-call P1M P3M',
        'monthly-quick-call-2 P2M P3M',
        'quarterly-review P3M P3M',
      ]);
      const byTemplate = Object.fromEntries(put.map((touch) => [touch.templateId, touch]));
      expect(byTemplate['monthly-quick-call-2']?.goal).toBe(byTemplate['monthly-quick-call']?.goal);
      expect(byTemplate['monthly-quick-call']?.goal).not.toBe(byTemplate['quarterly-review']?.goal);
    });
  }
});

describe('the second-purchase discount in the default books', () => {
  const granted = at('2025-03-03 12:00', KYIV);
  const withDiscount = (until: string | null, overrides: Partial<ClientRecord> = {}) =>
    makeClient({ birthday: null, tags: [], products: [], discount: { amount: '10%', until, grantedAt: granted, source: 'manager' }, ...overrides });
  const discountTouches = (changes: TouchChanges) =>
    summary(changes.put.filter((touch) => touch.programmeId === 'second-purchase-discount')).map((line) => line.split(' ').slice(0, 2).join(' '));

  for (const language of ['en', 'ru', 'uk', 'el'] as const) {
    it(`${language}: announces the next day and reminds three days before its real last day`, () => {
      const changes = plan({ book: defaultBookFor(language), client: withDiscount('2025-04-20'), now: granted, working: ANY_DAY });
      expect(discountTouches(changes)).toEqual(['discount-announcement 2025-03-04', 'discount-expiry-reminder 2025-04-17']);
    });
  }

  it('reminds three weeks after the grant when nobody wrote the last day down', () => {
    const changes = plan({ book: defaultBookFor('en'), client: withDiscount(null), now: granted, working: ANY_DAY });
    expect(discountTouches(changes)).toEqual(['discount-announcement 2025-03-04', 'discount-expiry-reminder 2025-03-24']);
  });

  it('moves the reminder when the last day changes, keeping the same touch', () => {
    const book = defaultBookFor('en');
    const first = plan({ book, client: withDiscount('2025-04-20'), now: granted, working: ANY_DAY });
    const moved = plan({ book, client: withDiscount('2025-05-10'), now: granted + 60_000, working: ANY_DAY, existing: first.put });
    const reminder = (touches: readonly TouchRecord[]) => touches.find((touch) => touch.templateId === 'discount-expiry-reminder');
    expect(summary(moved.put.filter((touch) => touch.templateId === 'discount-expiry-reminder'))).toEqual(['discount-expiry-reminder 2025-05-07 09:00 planned']);
    expect(moved.delete).toContain(reminder(first.put)!.id);
  });

  it('plans nothing for a discount that has already ended, and nothing without a discount', () => {
    const book = defaultBookFor('en');
    const ended = plan({ book, client: withDiscount('2025-03-10'), now: at('2025-03-20 12:00', KYIV), working: ANY_DAY });
    expect(discountTouches(ended)).toEqual(['discount-announcement 2025-03-04']);
    expect(ended.put.find((touch) => touch.templateId === 'discount-announcement')?.state).toBe('due');
    const none = plan({ book, client: makeClient({ birthday: null, tags: ['discount'], products: [] }), now: granted, working: ANY_DAY });
    expect(discountTouches(none)).toEqual([]);
  });
});

describe('a churn reason starts the programmes the book links to it', () => {
  const recorded = at('2025-05-05 15:00', KYIV);
  const leaving = (churnReason: string | null, overrides: Partial<ClientRecord> = {}) =>
    makeClient({ birthday: null, tags: [], products: [], churnReason, churnReasonAt: churnReason ? recorded : null, ...overrides });

  for (const language of ['en', 'ru', 'uk', 'el'] as const) {
    it(`${language}: "too expensive" brings the discount offer the day after it was recorded, and no reminder of a discount nobody granted`, () => {
      const changes = plan({ book: defaultBookFor(language), client: leaving('too-expensive'), now: recorded, working: ANY_DAY });
      const discount = changes.put.filter((touch) => touch.programmeId === 'second-purchase-discount');
      expect(summary(discount)).toEqual(['discount-announcement 2025-05-06 15:00 planned']);
    });
  }

  it('"supplier silence" restarts the chains for what the client bought, from the day it was recorded', () => {
    const client = leaving('supplier-silence', { products: [{ name: 'Skoda Octavia', category: 'Car', purchasedAt: '2022-02-01' }] });
    const changes = plan({ book: defaultBookFor('en'), client, now: recorded, working: ANY_DAY });
    const fromChurn = changes.put.filter((touch) => touch.anchorEventId?.startsWith('churn-reason-'));
    expect(new Set(fromChurn.map((touch) => touch.programmeId))).toEqual(new Set(['durable-goods']));
    expect(summary(fromChurn)[0]).toBe('satisfaction-call 2025-05-12 15:00 planned');
    // A consumables chain is for consumables buyers: a car buyer gets none.
    expect(changes.put.some((touch) => touch.programmeId === 'consumables')).toBe(false);
  });

  it('clearing the reason removes its open touches, and a reason without programmes starts none', () => {
    const book = defaultBookFor('en');
    const started = plan({ book, client: leaving('too-expensive'), now: recorded, working: ANY_DAY });
    const cleared = plan({ book, client: leaving(null), now: recorded + 60_000, working: ANY_DAY, existing: started.put });
    expect(cleared.delete).toEqual(expect.arrayContaining(started.put.filter((touch) => touch.programmeId === 'second-purchase-discount').map((touch) => touch.id)));
    const relocation = plan({ book, client: leaving('relocation'), now: recorded, working: ANY_DAY });
    expect(relocation.put.filter((touch) => touch.programmeId !== 'holidays')).toEqual([]);
  });
});

describe('touches before a date', () => {
  const policy = makeProgramme({
    id: 'policy-renewal',
    anchor: { kind: 'customDate', field: 'Policy expiry' },
    touches: [makeTouchTemplate({ id: 'renewal-call', after: undefined, before: 'P30D' })],
  });
  const expiry = (date: string) => makeEvent({ id: `custom-date-${date}`, type: 'custom-date', at: Date.parse(`${date}T00:00:00Z`), data: { date, field: 'Policy expiry' } });

  it('falls that long before the card date, at the start of the working day', () => {
    const { put } = plan({ programmes: [policy], events: [expiry('2025-09-15')], now: at('2025-06-10 12:00', KYIV) });
    expect(summary(put)).toEqual(['renewal-call 2025-08-16 09:00 planned']);
    expect(put[0]?.expiresAt).toBe(at('2025-09-16 00:00', KYIV));
  });

  it('is due now when the date is near, and gone once the date has passed', () => {
    expect(summary(plan({ programmes: [policy], events: [expiry('2025-06-20')], now: at('2025-06-10 12:00', KYIV) }).put)).toEqual(['renewal-call 2025-05-21 09:00 due']);
    expect(plan({ programmes: [policy], events: [expiry('2025-06-01')], now: at('2025-06-10 12:00', KYIV) }).put).toEqual([]);
  });
});

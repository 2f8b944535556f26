import { describe, expect, it, vi } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import {
  addTouch,
  applyPlan,
  countDue,
  dueTouches,
  newlyDue,
  nextWakeUp,
  promoteDue,
  recordOutcome,
  replanClient,
  replanClients,
  skipTouch,
  snoozeTouch,
  TouchNotFoundError,
  touchesForClient,
} from '../../../lib/db/touches';
import { TouchTransitionError } from '../../../lib/lifecycle/states';
import { makeClient, makeDb } from '../factories';
import { at, KYIV, makeBook, makeProgramme, makeTouch, makeTouchTemplate, OFFICE } from '../lifecycle/factories';

const NOW = at('2025-06-10 12:00', KYIV);
const HOUR = 3_600_000;

describe('due touches', () => {
  const touches = [
    makeTouch({ id: 'a', state: 'due', dueAt: NOW - 5 * HOUR }),
    makeTouch({ id: 'b', state: 'planned', dueAt: NOW - 2 * HOUR }),
    makeTouch({ id: 'c', state: 'snoozed', dueAt: NOW - HOUR, snoozedUntil: NOW - HOUR }),
    makeTouch({ id: 'd', state: 'planned', dueAt: NOW + HOUR }),
    makeTouch({ id: 'e', state: 'snoozed', dueAt: NOW + 2 * HOUR, snoozedUntil: NOW + 2 * HOUR }),
    makeTouch({ id: 'f', state: 'done', dueAt: NOW - 9 * HOUR }),
    makeTouch({ id: 'g', state: 'missed', dueAt: NOW - 8 * HOUR }),
    makeTouch({ id: 'h', state: 'skipped', dueAt: NOW - 7 * HOUR }),
    makeTouch({ id: 'i', state: 'due', dueAt: NOW }),
  ];

  it('lists open touches whose time has come, most overdue first, up to the limit', async () => {
    const db = makeDb();
    await db.touches.bulkPut(touches);
    expect((await dueTouches(db, NOW)).map((touch) => touch.id)).toEqual(['a', 'b', 'c', 'i']);
    expect((await dueTouches(db, NOW, 2)).map((touch) => touch.id)).toEqual(['a', 'b']);
    await expect(countDue(db, NOW)).resolves.toBe(4);
    // The badge only needs to know up to its limit.
    await expect(countDue(db, NOW, 3)).resolves.toBe(3);
    await expect(countDue(db, NOW, 100)).resolves.toBe(4);
  });

  it('knows when to wake up next: the earliest planned touch or end of a snooze', async () => {
    const db = makeDb();
    await db.touches.bulkPut(touches);
    await expect(nextWakeUp(db, NOW)).resolves.toBe(NOW + HOUR);
    await expect(nextWakeUp(db, NOW + HOUR)).resolves.toBe(NOW + 2 * HOUR);
    await expect(nextWakeUp(db, NOW + 2 * HOUR)).resolves.toBeNull();
  });

  it('finds the touches that fell due since the last check', async () => {
    const db = makeDb();
    await db.touches.bulkPut(touches);
    expect((await newlyDue(db, NOW - 3 * HOUR, NOW)).map((touch) => touch.id)).toEqual(['i']);
    await promoteDue(db, NOW);
    expect((await newlyDue(db, NOW - 3 * HOUR, NOW)).map((touch) => touch.id).sort()).toEqual(['b', 'c', 'i']);
    await expect(newlyDue(db, NOW, NOW)).resolves.toEqual([]);
  });

  it('lists a client\'s touches, history included, by due time', async () => {
    const db = makeDb();
    await db.touches.bulkPut([...touches, makeTouch({ id: 'other', clientId: 'client-2', dueAt: NOW })]);
    const mine = await touchesForClient(db, 'client-1');
    expect(mine.map((touch) => touch.id)).toEqual(['f', 'g', 'h', 'a', 'b', 'c', 'i', 'd', 'e']);
  });
});

describe('moving touches along as time passes', () => {
  it('makes ripe planned and snoozed touches due, and closed windows missed', async () => {
    const db = makeDb();
    await db.touches.bulkPut([
      makeTouch({ id: 'ripe', state: 'planned', dueAt: NOW - HOUR }),
      makeTouch({ id: 'woken', state: 'snoozed', dueAt: NOW - HOUR, snoozedUntil: NOW - HOUR }),
      makeTouch({ id: 'closed-window', state: 'due', dueAt: NOW - 50 * 24 * HOUR, expiresAt: NOW - HOUR }),
      makeTouch({ id: 'later', state: 'planned', dueAt: NOW + HOUR }),
    ]);
    const sweep = await promoteDue(db, NOW);
    expect(sweep.due.map((touch) => touch.id).sort()).toEqual(['ripe', 'woken']);
    expect(sweep.missed.map((touch) => touch.id)).toEqual(['closed-window']);
    const states = Object.fromEntries((await db.touches.toArray()).map((touch) => [touch.id, touch.state]));
    expect(states).toEqual({ ripe: 'due', woken: 'due', 'closed-window': 'missed', later: 'planned' });
    await expect(promoteDue(db, NOW)).resolves.toEqual({ due: [], missed: [] });
  });
});

describe('writing a plan', () => {
  it('writes and deletes in one transaction: a failure halfway leaves nothing changed', async () => {
    const db = makeDb();
    await db.touches.bulkPut([makeTouch({ id: 'client-1:old', dueAt: NOW + HOUR })]);
    vi.spyOn(db.touches, 'bulkDelete').mockImplementation(() => {
      throw new Error('worker stopped');
    });
    await expect(applyPlan(db, 'client-1', { put: [makeTouch({ id: 'client-1:new' })], delete: ['client-1:old'] })).rejects.toThrow('worker stopped');
    vi.restoreAllMocks();
    expect((await db.touches.toArray()).map((touch) => touch.id)).toEqual(['client-1:old']);
  });

  it('refuses a plan that carries another client\'s touch', async () => {
    const db = makeDb();
    await expect(applyPlan(db, 'client-1', { put: [makeTouch({ clientId: 'client-2' })], delete: [] })).rejects.toThrow(/client-2/);
  });

  it('never overwrites or deletes history or the manager\'s own touches, nor undoes a snooze made meanwhile', async () => {
    const db = makeDb();
    const done = makeTouch({ id: 'client-1:done', state: 'done', outcome: 'reached' });
    const retry = makeTouch({ id: 'client-1:retry', source: 'manager' });
    const snoozed = makeTouch({ id: 'client-1:snoozed', state: 'snoozed', dueAt: NOW + HOUR, snoozedUntil: NOW + HOUR });
    await db.touches.bulkPut([done, retry, snoozed]);
    await applyPlan(db, 'client-1', {
      put: [{ ...done, state: 'planned' }, { ...retry, goal: 'Changed' }, { ...snoozed, state: 'planned' }],
      delete: ['client-1:done', 'client-1:retry', 'client-1:snoozed'],
    });
    expect(await db.touches.toArray()).toEqual([done, retry, snoozed]);
  });
});

describe('re-planning a stored client', () => {
  const book = makeBook([
    makeProgramme({
      id: 'car-chain',
      appliesTo: { categories: ['car'] },
      touches: [makeTouchTemplate({ id: 'week', after: 'P1W' }), makeTouchTemplate({ id: 'quarter', after: 'P3M' })],
    }),
  ]);
  const options = { book, now: NOW, timeZone: KYIV, working: OFFICE };
  const client = makeClient({ birthday: null, stage: 'Won', products: [{ name: 'Skoda', category: 'Car', purchasedAt: '2025-06-09' }] });

  it('stores the events and touches, and a second pass changes nothing', async () => {
    const db = makeDb();
    await db.clients.put(client);
    const first = await replanClient(db, client.id, options);
    expect(first?.touches.put).toHaveLength(2);
    expect((await db.events.toArray()).map((event) => event.type).sort()).toEqual(['deal-won', 'purchase', 'stage-reached']);
    expect((await touchesForClient(db, client.id)).map((touch) => touch.templateId)).toEqual(['week', 'quarter']);
    const second = await replanClient(db, client.id, { ...options, now: NOW + HOUR });
    expect(second).toEqual({ events: { put: [], delete: [] }, touches: { put: [], delete: [] } });
  });

  it('removes future touches when the programme leaves the book and keeps what was done', async () => {
    const db = makeDb();
    await db.clients.put(client);
    await replanClient(db, client.id, options);
    const week = (await touchesForClient(db, client.id))[0]!;
    await recordOutcome(db, week.id, { outcome: 'reached' }, { now: NOW, timeZone: KYIV, working: OFFICE });
    await replanClient(db, client.id, { ...options, book: makeBook([]) });
    expect((await touchesForClient(db, client.id)).map((touch) => [touch.templateId, touch.state])).toEqual([['week', 'done']]);
  });

  it('answers null for an unknown client', async () => {
    await expect(replanClient(makeDb(), 'nobody', options)).resolves.toBeNull();
  });

  it('re-plans every client in batches, reporting progress', async () => {
    const db = makeDb();
    await db.clients.bulkPut(Array.from({ length: 5 }, (_, index) => ({ ...client, id: `client-${index}` })));
    const progress: Array<[number, number]> = [];
    const count = await replanClients(db, { ...options, book: defaultBookFor('en'), batchSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    expect(count).toBe(5);
    expect(progress).toEqual([[2, 5], [4, 5], [5, 5]]);
    expect(new Set((await db.touches.toArray()).map((touch) => touch.clientId)).size).toBe(5);
  });
  it('a batch plans each client exactly as planning it alone would, and keeps what was done', async () => {
    const book = defaultBookFor('en');
    const cards = [
      { ...client, id: 'client-0' },
      { ...client, id: 'client-1', products: [{ name: 'Tyres', category: 'consumables', purchasedAt: '2025-05-01' }] },
      { ...client, id: 'client-2', birthday: '1980-07-01', products: [] },
      { ...client, id: 'client-3', stage: 'Lost', products: [] },
      { ...client, id: 'client-4', products: [{ name: 'Boiler', category: 'construction', purchasedAt: '2024-11-20' }] },
    ];
    const alone = makeDb();
    const batched = makeDb();
    for (const db of [alone, batched]) {
      await db.clients.bulkPut(cards);
      await replanClient(db, 'client-0', { ...options, book });
      const first = (await touchesForClient(db, 'client-0'))[0]!;
      await recordOutcome(db, first.id, { outcome: 'reached' }, { now: NOW, timeZone: KYIV, working: OFFICE });
    }
    const later = { ...options, book, now: NOW + 40 * 24 * HOUR };
    for (const card of cards) await replanClient(alone, card.id, later);
    await replanClients(batched, { ...later, batchSize: 3 });

    const contents = async (db: typeof alone) => ({
      events: (await db.events.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
      touches: (await db.touches.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    });
    const expected = await contents(alone);
    expect(expected.touches.length).toBeGreaterThan(5);
    expect(expected.touches.some((touch) => touch.state === 'done')).toBe(true);
    expect(await contents(batched)).toEqual(expected);
  });
});

describe('the manager acts on a touch', () => {
  const working = { now: NOW, timeZone: KYIV, working: OFFICE };

  it('records the outcome and proposes a retry after no answer, stored only when accepted', async () => {
    const db = makeDb();
    await db.touches.put(makeTouch({ id: 't', state: 'due', dueAt: NOW - HOUR }));
    const { touch, retry } = await recordOutcome(db, 't', { outcome: 'no-answer', note: 'Voicemail' }, working);
    expect(touch).toMatchObject({ state: 'done', outcome: 'no-answer', note: 'Voicemail', outcomeAt: NOW });
    expect(retry).toMatchObject({ id: 't:retry-1', state: 'planned', source: 'manager' });
    await expect(db.touches.count()).resolves.toBe(1);
    await addTouch(db, retry!);
    await expect(db.touches.get('t:retry-1')).resolves.toMatchObject({ dueAt: at('2025-06-11 12:00', KYIV) });
    await expect(recordOutcome(db, 't:retry-1', { outcome: 'reached' }, working)).resolves.toMatchObject({ retry: null });
  });

  it('snoozes and skips', async () => {
    const db = makeDb();
    await db.touches.bulkPut([makeTouch({ id: 's', state: 'due' }), makeTouch({ id: 'k', state: 'due' })]);
    await snoozeTouch(db, 's', NOW + HOUR, NOW);
    await skipTouch(db, 'k', 'Bought elsewhere', NOW);
    await expect(db.touches.get('s')).resolves.toMatchObject({ state: 'snoozed', dueAt: NOW + HOUR });
    await expect(db.touches.get('k')).resolves.toMatchObject({ state: 'skipped', skipReason: 'Bought elsewhere' });
  });

  it('reports an unknown touch and an illegal step without writing anything', async () => {
    const db = makeDb();
    const done = makeTouch({ id: 'closed', state: 'done', outcome: 'reached' });
    await db.touches.put(done);
    await expect(snoozeTouch(db, 'missing', NOW + HOUR, NOW)).rejects.toBeInstanceOf(TouchNotFoundError);
    await expect(skipTouch(db, 'closed', 'why', NOW)).rejects.toBeInstanceOf(TouchTransitionError);
    await expect(db.touches.get('closed')).resolves.toEqual(done);
  });
});

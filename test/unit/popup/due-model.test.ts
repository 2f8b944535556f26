import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DueList, DueTouchView } from '../../../lib/background/lifecycle-service';
import type { TouchRecord } from '../../../lib/db/schema';
import type { CallListPlace } from '../../../lib/lifecycle/segments';
import { createDueModel, orderCallLists, type DueModelDeps } from '../../../lib/popup/due-model';
import { updateSettings } from '../../../lib/db/settings';
import { makeBackground, makeBookService, makeLifecycle, makeSnapshot } from '../factories';
import { at, KYIV, makeTouch, NEW_YORK } from '../lifecycle/factories';
import { daysAgo, makeClient, makeProduct } from '../suggest/factories';

const HOUR = 3_600_000;

function item(touch: Partial<TouchRecord>): DueTouchView {
  return {
    touch: makeTouch({ id: `touch-${touch.dueAt}`, ...touch }),
    client: { id: 'client-1', name: 'Anna Petrova', company: 'Acme Ltd', url: 'https://crm.example.com/contacts/42' },
  };
}

/** A due list that the fake background serves, and what the model asked of it. */
function makeDeps(list: ListInput, overrides: Partial<DueModelDeps> = {}) {
  const full = dueList(list);
  return {
    list: vi.fn<DueModelDeps['list']>(overrides.list ?? (() => Promise.resolve(full))),
    done: vi.fn<DueModelDeps['done']>(overrides.done ?? (() => Promise.resolve(null))),
    snooze: vi.fn<DueModelDeps['snooze']>(overrides.snooze ?? (() => Promise.resolve(null))),
    handOver: vi.fn<DueModelDeps['handOver']>(overrides.handOver ?? (() => Promise.resolve(null))),
  };
}

type ListInput = Pick<DueList, 'now' | 'timeZone' | 'items'> & Partial<DueList>;

/** A sales manager's due list unless the test says otherwise. */
function dueList(list: ListInput): DueList {
  return 'ownRoleIds' in list && 'handedOverTouchIds' in list ? (list as DueList) : { ownRoleIds: ['sales-manager'], handedOverTouchIds: [], ...list };
}

const ids = (items: DueTouchView[]) => items.map((view) => view.touch.id);

/** A farm call of the agricultural programme, for a client in `group` of the farm segment. */
function farmCall(id: string, dueAt: number, group: 'A' | 'B' | 'C' | null): DueTouchView {
  const ranks = { A: 0, B: 1, C: 2 };
  const callList: CallListPlace = {
    segmentId: 'farm-group',
    segmentName: 'Farm group',
    group: group === null ? null : { id: group, name: `Group ${group}`, rank: ranks[group] },
  };
  return { ...item({ id, dueAt, programmeId: 'agricultural-season' }), callList };
}

describe('due model', () => {
  it('is empty until loaded', () => {
    const model = createDueModel(makeDeps({ now: 0, timeZone: 'UTC', items: [] }));
    expect(model.list.value).toBeNull();
    expect(model.groups.value).toEqual({ overdue: [], today: [], others: [], handedOver: [] });
  });

  it("splits overdue from today at the manager's midnight, not UTC's", async () => {
    // 01:30 on 10 March in Kyiv is still 9 March in UTC.
    const now = at('2026-03-10 01:30', KYIV);
    const yesterdayEvening = item({ dueAt: at('2026-03-09 23:00', KYIV) });
    const afterMidnight = item({ dueAt: at('2026-03-10 00:15', KYIV) });
    const model = createDueModel(makeDeps({ now, timeZone: KYIV, items: [yesterdayEvening, afterMidnight] }));
    await model.load();
    expect(ids(model.groups.value.overdue)).toEqual([yesterdayEvening.touch.id]);
    expect(ids(model.groups.value.today)).toEqual([afterMidnight.touch.id]);
  });

  it('the same touches group differently in another time zone', async () => {
    // 20:00 on 9 March in New York is already 10 March in UTC and in Kyiv.
    const now = at('2026-03-09 20:00', NEW_YORK);
    const morning = item({ dueAt: at('2026-03-09 09:00', NEW_YORK) });
    const lastNight = item({ dueAt: at('2026-03-08 22:00', NEW_YORK) });
    const inNewYork = createDueModel(makeDeps({ now, timeZone: NEW_YORK, items: [lastNight, morning] }));
    const inKyiv = createDueModel(makeDeps({ now, timeZone: KYIV, items: [lastNight, morning] }));
    await Promise.all([inNewYork.load(), inKyiv.load()]);
    expect(ids(inNewYork.groups.value.today)).toEqual([morning.touch.id]);
    expect(ids(inNewYork.groups.value.overdue)).toEqual([lastNight.touch.id]);
    expect(ids(inKyiv.groups.value.today)).toEqual([]);
    expect(ids(inKyiv.groups.value.overdue)).toEqual([lastNight.touch.id, morning.touch.id]);
  });

  it('marks a touch done (reached unless told otherwise) and reloads the list', async () => {
    const deps = makeDeps({ now: at('2026-03-10 12:00', KYIV), timeZone: KYIV, items: [] });
    const model = createDueModel(deps);
    await model.load();
    await model.done('t-1');
    await model.done('t-2', 'no-answer');
    expect(deps.done.mock.calls).toEqual([
      ['t-1', 'reached'],
      ['t-2', 'no-answer'],
    ]);
    expect(deps.list).toHaveBeenCalledTimes(3);
  });

  it("snoozes by the background's clock, not the popup's", async () => {
    const now = at('2026-03-10 12:00', KYIV);
    vi.spyOn(Date, 'now').mockReturnValue(now + 99 * HOUR);
    const deps = makeDeps({ now, timeZone: KYIV, items: [] });
    const model = createDueModel(deps);
    await model.load();
    await model.snoozeFor('t-1', HOUR);
    await model.snoozeTomorrow('t-1');
    await model.snoozeUntil('t-1', now + 5 * HOUR);
    expect(deps.snooze.mock.calls).toEqual([
      ['t-1', now + HOUR],
      ['t-1', now + 24 * HOUR],
      ['t-1', now + 5 * HOUR],
    ]);
    expect(deps.list).toHaveBeenCalledTimes(4);
  });

  it('"tomorrow" keeps the time of day across a clock change', async () => {
    // Kyiv moves its clocks forward in the night to Sunday 29 March 2026: that day has 23 hours.
    const now = at('2026-03-28 10:00', KYIV);
    const deps = makeDeps({ now, timeZone: KYIV, items: [] });
    const model = createDueModel(deps);
    await model.load();
    await model.snoozeTomorrow('t-1');
    expect(deps.snooze).toHaveBeenCalledWith('t-1', at('2026-03-29 10:00', KYIV));
    expect(at('2026-03-29 10:00', KYIV) - now).toBe(23 * HOUR);
  });

  it('shows a failed action as the problem, keeps the list, and clears it on the next success', async () => {
    const list = dueList({ now: 0, timeZone: 'UTC', items: [item({ dueAt: 0 })] });
    const deps = makeDeps(list, { done: () => Promise.reject(new Error('touch not found: t-1')) });
    const model = createDueModel(deps);
    await model.load();
    await model.done('t-1');
    expect(model.problem.value).toBe('touch not found: t-1');
    expect(model.list.value).toBe(list);
    expect(deps.list).toHaveBeenCalledTimes(1);

    await model.load();
    expect(model.problem.value).toBeNull();
  });

  it('shows a failed load as the problem', async () => {
    const model = createDueModel(makeDeps({ now: 0, timeZone: 'UTC', items: [] }, { list: () => Promise.reject(new Error('no reply from the background')) }));
    await model.load();
    expect(model.problem.value).toBe('no reply from the background');
    expect(model.list.value).toBeNull();
  });
});

describe('orderCallLists', () => {
  it("puts a programme's calls in group order, A first and no group last, in the places its calls had", () => {
    const car = item({ id: 'car', dueAt: 1 * HOUR, programmeId: 'durable-goods' });
    const c = farmCall('farm-c', 2 * HOUR, 'C');
    const unknown = farmCall('farm-unknown', 3 * HOUR, null);
    const tyres = item({ id: 'tyres', dueAt: 4 * HOUR, programmeId: 'seasonal-tyres' });
    const a = farmCall('farm-a', 5 * HOUR, 'A');
    const b = farmCall('farm-b', 6 * HOUR, 'B');
    expect(ids(orderCallLists([car, c, unknown, tyres, a, b]))).toEqual(['car', 'farm-a', 'farm-b', 'tyres', 'farm-c', 'farm-unknown']);
  });

  it('keeps time order within a group and leaves a list without call lists as it is', () => {
    const early = farmCall('a-early', 1 * HOUR, 'A');
    const late = farmCall('a-late', 2 * HOUR, 'A');
    const b = farmCall('b', 0, 'B');
    expect(ids(orderCallLists([b, early, late]))).toEqual(['a-early', 'a-late', 'b']);
    const plain = [item({ id: 'x', dueAt: 2 }), item({ id: 'y', dueAt: 1 })];
    expect(ids(orderCallLists(plain))).toEqual(['x', 'y']);
  });

  it('the model orders the overdue and today groups each by call list', async () => {
    const now = at('2026-02-10 12:00', KYIV);
    const c = farmCall('c', at('2026-02-09 09:00', KYIV), 'C');
    const a = farmCall('a', at('2026-02-09 10:00', KYIV), 'A');
    const todayB = farmCall('b', at('2026-02-10 09:00', KYIV), 'B');
    const todayA = farmCall('a2', at('2026-02-10 11:00', KYIV), 'A');
    const model = createDueModel(makeDeps({ now, timeZone: KYIV, items: [c, a, todayB, todayA] }));
    await model.load();
    expect(ids(model.groups.value.overdue)).toEqual(['a', 'c']);
    expect(ids(model.groups.value.today)).toEqual(['a2', 'b']);
  });
});

describe('due model over the real lifecycle service', () => {
  beforeEach(() => fakeBrowser.reset());

  const modelOver = (bg: ReturnType<typeof makeBackground>['deps']) =>
    createDueModel({
      list: () => bg.lifecycle.due(),
      done: (touchId, outcome) => bg.lifecycle.done(touchId, outcome, null),
      snooze: (touchId, until) => bg.lifecycle.snooze(touchId, until),
      handOver: (touchId, handedOver) => bg.lifecycle.handOver(touchId, handedOver),
    });

  /** A car buyer whose service reminder is due, as the popup lists it for a manager in `roleIds`. */
  const carBuyerDueFor = async (roleIds: string[] | null) => {
    const { db, deps: bg } = makeBackground();
    if (roleIds) await updateSettings(db, { roleIds });
    await db.clients.put(makeClient({ products: [makeProduct({ purchasedAt: daysAgo(200) })] }));
    await bg.lifecycle.clientChanged('client-anna');
    const model = modelOver(bg);
    await model.load();
    return { db, model };
  };

  it("lists a car buyer's service reminder for the service advisor, with its task text, not as the sales manager's own", async () => {
    const { model } = await carBuyerDueFor(null);
    expect(model.list.value?.timeZone).toBe('Europe/Kyiv');
    expect(model.groups.value.overdue).toEqual([]);
    expect(model.groups.value.others.map((group) => [group.roleId, group.role, group.items.length])).toEqual([['service-advisor', 'Service advisor', 1]]);
    const [service] = model.groups.value.others[0]!.items;
    expect(service).toMatchObject({ client: { id: 'client-anna', name: 'Anna Petrova' }, touch: { templateId: 'service-reminder' } });
    // The script is filled from the card for whoever takes the task: no placeholder left.
    expect(service!.handOverScript).toContain('Anna');
    expect(service!.handOverScript).not.toMatch(/\{\{/);
    // Not the manager's: the badge does not count it.
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('');
  });

  it('a manager who is also the service advisor has it as their own, and done takes it off', async () => {
    const { db, model } = await carBuyerDueFor(['sales-manager', 'service-advisor']);
    const [due] = model.groups.value.overdue;
    expect(due).toMatchObject({ client: { id: 'client-anna' }, touch: { templateId: 'service-reminder' } });
    expect(due!.handOverScript).toBeUndefined();
    expect(model.groups.value.others).toEqual([]);
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('1');

    await model.done(due!.touch.id);
    expect(model.list.value?.items).toEqual([]);
    await expect(db.touches.get(due!.touch.id)).resolves.toMatchObject({ state: 'done', outcome: 'reached' });
  });

  it('a handed-over touch leaves the reminders until it is taken back', async () => {
    const { db, model } = await carBuyerDueFor(['sales-manager', 'service-advisor']);
    const id = model.groups.value.overdue[0]!.touch.id;

    await model.handOver(id, true);
    expect(ids(model.groups.value.handedOver)).toEqual([id]);
    expect(model.groups.value.overdue).toEqual([]);
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('');
    // The touch itself is untouched: handing over is the manager's list, not the client's history.
    await expect(db.touches.get(id)).resolves.toMatchObject({ state: 'due' });

    await model.handOver(id, false);
    expect(ids(model.groups.value.overdue)).toEqual([id]);
    expect(model.groups.value.handedOver).toEqual([]);
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('1');
  });

  it('handing over a touch that does not exist is an error the list shows', async () => {
    const { deps: bg } = makeBackground();
    const model = modelOver(bg);
    await model.handOver('no-such-touch', true);
    expect(model.problem.value).toContain('no-such-touch');
  });

  it('orders the February spare-parts calls by farm group, from the machines on each card', async () => {
    const { db } = makeBackground();
    const lifecycle = makeLifecycle(db, makeBookService(db), { clock: () => Promise.resolve(Date.parse('2026-02-10T09:00:00Z')) });
    const farm = (id: string, name: string, machines: string | null) => {
      const fields = machines === null ? [] : [{ label: 'Machines', value: machines }];
      return makeClient({ id, name, tags: ['farm'], products: [], birthday: null, stage: null, lastSnapshot: makeSnapshot({ fields, products: [], birthday: null, stage: null }) });
    };
    // Ids in an order of their own, so the list cannot come out right by id or by insertion.
    for (const client of [farm('farm-1', 'Small farm', '2'), farm('farm-2', 'Farm with no count', null), farm('farm-3', 'Large farm', '14'), farm('farm-4', 'Middle farm', '5')]) {
      await db.clients.put(client);
      await lifecycle.clientChanged(client.id);
    }
    const model = createDueModel({ list: () => lifecycle.due(), done: vi.fn(), snooze: vi.fn(), handOver: vi.fn() });
    await model.load();
    const calls = [...model.groups.value.overdue, ...model.groups.value.today].filter((view) => view.touch.templateId === 'spare-parts-before-repairs');
    expect(calls.map((view) => [view.client.name, view.callList?.group?.id ?? null])).toEqual([
      ['Large farm', 'A'],
      ['Middle farm', 'B'],
      ['Small farm', 'C'],
      ['Farm with no count', null],
    ]);
    expect(calls[0]?.callList).toMatchObject({ segmentId: 'farm-group', group: { name: 'Large fleet: 10 machines or more' } });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DueList, DueTouchView } from '../../../lib/background/lifecycle-service';
import type { TouchRecord } from '../../../lib/db/schema';
import { createDueModel, type DueModelDeps } from '../../../lib/popup/due-model';
import { makeBackground } from '../factories';
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
function makeDeps(list: DueList, overrides: Partial<DueModelDeps> = {}) {
  return {
    list: vi.fn<DueModelDeps['list']>(overrides.list ?? (() => Promise.resolve(list))),
    done: vi.fn<DueModelDeps['done']>(overrides.done ?? (() => Promise.resolve(null))),
    snooze: vi.fn<DueModelDeps['snooze']>(overrides.snooze ?? (() => Promise.resolve(null))),
  };
}

const ids = (items: DueTouchView[]) => items.map((view) => view.touch.id);

describe('due model', () => {
  it('is empty until loaded', () => {
    const model = createDueModel(makeDeps({ now: 0, timeZone: 'UTC', items: [] }));
    expect(model.list.value).toBeNull();
    expect(model.groups.value).toEqual({ overdue: [], today: [] });
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
    const list = { now: 0, timeZone: 'UTC', items: [item({ dueAt: 0 })] };
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

describe('due model over the real lifecycle service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists the due touch of a car buyer and takes it off once done', async () => {
    const { db, deps: bg } = makeBackground();
    await db.clients.put(makeClient({ products: [makeProduct({ purchasedAt: daysAgo(200) })] }));
    await bg.lifecycle.clientChanged('client-anna');
    const model = createDueModel({
      list: () => bg.lifecycle.due(),
      done: (touchId, outcome) => bg.lifecycle.done(touchId, outcome, null),
      snooze: (touchId, until) => bg.lifecycle.snooze(touchId, until),
    });
    await model.load();
    expect(model.list.value?.timeZone).toBe('Europe/Kyiv');
    const [due] = model.groups.value.overdue;
    expect(due).toMatchObject({ client: { id: 'client-anna', name: 'Anna Petrova' }, touch: { templateId: 'service-reminder' } });
    expect(model.groups.value.today).toEqual([]);

    await model.done(due!.touch.id);
    expect(model.list.value?.items).toEqual([]);
    await expect(db.touches.get(due!.touch.id)).resolves.toMatchObject({ state: 'done', outcome: 'reached' });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createUiHandlers } from '../../../lib/background/handlers';
import { touchesForClient } from '../../../lib/db/touches';
import { EXTENSION_BASE_URL, makeBackground, makeBookService, makeClient, makeDb, makeLifecycle } from '../factories';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const ui = { url: EXTENSION_BASE_URL };

/** A client who bought a car 100 days ago, as a CRM page showed it. */
function carBuyer() {
  return makeClient({
    id: 'car-buyer',
    products: [{ name: 'Ford Transit', category: 'Commercial vehicle', purchasedAt: new Date(NOW - 100 * DAY).toISOString().slice(0, 10) }],
  });
}

describe('lifecycle service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('plans a client from the default book: one due touch now, the rest planned or missed', async () => {
    const db = makeDb();
    const lifecycle = makeLifecycle(db, makeBookService(db));
    await db.clients.put(carBuyer());
    await lifecycle.clientChanged('car-buyer');

    const plan = await lifecycle.planFor('car-buyer');
    expect(plan.open[0]?.state).toBe('due');
    expect(plan.open.filter((touch) => touch.state === 'due')).toHaveLength(1);
    expect(plan.history.every((touch) => touch.state === 'missed')).toBe(true);
    expect(plan.history.length).toBeGreaterThan(0);
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('1');
  });

  it("gives each touch's anchor purchase with the plan: the product a script about that touch names", async () => {
    const db = makeDb();
    const lifecycle = makeLifecycle(db, makeBookService(db));
    const tyres = { name: 'Winter tyre set', category: 'Tyres', purchasedAt: new Date(NOW - 10 * DAY).toISOString().slice(0, 10) };
    await db.clients.put({ ...carBuyer(), products: [...carBuyer().products, tyres] });
    await lifecycle.clientChanged('car-buyer');
    const plan = await lifecycle.planFor('car-buyer');
    const anchored = [...plan.open, ...plan.history].filter((touch) => touch.anchorEventId);
    expect(anchored.length).toBeGreaterThan(0);
    // Every anchored touch has its anchor in the plan; the van's touches name the van.
    expect(anchored.every((touch) => plan.anchors[touch.anchorEventId!] !== undefined)).toBe(true);
    const vanTouches = anchored.filter((touch) => plan.anchors[touch.anchorEventId!]?.product === 'Ford Transit');
    expect(vanTouches.length).toBeGreaterThan(0);
    expect(plan.anchors[vanTouches[0]!.anchorEventId!]).toEqual({ type: 'purchase', product: 'Ford Transit', category: 'Commercial vehicle' });
  });

  it('lists due touches with their client for the popup', async () => {
    const db = makeDb();
    const lifecycle = makeLifecycle(db, makeBookService(db));
    await db.clients.put(carBuyer());
    await lifecycle.clientChanged('car-buyer');
    const { items: due } = await lifecycle.due();
    expect(due).toHaveLength(1);
    expect(due[0]?.client).toMatchObject({ id: 'car-buyer', name: 'Anna Petrova', company: 'Acme Ltd' });
  });

  it('done takes the touch off the due list and the badge; no answer can plan a retry', async () => {
    const db = makeDb();
    const lifecycle = makeLifecycle(db, makeBookService(db));
    await db.clients.put(carBuyer());
    await lifecycle.clientChanged('car-buyer');
    const [due] = (await lifecycle.due()).items;

    const result = await lifecycle.done(due!.touch.id, 'no-answer', 'voicemail');
    expect(result.touch).toMatchObject({ state: 'done', outcome: 'no-answer', note: 'voicemail' });
    expect(result.retry?.dueAt).toBeGreaterThan(NOW);
    await expect(lifecycle.due()).resolves.toMatchObject({ items: [] });
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('');

    const retry = await lifecycle.retry(due!.touch.id);
    expect((await touchesForClient(db, 'car-buyer')).some((touch) => touch.id === retry.id && touch.source === 'manager')).toBe(true);
  });

  // Issue 16: the worker stopped while writing an outcome, its retry and the new plan.
  describe('an outcome interrupted halfway', () => {
    async function plannedCarBuyer() {
      const db = makeDb();
      const lifecycle = makeLifecycle(db, makeBookService(db));
      await db.clients.put(carBuyer());
      await lifecycle.clientChanged('car-buyer');
      const [due] = (await lifecycle.due()).items;
      const before = await touchesForClient(db, 'car-buyer');
      return { db, lifecycle, touchId: due!.touch.id, before };
    }

    it('a rescheduled call whose retry fails to be stored leaves the touch open and nothing written', async () => {
      const { db, lifecycle, touchId, before } = await plannedCarBuyer();
      // The moment the worker dies: after the outcome was put, while the retry is being added.
      db.touches.hook('creating', (_key, touch) => {
        if (touch.source === 'manager') throw new Error('worker stopped');
      });
      await expect(lifecycle.done(touchId, 'rescheduled', 'call me on Friday', NOW + 3 * DAY)).rejects.toThrow('worker stopped');
      expect(await touchesForClient(db, 'car-buyer')).toEqual(before);
      await expect(db.touches.get(touchId)).resolves.toMatchObject({ state: 'due', outcome: null });
    });

    it('a re-plan that fails leaves the outcome unwritten; the same call succeeds once it can finish', async () => {
      const { db, lifecycle, touchId, before } = await plannedCarBuyer();
      const eventsWhere = db.events.where.bind(db.events);
      const stopped = vi.spyOn(db.events, 'where').mockImplementation(() => {
        throw new Error('worker stopped');
      });
      await expect(lifecycle.done(touchId, 'rescheduled', null, NOW + 3 * DAY)).rejects.toThrow('worker stopped');
      expect(await touchesForClient(db, 'car-buyer')).toEqual(before);

      stopped.mockImplementation(eventsWhere);
      const result = await lifecycle.done(touchId, 'rescheduled', null, NOW + 3 * DAY);
      const after = await touchesForClient(db, 'car-buyer');
      expect(after.find((touch) => touch.id === touchId)).toMatchObject({ state: 'done', outcome: 'rescheduled' });
      expect(after.find((touch) => touch.id === result.retry?.id)).toMatchObject({ source: 'manager', dueAt: NOW + 3 * DAY });
    });
  });

  it('a callback request becomes a touch at the requested time', async () => {
    const db = makeDb();
    const lifecycle = makeLifecycle(db, makeBookService(db));
    await db.clients.put(makeClient({ id: 'caller' }));
    const at = NOW + 2 * DAY + 6 * 3_600_000;
    await lifecycle.requestCallback('caller', at, 'Thursday 15:00 about the fleet');
    const plan = await lifecycle.planFor('caller');
    expect(plan.open.some((touch) => touch.dueAt === at)).toBe(true);
  });

  it('setting a buyer type keeps the page data and is stored on the client', async () => {
    const db = makeDb();
    const lifecycle = makeLifecycle(db, makeBookService(db));
    await db.clients.put(carBuyer());
    const client = await lifecycle.setProfile('car-buyer', { buyerType: 'mercenary' });
    expect(client).toMatchObject({ buyerType: 'mercenary', name: 'Anna Petrova' });
  });

  it('refuses to move the clock outside demo builds', async () => {
    const bg = makeBackground();
    await expect(createUiHandlers(bg.deps)['ui/debug.clock']({ type: 'ui/debug.clock', offsetMs: DAY }, ui)).rejects.toThrow(/demo build/);
  });
});

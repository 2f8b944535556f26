import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createClock } from '../../../lib/background/clock';
import { createPanelHandlers } from '../../../lib/background/panel-handlers';
import { updateSettings } from '../../../lib/db/settings';
import { createPanelReads } from '../../../lib/panel/panel-reads';
import { EXTENSION_BASE_URL, makeStorageArea } from '../factories';
import { daysAgo, makeClient, makeProduct } from '../suggest/factories';
import { makePanelBackend, NOW } from './client-deps';

const ui = { url: `${EXTENSION_BASE_URL}sidepanel.html` };
const DAY = 86_400_000;

/** Anna bought a car 200 days ago: her service reminder is due, more touches are planned. */
const carOwner = () => makeClient({ products: [makeProduct({ purchasedAt: daysAgo(200) })] });

async function seededPanel() {
  const backend = makePanelBackend();
  const client = await backend.seed(carOwner());
  const handlers = createPanelHandlers(backend.background.deps);
  await handlers['ui/offer.mark']({ type: 'ui/offer.mark', clientId: client.id, ruleId: 'car-accessories', status: 'declined' }, ui);
  await backend.db.answers.put({ clientId: client.id, questionnaireId: 'negotiation', questionId: 'need', value: 'a family car', updatedAt: NOW });
  const session = makeStorageArea();
  const reads = createPanelReads({ db: backend.db, clock: createClock(session, () => NOW).now, systemTimeZone: 'Europe/Kyiv' });
  return { ...backend, client, handlers, session, reads };
}

describe('the side panel reads the client itself', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the same plan, answers and offers the worker answers with, without a message', async () => {
    const { client, background, handlers, reads } = await seededPanel();

    const plan = await reads.plan(client.id);
    expect(plan.open.length).toBeGreaterThan(1);
    expect(plan.open[0]).toMatchObject({ templateId: 'service-reminder', state: 'due' });
    expect(plan).toEqual(await background.deps.lifecycle.planFor(client.id));
    expect(await reads.answers(client.id)).toEqual(await handlers['ui/answers.get']({ type: 'ui/answers.get', clientId: client.id }, ui));
    expect(await reads.answers(client.id)).toContainEqual(expect.objectContaining({ questionId: 'need', value: 'a family car' }));
    expect(await reads.offers(client.id)).toEqual({ 'car-accessories': 'declined' });
    expect(await reads.offers(client.id)).toEqual(await handlers['ui/offers.get']({ type: 'ui/offers.get', clientId: client.id }, ui));
  });

  it("orders the touches by the extension's clock, moved as a demo moves it", async () => {
    const { client, session, reads } = await seededPanel();
    const before = await reads.plan(client.id);
    const coming = before.open.find((touch) => touch.dueAt > NOW)!;
    expect(coming).toBeDefined();

    const stillComing = before.open.filter((touch) => touch.dueAt > coming.dueAt + DAY);
    expect(stillComing.length).toBeGreaterThan(0);

    // A day after it was due, it counts as due: it comes before every touch still coming.
    await createClock(session, () => NOW).setOffset(coming.dueAt - NOW + DAY);
    const order = (await reads.plan(client.id)).open.map((touch) => touch.id);
    for (const later of stillComing) expect(order.indexOf(coming.id)).toBeLessThan(order.indexOf(later.id));
  });

  it("plans in the manager's time zone when one is chosen, else the system's", async () => {
    const { client, db, reads } = await seededPanel();
    expect((await reads.plan(client.id)).timeZone).toBe('Europe/Kyiv');
    await updateSettings(db, { timeZone: 'Asia/Tokyo' });
    expect((await reads.plan(client.id)).timeZone).toBe('Asia/Tokyo');
    expect((await reads.settings()).timeZone).toBe('Asia/Tokyo');
  });

  it('reads nothing of another client', async () => {
    const { reads } = await seededPanel();
    expect(await reads.plan('client-nobody')).toEqual({ open: [], history: [], timeZone: 'Europe/Kyiv', anchors: {} });
    expect(await reads.answers('client-nobody')).toEqual([]);
    expect(await reads.offers('client-nobody')).toEqual({});
  });
});

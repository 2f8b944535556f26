import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, ExtensionProbe, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';

interface DemoClient {
  id: string;
  name: string;
  products: Array<{ name: string; category: string; purchasedAt: string }>;
}
const demoClients = JSON.parse(readFileSync('demo/clients.json', 'utf8')) as DemoClient[];
const client = (id: string) => demoClients.find((candidate) => candidate.id === id)!;
// A car in October 2025 and two service visits in the three months before its 13th month.
const noah = client('c-115');
// A van in September 2025, tyres since, and no service visit in the last three months.
const olivia = client('c-101');

describe.each(browsersUnderTest())('scripts that are true for the client in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  let panel: SidePanelPage;
  let crm: CrmPage;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchWithExtension(browserName);
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    crm = new CrmPage(await session.browser.newPage());
    panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
  });
  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  /** Opens the card and waits until Touchbook has read it and planned its touches. */
  const openCard = async (demoClient: DemoClient) => {
    await crm.page.bringToFront();
    await crm.openClient(demo.url, demoClient.id);
    await crm.waitForFieldValue('Next contact');
    await panel.page.bringToFront();
    await panel.waitForClient(demoClient.name);
    await panel.waitForReadField('nextContact');
    const probe = new ExtensionProbe(panel.page);
    const focus = await probe.focus();
    const clientId = focus.client.id as string;
    await waitFor(async () => (await probe.clientPlan(clientId)).open.length > 0, { what: `touches planned for ${demoClient.name}` });
    return probe.clientPlan(clientId);
  };

  it('the trade-in call names the car it is anchored on, not the service bought last', async () => {
    const plan = await openCard(noah);
    const tradeIn = plan.open.find((touch) => touch.templateId === 'trade-in-offer');
    expect(tradeIn, 'a trade-in touch for a client with two service visits').toBeDefined();
    expect(tradeIn!.state).toBe('due');

    const car = noah.products.find((product) => product.category === 'Passenger cars')!.name;
    const lastBought = noah.products.at(-1)!.name;
    const shown = await panel.waitForNextTouch((touch) => touch.id === tradeIn!.id);
    expect(shown!.script).toContain(`your ${car}`);
    expect(shown!.script).not.toContain(lastBought);
    expect(shown!.script).not.toMatch(/\{\{|\}\}/);
  });

  it('a client without recent service visits gets no trade-in touch and no claim about visits', async () => {
    const plan = await openCard(olivia);
    const touches = [...plan.open, ...plan.history];
    expect(touches.some((touch) => touch.programmeId === 'durable-goods')).toBe(true); // her van's chain is there
    expect(touches.filter((touch) => touch.templateId === 'trade-in-offer')).toEqual([]);
    const shown = await panel.waitForNextTouch();
    expect(shown!.script).not.toMatch(/service visits/i);
  });

  it('a discount recorded in the panel is quoted and reminded of three days before its real last day', async () => {
    const before = await openCard(olivia);
    expect([...before.open, ...before.history].some((touch) => touch.programmeId === 'second-purchase-discount')).toBe(false);
    const probe = new ExtensionProbe(panel.page);
    const clientId = (await probe.focus()).client.id as string;
    const until = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await panel.recordDiscount('12%', until);
    await waitFor(async () => (await panel.discountText()).startsWith('12% until'), { what: 'the discount shown in the header' });
    await waitFor(async () => (await probe.clientPlan(clientId)).open.some((touch) => touch.templateId === 'discount-expiry-reminder'), {
      what: 'the expiry reminder planned',
    });
    const plan = await probe.clientPlan(clientId);
    const reminder = plan.open.find((touch) => touch.templateId === 'discount-expiry-reminder')!;
    const threeDaysBefore = new Date(`${until}T12:00:00Z`).getTime() - 3 * 86_400_000;
    // At the start of a working day three days before (a weekend moves it to a working day).
    expect(Math.abs(reminder.dueAt - threeDaysBefore)).toBeLessThan(4 * 86_400_000);
    expect(reminder.dueAt).toBeLessThan(new Date(`${until}T00:00:00Z`).getTime());
    expect(plan.open.some((touch) => touch.templateId === 'discount-announcement')).toBe(true);
  });
});

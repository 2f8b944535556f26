import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, ExtensionProbe, OptionsPage, PopupPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';

interface DemoClient {
  id: string;
  name: string;
}
const demoClients = JSON.parse(readFileSync('demo/clients.json', 'utf8')) as DemoClient[];
const olivia = demoClients.find((client) => client.id === 'c-101')!; // a van in Sept 2025, tyres in Jan 2026

/** What the badge shows for a number of due touches (see lib/reminders/badge.ts). */
const badgeFor = (count: number) => (count <= 0 ? '' : count > 99 ? '99+' : String(count));

describe.each(browsersUnderTest())('client lifecycle in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchWithExtension(browserName);
  });
  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  /** The popup as the toolbar button would show it now (a popup is opened afresh each time). */
  const openPopup = async () => {
    const popup = new PopupPage(await session.openExtensionPage('popup.html'));
    return { popup, due: await popup.dueTouches() };
  };

  it('a demo client with a purchase gets its touches', async () => {
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    // A manager who performs every role: the badge counts the whole list (routing by role has its own e2e).
    await options.setRoles('all');
    const crm = new CrmPage(await session.browser.newPage());
    await crm.openClient(demo.url, olivia.id);
    await crm.waitForFieldValue('Next contact'); // the card has finished loading
    const panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
    await panel.waitForClient(olivia.name);
    await panel.waitForReadField('nextContact'); // and Touchbook has read all of it
    const probe = new ExtensionProbe(panel.page);

    // The default book plans touches from her purchases; the ones whose time has come are due.
    const focus = await probe.focus();
    expect(focus.state).toBe('client');
    const clientId = focus.client.id as string;
    await waitFor(async () => (await probe.clientPlan(clientId)).open.length > 0, { what: 'touches planned for the client' });
    const initialBadge = await probe.waitForBadge((text) => text !== '');

    let { popup, due } = await openPopup();
    expect(due.length).toBeGreaterThan(0);
    expect(due.some((item) => item.client === olivia.name)).toBe(true);
    expect(initialBadge).toBe(badgeFor(due.length));

    // Move the extension's clock to just after her next planned touch: it becomes due.
    const plan = await probe.clientPlan(clientId);
    const upcoming = plan.open.find((touch) => touch.state === 'planned');
    expect(upcoming, 'a touch planned in the future').toBeDefined();
    await probe.moveClock(upcoming!.dueAt - Date.now() + 60_000);
    await popup.page.close();
    ({ popup, due } = await openPopup());
    expect(due.some((item) => item.client === olivia.name && item.goal === upcoming!.goal)).toBe(true);
    const movedBadge = await probe.badgeText();
    expect(movedBadge).toBe(badgeFor(due.length));
    // What the background counts, the popup lists: the same touches, none left out.
    expect((await probe.dueList()).items.length).toBe(due.length);

    // "Done" on one of hers: it leaves the list and the badge goes down by one.
    const index = due.findIndex((item) => item.client === olivia.name);
    const done = due[index]!;
    const doneId = (await probe.dueList()).items.find((item) => item.client.id === clientId && item.touch.goal === done.goal)!.touch.id;
    const sameBefore = due.filter((item) => item.client === done.client && item.goal === done.goal).length;
    const after = await popup.markDone(index);
    expect(after.length).toBe(due.length - 1);
    expect(after.filter((item) => item.client === done.client && item.goal === done.goal).length).toBe(sameBefore - 1);
    expect(await probe.waitForBadge((text) => text === badgeFor(due.length - 1))).toBe(badgeFor(after.length));

    // The side panel, still open on her, moves on to her next touch by itself.
    await panel.page.bringToFront();
    const next = (await probe.clientPlan(clientId)).open[0];
    expect(next?.id).not.toBe(doneId);
    const shown = await panel.waitForNextTouch((touch) => touch.id !== doneId, { allowNone: next === undefined });
    expect(shown?.id ?? null).toBe(next?.id ?? null);
    if (shown) expect(shown.goal).toBe(next!.goal);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, ExtensionProbe, OptionsPage, PopupPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';

interface DemoClient {
  id: string;
  name: string;
  products: Array<{ name: string; category: string; purchasedAt: string }>;
}
const demoClients = JSON.parse(readFileSync('demo/clients.json', 'utf8')) as DemoClient[];
// Toner in June 2025 and paper in October 2025, both in the category "Consumables".
const chloe = demoClients.find((client) => client.id === 'c-103')!;

const DAY_MS = 86_400_000;

describe.each(browsersUnderTest())('consumables bought again in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  let crm: CrmPage;
  let panel: SidePanelPage;

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

  /** Opens Chloé's card and waits until Touchbook has read it and planned her touches. */
  const openChloe = async () => {
    await crm.page.bringToFront();
    await crm.openClient(demo.url, chloe.id);
    await crm.waitForFieldValue('Next contact');
    await panel.page.bringToFront();
    await panel.waitForClient(chloe.name);
    await panel.waitForReadField('nextContact');
    const probe = new ExtensionProbe(panel.page);
    const clientId = (await probe.focus()).client.id as string;
    await waitFor(async () => (await probe.clientPlan(clientId)).open.some((touch) => touch.programmeId === 'consumables'), {
      what: `consumables reminders planned for ${chloe.name}`,
    });
    return { probe, clientId };
  };

  /** Chloé's replenishment reminders in the popup's due list, as the manager reads them. */
  const dueReminders = async (goal: string) => {
    const popup = new PopupPage(await session.openExtensionPage('popup.html'));
    const due = await popup.dueTouches();
    await popup.page.close();
    return due.filter((item) => item.client === chloe.name && item.goal === goal);
  };

  it("lists the manager's own touches first and the other roles' for hand-over; the badge and the split follow the roles set in the settings", async () => {
    const { probe } = await openChloe();
    const due = await probe.dueList();
    const roleOf = new Map(due.items.map((item) => [`${item.client.name}|${item.touch.goal}`, item.touch.roleId]));
    const ownCount = due.items.filter((item) => item.touch.roleId === 'sales-manager').length;
    const other = due.items.find((item) => item.touch.roleId !== 'sales-manager');
    // The demo's consumables client has touches for other roles due (feedback, account manager).
    expect(other, 'a due touch for another role').toBeDefined();
    const otherRole = other!.touch.roleId;
    const otherCount = due.items.filter((item) => item.touch.roleId === otherRole).length;

    const popup = new PopupPage(await session.openExtensionPage('popup.html'));
    const sections = await popup.dueSections();
    // Own first (overdue, today), then one section per other role; each touch under its own role.
    const firstOther = sections.findIndex((entry) => entry.section.startsWith('role:'));
    expect(firstOther).toBeGreaterThan(-1);
    expect(sections.slice(firstOther).every((entry) => entry.section.startsWith('role:'))).toBe(true);
    for (const entry of sections) {
      const roleId = roleOf.get(`${entry.client}|${entry.goal}`);
      const expected = roleId === 'sales-manager' ? ['overdue', 'today'] : [`role:${roleId}`];
      expect(expected, `${entry.goal} (${roleId}) is listed under ${entry.section}`).toContain(entry.section);
    }
    await probe.waitForBadge((text) => text === (ownCount ? String(ownCount) : ''));

    // Handing one over copies it as a task and moves it under "Handed over".
    const task = { client: chloe.name, goal: other!.touch.goal };
    const text = await popup.handOver(task);
    expect(text).toContain(other!.touch.goal);
    expect(text).toContain(chloe.name);
    expect(text).not.toMatch(/\{\{/);
    expect((await popup.dueSections()).filter((entry) => entry.section === 'handed-over').map((entry) => entry.goal)).toEqual([task.goal]);
    await popup.takeBack(task);
    await popup.page.close();

    // The manager also performs that role: its touches become their own and ring on the badge.
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.setRoles(['sales-manager', otherRole]);
    await options.page.close();
    await probe.waitForBadge((text) => text === String(ownCount + otherCount));
    const again = new PopupPage(await session.openExtensionPage('popup.html'));
    const after = await again.dueSections();
    expect(after.some((entry) => entry.section === `role:${otherRole}`)).toBe(false);
    expect(after.filter((entry) => entry.section === 'overdue' || entry.section === 'today').length).toBe(ownCount + otherCount);
    await again.page.close();
  });

  it('a client who bought the same category twice has one reminder for it, now and after the next repeat comes', async () => {
    const categories = new Set(chloe.products.map((product) => product.category));
    expect(chloe.products.length).toBeGreaterThan(categories.size); // the demo client bought a category twice

    const { probe, clientId } = await openChloe();
    const plan = await probe.clientPlan(clientId);
    const reminders = plan.open.filter((touch) => touch.templateId === 'replenishment');
    // Every coming reminder belongs to one chain: the one the latest purchase started.
    expect(new Set(reminders.map((touch) => touch.anchorEventId)).size).toBe(categories.size);
    const goal = reminders[0]!.goal;
    expect(await dueReminders(goal)).toHaveLength(categories.size);

    // Two and a half months on, the next repeat has come: still one reminder, not one per purchase.
    await probe.moveClock(75 * DAY_MS);
    await openChloe();
    await waitFor(async () => (await dueReminders(goal)).length > 0, { what: 'the next reminder due' });
    expect(await dueReminders(goal)).toHaveLength(categories.size);
    const after = await probe.clientPlan(clientId);
    const open = after.open.filter((touch) => touch.templateId === 'replenishment');
    expect(new Set(open.map((touch) => touch.anchorEventId)).size).toBe(categories.size);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, OptionsPage, PopupPage, SidePanelPage } from '../../scripts/lib/pages.mjs';

interface DemoClient {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
}
const demoClients = JSON.parse(readFileSync('demo/clients.json', 'utf8')) as DemoClient[];
const digits = (phone: string) => phone.replace(/\D/g, '');
const client = (id: string) => demoClients.find((candidate) => candidate.id === id)!;

describe.each(browsersUnderTest())('walking skeleton in %s', (browserName) => {
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

  it('enables the demo CRM, reads the open client, and follows pushState navigation', async () => {
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    expect(await options.enabledSites()).toContain(demo.url);

    const crm = new CrmPage(await session.browser.newPage());
    await crm.openClient(demo.url, 'c-101');
    const panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));

    const first = client('c-101');
    const shown = await panel.waitForClient(first.name);
    expect(shown.emails).toEqual(first.emails);
    expect(shown.phones.map(digits)).toEqual(first.phones.map(digits));

    await crm.page.bringToFront();
    await crm.goToNextClient();
    expect(await crm.recordId()).toBe('c-102');
    const second = client('c-102');
    const next = await panel.waitForClient(second.name);
    expect(next.emails).toEqual(second.emails);
  });

  it('shows the popup with its due-touches section, about the CRM tab', async () => {
    const popup = new PopupPage(await session.openExtensionPage('popup.html'));
    expect((await popup.headings()).length).toBeGreaterThan(0);
    // Opened as a page of its own, it speaks of the last CRM tab, as the side panel does.
    expect(await popup.siteState()).toContain(new URL(demo.url).host);
  });

  it('stops reading a site once it is disabled', async () => {
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.disableSite(demo.url);
    expect(await options.enabledSites()).not.toContain(demo.url);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { AdminCrmPage, ExtensionProbe, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';

/**
 * A CRM Touchbook has no adapter for, in the shape of react-admin + Material UI (Atomic CRM):
 * records change by pushState only, the only h1 is the app bar's title, fields are bare values
 * beside icons, the deal board's cards are not links. Then a view nothing recognises, taught
 * from the panel's "Teach the name" and read on the next record of that view.
 */
describe.each(browsersUnderTest())('a CRM Touchbook has never seen, in %s', (browserName) => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  let crm: AdminCrmPage;
  let panel: SidePanelPage;
  let probe: ExtensionProbe;
  let appUrl: string;

  beforeAll(async () => {
    server = await startDemoServer({ extraRoutes: { '/admin-crm/': 'test/fixtures/spa/admin-crm' } });
    appUrl = `${server.url}/admin-crm/index.html`;
    session = await launchWithExtension(browserName);
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(server.url);
    crm = new AdminCrmPage(await session.browser.newPage());
    panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
    probe = new ExtensionProbe(panel.page);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  // The page also holds a class-hidden status ("Cold", visibility: hidden) and a former email
  // (display: none): only layout tells them apart, which the off-page reader gets as visible text.
  it('reads a contact: the content heading, not the app bar title; bare phones; the company after "at"; chips; nothing CSS hides', async () => {
    await crm.page.bringToFront();
    await crm.open(appUrl, '/contacts/1/show');
    const shown = await panel.waitForClient('Carmen Kuhlman');
    expect(shown.emails).toEqual(['carmen.kuhlman@dietrich.example']);
    const { client } = await probe.focus();
    expect(client.lastSnapshot).toMatchObject({
      recordType: 'contact',
      recordId: '1',
      company: 'Dietrich LLC',
      jobTitle: 'Sticky',
      stage: 'Hot',
      tags: ['vip', 'influencer'],
      owner: 'Kylee Bartoletti',
      phones: [
        { raw: '+1 (415) 555-0134 ext. 12', e164: '+14155550134' },
        { raw: '(212) 555-0188', e164: '+12125550188' },
      ],
    });
  });

  it('follows record changes made by pushState alone, back and forth', async () => {
    await crm.click('[data-testid="next-contact"]');
    expect(await crm.route()).toBe('#/contacts/2/show');
    await panel.waitForClient('Dimitra Papadaki');
    await crm.click('[data-testid="next-contact"]');
    await panel.waitForClient('Oleksandr Marchenko');
    await crm.page.goBack(); // popstate
    await panel.waitForClient('Dimitra Papadaki');
  });

  it('follows a deal board whose cards are not links into the deal opened over it, and out again', async () => {
    await crm.click('[data-nav="deals"]');
    await panel.waitForEmptyState('Read, but no client recognised'); // a board is no record
    await crm.click('[data-deal-id="7"]');
    expect(await crm.route()).toBe('#/deals/7/show');
    await panel.waitForClient('Service plan for 40 vans');
    const { client } = await probe.focus();
    expect(client.lastSnapshot).toMatchObject({ recordType: 'deal', recordId: '7', stage: 'Won', amount: { value: 59400, currency: 'USD' } });
    await crm.click('[data-testid="close-deal"]');
    await crm.click('[data-deal-id="8"]');
    await panel.waitForClient('Winter tyre contract');
    await crm.click('[data-testid="close-deal"]');
  });

  it('is never a dead end: a view it does not recognise is taught from the panel, and read on its other records', async () => {
    await crm.click('[data-nav="people"]');
    await panel.waitForEmptyState('Read, but no client recognised');

    await panel.page.bringToFront();
    await panel.teachOne('teach-name');
    await crm.page.waitForSelector('touchbook-picker', { timeout: 10_000 });
    await crm.clickText('Marta Kowalczyk');
    await waitFor(
      async () => (await probe.mappings()).find((entry) => entry.origin === server.url)?.mappings.some((mapping) => mapping.field === 'name') ?? false,
      { what: 'a taught name mapping for the fixture CRM' },
    );
    await panel.waitForClient('Marta Kowalczyk');
    await crm.page.keyboard.press('Escape');

    await crm.click('[data-testid="next-person"]');
    await panel.waitForClient('Tomasz Wieczorek');
    const { client } = await probe.focus();
    expect(client.lastSnapshot).toMatchObject({ recordType: 'contact', recordId: '10', name: 'Tomasz Wieczorek' });
    expect(client.lastSnapshot.provenance.name.via).toBe('taught');

    // The taught place is this view's: the contact pages still read their own heading.
    await crm.click('[data-nav="contacts"]');
    await panel.waitForClient('Carmen Kuhlman');
  });
});

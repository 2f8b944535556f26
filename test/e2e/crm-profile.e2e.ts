import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { BookSettingsPage, ExtensionProbe, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { validBookInput } from '../unit/book/factories';
import { browsersUnderTest } from './browsers-under-test';

/**
 * A CRM no built-in adapter knows (test/fixtures/crm-profile): the generic extractor reads the
 * client but not the company; a team book's CRM profile reads it, without an extension update;
 * a broken profile update is refused and the old profile keeps reading.
 */
describe.each(browsersUnderTest())('a CRM profile from the team book, in %s', (browserName) => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  const booksDir = mkdtempSync(path.join(tmpdir(), 'touchbook-profile-books-'));
  const publish = (content: unknown) => writeFileSync(path.join(booksDir, 'team.json'), JSON.stringify(content));
  const profile = (recordPath: string) => ({
    id: 'nordlys',
    name: 'Nordlys Desk',
    hosts: ['127.0.0.1'],
    records: [{ path: recordPath, recordType: 'contact' }],
    scope: '[data-nl="record"]',
    title: ['[data-nl="title"]'],
    fields: { company: ['[data-nl="org"]'], stage: ['[data-nl="phase"]'] },
  });

  beforeAll(async () => {
    server = await startDemoServer({ extraRoutes: { '/nordlys/': 'test/fixtures/crm-profile', '/books/': booksDir } });
    session = await launchWithExtension(browserName);
    await new OptionsPage(await session.openExtensionPage('options.html')).enableSite(server.url);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(booksDir, { recursive: true, force: true });
  });

  it('reads a field only the profile knows, and keeps the profile when a broken update is published', async () => {
    const crm = await session.browser.newPage();
    const panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
    const probe = new ExtensionProbe(panel.page);
    await crm.goto(`${server.url}/nordlys/kunder/42`);
    await panel.waitForClient('Ingrid Solberg');
    expect((await probe.focus()).client.lastSnapshot.company).toBeNull();

    publish(validBookInput({ title: 'Nordlys book', version: '1.0.0', crmAdapters: [profile('/nordlys/kunder/:id')], crmLabels: { fields: { owner: ['Kundeansvarlig'] } } }));
    const book = new BookSettingsPage(await session.openExtensionPage('options.html', { width: 900, height: 900 }));
    await book.subscribe(`${server.url}/books/team.json`);
    expect((await book.status()).errors).toEqual([]);

    await crm.bringToFront();
    await crm.reload();
    await waitFor(async () => (await probe.focus()).client?.lastSnapshot?.company === 'Fjordlaks AS', { what: 'the company read by the book profile' });
    expect((await probe.focus()).client.lastSnapshot).toMatchObject({ source: 'book:nordlys', recordId: '42', stage: 'Tilbud sendt', owner: 'Per Hansen' });
    // The panel says who read the card, by the profile's name from the book.
    const readBy = () => panel.page.$eval('[data-testid="read-by"]', (node) => node.textContent ?? '').catch(() => '');
    await waitFor(async () => (await readBy()).includes('Nordlys Desk'), { what: "the panel naming the book's profile as the reader" });

    publish(validBookInput({ title: 'Nordlys book', version: '2.0.0', crmAdapters: [profile('/nordlys/kunder/(\\d+)+$')] }));
    await book.page.bringToFront();
    await book.syncNow();
    const refused = await book.status();
    expect(refused.version).toContain('1.0.0');
    expect(refused.errors.join(' ')).toMatch(/crmAdapters/);

    await crm.bringToFront();
    await crm.goto(`${server.url}/nordlys/kunder/43`);
    await panel.waitForClient('Henrik Dahl');
    await waitFor(async () => (await probe.focus()).client?.lastSnapshot?.company === 'Vestkyst Bygg AS', { what: 'the old profile still reading' });
    expect((await probe.focus()).client.lastSnapshot).toMatchObject({ source: 'book:nordlys', recordId: '43', owner: 'Kari Lund' });
  });
});

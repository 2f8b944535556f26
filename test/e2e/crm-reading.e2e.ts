import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, ExtensionProbe, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { TEACHABLE_FIELDS } from '../../lib/sites/mappings';
import { CRM_SCRIPT_FILE } from '../../lib/sites/registration';
import { browsersUnderTest } from './browsers-under-test';

interface DemoClient {
  id: string;
  name: string;
  jobTitle: string;
  nextContact: string;
}
const demoClients = JSON.parse(readFileSync('demo/clients.json', 'utf8')) as DemoClient[];
const client = (id: string) => demoClients.find((candidate) => candidate.id === id)!;

describe.each(browsersUnderTest())('reading the CRM in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  let crm: CrmPage;
  let panel: SidePanelPage;
  let probe: ExtensionProbe;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchWithExtension(browserName);
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    crm = new CrmPage(await session.browser.newPage());
    panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
    probe = new ExtensionProbe(panel.page);
  });
  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('leaves the CRM page as it was: no messages to its listeners, no globals, no styles, no elements', async () => {
    const olivia = client('c-101');
    // The same card on an origin Touchbook is not enabled on is what the page is without it.
    const untouched = await session.browser.newPage();
    const without = await pageTraces(untouched, demo.url.replace('127.0.0.1', 'localhost'), olivia.id).finally(() => untouched.close());
    const read = await pageTraces(crm.page, demo.url, olivia.id, () => panel.waitForClient(olivia.name));
    expect(read.messages).toEqual([]);
    expect(read.globals).toEqual(without.globals);
    expect(read.styleSheets).toBe(without.styleSheets);
    expect(read.elements).toBe(without.elements);
    expect(read.errors).toEqual([]);
  });

  /**
   * Opens a card and reports what the page itself can see of an extension: the messages its
   * listeners got, its globals, style sheets and elements once the lazy field is in (Touchbook
   * has read the page again by then), and any error thrown into it.
   */
  async function pageTraces(page: Page, baseUrl: string, clientId: string, whileOpen: () => Promise<unknown> = () => Promise.resolve()) {
    const errors: string[] = [];
    const onError = (error: unknown) => errors.push(String(error));
    page.on('pageerror', onError);
    const { identifier } = await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { seenMessages: string[] }).seenMessages = seen;
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
    });
    try {
      const tab = new CrmPage(page);
      await page.bringToFront();
      await tab.openClient(baseUrl, clientId);
      await whileOpen();
      await tab.waitForFieldValue('Next contact');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const traces = await page.evaluate(() => ({
        messages: (window as unknown as { seenMessages: string[] }).seenMessages,
        globals: Object.keys(window).filter((name) => name !== 'seenMessages').sort(),
        styleSheets: document.styleSheets.length,
        elements: document.getElementsByTagName('*').length,
      }));
      return { ...traces, errors };
    } finally {
      page.off('pageerror', onError);
      await page.removeScriptToEvaluateOnNewDocument(identifier);
    }
  }

  it('reads the lazily loaded "Next contact" once the CRM has filled it in', async () => {
    const olivia = client('c-101');
    await crm.page.bringToFront();
    await crm.openClient(demo.url, olivia.id);
    // The card shows "Loading…" for ~600 ms before the value arrives.
    expect(await crm.waitForFieldValue('Next contact')).toBe('10 Feb 2026, 10:30');

    await panel.waitForClient(olivia.name);
    const read = await panel.waitForReadField('nextContact');
    expect(read.fields).toContainEqual({ label: 'Next contact', value: '10 Feb 2026, 10:30' });
    expect(read.fields.map((field) => field.value)).not.toContain('Loading…');
    const focus = await probe.focus();
    expect(focus.client.lastSnapshot.nextContact).toBe(olivia.nextContact);
  });

  it('follows the CRM back and forward through its history', async () => {
    const [first, second] = [client('c-101'), client('c-102')];
    await crm.page.bringToFront();
    await crm.goToNextClient();
    await panel.waitForClient(second.name);
    await crm.goBack(); // popstate, no page load
    expect(await crm.recordId()).toBe(first.id);
    await panel.waitForClient(first.name);
    await crm.goForward();
    expect(await crm.recordId()).toBe(second.id);
    await panel.waitForClient(second.name);
  });

  it('reads the page once, not twice, when a second copy of the reader arrives in an open tab (as after an update)', async () => {
    const [first, second, third] = [client('c-101'), client('c-102'), client('c-103')];
    await crm.page.bringToFront();
    await crm.openClient(demo.url, first.id);
    await panel.waitForClient(first.name);
    await probe.listenForSnapshots();
    await crm.goToNextClient();
    const oneCopy = await probe.snapshotsOnceQuiet();
    expect(oneCopy.length).toBeGreaterThan(0);
    expect(new Set(oneCopy)).toEqual(new Set([second.id]));

    const origin = new URL(demo.url);
    await probe.injectIntoTabs(`${origin.protocol}//${origin.hostname}/*`, CRM_SCRIPT_FILE);
    await probe.snapshotsOnceQuiet(); // the new copy reports the card it finds
    await probe.listenForSnapshots();
    await crm.goToNextClient();
    await panel.waitForClient(third.name);
    // Two live copies would each report the record: twice the messages of one copy.
    expect(await probe.snapshotsOnceQuiet()).toEqual(oneCopy.map(() => third.id));
  });

  it('cannot be stopped by the page: the lifetime event named after the extension id does nothing', async () => {
    const [first, second] = [client('c-101'), client('c-102')];
    await crm.page.bringToFront();
    await crm.openClient(demo.url, first.id);
    await panel.waitForClient(first.name);
    // Everything a page can know or guess about the extension: its public id (Chromium) or
    // its internal UUID (Firefox) and the script's name.
    const extensionId = new URL(session.baseUrl).host;
    await crm.page.evaluate((id) => {
      for (const name of [`${id}:crm:started`, 'touchbook@touchbook.app:crm:started', 'crm:started']) document.dispatchEvent(new Event(name));
    }, extensionId);
    await crm.goToNextClient();
    await panel.waitForClient(second.name); // still read: the reader did not stop
  });

  it('reads nothing on another port of the enabled host', async () => {
    const other = await startDemoServer();
    const page = await session.browser.newPage();
    try {
      await probe.listenForSnapshots();
      const otherTab = new CrmPage(page);
      await otherTab.openClient(other.url, client('c-104').id);
      await otherTab.waitForFieldValue('Next contact'); // the card is complete: a reader would have sent it
      expect(other.url).not.toBe(demo.url);
      // The tab on the enabled port may report its own card again; the other port's card never.
      expect(await probe.snapshotsOnceQuiet()).not.toContain(client('c-104').id);
    } finally {
      await page.close();
      await other.close();
    }
  });

  it('learns a field the manager points at, and reads it on other records too', async () => {
    const [taught, next] = [client('c-102'), client('c-103')];
    await crm.page.bringToFront();
    if ((await crm.recordId()) !== taught.id) await crm.openClient(demo.url, taught.id);
    await panel.waitForClient(taught.name);

    await panel.page.bringToFront();
    await panel.startTeaching();
    await crm.waitForPicker();
    await crm.teachFieldValue('Job title', TEACHABLE_FIELDS.indexOf('jobTitle'));
    await waitFor(
      async () => {
        const site = (await probe.mappings()).find((entry) => entry.origin === demo.url);
        return site?.mappings.some((mapping) => mapping.field === 'jobTitle') ?? false;
      },
      { what: 'a taught jobTitle mapping for the demo CRM' },
    );
    expect(await crm.pickerShown()).toBe(true); // it waits for another value until told to stop
    await crm.pressEscape();
    await crm.waitForPickerGone();

    // The page is read again with the taught field, here and on the next record.
    await panel.waitForReadField('jobTitle', (origin) => origin.startsWith('taught by you'));
    await crm.goToNextClient();
    await panel.waitForClient(next.name);
    const read = await panel.waitForReadField('jobTitle', (origin) => origin.startsWith('taught by you'));
    expect(read.provenance.jobTitle).toMatch(/^taught by you/);
    expect(await panel.cardValue('Job title')).toBe(next.jobTitle);
  });

  it('cancels the picker with Escape', async () => {
    await panel.page.bringToFront();
    await panel.startTeaching();
    await crm.waitForPicker();
    await crm.pressEscape();
    await crm.waitForPickerGone();
    expect(await crm.pickerShown()).toBe(false);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { CrmPage, ExportsSection, ExtensionProbe, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { browsersUnderTest } from './browsers-under-test';

interface DemoClient {
  id: string;
  name: string;
}
const demoClients = JSON.parse(readFileSync('demo/clients.json', 'utf8')) as DemoClient[];
const olivia = demoClients.find((client) => client.id === 'c-101')!; // purchases plan her touches

/** A finished download in `dir` whose name ends with `extension` (not a `.part`/`.crdownload`). */
function downloaded(dir: string, extension: string): string | null {
  const name = readdirSync(dir).find((file) => file.endsWith(extension));
  return name && statSync(path.join(dir, name)).size > 0 ? path.join(dir, name) : null;
}

describe.each(browsersUnderTest())('touch exports in %s', (browserName) => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let session: ExtensionSession;
  let downloadDir: string;

  beforeAll(async () => {
    downloadDir = mkdtempSync(path.join(tmpdir(), `touchbook-downloads-${browserName}-`));
    demo = await startDemoServer();
    session = await launchWithExtension(browserName, { downloadDir });
  });
  afterAll(async () => {
    await session?.close();
    await demo?.close();
    rmSync(downloadDir, { recursive: true, force: true });
  });

  /**
   * The file the browser saved into the download folder (Chromium through puppeteer's download
   * behaviour, Firefox through its download prefs), checked byte for byte against the Blob the
   * page made.
   */
  async function savedFile(exports: ExportsSection, extension: string, blobIndex: number): Promise<string> {
    let file: string | null = null;
    await waitFor(() => (file = downloaded(downloadDir, extension)) !== null, { timeoutMs: 10_000, what: `a ${extension} file in ${downloadDir}` });
    const text = readFileSync(file!, 'utf8');
    const blob = (await exports.keptBlobs())[blobIndex];
    expect(text, 'the saved file is the Blob the page made').toBe(blob?.text);
    return text;
  }

  it('saves the planned touches as a calendar file and all touches as a spreadsheet, both readable', async () => {
    const options = new OptionsPage(await session.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    const crm = new CrmPage(await session.browser.newPage());
    await crm.openClient(demo.url, olivia.id);
    await crm.waitForFieldValue('Next contact');
    const panel = new SidePanelPage(await session.openExtensionPage('sidepanel.html'));
    await panel.waitForClient(olivia.name);
    await panel.waitForReadField('nextContact');
    const probe = new ExtensionProbe(panel.page);
    const focus = await probe.focus();
    const clientId = focus.client.id as string;
    await waitFor(async () => (await probe.clientPlan(clientId)).open.length > 0, { what: 'touches planned for the client' });
    const plan = await probe.clientPlan(clientId);

    // A fresh options page, as a manager would open it after working in the CRM.
    const page = await session.openExtensionPage('options.html', { width: 900, height: 900 });
    const exports = new ExportsSection(page);
    await exports.keepBlobs();

    expect(await exports.export('ics')).toMatch(/\.ics\.$/);
    const ics = await savedFile(exports, '.ics', 0);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const hers = events.filter((event) => event.summary.includes(olivia.name));
    // Every open touch of hers is in the calendar once, under its own UID, at its due time.
    expect(hers.map((event) => event.uid).sort()).toEqual(plan.open.map((touch) => `${touch.id}@touchbook`).sort());
    for (const touch of plan.open) {
      const event = hers.find((candidate) => candidate.uid === `${touch.id}@touchbook`)!;
      expect(event.startDate.toJSDate().getTime()).toBe(touch.dueAt);
      expect(event.summary.startsWith(`${touch.goal} — ${olivia.name}`)).toBe(true);
      expect(event.component.getFirstSubcomponent('valarm')).not.toBeNull();
    }
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);

    expect(await exports.export('csv')).toMatch(/\.csv\.$/);
    const csv = await savedFile(exports, '.csv', 1);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header?.slice(0, 3)).toEqual(['Client', 'Company', 'Touch']);
    const herRows = rows.filter((row) => row[0] === olivia.name);
    expect(herRows.length).toBe(plan.open.length + plan.history.length);
    expect(herRows.map((row) => row[2]).sort()).toEqual([...plan.open, ...plan.history].map((touch) => touch.goal).sort());
  });
});

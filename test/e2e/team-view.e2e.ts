import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { startCouchServer, type CouchServer } from '../../scripts/lib/couch-server.mjs';
import { setUpTeam } from '../../scripts/lib/couch-team.mjs';
import { CrmPage, ExtensionProbe, OptionsPage, SidePanelPage, waitFor } from '../../scripts/lib/pages.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { TeamPage, TeamSettingsSection } from '../../scripts/lib/team-pages.mjs';
import { createCouchClient } from '../../lib/team/couch';
import { parseDayDocs } from '../../lib/team/docs';
import { browsersUnderTest } from './browsers-under-test';

const DAY_MS = 86_400_000;
const ADMIN = { name: 'admin', password: 'admin-secret' };
const PASSWORDS = { anna: 'anna-pw', bob: 'bob-pw', lead: 'lead-pw' };

/**
 * Two managers (two browser profiles) push to a CouchDB-compatible server (pouchdb-server on
 * 127.0.0.1, its data on disk, the admin party ended), each into their own database with their own
 * credentials, under the access rules of docs/couchdb; a third profile, the lead, reads both through
 * the team index. The server is killed while a manager syncs and started again; that manager also
 * spends a day offline. A touch done in the side panel reaches the server by the worker's alarm.
 */
describe.each(browsersUnderTest())('the team view in %s', (browserName) => {
  let couch: CouchServer;
  let anna: ExtensionSession;
  let bob: ExtensionSession;
  let lead: ExtensionSession;
  let annaTeam: TeamSettingsSection;
  let bobTeam: TeamSettingsSection;
  let bobProbe: ExtensionProbe;
  let team: { indexUrl: string; managerUrls: Record<string, string> };
  let demo: Awaited<ReturnType<typeof startDemoServer>>;

  /** Every day document on the server, read as the admin, across the managers' databases. */
  const serverDocs = async () => {
    const rows = await Promise.all(
      Object.values(team.managerUrls).map((url) => createCouchClient({ url, user: ADMIN.name, password: ADMIN.password }).allDocs({ startkey: 'agg:', endkey: 'agg:\ufff0' })),
    );
    return parseDayDocs(rows.flat());
  };

  beforeAll(async () => {
    couch = await startCouchServer({ admin: ADMIN });
    team = await setUpTeam({
      server: couch.url,
      admin: ADMIN,
      managers: [
        { id: 'anna', name: 'Anna', password: PASSWORDS.anna },
        { id: 'bob', name: 'Bob', password: PASSWORDS.bob },
      ],
      leads: [{ id: 'lead', password: PASSWORDS.lead }],
    });
    demo = await startDemoServer();
    // One after the other: a loaded machine can catch a page still loading, and the launcher's
    // wait then polls with a function that Firefox's extension-page CSP refuses.
    anna = await launchWithExtension(browserName);
    bob = await launchWithExtension(browserName);
    lead = await launchWithExtension(browserName);
    const annaOptions = await anna.openExtensionPage('options.html', { width: 900 });
    const bobOptions = await bob.openExtensionPage('options.html', { width: 900 });
    annaTeam = new TeamSettingsSection(annaOptions);
    bobTeam = new TeamSettingsSection(bobOptions);
    bobProbe = new ExtensionProbe(bobOptions);
    await new ExtensionProbe(annaOptions).send({ type: 'ui/unmatched.add', text: 'Too expensive', clientId: null });
    await bobProbe.send({ type: 'ui/unmatched.add', text: 'too expensive!', clientId: null });
    await bobProbe.send({ type: 'ui/unmatched.add', text: 'I need to ask my boss', clientId: null });
  });
  afterAll(async () => {
    await Promise.all([anna?.close(), bob?.close(), lead?.close()]);
    await couch?.close();
    await demo?.close();
  });

  it('is off until a manager turns it on: nothing reaches the server', async () => {
    expect(await annaTeam.status()).toBe('Off: nothing is sent.');
    expect((await serverDocs()).docs).toEqual([]);
  });

  it('sends each manager one document per day', async () => {
    // Anna's team shares a client base: her touch outcomes go too.
    await annaTeam.configure({ url: team.managerUrls.anna!, user: 'anna', password: PASSWORDS.anna, managerId: 'anna', managerName: 'Anna', shareClientOutcomes: true });
    await bobTeam.configure({ url: team.managerUrls.bob!, user: 'bob', password: PASSWORDS.bob, managerId: 'bob', managerName: 'Bob' });
    await annaTeam.syncNow((status) => status.startsWith('Last sent'));
    await bobTeam.syncNow((status) => status.startsWith('Last sent'));
    const { docs, skipped } = await serverDocs();
    expect(skipped).toEqual([]);
    // The last seven days each, with deterministic ids.
    expect(docs.filter((doc) => doc.managerId === 'anna')).toHaveLength(7);
    expect(docs.filter((doc) => doc.managerId === 'bob')).toHaveLength(7);
    expect(JSON.stringify(docs)).not.toMatch(/clientId/);
  });

  it('loses nothing and doubles nothing when the server dies mid-sync, and catches up after a day offline', async () => {
    await bobProbe.send({ type: 'ui/unmatched.add', text: 'Call me next quarter', clientId: null });
    // Kill the server while Bob's sync is under way.
    const page = bobTeam.page;
    await page.click('[data-testid="team-sync"]');
    await couch.kill();
    await bobTeam.waitForSyncButton();
    // Offline: a day passes, Bob hears another objection, tries again, and fails again.
    await bobProbe.moveClock(DAY_MS);
    await bobProbe.send({ type: 'ui/unmatched.add', text: 'Send me the price list', clientId: null });
    const failed = await bobTeam.syncNow((status) => status.startsWith('The last attempt failed'));
    expect(failed).toMatch(/cannot reach/);

    await couch.start();
    await bobTeam.syncNow((status) => status.startsWith('Last sent') && status.endsWith('Days waiting: 0.'));
    const { docs } = await serverDocs();
    const bobs = docs.filter((doc) => doc.managerId === 'bob');
    expect(new Set(bobs.map((doc) => doc._id)).size).toBe(bobs.length);
    expect(bobs).toHaveLength(8); // the seven days before and the day spent offline
    const objections = bobs.flatMap((doc) => doc.objections.map((objection) => objection.text)).sort();
    expect(objections).toEqual(['Call me next quarter', 'I need to ask my boss', 'Send me the price list', 'too expensive!']);
    expect(docs.filter((doc) => doc.managerId === 'anna')).toHaveLength(7);
  });

  it("shows the lead both managers side by side and the team's objections, most heard first", async () => {
    const leadOptions = await lead.openExtensionPage('options.html', { width: 900 });
    await new TeamSettingsSection(leadOptions).configure({ url: team.indexUrl, user: 'lead', password: PASSWORDS.lead, enabled: false });
    const page = new TeamPage(await lead.openExtensionPage('team.html', { width: 1100 }));
    await waitFor(async () => Object.keys(await page.managers()).length === 2, { what: 'both managers on the team page', timeoutMs: 15_000 });
    const managers = await page.managers();
    expect(managers.anna?.name).toBe('Anna');
    expect(managers.bob?.name).toBe('Bob');
    expect(managers.bob?.top).toBe('not shared');
    const objections = await page.objections();
    // Both heard it the same day: the wording shown is the same whichever document arrived first.
    expect(objections[0]).toEqual({ text: 'Too expensive', heard: 'heard 2 times, by 2 managers' });
    expect(objections.map((objection) => objection.text).sort()).toEqual(['Call me next quarter', 'I need to ask my boss', 'Send me the price list', 'Too expensive']);
    const draft = JSON.parse(await page.draftEntry(0)) as { id: string; category: string; phrasings: string[] };
    expect(draft).toMatchObject({ category: 'other', phrasings: ['Too expensive'] });
    expect(await page.page.$('[data-testid="team-source-failed"]')).toBeNull();
  });

  it('pushes a touch outcome recorded in the side panel by itself, without "Sync now", and the lead sees the client', async () => {
    const options = new OptionsPage(await anna.openExtensionPage('options.html'));
    await options.enableSite(demo.url);
    const crm = new CrmPage(await anna.browser.newPage());
    const panel = new SidePanelPage(await anna.openExtensionPage('sidepanel.html'));
    await crm.page.bringToFront();
    await crm.openClient(demo.url, 'c-101');
    await crm.waitForFieldValue('Next contact');
    await panel.page.bringToFront();
    await panel.waitForClient('Olivia Bennett');
    await panel.waitForNextTouch();
    // The alarms that saving the settings set have fired: what pushes next is this change's.
    const teamAlarms = () =>
      panel.page.evaluate(async () => {
        // @ts-expect-error: runs in the extension page, where `browser` or `chrome` exists
        const api = globalThis.browser ?? globalThis.chrome;
        const all = (await api.alarms.getAll()) as Array<{ name: string; scheduledTime: number }>;
        return JSON.parse(JSON.stringify(all.filter((alarm) => alarm.name.startsWith('team-')))) as Array<{ name: string; scheduledTime: number }>;
      });
    const quiet = async () => {
      const alarms = await teamAlarms();
      return !alarms.some((alarm) => alarm.name === 'team-change' || alarm.name === 'team-retry') && alarms.every((alarm) => alarm.scheduledTime > Date.now() + 5 * 60_000);
    };
    await waitFor(quiet, { what: 'no team push due soon', timeoutMs: 45_000, intervalMs: 500 });
    const recordedAt = Date.now();
    await panel.markNextTouchDone('reached');
    // Recording the outcome asked for a push within about half a minute.
    await waitFor(async () => (await teamAlarms()).some((alarm) => alarm.name === 'team-change' && alarm.scheduledTime <= Date.now() + 31_000), { what: 'the push scheduled by the change' });

    // Nobody presses "Sync now": the worker's change alarm (30 s, Chrome's minimum) pushes.
    // The team's key for the client: the CRM record it was seen on, `origin|recordId`.
    const outcome = async () => (await serverDocs()).docs.flatMap((doc) => (doc.managerId === 'anna' ? (doc.clientOutcomes ?? []) : [])).find((item) => item.outcome === 'reached');
    await waitFor(async () => (await outcome()) !== undefined, { what: "Anna's outcome on the server", timeoutMs: 75_000, intervalMs: 1000 });
    const { record, at } = (await outcome())!;
    expect(record).toMatch(/^http:\/\/127\.0\.0\.1:\d+\|.*c-101/);
    expect(at).toBeGreaterThanOrEqual(recordedAt - 60_000);

    const page = new TeamPage(await lead.openExtensionPage('team.html', { width: 1100 }));
    await waitFor(async () => (await page.sharedClients()).some((row) => row.record === record), { what: 'the shared client on the team page', timeoutMs: 15_000 });
    const row = (await page.sharedClients()).find((item) => item.record === record)!;
    expect(row.managers).toBe('Anna');
    expect(row.last).toMatch(/^Reached, Anna, /);
  }, 150_000);
});

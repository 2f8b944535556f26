import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../scripts/lib/browser-session.mjs';
import { startCouchServer, type CouchServer } from '../../scripts/lib/couch-server.mjs';
import { ExtensionProbe, waitFor } from '../../scripts/lib/pages.mjs';
import { TeamPage, TeamSettingsSection } from '../../scripts/lib/team-pages.mjs';
import { createCouchClient } from '../../lib/team/couch';
import { parseDayDocs } from '../../lib/team/docs';
import { browsersUnderTest } from './browsers-under-test';

const DAY_MS = 86_400_000;

/**
 * Two managers (two browser profiles) push to a CouchDB-compatible server (pouchdb-server on
 * 127.0.0.1, its data on disk); a third profile, the lead, reads both. The server is killed while
 * a manager syncs and started again; that manager also spends a day offline.
 */
describe.each(browsersUnderTest())('the team view in %s', (browserName) => {
  let couch: CouchServer;
  let anna: ExtensionSession;
  let bob: ExtensionSession;
  let lead: ExtensionSession;
  let annaTeam: TeamSettingsSection;
  let bobTeam: TeamSettingsSection;
  let bobProbe: ExtensionProbe;
  let dbUrl = '';

  const serverDocs = async () => parseDayDocs(await createCouchClient({ url: dbUrl }).allDocs({ startkey: 'agg:', endkey: 'agg:\ufff0' }));

  beforeAll(async () => {
    couch = await startCouchServer();
    dbUrl = `${couch.url}/team`;
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
  });

  it('is off until a manager turns it on: nothing reaches the server', async () => {
    expect(await annaTeam.status()).toBe('Off: nothing is sent.');
    expect(await fetch(dbUrl).then((response) => response.status)).toBe(404);
  });

  it('sends each manager one document per day', async () => {
    await annaTeam.configure({ url: dbUrl, managerId: 'anna', managerName: 'Anna' });
    await bobTeam.configure({ url: dbUrl, managerId: 'bob', managerName: 'Bob' });
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
    await new TeamSettingsSection(leadOptions).configure({ url: dbUrl, enabled: false });
    const team = new TeamPage(await lead.openExtensionPage('team.html', { width: 1100 }));
    await waitFor(async () => Object.keys(await team.managers()).length === 2, { what: 'both managers on the team page', timeoutMs: 15_000 });
    const managers = await team.managers();
    expect(managers.anna?.name).toBe('Anna');
    expect(managers.bob?.name).toBe('Bob');
    expect(managers.bob?.top).toBe('not shared');
    const objections = await team.objections();
    expect(objections[0]).toEqual({ text: 'too expensive!', heard: 'heard 2 times, by 2 managers' });
    expect(objections.map((objection) => objection.text).sort()).toEqual(['Call me next quarter', 'I need to ask my boss', 'Send me the price list', 'too expensive!']);
    const draft = JSON.parse(await team.draftEntry(0)) as { id: string; category: string; phrasings: string[] };
    expect(draft).toMatchObject({ category: 'other', phrasings: ['too expensive!'] });
  });
});

// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../../scripts/lib/couch-server.mjs';
import { setUpTeam, teamIndexDoc } from '../../../scripts/lib/couch-team.mjs';
import { createCouchClient } from '../../../lib/team/couch';
import { dayDocId } from '../../../lib/team/docs';
import { createLeadModel, emptyPull, emptyRead, pullTeam, readTeam } from '../../../lib/team/lead';
import { makeDayBody } from './team-factories';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer({ inMemory: true });
}, 30_000);
afterAll(async () => {
  await server?.close();
});

describe("the lead's pull", () => {
  it('reads the changes feed in pages, replaces updated documents and skips invalid ones with a reason', async () => {
    const couch = createCouchClient({ url: `${server.url}/pull` });
    await couch.ensureDb();
    const anna = makeDayBody({ managerId: 'anna', day: '2026-03-10' });
    const results = await couch.bulkDocs([
      { ...anna, _id: dayDocId('anna', '2026-03-10') },
      { ...makeDayBody({ managerId: 'bob', day: '2026-03-10' }), _id: dayDocId('bob', '2026-03-10') },
      { ...makeDayBody({ managerId: 'bob', day: '2026-03-09' }), _id: dayDocId('bob', '2026-03-09'), touches: 'lots' },
      { _id: '_design/team', views: {} },
      { _id: 'someone-else', hello: 1 },
    ]);
    const first = await pullTeam(couch, emptyPull(), 2);
    expect([...first.docs.keys()].sort()).toEqual(['agg:anna:2026-03-10', 'agg:bob:2026-03-10']);
    expect([...first.skipped.values()]).toEqual([{ id: 'agg:bob:2026-03-09', reason: expect.stringMatching(/^touches/) }]);

    const [updated] = await couch.bulkDocs([{ ...anna, _id: dayDocId('anna', '2026-03-10'), _rev: results.find((result) => result.id === dayDocId('anna', '2026-03-10'))!.rev, touches: { ...anna.touches, done: 7 } }]);
    expect(updated).toMatchObject({ rev: expect.stringMatching(/^2-/) });
    const second = await pullTeam(couch, first, 2);
    expect(second.docs.size).toBe(2);
    expect(second.docs.get('agg:anna:2026-03-10')?.touches.done).toBe(7);
    expect(second.since).not.toBe(first.since);
  });

  it('shows "not configured" without a database, and keeps what it read when a later read fails', async () => {
    const unconfigured = createLeadModel({ client: () => Promise.resolve(null), today: () => '2026-03-10', copy: () => Promise.resolve(), placeholderAnswer: 'x' });
    await unconfigured.refresh();
    expect(unconfigured.state.value).toBe('unconfigured');

    let url = `${server.url}/pull`;
    const copied: string[] = [];
    const model = createLeadModel({ client: () => Promise.resolve(createCouchClient({ url })), today: () => '2026-03-10', copy: (text) => (copied.push(text), Promise.resolve()), placeholderAnswer: 'Answer' });
    await model.refresh();
    expect(model.state.value).toBe('ready');
    expect(model.view.value.managers.map((row) => row.managerId)).toEqual(['anna', 'bob']);
    url = 'http://127.0.0.1:9/pull';
    await model.refresh();
    expect(model.state.value).toBe('ready');
    expect(model.error.value).toMatch(/cannot reach/);
    await model.copyDraft('Too expensive');
    expect(JSON.parse(copied[0]!)).toMatchObject({ phrasings: ['Too expensive'], responses: [{ text: 'Answer' }] });
    expect(model.draft.value).toMatchObject({ text: 'Too expensive', json: copied[0], copied: true });
  });
});

describe("the lead's read of a team with one database per manager", () => {
  const admin = { name: 'admin', password: 'admin-pw' };
  let secured: CouchServer;
  let indexUrl = '';
  const adminClient = (db: string) => createCouchClient({ url: `${secured.url}/${db}`, user: admin.name, password: admin.password });
  const leadClient = () => createCouchClient({ url: indexUrl, user: 'lead', password: 'lead-pw' });
  const write = (db: string, managerId: string, day: string, extra: object = {}) =>
    adminClient(db).bulkDocs([{ ...makeDayBody({ managerId, managerName: managerId.toUpperCase(), day }), _id: dayDocId(managerId, day), ...extra }]);

  beforeAll(async () => {
    secured = await startCouchServer({ inMemory: true, admin });
    ({ indexUrl } = await setUpTeam({
      server: secured.url,
      admin,
      managers: [
        { id: 'anna', name: 'Anna K.', password: 'anna-pw' },
        { id: 'bob', name: 'Bob M.', password: 'bob-pw' },
        { id: 'carol', name: 'Carol D.', password: 'carol-pw' },
      ],
      leads: [{ id: 'lead', password: 'lead-pw' }],
    }));
    await write('touchbook-anna', 'anna', '2026-03-09');
    await write('touchbook-anna', 'anna', '2026-03-10');
    await write('touchbook-bob', 'bob', '2026-03-10');
    // Written into Anna's database in Bob's name (by an admin: validation lets admins through).
    await write('touchbook-anna', 'bob', '2026-03-08');
  }, 30_000);
  afterAll(async () => {
    await secured?.close();
  });

  it("reads every manager the team index lists, with the lead's credentials, each database on its own", async () => {
    const read = await readTeam(leadClient(), emptyRead());
    expect(read.roster?.map((entry) => entry.id)).toEqual(['anna', 'bob', 'carol']);
    expect([...read.sources.keys()].sort()).toEqual(['touchbook-anna', 'touchbook-bob', 'touchbook-carol']);
    expect([...read.sources.get('touchbook-anna')!.docs.keys()]).toEqual([dayDocId('anna', '2026-03-09'), dayDocId('anna', '2026-03-10')]);
    expect([...read.sources.get('touchbook-bob')!.docs.keys()]).toEqual([dayDocId('bob', '2026-03-10')]);
    // Only Anna's own documents count from her database.
    expect([...read.sources.get('touchbook-anna')!.skipped.values()]).toEqual([{ id: dayDocId('bob', '2026-03-08'), reason: 'managerId: bob in the database of anna' }]);
    expect(read.failures).toEqual([]);

    // Later reads ask only for what changed.
    await write('touchbook-bob', 'bob', '2026-03-11');
    const next = await readTeam(leadClient(), read);
    expect(next.sources.get('touchbook-bob')!.docs.size).toBe(2);
    expect(next.sources.get('touchbook-bob')!.since).not.toBe(read.sources.get('touchbook-bob')!.since);
  });

  it('shows the others when one database cannot be read, names the silent, and refuses an invalid index', async () => {
    const index = (await adminClient('touchbook-team').getDoc('touchbook-team')) as { _rev: string };
    const roster = [
      { id: 'anna', name: 'Anna K.', db: 'touchbook-anna' },
      { id: 'bob', name: 'Bob M.', db: 'touchbook-bob' },
      { id: 'carol', name: 'Carol D.', db: 'touchbook-carol' },
      { id: 'dan', name: 'Dan', db: 'touchbook-dan' }, // listed, never created
    ];
    const [updated] = await adminClient('touchbook-team').bulkDocs([{ ...teamIndexDoc(roster), _rev: index._rev }]);
    const model = createLeadModel({ client: () => Promise.resolve(leadClient()), today: () => '2026-03-11', copy: () => Promise.resolve(), placeholderAnswer: 'x' });
    await model.refresh();
    expect(model.state.value).toBe('ready');
    expect(model.view.value.managers.map((row) => [row.managerId, row.managerName, row.days])).toEqual([
      ['anna', 'ANNA', 2],
      ['bob', 'BOB', 2],
    ]);
    expect(model.failures.value).toEqual([{ managerId: 'dan', db: 'touchbook-dan', error: expect.stringMatching(/HTTP 404|HTTP 401/) }]);
    expect(model.silent.value.map((entry) => entry.name)).toEqual(['Carol D.', 'Dan']);

    await adminClient('touchbook-team').bulkDocs([{ ...teamIndexDoc(roster), managers: [{ id: 'Eve!', name: '', db: 'https://elsewhere.example/steal' }], _rev: updated!.rev }]);
    await model.refresh();
    expect(model.error.value).toMatch(/team index \(touchbook-team\) is invalid: managers\.0\.id/);
    // What was read before stays on screen.
    expect(model.view.value.managers).toHaveLength(2);
  });
});

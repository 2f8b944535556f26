// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../../scripts/lib/couch-server.mjs';
import { createCouchClient } from '../../../lib/team/couch';
import { dayDocId } from '../../../lib/team/docs';
import { createLeadModel, emptyPull, pullTeam } from '../../../lib/team/lead';
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

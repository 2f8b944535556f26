// @vitest-environment node
// The team's access rules (scripts/lib/couch-team.mjs, docs/couchdb/*.json): first the
// validate_doc_update function run as CouchDB runs it, from its stored source with
// (newDoc, oldDoc, userCtx, secObj); then the whole set-up on pouchdb-server with the admin party
// ended, where _security and validate_doc_update are enforced by its pouchdb-security and
// pouchdb-validation plugins.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFiles } from '../../../scripts/couch-team-setup.mjs';
import { managerDesignDoc, managerSecurity, indexDesignDoc, setUpTeam, teamIndexDoc, TEAM_INDEX_ID } from '../../../scripts/lib/couch-team.mjs';
import { startCouchServer, type CouchServer } from '../../../scripts/lib/couch-server.mjs';
import { buildDayDocs } from '../../../lib/team/aggregate';
import { createCouchClient } from '../../../lib/team/couch';
import { dayDocId } from '../../../lib/team/docs';
import { queueDays } from '../../../lib/team/outbox';
import { pushOutbox } from '../../../lib/team/replicator';
import { makeDb } from '../factories';
import { makeContext, makeDayBody, makeObjection, makePurchase, makeTouch, noon } from './team-factories';

type UserCtx = { name: string | null; roles: string[]; db?: string };
type Validate = (newDoc: object, oldDoc: object | null, userCtx: UserCtx, secObj: object) => void;

/** As CouchDB's query server compiles it: the stored source must evaluate to a function. */
function compile(source: string): Validate {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the stored source is the point
  const fn: unknown = new Function(`return (${source});`)();
  if (typeof fn !== 'function') throw new Error('the design document does not evaluate to a function');
  return fn as Validate;
}

/** What CouchDB makes of a throw: 401 for {unauthorized}, 403 for {forbidden}, 201 when nothing is thrown. */
function outcome(validate: Validate, newDoc: object, oldDoc: object | null, userCtx: UserCtx, secObj: object): { status: number; reason?: string } {
  try {
    validate(newDoc, oldDoc, userCtx, secObj);
    return { status: 201 };
  } catch (thrown) {
    const error = thrown as { unauthorized?: string; forbidden?: string };
    if (error.unauthorized !== undefined) return { status: 401, reason: error.unauthorized };
    if (error.forbidden !== undefined) return { status: 403, reason: error.forbidden };
    return { status: 500, reason: String(thrown) };
  }
}

const anna: UserCtx = { name: 'anna', roles: ['team-manager'], db: 'touchbook-anna' };
const bob: UserCtx = { name: 'bob', roles: ['team-manager'], db: 'touchbook-anna' };
const lead: UserCtx = { name: 'lead', roles: ['team-lead'], db: 'touchbook-anna' };
const annasDb = managerSecurity('anna');
const dayDoc = (managerId: string, day = '2026-03-10', extra: object = {}) => ({ _id: dayDocId(managerId, day), ...makeDayBody({ managerId, day }), ...extra });

describe('validate_doc_update of a manager database, under CouchDB\'s contract', () => {
  const validate = compile(managerDesignDoc().validate_doc_update);

  it('lets a manager write and update their own day documents, as Touchbook builds them', () => {
    // A document the way the worker builds it, with every optional part the policy can add.
    const [built] = buildDayDocs(
      { purchases: [makePurchase({ day: '2026-03-10' })], touches: [makeTouch({ state: 'done', outcome: 'reached', outcomeAt: noon('2026-03-10') })], objections: [makeObjection()] },
      ['2026-03-10'],
      makeContext({ policy: { topClients: true, clientOutcomes: true } }),
    );
    const doc = { _id: dayDocId('anna', built!.day), ...built! };
    expect(outcome(validate, doc, null, anna, annasDb)).toEqual({ status: 201 });
    expect(outcome(validate, { ...doc, _rev: '1-a' }, { ...doc, _rev: '1-a' }, anna, annasDb)).toEqual({ status: 201 });
    // Taking back one's own day is allowed; a deletion carries no body.
    expect(outcome(validate, { _id: doc._id, _rev: '2-b', _deleted: true }, doc, anna, annasDb)).toEqual({ status: 201 });
  });

  it("refuses a manager writing another manager's documents, or into another manager's database", () => {
    expect(outcome(validate, dayDoc('bob'), null, anna, annasDb)).toMatchObject({ status: 403, reason: expect.stringContaining('agg:anna:') });
    // An id of one's own with another manager's figures inside.
    expect(outcome(validate, { ...dayDoc('bob'), _id: dayDocId('anna', '2026-03-10') }, null, anna, annasDb)).toMatchObject({ status: 403 });
    // Bob's own document, but in Anna's database (were he ever made a member of it by role).
    expect(outcome(validate, dayDoc('bob'), null, bob, annasDb)).toMatchObject({ status: 403, reason: 'this database belongs to anna' });
    // Deleting someone else's day.
    expect(outcome(validate, { _id: dayDocId('bob', '2026-03-10'), _deleted: true }, dayDoc('bob'), anna, annasDb)).toMatchObject({ status: 403 });
  });

  it('refuses malformed documents', () => {
    const cases: Array<[string, object]> = [
      ['not ours', { _id: dayDocId('anna', '2026-03-10'), hello: 'world' }],
      ['an older schema', dayDoc('anna', '2026-03-10', { schema: 2 })],
      ['a day that is no date', { ...dayDoc('anna', '2026-03-10'), day: 'yesterday' }],
      ['an id that is not its day', { ...dayDoc('anna', '2026-03-10'), day: '2026-03-11' }],
      ['a count that is not one', dayDoc('anna', '2026-03-10', { touches: { done: -1, open: 0, overdue: 0, skipped: 0, missed: 0 } })],
      ['a missing count', dayDoc('anna', '2026-03-10', { touches: { done: 1 } })],
      ['no revenue', dayDoc('anna', '2026-03-10', { revenue: null })],
      ['objections not a list', dayDoc('anna', '2026-03-10', { objections: 'too expensive' })],
    ];
    for (const [what, doc] of cases) expect(outcome(validate, doc, null, anna, annasDb), what).toMatchObject({ status: 403 });
  });

  it('lets the lead, who reads, write nothing; asks a stranger to log in; lets the server admin through', () => {
    expect(outcome(validate, dayDoc('lead'), null, lead, annasDb)).toEqual({ status: 403, reason: 'only team managers write; the lead reads' });
    expect(outcome(validate, dayDoc('anna'), null, lead, annasDb)).toMatchObject({ status: 403 });
    expect(outcome(validate, dayDoc('anna'), null, { name: null, roles: [] }, annasDb)).toMatchObject({ status: 401 });
    expect(outcome(validate, { _id: 'anything' }, null, { name: 'admin', roles: ['_admin'] }, annasDb)).toEqual({ status: 201 });
  });

  it('lets only the admin edit the team index', () => {
    const index = compile(indexDesignDoc().validate_doc_update);
    expect(outcome(index, teamIndexDoc([]), null, lead, {})).toMatchObject({ status: 403 });
    expect(outcome(index, teamIndexDoc([]), null, anna, {})).toMatchObject({ status: 403 });
    expect(outcome(index, teamIndexDoc([]), null, { name: 'admin', roles: ['_admin'] }, {})).toEqual({ status: 201 });
  });

  it('is what docs/couchdb holds for curl', () => {
    for (const [name, doc] of Object.entries(docFiles())) {
      expect(JSON.parse(readFileSync(new URL(`../../../docs/couchdb/${name}`, import.meta.url), 'utf8')), name).toEqual(doc);
    }
  });
});

describe('the access rules on pouchdb-server, admin party ended', () => {
  const admin = { name: 'admin', password: 'admin-secret' };
  const passwords = { anna: 'anna-pw', bob: 'bob-pw', lead: 'lead-pw' };
  let server: CouchServer;
  let urls: { indexUrl: string; managerUrls: Record<string, string> };
  const as = (user: keyof typeof passwords | null, url: string) => createCouchClient({ url, ...(user ? { user, password: passwords[user] } : {}) });

  beforeAll(async () => {
    server = await startCouchServer({ inMemory: true, admin });
    urls = await setUpTeam({
      server: server.url,
      admin,
      managers: [
        { id: 'anna', name: 'Anna K.', password: passwords.anna },
        { id: 'bob', name: 'Bob M.', password: passwords.bob },
      ],
      leads: [{ id: 'lead', password: passwords.lead }],
    });
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  it("takes a manager's push into their own database, as the worker sends it", async () => {
    const db = makeDb();
    await queueDays(db, [makeDayBody({ managerId: 'anna', day: '2026-03-09' }), makeDayBody({ managerId: 'anna', day: '2026-03-10' })]);
    const pushed = await pushOutbox({ db, client: as('anna', urls.managerUrls.anna!), managerId: 'anna', state: { session: 's', checkpoint: 0 } });
    expect(pushed).toMatchObject({ written: 2, checkpoint: 2 });
    // A recount of one day is an update in place, by the same manager.
    await queueDays(db, [makeDayBody({ managerId: 'anna', day: '2026-03-10', touches: { done: 5, open: 0, overdue: 0, skipped: 0, missed: 0 } })]);
    expect(await pushOutbox({ db, client: as('anna', urls.managerUrls.anna!), managerId: 'anna', state: { session: 's', checkpoint: 2 } })).toMatchObject({ written: 1 });
  });

  it("refuses another manager's documents, malformed ones and the lead's writes; only members get in", async () => {
    const [forged, malformed] = await as('anna', urls.managerUrls.anna!).bulkDocs([dayDoc('bob', '2026-03-10'), { _id: dayDocId('anna', '2026-03-01'), hello: 'world' }]);
    expect(forged).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('agg:anna:') });
    expect(malformed).toMatchObject({ error: 'forbidden' });
    const [byLead] = await as('lead', urls.managerUrls.anna!).bulkDocs([dayDoc('anna', '2026-03-11')]);
    expect(byLead).toMatchObject({ error: 'forbidden', reason: 'only team managers write; the lead reads' });
    // Bob is no member of Anna's database: refused before any validation, reading or writing.
    await expect(as('bob', urls.managerUrls.anna!).bulkDocs([dayDoc('bob', '2026-03-10')])).resolves.toEqual([expect.objectContaining({ error: 'unauthorized' })]);
    await expect(as('bob', urls.managerUrls.anna!).changes(0)).rejects.toMatchObject({ status: 401 });
    await expect(as(null, urls.managerUrls.anna!).changes(0)).rejects.toMatchObject({ status: 401 });
    await expect(createCouchClient({ url: urls.managerUrls.anna!, user: 'anna', password: 'wrong' }).changes(0)).rejects.toMatchObject({ status: 401 });
    // Only the admin changes the rules.
    const [design] = await as('anna', urls.managerUrls.anna!).bulkDocs([{ ...managerDesignDoc(), validate_doc_update: 'function () {}' }]);
    expect(design).toMatchObject({ error: 'unauthorized' });
  });

  it('refuses to set up a manager id the lead\'s page would refuse', async () => {
    await expect(setUpTeam({ server: server.url, admin, managers: [{ id: 'Anna K' }] })).rejects.toThrow(/manager id "Anna K"/);
  });

  it("lets the lead read every manager's database and the team index, and edit neither", async () => {
    const changes = await as('lead', urls.managerUrls.anna!).changes(0);
    expect(changes.results.map((row) => row.id).filter((id) => id.startsWith('agg:'))).toEqual([dayDocId('anna', '2026-03-09'), dayDocId('anna', '2026-03-10')]);
    expect((await as('lead', urls.managerUrls.bob!).changes(0)).results.filter((row) => row.id.startsWith('agg:'))).toEqual([]);
    const index = as('lead', urls.indexUrl);
    const stored = (await index.getDoc(TEAM_INDEX_ID)) as { _rev: string };
    expect(stored).toMatchObject({ managers: [{ id: 'anna', db: 'touchbook-anna' }, { id: 'bob', db: 'touchbook-bob' }] });
    const [edit] = await index.bulkDocs([{ ...teamIndexDoc([]), _rev: stored._rev }]);
    expect(edit).toMatchObject({ error: 'forbidden', reason: 'only the team admin edits the team index' });
    // Managers do not read the index (it lists the whole team).
    await expect(as('anna', urls.indexUrl).getDoc(TEAM_INDEX_ID)).rejects.toMatchObject({ status: 401 });
  });
});

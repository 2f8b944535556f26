// @vitest-environment node
// Against a real CouchDB-compatible server (pouchdb-server from npm, a child process on 127.0.0.1):
// the HTTP API is the contract, so it is not mocked.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../../scripts/lib/couch-server.mjs';
import { createCouchClient, CouchError } from '../../../lib/team/couch';
import { dayDocId, parseDayDocs, pushCheckpointId } from '../../../lib/team/docs';
import { queueDays } from '../../../lib/team/outbox';
import { backoffMs, pushOutbox } from '../../../lib/team/replicator';
import { makeDb } from '../factories';
import { makeDayBody } from './team-factories';

let server: CouchServer;
let dbName = '';
let counter = 0;
beforeAll(async () => {
  server = await startCouchServer();
}, 30_000);
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  counter += 1;
  dbName = `team${counter}`;
});

const client = (fetchImpl?: typeof fetch) => createCouchClient({ url: `${server.url}/${dbName}`, fetchImpl });
const days = (managerId: string, count: number, overrides: { done?: number } = {}) =>
  Array.from({ length: count }, (_, index) =>
    makeDayBody({ managerId, day: `2026-03-${String(index + 1).padStart(2, '0')}`, touches: { done: overrides.done ?? index, open: 0, overdue: 0, skipped: 0, missed: 0 } }),
  );
/** Our client always passes a URL string. */
const urlOf = (input: Parameters<typeof fetch>[0]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
async function serverDocs() {
  return parseDayDocs(await client().allDocs({ startkey: 'agg:', endkey: 'agg:\ufff0' }));
}

describe('the CouchDB client', () => {
  it('creates the database, writes, reports conflicts, reads revisions, changes and _local documents', async () => {
    const couch = client();
    await couch.ensureDb();
    await couch.ensureDb(); // already there: fine
    const [first] = await couch.bulkDocs([{ _id: 'a', n: 1 }]);
    expect(first).toMatchObject({ id: 'a', rev: expect.stringMatching(/^1-/) });
    const [conflict] = await couch.bulkDocs([{ _id: 'a', n: 2 }]);
    expect(conflict).toMatchObject({ id: 'a', error: 'conflict' });
    expect(await couch.currentRevs(['a', 'missing'])).toEqual(new Map([['a', first!.rev]]));
    const changes = await couch.changes(0);
    expect(changes.results.map((row) => row.id)).toEqual(['a']);
    expect((await couch.changes(changes.last_seq)).results).toEqual([]);
    expect(await couch.getLocal('_local/x')).toBeNull();
    const rev = await couch.putLocal('_local/x', { seq: 1 });
    await couch.putLocal('_local/x', { seq: 2, _rev: rev });
    expect(await couch.getLocal('_local/x')).toMatchObject({ seq: 2 });
  });

  it('says so when the server cannot be reached', async () => {
    const couch = createCouchClient({ url: 'http://127.0.0.1:9/team', timeoutMs: 2000 });
    await expect(couch.bulkDocs([])).rejects.toMatchObject({ name: 'CouchError', status: 0 });
  });
});

describe('pushing the outbox', () => {
  it('writes one document per manager per day, updates them in place, and resumes from its checkpoint', async () => {
    const db = makeDb();
    const state = { session: 's1', checkpoint: 0 };
    expect(await queueDays(db, days('anna', 3))).toBe(3);
    const first = await pushOutbox({ db, client: client(), managerId: 'anna', state });
    expect(first).toMatchObject({ written: 3, checkpoint: 3, resent: false });
    expect(await client().getLocal(pushCheckpointId('anna'))).toMatchObject({ session: 's1', seq: 3 });

    // Same figures, recounted: nothing new to send. One day changed: only it is sent, in place.
    expect(await queueDays(db, days('anna', 3))).toBe(0);
    const changed = days('anna', 3);
    changed[1] = { ...changed[1]!, touches: { ...changed[1]!.touches, done: 9 } };
    expect(await queueDays(db, changed)).toBe(1);
    const second = await pushOutbox({ db, client: client(), managerId: 'anna', state: { session: 's1', checkpoint: first.checkpoint } });
    expect(second).toMatchObject({ written: 1, checkpoint: 4 });

    const { docs, skipped } = await serverDocs();
    expect(skipped).toEqual([]);
    expect(docs.map((doc) => doc._id)).toEqual([dayDocId('anna', '2026-03-01'), dayDocId('anna', '2026-03-02'), dayDocId('anna', '2026-03-03')]);
    expect(docs[1]).toMatchObject({ _rev: expect.stringMatching(/^2-/), touches: { done: 9 } });
  });

  it('loses nothing and doubles nothing when the server stores a batch but the reply is lost', async () => {
    const db = makeDb();
    await queueDays(db, days('bob', 5));
    // The server dies after writing: the request reached it, the reply never came back.
    let cut = true;
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (cut && urlOf(input).endsWith('/_bulk_docs')) {
        cut = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const state = { session: 's2', checkpoint: 0 };
    await expect(pushOutbox({ db, client: client(lossy), managerId: 'bob', state, batchSize: 2 })).rejects.toBeInstanceOf(CouchError);
    // The retry sends the first two again with revisions the target does not have: conflicts,
    // resolved by reading the current revisions.
    const result = await pushOutbox({ db, client: client(), managerId: 'bob', state, batchSize: 2 });
    expect(result).toMatchObject({ written: 5, checkpoint: 5 });
    const { docs } = await serverDocs();
    expect(docs.map((doc) => doc.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(docs.filter((doc) => doc._rev.startsWith('2-')).map((doc) => doc.day)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('survives the server killed and restarted: the checkpoint it moved is kept, the rest follows', async () => {
    const db = makeDb();
    await queueDays(db, days('carol', 4));
    let state = { session: 's3', checkpoint: 0 };
    const onCheckpoint = async (checkpoint: number) => {
      state = { ...state, checkpoint };
      if (checkpoint === 2) await server.kill(); // mid-sync: after the first batch of two
    };
    await expect(pushOutbox({ db, client: client(), managerId: 'carol', state, batchSize: 2, onCheckpoint })).rejects.toMatchObject({ status: 0 });
    expect(state.checkpoint).toBe(2);
    await server.start();
    const requests: string[] = [];
    const counting: typeof fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(urlOf(input)).pathname}`);
      return fetch(input, init);
    };
    const result = await pushOutbox({ db, client: client(counting), managerId: 'carol', state, batchSize: 2 });
    expect(result).toMatchObject({ written: 2, checkpoint: 4, resent: false });
    expect(requests.filter((line) => line.endsWith('/_bulk_docs'))).toHaveLength(1);
    expect((await serverDocs()).docs.map((doc) => [doc.day, doc._rev.slice(0, 2)])).toEqual([
      ['2026-03-01', '1-'],
      ['2026-03-02', '1-'],
      ['2026-03-03', '1-'],
      ['2026-03-04', '1-'],
    ]);
  }, 30_000);

  it('sends everything again to a target that lost its data (no checkpoint of this session there)', async () => {
    const db = makeDb();
    await queueDays(db, days('dan', 3));
    const first = await pushOutbox({ db, client: client(), managerId: 'dan', state: { session: 's4', checkpoint: 0 } });
    dbName = `${dbName}-restored`; // an empty database at the same place, as after a reset
    const again = await pushOutbox({ db, client: client(), managerId: 'dan', state: { session: 's4', checkpoint: first.checkpoint } });
    expect(again).toMatchObject({ written: 3, resent: true });
    expect((await serverDocs()).docs).toHaveLength(3);
  });

  it('stops at a refusal, without moving the checkpoint', async () => {
    const db = makeDb();
    await queueDays(db, days('erin', 1));
    const refusing: typeof fetch = async (input, init) =>
      urlOf(input).endsWith('/_bulk_docs')
        ? new Response(JSON.stringify([{ id: dayDocId('erin', '2026-03-01'), error: 'forbidden', reason: 'only erin may write here' }]), { status: 201 })
        : fetch(input, init);
    await expect(pushOutbox({ db, client: client(refusing), managerId: 'erin', state: { session: 's5', checkpoint: 0 } })).rejects.toThrow(/forbidden \(only erin may write here\)/);
    expect(await client().getLocal(pushCheckpointId('erin'))).toBeNull();
  });
});

describe('backoff', () => {
  it('doubles from 30 seconds up to an hour, with jitter', () => {
    expect([1, 2, 3, 4].map((failures) => backoffMs(failures, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20, () => 0)).toBe(3_600_000);
    expect(backoffMs(1, () => 1)).toBe(36_000);
  });
});

// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../../scripts/lib/couch-server.mjs';
import { updateSettings } from '../../../lib/db/settings';
import { createCouchClient } from '../../../lib/team/couch';
import { parseDayDocs } from '../../../lib/team/docs';
import { createTeamService, TEAM_CHANGE_ALARM, TEAM_RETRY_ALARM, TEAM_SYNC_ALARM } from '../../../lib/team/service';
import { parseStoredSettings, saveTeamSettings } from '../../../lib/team/settings';
import { makeClient, makeDb, makeStorageArea } from '../factories';
import { makeObjection, makePurchase, makeTouch, noon } from './team-factories';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 30_000);
afterAll(async () => {
  await server?.close();
});

function makeAlarms() {
  const alarms = new Map<string, { name: string; when?: number; delayInMinutes?: number; periodInMinutes?: number }>();
  return {
    alarms,
    create: (name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) => void alarms.set(name, { name, ...info }),
    clear: (name: string) => Promise.resolve(alarms.delete(name)),
    get: (name: string) => Promise.resolve(alarms.get(name)),
  };
}

async function setUp(dbName: string, overrides: Partial<ReturnType<typeof parseStoredSettings>> = {}) {
  const db = makeDb();
  await updateSettings(db, { timeZone: 'Europe/Athens' });
  await db.events.bulkPut([makePurchase({ clientId: 'c1', day: '2026-03-02' }), makePurchase({ clientId: 'c1', day: '2026-03-11', amount: 250 })]);
  await db.touches.bulkPut([makeTouch({ state: 'done', outcome: 'reached', dueAt: noon('2026-03-11') }), makeTouch({ state: 'due', dueAt: noon('2026-03-12') })]);
  await db.unmatchedObjections.put(makeObjection({ text: 'We already have a supplier', createdAt: noon('2026-03-11') }));
  const local = makeStorageArea();
  await saveTeamSettings(local, { ...parseStoredSettings({}), enabled: true, url: `${server.url}/${dbName}`, managerId: 'anna', managerName: 'Anna', ...overrides });
  const alarms = makeAlarms();
  let now = Date.parse('2026-03-12T10:00:00Z');
  const team = createTeamService({
    db,
    local,
    readManaged: () => Promise.resolve({}),
    alarms,
    fetchImpl: (input, init) => fetch(input, init),
    now: () => now,
    systemTimeZone: 'UTC',
    random: () => 0,
  });
  const remote = async () => parseDayDocs(await createCouchClient({ url: `${server.url}/${dbName}` }).allDocs({ startkey: 'agg:', endkey: 'agg:\ufff0' })).docs;
  return { db, local, alarms, team, remote, advance: (ms: number) => (now += ms) };
}

describe('the team service in the worker', () => {
  it('does nothing while the team view is off', async () => {
    const { team, alarms, remote } = await setUp('off', { enabled: false });
    await team.arm();
    await team.noteChange();
    expect(await team.sync(true)).toMatchObject({ enabled: false, ready: false, notReadyReason: 'off' });
    expect(alarms.alarms.size).toBe(0);
    await expect(remote()).rejects.toThrow(/404/); // not even the database was created
  });

  it("recounts the last week into the outbox and pushes it; the team's alarms follow the setting", async () => {
    const { team, alarms, remote, local } = await setUp('on');
    await team.arm();
    expect(alarms.alarms.get(TEAM_SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });
    await team.noteChange();
    expect(alarms.alarms.get(TEAM_CHANGE_ALARM)).toMatchObject({ delayInMinutes: 0.5 });

    const status = await team.sync();
    expect(status).toMatchObject({ ready: true, pending: 0, failures: 0, lastError: null, lastPushAt: Date.parse('2026-03-12T10:00:00Z') });
    const docs = await remote();
    expect(docs.map((doc) => doc.day)).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12']);
    const eleventh = docs.find((doc) => doc.day === '2026-03-11')!;
    expect(eleventh).toMatchObject({ managerName: 'Anna', timeZone: 'Europe/Athens', touches: { done: 1 }, objections: [{ text: 'We already have a supplier', count: 1 }] });
    expect(eleventh.revenue.byCurrency).toEqual({ EUR: { total: 250, repeat: 250 } });

    await saveTeamSettings(local, { ...parseStoredSettings({}), enabled: false });
    await team.arm();
    expect(alarms.alarms.size).toBe(0);
  });

  it('backs off while the server is down, by alarm, and catches up a day later without doubling', async () => {
    const { db, team, alarms, remote, advance } = await setUp('down');
    await team.sync(true);
    await server.kill();
    try {
      await db.touches.put(makeTouch({ id: 'late', state: 'done', outcome: 'no-answer', dueAt: noon('2026-03-12') }));
      const failed = await team.sync(true);
      expect(failed).toMatchObject({ failures: 1, pending: 1, lastError: expect.stringMatching(/cannot reach/) });
      expect(alarms.alarms.get(TEAM_RETRY_ALARM)).toEqual({ name: TEAM_RETRY_ALARM, when: failed.nextAttemptAt });
      expect(failed.nextAttemptAt).toBe(Date.parse('2026-03-12T10:00:30Z'));
      // The periodic alarm before the retry time does not hammer the server.
      const fetches = (await team.sync()).failures;
      expect(fetches).toBe(1);
    } finally {
      await server.start();
    }
    // A day offline (the browser closed overnight), then the retry.
    advance(86_400_000);
    const caughtUp = await team.sync();
    expect(caughtUp).toMatchObject({ failures: 0, pending: 0, lastError: null });
    expect(alarms.alarms.has(TEAM_RETRY_ALARM)).toBe(false);
    const docs = await remote();
    expect(docs.map((doc) => doc.day).at(-1)).toBe('2026-03-13');
    expect(new Set(docs.map((doc) => doc._id)).size).toBe(docs.length);
    expect(docs.find((doc) => doc.day === '2026-03-12')?.touches.done).toBe(1);
  }, 30_000);

  it('sends a late call on an overdue touch: its due day is recounted and the outcome goes under today', async () => {
    const { db, team, remote, advance } = await setUp('late', { shareClientOutcomes: true });
    await db.clients.put(makeClient({ id: 'client-1', records: [{ origin: 'https://crm.example.com', recordId: '42', url: 'https://crm.example.com/42', source: 'x', seenAt: 0 }] }));
    // Due five weeks ago and never done: outside the week the worker recounts.
    await db.touches.put(makeTouch({ id: 'old', state: 'due', dueAt: noon('2026-02-05') }));
    await team.sync(true);
    expect((await remote()).some((doc) => doc.day === '2026-02-05')).toBe(false);

    advance(60_000);
    await db.touches.put(makeTouch({ id: 'old', state: 'done', outcome: 'reached', dueAt: noon('2026-02-05'), outcomeAt: Date.parse('2026-03-12T10:01:00Z') }));
    advance(60_000);
    await team.sync();
    const docs = await remote();
    expect(docs.find((doc) => doc.day === '2026-02-05')?.touches).toMatchObject({ done: 1, overdue: 0 });
    expect(docs.find((doc) => doc.day === '2026-03-12')?.clientOutcomes).toEqual([
      { record: 'https://crm.example.com|42', programmeId: 'durable', outcome: 'reached', at: Date.parse('2026-03-12T10:01:00Z') },
    ]);
  });
});

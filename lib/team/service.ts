import type { TouchbookDb } from '../db/database';
import type { ClientRecord } from '../db/schema';
import { getSettings } from '../db/settings';
import { loadClientsById } from '../insights/load-figures';
import { planGrowthPercent } from '../insights/plan';
import { todayIn } from '../insights/dated-purchases';
import { resolveTimeZone } from '../lifecycle/time';
import { buildDayDocs, daysToRefresh, shiftDay } from './aggregate';
import { createCouchClient, CouchError } from './couch';
import { queueDays } from './outbox';
import { backoffMs, pendingCount, pushOutbox, PushStateSchema, type PushState } from './replicator';
import { loadTeamSettings, readyTeam, TEAM_SETTINGS_KEY } from './settings';

/**
 * The team view in the background worker: when the day's figures change it recounts the recent
 * days into the outbox and pushes it. Nothing here waits on the network inside a listener that
 * matters: pushes run from alarms (a retry after an error is an alarm at the backoff time, so
 * the worker may stop in between), and all state is in storage.local and Dexie.
 */

export const TEAM_SYNC_ALARM = 'team-sync';
export const TEAM_RETRY_ALARM = 'team-retry';
export const TEAM_CHANGE_ALARM = 'team-change';
const PUSH_STATE_KEY = 'team-push-state';
const LAST_REFRESH_KEY = 'team-last-refresh-day';
const LAST_REFRESH_AT_KEY = 'team-last-refresh-at';
/** The safety net: overdue counts change with time alone, and a new day needs its document. */
const PERIOD_MINUTES = 15;
const DAY_MS = 86_400_000;

type StorageArea = {
  get: (keys: string) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
};
type Alarms = {
  create: (name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) => Promise<void> | void;
  clear: (name: string) => Promise<boolean>;
  get: (name: string) => Promise<{ name: string; periodInMinutes?: number } | undefined>;
};

export interface TeamServiceDeps {
  db: TouchbookDb;
  local: StorageArea;
  readManaged: () => Promise<unknown>;
  alarms: Alarms;
  fetchImpl: typeof fetch;
  /** The extension's clock (a demo build may move it). */
  now: () => Promise<number> | number;
  systemTimeZone: string;
  random?: () => number;
  newSession?: () => string;
}

export interface TeamStatus {
  enabled: boolean;
  ready: boolean;
  notReadyReason: 'off' | 'url' | 'manager' | null;
  pending: number;
  lastPushAt: number | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: number | null;
}

export type TeamService = ReturnType<typeof createTeamService>;

export function createTeamService(deps: TeamServiceDeps) {
  const { db, local } = deps;

  async function readState(target: string): Promise<PushState> {
    const { [PUSH_STATE_KEY]: raw } = await local.get(PUSH_STATE_KEY);
    const parsed = PushStateSchema.safeParse(raw ?? {});
    const state = parsed.success ? parsed.data : PushStateSchema.parse({});
    // Another database or manager id: start a new session, and send everything there.
    if (state.target !== target) return { ...PushStateSchema.parse({}), target, session: (deps.newSession ?? (() => crypto.randomUUID()))() };
    return state;
  }
  const writeState = (state: PushState) => local.set({ [PUSH_STATE_KEY]: state });

  async function team() {
    return readyTeam((await loadTeamSettings(local, deps.readManaged)).settings);
  }

  /** Recounts the recent days (and any missed since the last refresh) into the outbox. */
  async function refresh(): Promise<number> {
    const config = await team();
    if (!config.ready) return 0;
    const settings = await getSettings(db);
    const timeZone = resolveTimeZone(settings.timeZone, deps.systemTimeZone);
    const now = await deps.now();
    const today = todayIn(now, timeZone);
    const { [LAST_REFRESH_KEY]: last } = await local.get(LAST_REFRESH_KEY);
    const { [LAST_REFRESH_AT_KEY]: lastAt } = await local.get(LAST_REFRESH_AT_KEY);
    const lastDay = typeof last === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(last) ? last : null;
    // Outcomes recorded since the last count: a touch due weeks ago and done today changes the
    // day it was due, so that day is counted again too (within daysToRefresh's bound).
    const lateOutcomes = typeof lastAt === 'number' ? await db.touches.where('outcomeAt').aboveOrEqual(lastAt).toArray() : [];
    const earliest = lateOutcomes.reduce<string | null>((first, touch) => {
      const day = todayIn(touch.dueAt, timeZone);
      return first === null || day < first ? day : first;
    }, lastDay);
    const days = daysToRefresh(today, earliest);
    const from = Date.parse(`${shiftDay(days[0]!, -1)}T00:00:00Z`);
    const to = Date.parse(`${shiftDay(today, 2)}T00:00:00Z`);
    const { purchases, touches, objections } = await db.transaction('r', [db.events, db.touches, db.unmatchedObjections], async () => {
      const due = (
        await Promise.all(
          (['planned', 'due', 'done', 'snoozed', 'skipped', 'missed'] as const).map((state) =>
            db.touches.where('[state+dueAt]').between([state, from], [state, to], true, true).toArray(),
          ),
        )
      ).flat();
      // Client outcomes go by the day they were recorded, whenever the touch was due.
      const recorded = await db.touches.where('outcomeAt').between(from, to, true, true).toArray();
      const ids = new Set(due.map((touch) => touch.id));
      return {
        purchases: await db.events.where('type').equals('purchase').toArray(),
        touches: [...due, ...recorded.filter((touch) => !ids.has(touch.id))],
        objections: await db.unmatchedObjections.where('createdAt').between(from - DAY_MS, to, true, true).toArray(),
      };
    });
    let clients: Map<string, ClientRecord> | undefined;
    if (config.shareClientOutcomes) clients = await loadClientsById(db, touches.filter((touch) => touch.state === 'done').map((touch) => touch.clientId));
    const bodies = buildDayDocs({ purchases, touches, objections, clients }, days, {
      managerId: config.managerId,
      managerName: config.managerName || settings.managerName || config.managerId,
      timeZone,
      growthPercent: planGrowthPercent(settings),
      policy: { topClients: config.shareTopClients, clientOutcomes: config.shareClientOutcomes },
      now,
    });
    const changed = await queueDays(db, bodies);
    await local.set({ [LAST_REFRESH_KEY]: today, [LAST_REFRESH_AT_KEY]: now });
    return changed;
  }

  /** Sends the outbox. Errors are recorded and rescheduled with backoff, never thrown. */
  async function push(): Promise<TeamStatus> {
    const config = await team();
    if (!config.ready) return status();
    let state = await readState(`${config.url}#${config.managerId}`);
    const client = createCouchClient({ url: config.url, user: config.user, password: config.password, fetchImpl: deps.fetchImpl });
    try {
      await pushOutbox({
        db,
        client,
        managerId: config.managerId,
        state,
        onCheckpoint: async (checkpoint) => {
          state = { ...state, checkpoint };
          await writeState(state);
        },
      });
      state = { ...state, failures: 0, nextAttemptAt: null, lastPushAt: await deps.now(), lastError: null };
      await writeState(state);
      await deps.alarms.clear(TEAM_RETRY_ALARM);
    } catch (error) {
      const failures = state.failures + 1;
      const nextAttemptAt = (await deps.now()) + backoffMs(failures, deps.random);
      state = { ...state, failures, nextAttemptAt, lastError: describe(error) };
      await writeState(state);
      await deps.alarms.create(TEAM_RETRY_ALARM, { when: nextAttemptAt });
    }
    return status();
  }

  async function status(): Promise<TeamStatus> {
    const { settings } = await loadTeamSettings(local, deps.readManaged);
    const config = readyTeam(settings);
    const state = config.ready ? await readState(`${config.url}#${config.managerId}`) : PushStateSchema.parse({});
    return {
      enabled: settings.enabled,
      ready: config.ready,
      notReadyReason: config.ready ? null : config.reason,
      pending: config.ready ? await pendingCount(db, state.checkpoint) : 0,
      lastPushAt: state.lastPushAt,
      lastError: state.lastError,
      failures: state.failures,
      nextAttemptAt: state.nextAttemptAt,
    };
  }

  /** Runs one sync at a time in this worker (an alarm and "Sync now" may meet). */
  async function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    return locks ? locks.request('touchbook-team-sync', task) : task();
  }

  return {
    refresh,
    status,
    /** Recount and push; `manual` ("Sync now") does not wait for the backoff to run out. */
    sync: (manual = false) =>
      exclusive(async () => {
        const config = await team();
        if (!config.ready) return status();
        await refresh();
        if (!manual) {
          const { nextAttemptAt } = await readState(`${config.url}#${config.managerId}`);
          if (nextAttemptAt !== null && nextAttemptAt > (await deps.now())) return status();
        }
        return push();
      }),
    /** Something the figures count changed: push within about half a minute (alarms, not timers). */
    noteChange: async () => {
      if (!(await team()).ready) return;
      if (!(await deps.alarms.get(TEAM_CHANGE_ALARM))) await deps.alarms.create(TEAM_CHANGE_ALARM, { delayInMinutes: 0.5 });
    },
    /** Start-up and settings changes: the periodic alarm exists exactly while the team view is on. */
    arm: async () => {
      if ((await team()).ready) {
        if ((await deps.alarms.get(TEAM_SYNC_ALARM))?.periodInMinutes !== PERIOD_MINUTES) {
          await deps.alarms.create(TEAM_SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: 0.5 });
        }
      } else {
        await Promise.all([TEAM_SYNC_ALARM, TEAM_RETRY_ALARM, TEAM_CHANGE_ALARM].map((name) => deps.alarms.clear(name)));
      }
    },
    isTeamAlarm: (name: string) => name === TEAM_SYNC_ALARM || name === TEAM_RETRY_ALARM || name === TEAM_CHANGE_ALARM,
    settingsKey: TEAM_SETTINGS_KEY,
  };
}

function describe(error: unknown): string {
  if (error instanceof CouchError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

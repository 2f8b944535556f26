import type { SalesBook } from '../book/schema';
import { applyEventChanges, customDateFields, deriveEvents, type EventChanges, reconcileEvents } from '../lifecycle/events';
import { planTouches } from '../lifecycle/plan';
import type { TouchChanges } from '../lifecycle/reconcile';
import {
  complete,
  type Completion,
  FINAL_STATES,
  markDue,
  markMissed,
  proposeRetry,
  type RetryOptions,
  skip,
  snooze,
} from '../lifecycle/states';
import type { WorkingTime } from '../lifecycle/working-time';
import type { TouchbookDb } from './database';
import type { TouchRecord, TouchState } from './schema';

/**
 * Touch queries and writes. Lists of due touches ride the `[state+dueAt]` index: one short range
 * per open state, so the popup's first fifty and the badge count stay a few milliseconds at a
 * hundred thousand touches. Every write that changes several rows is one transaction, so a worker
 * stopped halfway leaves the database as it was.
 */

/** States whose touches still ask for action, in the order of the `[state+dueAt]` ranges. */
const OPEN: readonly TouchState[] = ['planned', 'due', 'snoozed'];

export class TouchNotFoundError extends Error {
  constructor(readonly touchId: string) {
    super(`No touch with id ${touchId}`);
    this.name = 'TouchNotFoundError';
  }
}

function dueRange(db: TouchbookDb, state: TouchState, from: number, to: number, includeFrom = true) {
  return db.touches.where('[state+dueAt]').between([state, from], [state, to], includeFrom, true);
}

// ---- reading -----------------------------------------------------------------------------------

/** Open touches whose time has come, most overdue first. */
export async function dueTouches(db: TouchbookDb, now: number, limit = 50): Promise<TouchRecord[]> {
  return db.transaction('r', db.touches, async () => {
    const lists = await Promise.all(OPEN.map((state) => dueRange(db, state, -Infinity, now).limit(limit).toArray()));
    return lists
      .flat()
      .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  });
}

/**
 * How many open touches are due. `atMost` caps the count for the badge, which shows "99+" past
 * 99: counting a few keys stays fast however many thousands are due (a full IndexedDB count of a
 * large range takes tens of milliseconds in Chromium).
 */
export async function countDue(
  db: TouchbookDb,
  now: number,
  atMost = Number.POSITIVE_INFINITY,
  keep?: (touch: TouchRecord) => boolean,
): Promise<number> {
  return db.transaction('r', db.touches, async () => {
    // Filtering needs the records; without a filter the keys alone are counted.
    const range = (state: TouchState) => (keep ? dueRange(db, state, -Infinity, now).filter(keep) : dueRange(db, state, -Infinity, now));
    if (!Number.isFinite(atMost)) {
      const counts = await Promise.all(OPEN.map((state) => range(state).count()));
      return counts.reduce((sum, count) => sum + count, 0);
    }
    let total = 0;
    for (const state of OPEN) {
      if (total >= atMost) break;
      total += (await range(state).limit(atMost - total).primaryKeys()).length;
    }
    return total;
  });
}

/** Every touch of a client, history included, by due time (lives beside the plan the panel reads too). */
export { touchesForClient } from '../lifecycle/client-plan';

/** The earliest time after `now` at which a touch becomes due (a planned one or a snooze ending). */
export async function nextWakeUp(db: TouchbookDb, now: number): Promise<number | null> {
  return db.transaction('r', db.touches, async () => {
    const firsts = await Promise.all(
      (['planned', 'snoozed'] as const).map((state) => dueRange(db, state, now, Infinity, false).first()),
    );
    const times = firsts.flatMap((touch) => (touch ? [touch.dueAt] : []));
    return times.length ? Math.min(...times) : null;
  });
}

/** Touches that became due after `since` and by `now` and are still waiting: the ones to announce. */
export async function newlyDue(db: TouchbookDb, since: number, now: number): Promise<TouchRecord[]> {
  if (now <= since) return [];
  return dueRange(db, 'due', since, now, false).toArray();
}

// ---- planning ----------------------------------------------------------------------------------

/**
 * Writes a plan for one client in one transaction. History is guarded here too: a touch that was
 * closed (done, skipped, missed) or added by the manager after the plan was made is not overwritten.
 */
export async function applyPlan(db: TouchbookDb, clientId: string, plan: TouchChanges): Promise<void> {
  await db.transaction('rw', db.touches, () => writePlans(db, [{ clientId, plan }]));
}

/** Writes the plans of several clients with one read and one write of the touches table. */
async function writePlans(db: TouchbookDb, plans: ReadonlyArray<{ clientId: string; plan: TouchChanges }>): Promise<void> {
  for (const { clientId, plan } of plans) {
    const foreign = plan.put.find((touch) => touch.clientId !== clientId);
    if (foreign) throw new Error(`Plan for client ${clientId} holds touch ${foreign.id} of client ${foreign.clientId}`);
  }
  const stored = await db.touches.bulkGet(plans.flatMap(({ plan }) => [...plan.put.map((touch) => touch.id), ...plan.delete]));
  const byId = new Map(stored.flatMap((touch) => (touch ? [[touch.id, touch] as const] : [])));
  await db.touches.bulkPut(plans.flatMap(({ plan }) => plan.put.filter((touch) => mayReplace(byId.get(touch.id), touch))));
  await db.touches.bulkDelete(plans.flatMap(({ clientId, plan }) => plan.delete.filter((id) => mayDelete(byId.get(id), clientId))));
}

/** The planner rewrites only its own open touches, and does not undo a snooze made meanwhile. */
function mayReplace(stored: TouchRecord | undefined, next: TouchRecord): boolean {
  if (!stored) return true;
  if (stored.source !== 'plan' || FINAL_STATES.includes(stored.state)) return false;
  return stored.state !== 'snoozed' || next.state === 'snoozed';
}

function mayDelete(stored: TouchRecord | undefined, clientId: string): boolean {
  return stored !== undefined && stored.clientId === clientId && stored.source === 'plan' && (stored.state === 'planned' || stored.state === 'due');
}

export interface ReplanOptions {
  book: SalesBook;
  now: number;
  timeZone: string;
  working: WorkingTime;
}

export interface ReplanResult {
  events: EventChanges;
  touches: TouchChanges;
}

/**
 * Re-derives a client's events from the stored card and re-plans its touches, all in one
 * transaction: read, plan (pure, synchronous) and write see the same data. Call it after a
 * snapshot is stored, after the manager records an event, and for every client when the book or
 * the working time changes. Null when the client is unknown.
 */
export async function replanClient(db: TouchbookDb, clientId: string, options: ReplanOptions): Promise<ReplanResult | null> {
  return db.transaction('rw', db.clients, db.events, db.touches, async () => {
    const results = await replanInTransaction(db, [clientId], options, customDateFields(options.book));
    return results.get(clientId) ?? null;
  });
}

/**
 * Re-plans a batch of clients inside the caller's transaction: their cards, events and touches
 * read in one go, planned in memory, written back with one write per table. A client at a time
 * would cost about eight database round trips each (seconds for a thousand).
 */
async function replanInTransaction(
  db: TouchbookDb,
  clientIds: readonly string[],
  options: ReplanOptions,
  fields: string[],
): Promise<Map<string, ReplanResult>> {
  // All requests at once: the database answers them in turn without a trip back to this code
  // between each (an index query per client is also faster than one `anyOf` over many).
  const [clients, eventsOf, touchesOf] = await Promise.all([
    db.clients.bulkGet([...clientIds]),
    Promise.all(clientIds.map((id) => db.events.where('clientId').equals(id).toArray())),
    Promise.all(clientIds.map((id) => db.touches.where('clientId').equals(id).toArray())),
  ]);
  const results = new Map<string, ReplanResult>();
  for (const [index, client] of clients.entries()) {
    if (!client) continue;
    const storedEvents = eventsOf[index] ?? [];
    const eventChanges = reconcileEvents(storedEvents, deriveEvents({ client, customDateFields: fields, now: options.now }));
    const existing = touchesOf[index] ?? [];
    const touchChanges = planTouches({ ...options, client, events: applyEventChanges(storedEvents, eventChanges), existing });
    results.set(client.id, { events: eventChanges, touches: touchChanges });
  }
  const changes = [...results.values()];
  await db.events.bulkPut(changes.flatMap((change) => change.events.put));
  await db.events.bulkDelete(changes.flatMap((change) => change.events.delete));
  await writePlans(db, [...results].map(([clientId, result]) => ({ clientId, plan: result.touches })));
  return results;
}

/**
 * Re-plans many clients (all of them by default) in batches, one transaction per batch, so a
 * book change reaches every client without one huge transaction. `onProgress(done, total)`.
 */
export async function replanClients(
  db: TouchbookDb,
  options: ReplanOptions & { clientIds?: readonly string[]; batchSize?: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  const ids = options.clientIds ?? (await db.clients.toCollection().primaryKeys());
  const batchSize = options.batchSize ?? 100;
  const fields = customDateFields(options.book);
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    await db.transaction('rw', db.clients, db.events, db.touches, () => replanInTransaction(db, batch, options, fields));
    options.onProgress?.(Math.min(start + batchSize, ids.length), ids.length);
  }
  return ids.length;
}

// ---- the clock moves on ------------------------------------------------------------------------

export interface DueSweep {
  /** Planned or snoozed touches that became due now. */
  due: TouchRecord[];
  /** Touches whose chance passed (a season window closed) without anyone acting. */
  missed: TouchRecord[];
}

/**
 * Moves touches whose time has come to due, and those whose chance has passed to missed, in one
 * transaction. Both come from index ranges (`[state+dueAt]`, `[state+expiresAt]`; touches that
 * never expire have no entry in the second), so a sweep reads only what it changes.
 */
export async function promoteDue(db: TouchbookDb, now: number): Promise<DueSweep> {
  return db.transaction('rw', db.touches, async () => {
    const expiring = (['planned', 'due'] as const).map((state) =>
      db.touches.where('[state+expiresAt]').between([state, -Infinity], [state, now], true, true).toArray(),
    );
    const ripening = (['planned', 'snoozed'] as const).map((state) => dueRange(db, state, -Infinity, now).toArray());
    const missed = (await Promise.all(expiring)).flat().map((touch) => markMissed(touch, now));
    const missedIds = new Set(missed.map((touch) => touch.id));
    const due = (await Promise.all(ripening))
      .flat()
      .filter((touch) => !missedIds.has(touch.id))
      .map((touch) => markDue(touch, now));
    await db.touches.bulkPut([...missed, ...due]);
    return { due, missed };
  });
}

// ---- the manager acts --------------------------------------------------------------------------

async function change(db: TouchbookDb, touchId: string, transition: (touch: TouchRecord) => TouchRecord): Promise<TouchRecord> {
  return db.transaction('rw', db.touches, async () => {
    const touch = await db.touches.get(touchId);
    if (!touch) throw new TouchNotFoundError(touchId);
    const next = transition(touch);
    await db.touches.put(next);
    return next;
  });
}

export interface OutcomeResult {
  touch: TouchRecord;
  /** For "no answer" (or "rescheduled" with a time): a follow-up to offer; store it with `addTouch`. */
  retry: TouchRecord | null;
}

export interface OutcomeOptions {
  /** "Call me later at…" names the time itself: its retry is stored at once, not only proposed. */
  storeRescheduled?: boolean;
  /** Re-plan the touch's client with the outcome in place. */
  replan?: ReplanOptions;
}

/**
 * Closes a touch with its outcome; with `options`, also stores a rescheduled call's retry and
 * re-plans the client. All of it is one transaction (issue 16): a worker stopped halfway leaves
 * the touch open and nothing else written, never a done touch whose follow-up or plan is missing.
 */
export async function recordOutcome(
  db: TouchbookDb,
  touchId: string,
  completion: Completion,
  retry: RetryOptions,
  options: OutcomeOptions = {},
): Promise<OutcomeResult> {
  return db.transaction('rw', db.clients, db.events, db.touches, async () => {
    const touch = await change(db, touchId, (current) => complete(current, completion, retry.now));
    const wantsRetry = completion.outcome === 'no-answer' || (completion.outcome === 'rescheduled' && retry.at !== undefined);
    const proposed = wantsRetry ? proposeRetry(touch, retry) : null;
    if (proposed && completion.outcome === 'rescheduled' && options.storeRescheduled) await addTouch(db, proposed);
    if (options.replan) await replanInTransaction(db, [touch.clientId], options.replan, customDateFields(options.replan.book));
    return { touch, retry: proposed };
  });
}

export function snoozeTouch(db: TouchbookDb, touchId: string, until: number, now: number): Promise<TouchRecord> {
  return change(db, touchId, (touch) => snooze(touch, until, now));
}

export function skipTouch(db: TouchbookDb, touchId: string, reason: string, now: number): Promise<TouchRecord> {
  return change(db, touchId, (touch) => skip(touch, reason, now));
}

/** Stores a touch the manager accepted (a proposed retry); re-planning leaves it alone. */
export async function addTouch(db: TouchbookDb, touch: TouchRecord): Promise<void> {
  await db.touches.put({ ...touch, source: 'manager' });
}

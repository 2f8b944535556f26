import type { TouchRecord } from '../db/schema';

/**
 * Bringing stored touches in line with a fresh plan without rewriting history:
 * - done, skipped and missed touches are what happened: never changed, never removed;
 * - touches the manager added (a retry after "no answer") are the manager's: left alone;
 * - a snoozed touch keeps its snooze (new wording from the book still reaches it);
 * - a planned or due touch follows the plan: moved, reworded, or removed when the plan no
 *   longer has it (a programme left the book, a tag came off the card), unless its chance has
 *   simply passed (a season window closed), in which case it is missed;
 * - a touch the plan closes (its stage was bought, a newer purchase replaced its chain) is
 *   skipped with the plan's reason if it is still open, so history says why it never happened;
 * - a new touch whose time has already passed is history the manager never saw: per programme
 *   the most recent one is due now and the older ones are missed, so a client seen for the
 *   first time a year after the purchase brings one call, not six.
 */

export interface TouchChanges {
  put: TouchRecord[];
  delete: string[];
}

const PLANNER_OWNED: ReadonlySet<TouchRecord['state']> = new Set(['planned', 'due']);

/** Fields a new plan may change; anything else is the touch's history. */
const PLANNED_FIELDS = [
  'state',
  'dueAt',
  'goal',
  'role',
  'roleId',
  'channel',
  'script',
  'scriptVariants',
  'programmeName',
  'priority',
  'anchorEventId',
  'occurrence',
  'expiresAt',
] as const satisfies ReadonlyArray<keyof TouchRecord>;

/** The wording fields: the only part of a snoozed touch a new plan may change. */
const WORDING_FIELDS = ['goal', 'role', 'roleId', 'channel', 'script', 'scriptVariants', 'programmeName', 'priority'] as const satisfies ReadonlyArray<
  keyof TouchRecord
>;

export function reconcileTouches(existing: readonly TouchRecord[], planned: readonly TouchRecord[], now: number): TouchChanges {
  const stored = new Map(existing.map((touch) => [touch.id, touch]));
  const plannedIds = new Set(planned.map((touch) => touch.id));
  const put: TouchRecord[] = [];
  const newInThePast: TouchRecord[] = [];

  for (const touch of planned) {
    const before = stored.get(touch.id);
    if (touch.state === 'skipped') {
      // Closed by the plan (the stage was bought, a newer purchase took over the chain): an open
      // stored touch is closed with the reason; one never stored is not worth writing down.
      if (before?.source === 'plan' && (PLANNER_OWNED.has(before.state) || before.state === 'snoozed')) {
        put.push({ ...before, state: 'skipped', skipReason: touch.skipReason, outcomeAt: now, snoozedUntil: null, updatedAt: now });
      }
      continue;
    }
    if (!before) {
      if (touch.dueAt <= now) newInThePast.push(touch);
      else put.push({ ...touch, state: 'planned' });
      continue;
    }
    const updated = updateStored(before, touch, now);
    if (updated) put.push(updated);
  }
  put.push(...catchUp(newInThePast, now));

  const removed: string[] = [];
  for (const touch of existing) {
    if (plannedIds.has(touch.id) || touch.source !== 'plan' || !PLANNER_OWNED.has(touch.state)) continue;
    if (touch.expiresAt !== null && touch.expiresAt <= now) put.push({ ...touch, state: 'missed', updatedAt: now });
    else removed.push(touch.id);
  }
  return { put, delete: removed };
}

/** The stored touch brought up to the plan, or null when nothing needs writing. */
function updateStored(before: TouchRecord, planned: TouchRecord, now: number): TouchRecord | null {
  if (before.source !== 'plan') return null;
  if (before.state === 'snoozed') return withFields(before, planned, WORDING_FIELDS, now);
  if (!PLANNER_OWNED.has(before.state)) return null;
  const state = planned.dueAt <= now ? 'due' : 'planned';
  return withFields(before, { ...planned, state }, PLANNED_FIELDS, now);
}

function withFields(
  before: TouchRecord,
  source: TouchRecord,
  fields: ReadonlyArray<keyof TouchRecord>,
  now: number,
): TouchRecord | null {
  if (fields.every((field) => sameValue(before[field], source[field]))) return null;
  return { ...before, ...pick(source, fields), updatedAt: now };
}

/** Field values are scalars, or lists of strings (script variants). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}

function pick(source: TouchRecord, fields: ReadonlyArray<keyof TouchRecord>): Partial<TouchRecord> {
  return Object.fromEntries(fields.map((field) => [field, source[field]]));
}

/** New touches already in the past: per programme, the latest is due, the rest were missed. */
function catchUp(touches: readonly TouchRecord[], now: number): TouchRecord[] {
  const latest = new Map<string, TouchRecord>();
  for (const touch of touches) {
    const current = latest.get(touch.programmeId);
    if (!current || touch.dueAt > current.dueAt || (touch.dueAt === current.dueAt && touch.id > current.id)) {
      latest.set(touch.programmeId, touch);
    }
  }
  return touches.map((touch) =>
    latest.get(touch.programmeId) === touch ? { ...touch, state: 'due' } : { ...touch, state: 'missed', updatedAt: now },
  );
}

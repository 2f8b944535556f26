import type { TouchOutcome, TouchRecord, TouchState } from '../db/schema';
import { afterVacation, sameTimeNextWorkingDay, type WorkingTime } from './working-time';

/**
 * The life of one touch:
 *
 *   planned --(its time comes)--> due --> done (reached | no-answer | rescheduled | not-interested)
 *      |                          |  \-> skipped (with a reason)
 *      |                          |  \-> missed (its chance passed)
 *      |                          \-> snoozed (until) --(until comes)--> due
 *      \-> done / snoozed / skipped / missed (the manager may act early)
 *
 * Done, skipped and missed are final: they are the record of what happened. Each function returns
 * a new touch or throws a TouchTransitionError that says what was attempted and why it cannot be.
 */

export const OPEN_STATES: readonly TouchState[] = ['planned', 'due', 'snoozed'];
export const FINAL_STATES: readonly TouchState[] = ['done', 'skipped', 'missed'];
export const TOUCH_OUTCOMES: readonly TouchOutcome[] = ['reached', 'no-answer', 'rescheduled', 'not-interested'];

export type TouchAction = 'due' | 'done' | 'snooze' | 'skip' | 'miss';

export class TouchTransitionError extends Error {
  constructor(
    readonly touchId: string,
    readonly from: TouchState,
    readonly action: TouchAction,
    reason: string,
  ) {
    super(`Touch ${touchId} is ${from}; cannot ${action}: ${reason}`);
    this.name = 'TouchTransitionError';
  }
}

export function isOpen(touch: Pick<TouchRecord, 'state'>): boolean {
  return OPEN_STATES.includes(touch.state);
}

function requireOpen(touch: TouchRecord, action: TouchAction): void {
  if (!isOpen(touch)) throw new TouchTransitionError(touch.id, touch.state, action, 'it is already closed');
}

/** planned or snoozed -> due, once its time (or the end of the snooze) has come. */
export function markDue(touch: TouchRecord, now: number): TouchRecord {
  if (touch.state !== 'planned' && touch.state !== 'snoozed') {
    throw new TouchTransitionError(touch.id, touch.state, 'due', 'only planned or snoozed touches become due');
  }
  if (touch.dueAt > now) throw new TouchTransitionError(touch.id, touch.state, 'due', 'its time has not come yet');
  return { ...touch, state: 'due', snoozedUntil: null, updatedAt: now };
}

export interface Completion {
  outcome: TouchOutcome;
  note?: string | null;
}

/** The manager made the contact (or tried to): the outcome and a note are kept with it. */
export function complete(touch: TouchRecord, { outcome, note = null }: Completion, now: number): TouchRecord {
  requireOpen(touch, 'done');
  if (!TOUCH_OUTCOMES.includes(outcome)) throw new TouchTransitionError(touch.id, touch.state, 'done', `unknown outcome "${String(outcome)}"`);
  return { ...touch, state: 'done', outcome, note, outcomeAt: now, snoozedUntil: null, updatedAt: now };
}

/** Not now: the touch comes back as due at `until`. */
export function snooze(touch: TouchRecord, until: number, now: number): TouchRecord {
  requireOpen(touch, 'snooze');
  if (!(until > now)) throw new TouchTransitionError(touch.id, touch.state, 'snooze', 'the snooze must end in the future');
  return { ...touch, state: 'snoozed', snoozedUntil: until, dueAt: until, updatedAt: now };
}

/** The manager decided against this touch, and says why. */
export function skip(touch: TouchRecord, reason: string, now: number): TouchRecord {
  requireOpen(touch, 'skip');
  const trimmed = reason.trim();
  if (!trimmed) throw new TouchTransitionError(touch.id, touch.state, 'skip', 'a reason is required');
  return { ...touch, state: 'skipped', skipReason: trimmed, outcomeAt: now, snoozedUntil: null, updatedAt: now };
}

/** Its chance passed without anyone acting on it. */
export function markMissed(touch: TouchRecord, now: number): TouchRecord {
  if (touch.state !== 'planned' && touch.state !== 'due') {
    throw new TouchTransitionError(touch.id, touch.state, 'miss', 'only planned or due touches can be missed');
  }
  return { ...touch, state: 'missed', updatedAt: now };
}

// ---- retries -----------------------------------------------------------------------------------

export interface RetryOptions {
  now: number;
  timeZone: string;
  working: WorkingTime;
  /** The time the client named ("rescheduled"); without it, the next working day. */
  at?: number;
}

/**
 * After "no answer" (or "call me later"), a new touch with the same goal and script that the
 * caller may store: the next working day at the same time of day, or the time the client named.
 * It belongs to the manager, so re-planning never removes it.
 */
export function proposeRetry(touch: TouchRecord, { now, timeZone, working, at }: RetryOptions): TouchRecord {
  const attempt = retryAttempt(touch.id) + 1;
  const base = touch.id.replace(/:retry-\d+$/, '');
  const dueAt = at === undefined ? sameTimeNextWorkingDay(now, timeZone, working) : afterVacation(at, timeZone, working);
  return {
    ...touch,
    id: `${base}:retry-${attempt}`,
    occurrence: `${touch.occurrence.replace(/:retry-\d+$/, '')}:retry-${attempt}`,
    state: dueAt <= now ? 'due' : 'planned',
    dueAt,
    source: 'manager',
    outcome: null,
    note: null,
    outcomeAt: null,
    skipReason: null,
    snoozedUntil: null,
    expiresAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

function retryAttempt(id: string): number {
  const match = /:retry-(\d+)$/.exec(id);
  return match ? Number(match[1]) : 0;
}

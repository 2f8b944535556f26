/**
 * One alarm wakes the worker for the next due touch. The worker keeps nothing in memory, so the
 * alarm is re-armed from the database after every change and at every start-up (Firefox forgets
 * alarms over a browser restart; Chrome fires packed extensions' alarms 30 s apart at the soonest).
 */

export const WAKE_ALARM = 'touchbook-wake';
/** Chrome will not fire sooner than this after creation; asking for less just gets rounded up. */
export const MIN_ALARM_DELAY_MS = 30_000;
/**
 * Wake at least this often even with nothing due: season windows close, snoozes end and the plan's
 * horizon moves on, and the check that follows each wake-up takes care of them.
 */
export const MAX_SLEEP_MS = 12 * 60 * 60 * 1000;

/** `browser.alarms` as far as reminders use it. */
export interface AlarmsApi {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** When to wake: the next due time, no sooner than Chrome allows and no later than MAX_SLEEP_MS. */
export function wakeTime(nextDueAt: number | null, now: number): number {
  const latest = now + MAX_SLEEP_MS;
  const wanted = nextDueAt === null ? latest : Math.min(nextDueAt, latest);
  return Math.max(wanted, now + MIN_ALARM_DELAY_MS);
}

/** (Re)creates the wake-up alarm; creating an alarm with the same name replaces the old one. */
export async function armWakeAlarm(alarms: AlarmsApi, nextDueAt: number | null, now: number): Promise<number> {
  const when = wakeTime(nextDueAt, now);
  await alarms.create(WAKE_ALARM, { when });
  return when;
}

export function isWakeAlarm(alarm: { name: string }): boolean {
  return alarm.name === WAKE_ALARM;
}

import type { SeasonWindow, Touch } from '../book/schema';
import { type IsoDuration, isZeroDuration, parseMonthDay } from '../book/timing';
import {
  addDays,
  addDurationToLocal,
  atMinutes,
  combineDurations,
  compareDates,
  DAY_MS,
  daysInMonth,
  HOUR_MS,
  type LocalDate,
  type LocalDateTime,
  formatLocalDate,
  isoWeekday,
  startOfLocalDay,
  toDuration,
  toLocal,
  windowOccurrences,
  type YearlyWindow,
} from './time';

/**
 * When a touch template falls: the dated runs of one template from one anchor, before any
 * working-hours shift. Runs that are already over (a closed season window, a repeat overtaken by
 * the next one) are left out; runs beyond the horizon wait for a later planning pass.
 */

export interface AnchorPoint {
  /** The anchor event's id; null for programmes with no anchor. */
  eventId: string | null;
  /** The anchor's wall-clock moment: a date at the start of the working day, or an exact time. */
  local: LocalDateTime;
}

export interface Occurrence {
  /** Tells this run apart from the template's other runs; part of the touch id. */
  key: string;
  /** When the touch falls, epoch ms, before working hours and vacations are applied. */
  at: number;
  /** The local day it falls on, for "days since the anchor". */
  date: LocalDate;
  /** When the chance is gone (the window closes, the next repeat is due); null: never. */
  expiresAt: number | null;
}

export interface OccurrenceContext {
  now: number;
  /** The local day `now` falls on. */
  today: LocalDate;
  /** Nothing is planned after this instant... */
  horizonEnd: number;
  /** ...or after this local day. */
  horizonDate: LocalDate;
  timeZone: string;
  /** Minutes after midnight that date-only touches are planned for (the working day's start). */
  dayStartMinutes: number;
  /** At most this many future runs of one repeating template. */
  maxRuns: number;
}

const NO_TIME: IsoDuration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

const dateOf = (local: LocalDateTime): LocalDate => ({ year: local.year, month: local.month, day: local.day });

// ---- "after" an anchor, optionally repeating ---------------------------------------------------

/** Rough length, only to skip quickly over repeats that are long past. */
function approximateMs(duration: IsoDuration): number {
  const days = duration.years * 365.2425 + duration.months * 30.436875 + duration.weeks * 7 + duration.days;
  return days * DAY_MS + duration.hours * HOUR_MS + (duration.minutes * 60 + duration.seconds) * 1000;
}

export function afterOccurrences(touch: Touch, anchor: AnchorPoint, context: OccurrenceContext): Occurrence[] {
  if (!touch.after || !anchor.eventId) return [];
  const after = toDuration(touch.after);
  const repeat = touch.repeatEvery ? toDuration(touch.repeatEvery) : null;
  const at = (run: number) => addDurationToLocal(anchor.local, repeat ? combineDurations(after, repeat, run) : after, context.timeZone);
  const occurrence = (run: number, instant: number, expiresAt: number | null): Occurrence => ({
    key: repeat ? `${anchor.eventId}#${run}` : anchor.eventId!,
    at: instant,
    date: dateOf(toLocal(instant, context.timeZone)),
    expiresAt,
  });

  if (!repeat || isZeroDuration(repeat)) {
    const instant = at(0);
    return instant <= context.horizonEnd ? [occurrence(0, instant, null)] : [];
  }

  const runs: Occurrence[] = [];
  // Start a little before the last run that is already due, then walk.
  const skipped = Math.floor((context.now - at(0)) / approximateMs(repeat)) - 2;
  let run = Math.max(0, skipped);
  let instant = at(run);
  while (instant <= context.horizonEnd && runs.length < context.maxRuns) {
    const next = at(run + 1);
    if (next > context.now) runs.push(occurrence(run, instant, next));
    run += 1;
    instant = next;
  }
  return runs;
}

// ---- "before" a date ---------------------------------------------------------------------------

/**
 * "Three days before the discount ends": once, this long before the day, at the start of the
 * working day; it expires when that day is over. Already over: nothing to plan.
 */
export function beforeOccurrences(before: string, anchor: AnchorPoint, end: LocalDate, context: OccurrenceContext): Occurrence[] {
  if (!anchor.eventId) return [];
  const run = runBefore(before, end, `${anchor.eventId}<`, context);
  return run && run.expiresAt! > context.now && run.at <= context.horizonEnd ? [run] : [];
}

/**
 * "Two weeks before the month-end purchase": every month, this long before the month's last day,
 * each run expiring when that day is over. From the current month up to the horizon.
 */
export function monthEndOccurrences(before: string, context: OccurrenceContext): Occurrence[] {
  const runs: Occurrence[] = [];
  let { year, month } = context.today;
  while (runs.length < context.maxRuns) {
    const run = runBefore(before, { year, month, day: daysInMonth(year, month) }, 'month-end<', context);
    if (run.at > context.horizonEnd) break;
    if (run.expiresAt! > context.now) runs.push(run);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return runs;
}

/** This long before `end`, at the start of the working day; gone once `end` is over. */
function runBefore(before: string, end: LocalDate, keyPrefix: string, context: OccurrenceContext): Occurrence {
  const endLocal = { ...end, hour: Math.floor(context.dayStartMinutes / 60), minute: context.dayStartMinutes % 60, second: 0 };
  const instant = addDurationToLocal(endLocal, combineDurations(NO_TIME, toDuration(before), -1), context.timeZone);
  const expiresAt = startOfLocalDay(addDays(end, 1), context.timeZone);
  return { key: `${keyPrefix}${formatLocalDate(end)}`, at: instant, date: dateOf(toLocal(instant, context.timeZone)), expiresAt };
}

// ---- yearly windows and dates ------------------------------------------------------------------

export function toYearlyWindow(window: SeasonWindow): YearlyWindow | null {
  const from = parseMonthDay(window.from);
  const to = parseMonthDay(window.to);
  return from && to ? { from, to, ...(window.year !== undefined ? { year: window.year } : {}) } : null;
}

/**
 * The current and coming runs of a yearly window. The touch falls on the window's first day (in
 * the past when the window is already open: it is due now) and expires when the window closes.
 * `notBefore` keeps an anniversary from falling on or before the anchor itself.
 */
export function windowRuns(
  window: YearlyWindow,
  keyPrefix: string,
  context: OccurrenceContext,
  notBefore: LocalDate | null = null,
): Occurrence[] {
  return windowOccurrences(window, context.today, context.horizonDate)
    .filter((run) => notBefore === null || compareDates(run.start, notBefore) > 0)
    .slice(0, context.maxRuns)
    .map((run) => ({
      key: `${keyPrefix}${formatLocalDate(run.start)}`,
      at: atMinutes(run.start, context.dayStartMinutes, context.timeZone),
      date: run.start,
      expiresAt: startOfLocalDay(addDays(run.end, 1), context.timeZone),
    }));
}

/**
 * The current and coming runs of a date that moves from year to year (Easter, a name day tied to
 * it), given as the day it falls on in each year. `offsetDays` moves the touch from that day. With
 * `workingDays`, a touch that would fall on a day off moves back to the working day before: wishes
 * for a holiday come before it, never after. Every run expires the day after the holiday itself.
 */
export function yearlyDateRuns(
  dateIn: (year: number) => LocalDate | null,
  context: OccurrenceContext,
  { offsetDays = 0, workingDays = [] }: { offsetDays?: number; workingDays?: readonly number[] } = {},
): Occurrence[] {
  const runs: Occurrence[] = [];
  for (let year = context.today.year - 1; year <= context.horizonDate.year + 1 && runs.length < context.maxRuns; year++) {
    const day = dateIn(year);
    if (!day) continue;
    let planned = addDays(day, offsetDays);
    for (let step = 0; step < 6 && workingDays.length > 0 && !workingDays.includes(isoWeekday(planned)); step++) planned = addDays(planned, -1);
    const last = compareDates(planned, day) > 0 ? planned : day;
    if (compareDates(last, context.today) < 0 || compareDates(planned, context.horizonDate) > 0) continue;
    runs.push({
      key: formatLocalDate(day),
      at: atMinutes(planned, context.dayStartMinutes, context.timeZone),
      date: planned,
      expiresAt: startOfLocalDay(addDays(last, 1), context.timeZone),
    });
  }
  return runs;
}

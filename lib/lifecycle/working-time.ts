import {
  addDays,
  atMinutes,
  compareDates,
  fromLocal,
  isoWeekday,
  type LocalDate,
  parseLocalDate,
  toLocal,
} from './time';

/**
 * When the manager works: which days, which hours, and a vacation. A touch that falls outside
 * moves to the next moment the manager can act on it, so Monday morning starts with Saturday's
 * calls instead of a notification nobody sees.
 */
export interface WorkingTime {
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. Empty means "any day". */
  workingDays: readonly number[];
  /** "HH:MM", local. */
  workDayStart: string;
  /** "HH:MM", local, exclusive. */
  workDayEnd: string;
  /** Both days inclusive, "YYYY-MM-DD"; null when not away. */
  vacation: { from: string; to: string } | null;
}

export const DEFAULT_WORKING_TIME: WorkingTime = {
  workingDays: [1, 2, 3, 4, 5],
  workDayStart: '09:00',
  workDayEnd: '18:00',
  vacation: null,
};

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" -> 570 minutes after midnight; anything else -> null. */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

interface Hours {
  start: number;
  end: number;
}

/** The parsed form of a working time; planning asks for it once per touch, so it is remembered. */
interface Parsed {
  hours: Hours;
  vacation: Vacation | null;
}
const parsed = new WeakMap<WorkingTime, Parsed>();

function parse(working: WorkingTime): Parsed {
  let result = parsed.get(working);
  if (!result) parsed.set(working, (result = { hours: parseHours(working), vacation: parseVacation(working) }));
  return result;
}

function hoursOf(working: WorkingTime): Hours {
  return parse(working).hours;
}

function vacationOf(working: WorkingTime): Vacation | null {
  return parse(working).vacation;
}

/** Broken hours (a typo, start after end) count as "any time of day" rather than "never". */
function parseHours(working: WorkingTime): Hours {
  const start = parseClock(working.workDayStart);
  const end = parseClock(working.workDayEnd);
  if (start === null || end === null || start >= end) return { start: 0, end: 24 * 60 };
  return { start, end };
}

/** The minute of the day a working day starts at: date-only events are planned for it. */
export function workDayStartMinutes(working: WorkingTime): number {
  return hoursOf(working).start;
}

interface Vacation {
  from: LocalDate;
  to: LocalDate;
}

function parseVacation(working: WorkingTime): Vacation | null {
  if (!working.vacation) return null;
  const from = parseLocalDate(working.vacation.from);
  const to = parseLocalDate(working.vacation.to);
  if (!from || !to || compareDates(from, to) > 0) return null;
  return { from, to };
}

function onVacation(date: LocalDate, vacation: Vacation | null): boolean {
  return vacation !== null && compareDates(date, vacation.from) >= 0 && compareDates(date, vacation.to) <= 0;
}

function isWorkingDay(date: LocalDate, working: WorkingTime): boolean {
  return working.workingDays.length === 0 || working.workingDays.includes(isoWeekday(date));
}

/**
 * The instant itself when the manager is at work then, else the start of the next working day
 * (after the vacation, if one covers it).
 */
export function nextWorkingSlot(epochMs: number, timeZone: string, working: WorkingTime): number {
  const hours = hoursOf(working);
  const vacation = vacationOf(working);
  const local = toLocal(epochMs, timeZone);
  const minutes = local.hour * 60 + local.minute;
  let date: LocalDate = { year: local.year, month: local.month, day: local.day };

  if (!onVacation(date, vacation) && isWorkingDay(date, working)) {
    if (minutes >= hours.start && minutes < hours.end) return epochMs;
    if (minutes < hours.start) return atMinutes(date, hours.start, timeZone);
  }
  // Eight days find a working day in any week; leaving a vacation is one more step.
  for (let step = 0; step < 9; step++) {
    date = onVacation(date, vacation) ? addDays(vacation!.to, 1) : addDays(date, 1);
    if (!onVacation(date, vacation) && isWorkingDay(date, working)) return atMinutes(date, hours.start, timeZone);
  }
  return epochMs;
}

/**
 * The same time of day on the next working day: "no answer at 16:20 on Friday" is tried again at
 * 16:20 on Monday (or at the next working slot, if that time is outside working hours).
 */
export function sameTimeNextWorkingDay(epochMs: number, timeZone: string, working: WorkingTime): number {
  const vacation = vacationOf(working);
  const local = toLocal(epochMs, timeZone);
  let date = addDays(local, 1);
  for (let step = 0; step < 9 && (onVacation(date, vacation) || !isWorkingDay(date, working)); step++) {
    date = onVacation(date, vacation) ? addDays(vacation!.to, 1) : addDays(date, 1);
  }
  return nextWorkingSlot(fromLocal({ ...local, ...date }, timeZone), timeZone, working);
}

/**
 * For touches whose time was chosen by the client (a callback): kept to the minute, unless the
 * manager is away then, in which case it waits for the first working slot after the vacation.
 */
export function afterVacation(epochMs: number, timeZone: string, working: WorkingTime): number {
  const vacation = vacationOf(working);
  const local = toLocal(epochMs, timeZone);
  if (!onVacation({ year: local.year, month: local.month, day: local.day }, vacation)) return epochMs;
  return nextWorkingSlot(epochMs, timeZone, working);
}

/** The working time in the settings, with defaults for what older settings lack. */
export function workingTimeOf(settings: {
  workingDays?: readonly number[];
  workDayStart?: string;
  workDayEnd?: string;
  vacation?: { from: string; to: string } | null;
}): WorkingTime {
  return {
    workingDays: settings.workingDays ?? DEFAULT_WORKING_TIME.workingDays,
    workDayStart: settings.workDayStart ?? DEFAULT_WORKING_TIME.workDayStart,
    workDayEnd: settings.workDayEnd ?? DEFAULT_WORKING_TIME.workDayEnd,
    vacation: settings.vacation ?? null,
  };
}

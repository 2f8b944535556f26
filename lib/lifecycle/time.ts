import { type IsoDuration, type MonthDay, parseIsoDuration } from '../book/timing';

/**
 * Calendar arithmetic in an IANA time zone, with nothing but `Intl.DateTimeFormat`.
 *
 * A touch is a promise made in the manager's wall-clock time: "a week after the purchase, at ten
 * in the morning". So dates move on the calendar (a month after 31 January is the end of
 * February) and times of day stay put when the clocks change; only then is the local time turned
 * into an instant. Every function takes the instant and the zone it needs: nothing here reads the
 * clock.
 */

export interface LocalDate {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// ---- time zones --------------------------------------------------------------------------------

/** A zone the runtime knows, else the fallback: a typo in settings must not stop planning. */
export function resolveTimeZone(timeZone: string | null | undefined, fallback = 'UTC'): string {
  if (!timeZone) return fallback;
  let resolved = resolvedZones.get(timeZone);
  if (resolved === undefined) {
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
    } catch {
      resolved = null;
    }
    // Settings hold one zone or two; the bound only keeps hostile input from growing it.
    if (resolvedZones.size >= 100) resolvedZones.clear();
    resolvedZones.set(timeZone, resolved);
  }
  return resolved ?? fallback;
}

/** Each zone asked about, as the runtime names it (null: unknown); planning asks for every touch. */
const resolvedZones = new Map<string, string | null>();

/** Whether this engine knows the zone (Intl throws a RangeError for one it does not). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Formatters are expensive to build (tens of microseconds) and offsets change twice a year at
// most, so both are memoised. The caches only remember answers to pure questions.
const formatters = new Map<string, Intl.DateTimeFormat>();
const dayOffsets = new Map<string, Map<number, DayOffset>>();
const MAX_CACHED_DAYS = 20_000;

/** A UTC day's offset: one number, or the two either side of the second the clocks change. */
type DayOffset = number | { changeAt: number; before: number; after: number };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in ms, asked of Intl directly. */
function exactOffset(epochMs: number, timeZone: string): number {
  const field = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in field) field[part.type as keyof typeof field] = Number(part.value);
  }
  const wall = utcOf(field);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The zone's offset at an instant, remembered per UTC day: zones change at most once a day, so a
 * day is one offset, or two either side of the change, whose second is found once by bisection.
 */
export function offsetAt(epochMs: number, timeZone: string): number {
  const day = Math.floor(epochMs / DAY_MS);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map<number, DayOffset>()));
  let entry = days.get(day);
  if (entry === undefined) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, (entry = dayOffset(day, timeZone)));
  }
  if (typeof entry === 'number') return entry;
  return epochMs < entry.changeAt ? entry.before : entry.after;
}

function dayOffset(day: number, timeZone: string): DayOffset {
  let low = day * DAY_MS;
  let high = low + DAY_MS - 1000;
  const before = exactOffset(low, timeZone);
  const after = exactOffset(high, timeZone);
  if (before === after) return before;
  // Invariant: the offset at `low` is `before`, at `high` it is not; narrow to one second.
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (exactOffset(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return { changeAt: high, before, after };
}

/** The wall-clock time in the zone at an instant. */
export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  const wall = epochMs + offsetAt(epochMs, timeZone);
  const days = Math.floor(wall / DAY_MS);
  const seconds = Math.floor((wall - days * DAY_MS) / 1000);
  const { year, month, day } = fromEpochDay(days);
  return { year, month, day, hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 };
}

/**
 * The instant a wall-clock time names. When the clocks go back the time exists twice and the
 * earlier is taken; when they go forward it does not exist at all (02:30 on the night of the
 * change) and it moves forward by the length of the gap, to 03:30: a late reminder beats none.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const wall = utcOf(local);
  // The offset in force a day before and a day after: the time is valid under one, both or none.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(early, timeZone) === before;
  const lateValid = after !== before && offsetAt(late, timeZone) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  // Valid under the earlier offset, or in the gap, where the earlier offset moves it forward.
  return early;
}

function utcOf(local: LocalDateTime): number {
  return epochDay(local) * DAY_MS + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
}

/** The local day an instant falls on. */
export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  const { year, month, day } = toLocal(epochMs, timeZone);
  return { year, month, day };
}

/** A local date at a wall-clock time given in minutes after midnight. */
export function atMinutes(date: LocalDate, minutes: number, timeZone: string): number {
  return fromLocal({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 }, timeZone);
}

/** Midnight at the start of a local day (or the first moment of it, where midnight is skipped). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  return atMinutes(date, 0, timeZone);
}

// ---- dates -------------------------------------------------------------------------------------

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-03-01" -> a date; anything else, including 2025-02-30, -> null. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Days since 1970-01-01 of a calendar date: the zone plays no part in counting days. Plain
 * arithmetic (Howard Hinnant's days_from_civil): planning calls it often enough for Date objects
 * to show up in profiles.
 */
export function epochDay({ year, month, day }: LocalDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day count (civil_from_days, the inverse of `epochDay`). */
export function fromEpochDay(days: number): LocalDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1 };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return epochDay(a) - epochDay(b);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Calendar months, clamped to the month's length: 31 January + 1 month = 28 (or 29) February,
 * 29 February + 1 year = 28 February.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** A day of the year in a given year; 29 February is the 28th in other years. */
export function monthDayIn(monthDay: MonthDay, year: number): LocalDate {
  return { year, month: monthDay.month, day: Math.min(monthDay.day, daysInMonth(year, monthDay.month)) };
}

// ---- durations ---------------------------------------------------------------------------------

export function toDuration(duration: IsoDuration | string): IsoDuration {
  if (typeof duration !== 'string') return duration;
  const parsed = parseIsoDuration(duration);
  if (!parsed) throw new RangeError(`"${duration}" is not an ISO-8601 duration`);
  return parsed;
}

/** `first + second * times`, component by component: "3 months, then every 2 months" x3 = P9M. */
export function combineDurations(first: IsoDuration, second: IsoDuration, times = 1): IsoDuration {
  return {
    years: first.years + second.years * times,
    months: first.months + second.months * times,
    weeks: first.weeks + second.weeks * times,
    days: first.days + second.days * times,
    hours: first.hours + second.hours * times,
    minutes: first.minutes + second.minutes * times,
    seconds: first.seconds + second.seconds * times,
  };
}

/** Adds the calendar part of a duration (years, months, weeks, days) to a wall-clock time. */
export function addCalendar(local: LocalDateTime, duration: IsoDuration): LocalDateTime {
  const moved = addDays(addMonths(local, duration.years * 12 + duration.months), duration.weeks * 7 + duration.days);
  return { ...local, ...moved };
}

/**
 * Adds a duration the way people mean it: years, months, weeks and days on the calendar at the
 * same wall-clock time (10:00 stays 10:00 across a clock change), then hours, minutes and
 * seconds as elapsed time. This is Temporal's rule for zoned date-times.
 */
export function addDuration(epochMs: number, duration: IsoDuration | string, timeZone: string): number {
  const parsed = toDuration(duration);
  const hasCalendarPart = parsed.years || parsed.months || parsed.weeks || parsed.days;
  const base = hasCalendarPart ? fromLocal(addCalendar(toLocal(epochMs, timeZone), parsed), timeZone) : epochMs;
  return base + ((parsed.hours * 60 + parsed.minutes) * 60 + parsed.seconds) * 1000;
}

/** The same, starting from a wall-clock time rather than an instant. */
export function addDurationToLocal(local: LocalDateTime, duration: IsoDuration, timeZone: string): number {
  return fromLocal(addCalendar(local, duration), timeZone) + ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
}

// ---- yearly windows ----------------------------------------------------------------------------

export interface YearlyWindow {
  from: MonthDay;
  to: MonthDay;
  /** Only the run that opens in this year: a one-off window. */
  year?: number;
}

/** One year's run of a window, both days inclusive. */
export interface WindowOccurrence {
  start: LocalDate;
  end: LocalDate;
}

/**
 * The runs of a yearly window that have not ended by `today` and start by `until`, oldest first.
 * A window whose `from` comes after its `to` runs over New Year, so the run that started last
 * December may still be open in January. A single day (a holiday, a birthday) is a window too.
 */
export function windowOccurrences(window: YearlyWindow, today: LocalDate, until: LocalDate): WindowOccurrence[] {
  const wraps = window.from.month * 100 + window.from.day > window.to.month * 100 + window.to.day;
  const occurrences: WindowOccurrence[] = [];
  for (let year = today.year - 1; year <= until.year; year++) {
    if (window.year !== undefined && year !== window.year) continue;
    const start = monthDayIn(window.from, year);
    const end = monthDayIn(window.to, wraps ? year + 1 : year);
    if (compareDates(end, today) >= 0 && compareDates(start, until) <= 0) occurrences.push({ start, end });
  }
  return occurrences;
}

/**
 * The two ways a sales book says "when": an ISO-8601 duration after an anchor event ("P7D", "P3M",
 * "PT2H") and a day of the year as "MM-DD" (season windows, holidays). The patterns are plain
 * regular expressions so the JSON Schema for editors carries the same rule as the validator.
 */

/**
 * Whole-number components only, at least one of them, and "T" only when a time part follows.
 * Four digits per component is far beyond any sensible interval and keeps hostile input cheap.
 */
export const ISO_DURATION_PATTERN =
  /^P(?=\d|T\d)(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,4})D)?(?:T(?=\d)(?:(\d{1,4})H)?(?:(\d{1,4})M)?(?:(\d{1,4})S)?)?$/;

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseIsoDuration(text: string): IsoDuration | null {
  const match = ISO_DURATION_PATTERN.exec(text);
  if (!match) return null;
  const part = (index: number): number => Number(match[index] ?? 0);
  return {
    years: part(1),
    months: part(2),
    weeks: part(3),
    days: part(4),
    hours: part(5),
    minutes: part(6),
    seconds: part(7),
  };
}

export function isZeroDuration(duration: IsoDuration): boolean {
  return Object.values(duration).every((value) => value === 0);
}

/**
 * Month and day with the real length of each month; "02-29" is allowed and a planner treats it as
 * the 28th in other years.
 */
export const MONTH_DAY_PATTERN =
  /^(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))$/;

export interface MonthDay {
  month: number;
  day: number;
}

export function parseMonthDay(text: string): MonthDay | null {
  if (!MONTH_DAY_PATTERN.test(text)) return null;
  return { month: Number(text.slice(0, 2)), day: Number(text.slice(3, 5)) };
}

/** True when a yearly window runs over New Year, e.g. from "12-15" to "01-15". */
export function windowWrapsYear(window: { from: string; to: string }): boolean {
  return window.from > window.to;
}

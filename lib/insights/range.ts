// zod/mini: the Insights page's first screen loads this; the whole of zod is ~90 KB more.
import { z } from 'zod/mini';
import { formatLocalDate, fromEpochDay, offsetAt } from '../lifecycle/time';

/**
 * The period the Insights page looks at: whole local days, `from` and `to` inclusive, as
 * ISO dates in the manager's time zone. Presets are resolved against `now` and that zone, so
 * "this month" on 1 January at 00:30 in Athens is January, whatever UTC says.
 */
export const DateRangeSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .check(z.refine((range) => range.from <= range.to, { message: 'The range ends before it starts' }));
export type DateRange = z.infer<typeof DateRangeSchema>;

export const RANGE_PRESETS = ['thisMonth', 'lastMonth', 'last3Months', 'last12Months', 'yearToDate'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The local calendar date of `now` in `timeZone`, as YYYY-MM-DD. */
export function localIsoDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function shiftMonths(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + (month - 1) + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function presetRange(preset: RangePreset, now: Date, timeZone: string): DateRange {
  const today = localIsoDate(now, timeZone);
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'thisMonth':
      return { from: iso(year, month, 1), to: today };
    case 'lastMonth': {
      const [y, m] = shiftMonths(year, month, -1);
      return { from: iso(y, m, 1), to: iso(y, m, lastDayOf(y, m)) };
    }
    case 'last3Months': {
      const [y, m] = shiftMonths(year, month, -2);
      return { from: iso(y, m, 1), to: today };
    }
    case 'last12Months': {
      const [y, m] = shiftMonths(year, month, -11);
      return { from: iso(y, m, 1), to: today };
    }
    case 'yearToDate':
      return { from: iso(year, 1, 1), to: today };
  }
}

/** The same dates one year earlier (29 February becomes 28 February). */
export function sameRangeLastYear(range: DateRange): DateRange {
  const back = (date: string) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return iso(year - 1, month, Math.min(day, lastDayOf(year - 1, month)));
  };
  return { from: back(range.from), to: back(range.to) };
}

/**
 * A fast `at -> local YYYY-MM-DD` for one zone. The offset comes from lifecycle/time.ts's
 * `offsetAt`, which asks Intl once or twice per UTC day (and bisects the one day a change falls
 * on), and each local day's text is made once: 100,000 touches at scattered times cost about as
 * many Intl calls as there are days they span. (Asking once per half hour, as this did before,
 * made the worker's recount of 100,000 touches spend most of its time in Intl.)
 */
export function localDateFunction(timeZone: string): (at: number) => string {
  const texts = new Map<number, string>();
  return (at) => {
    const day = Math.floor((at + offsetAt(at, timeZone)) / DAY_MS);
    let text = texts.get(day);
    if (text === undefined) texts.set(day, (text = formatLocalDate(fromEpochDay(day))));
    return text;
  };
}

const DAY_MS = 86_400_000;

/** The Monday of the week `isoDate` falls in (weeks as most of Europe counts them). */
export function weekStart(isoDate: string): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

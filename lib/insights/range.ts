import { z } from 'zod';

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
  .refine((range) => range.from <= range.to, { message: 'The range ends before it starts' });
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
 * A fast `at -> local YYYY-MM-DD` for one zone: Intl is asked once per hour of time seen (zone
 * offsets change on whole hours or half hours, never inside a 30-minute step), so 100,000 touches
 * cost a few thousand Intl calls, not 100,000.
 */
export function localDateFunction(timeZone: string): (at: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const STEP = 30 * 60_000;
  const offsets = new Map<number, number>();
  return (at) => {
    const step = Math.floor(at / STEP);
    let offset = offsets.get(step);
    if (offset === undefined) {
      const start = step * STEP;
      const parts = format.formatToParts(start);
      const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
      const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
      offset = local - start;
      offsets.set(step, offset);
    }
    return new Date(at + offset).toISOString().slice(0, 10);
  };
}

/** The Monday of the week `isoDate` falls in (weeks as most of Europe counts them). */
export function weekStart(isoDate: string): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

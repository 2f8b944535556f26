import { describe, expect, it } from 'vitest';
import {
  addDuration,
  addMonths,
  epochDay,
  fromEpochDay,
  fromLocal,
  isoWeekday,
  localDateOf,
  monthDayIn,
  offsetAt,
  parseLocalDate,
  resolveTimeZone,
  toLocal,
  windowOccurrences,
} from '../../../lib/lifecycle/time';
import { at, KYIV, NEW_YORK } from './factories';

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const local = (text: string) => {
  const [date, time = '00:00'] = text.split(' ');
  const [year, month, day] = date!.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 };
};

describe('wall-clock time in a zone', () => {
  it('reads the local time of an instant on both sides of a clock change', () => {
    expect(toLocal(Date.parse('2025-03-30T00:59:59Z'), KYIV)).toMatchObject({ day: 30, hour: 2, minute: 59 });
    expect(toLocal(Date.parse('2025-03-30T01:00:00Z'), KYIV)).toMatchObject({ day: 30, hour: 4, minute: 0 });
    expect(offsetAt(Date.parse('2025-07-01T00:00:00Z'), NEW_YORK)).toBe(-4 * 3_600_000);
    expect(offsetAt(Date.parse('2025-11-02T05:59:59Z'), NEW_YORK)).toBe(-4 * 3_600_000);
    expect(offsetAt(Date.parse('2025-11-02T06:00:00Z'), NEW_YORK)).toBe(-5 * 3_600_000);
    expect(offsetAt(Date.parse('2025-12-01T00:00:00Z'), NEW_YORK)).toBe(-5 * 3_600_000);
  });

  it('round-trips ordinary local times', () => {
    for (const text of ['2025-01-15 10:00', '2025-07-01 23:30', '2024-02-29 09:15']) {
      for (const zone of [KYIV, NEW_YORK, 'UTC', 'Asia/Kolkata']) {
        expect(toLocal(fromLocal(local(text), zone), zone)).toEqual(local(text));
      }
    }
  });

  it('moves a time the spring change skips forward by the gap (02:30 -> 03:30)', () => {
    expect(iso(fromLocal(local('2025-03-09 02:30'), NEW_YORK))).toBe('2025-03-09T07:30:00.000Z');
    expect(toLocal(fromLocal(local('2025-03-09 02:30'), NEW_YORK), NEW_YORK)).toMatchObject({ hour: 3, minute: 30 });
    // Kyiv springs from 03:00 to 04:00.
    expect(toLocal(fromLocal(local('2025-03-30 03:30'), KYIV), KYIV)).toMatchObject({ hour: 4, minute: 30 });
  });

  it('takes the earlier of a time the autumn change repeats', () => {
    expect(iso(fromLocal(local('2025-11-02 01:30'), NEW_YORK))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(fromLocal(local('2025-10-26 03:30'), KYIV))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('falls back to a default zone for names the runtime does not know', () => {
    expect(resolveTimeZone('Europe/Kiev')).toMatch(/Europe\/Ki/);
    expect(resolveTimeZone('Mars/Olympus')).toBe('UTC');
    expect(resolveTimeZone(null, KYIV)).toBe(KYIV);
  });
});

describe('adding durations', () => {
  it('keeps 10:00 at 10:00 across the Kyiv clock changes', () => {
    const spring = addDuration(at('2025-03-25 10:00', KYIV), 'P7D', KYIV);
    expect(toLocal(spring, KYIV)).toMatchObject({ month: 4, day: 1, hour: 10, minute: 0 });
    expect(spring - at('2025-03-25 10:00', KYIV)).toBe(7 * 86_400_000 - 3_600_000);
    const autumn = addDuration(at('2025-10-20 10:00', KYIV), 'P1W', KYIV);
    expect(toLocal(autumn, KYIV)).toMatchObject({ month: 10, day: 27, hour: 10 });
  });

  it('keeps 10:00 at 10:00 across the New York clock changes', () => {
    expect(iso(addDuration(at('2025-03-05 10:00', NEW_YORK), 'P7D', NEW_YORK))).toBe('2025-03-12T14:00:00.000Z');
    expect(iso(addDuration(at('2025-10-29 10:00', NEW_YORK), 'P7D', NEW_YORK))).toBe('2025-11-05T15:00:00.000Z');
    expect(toLocal(addDuration(at('2025-02-09 10:00', NEW_YORK), 'P1M', NEW_YORK), NEW_YORK)).toMatchObject({ month: 3, day: 9, hour: 10 });
  });

  it('counts hours as elapsed time, so 24 hours over the spring change ends an hour later on the clock', () => {
    expect(toLocal(addDuration(at('2025-03-08 10:00', NEW_YORK), 'PT24H', NEW_YORK), NEW_YORK)).toMatchObject({ day: 9, hour: 11 });
    expect(toLocal(addDuration(at('2025-03-08 10:00', NEW_YORK), 'P1D', NEW_YORK), NEW_YORK)).toMatchObject({ day: 9, hour: 10 });
  });

  it('clamps months to their length: 31 January + 1 month is the end of February', () => {
    expect(addMonths({ year: 2025, month: 1, day: 31 }, 1)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(addMonths({ year: 2024, month: 1, day: 31 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addMonths({ year: 2025, month: 11, day: 30 }, 3)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(toLocal(addDuration(at('2025-01-31 10:00', KYIV), 'P1M', KYIV), KYIV)).toMatchObject({ month: 2, day: 28, hour: 10 });
  });

  it('turns 29 February plus a year into 28 February, and plus four years back into the 29th', () => {
    expect(localDateOf(addDuration(at('2024-02-29 10:00', KYIV), 'P1Y', KYIV), KYIV)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(localDateOf(addDuration(at('2024-02-29 10:00', KYIV), 'P4Y', KYIV), KYIV)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(localDateOf(addDuration(at('2024-02-29 10:00', KYIV), 'P12M', KYIV), KYIV)).toEqual({ year: 2025, month: 2, day: 28 });
  });

  it('refuses text that is not a duration', () => {
    expect(() => addDuration(0, 'one week', KYIV)).toThrow(/not an ISO-8601 duration/);
  });
});

describe('calendar days', () => {
  it('parses only real dates', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseLocalDate('2025-02-29')).toBeNull();
    expect(parseLocalDate('29.02.2024')).toBeNull();
  });

  it('knows the weekday', () => {
    expect(isoWeekday({ year: 2025, month: 3, day: 30 })).toBe(7);
    expect(isoWeekday({ year: 2025, month: 3, day: 31 })).toBe(1);
    expect(isoWeekday({ year: 1970, month: 1, day: 1 })).toBe(4);
  });

  it('puts a 29 February day of the year on the 28th in other years', () => {
    expect(monthDayIn({ month: 2, day: 29 }, 2025)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(monthDayIn({ month: 2, day: 29 }, 2028)).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('yearly windows', () => {
  const today = { year: 2025, month: 1, day: 5 };
  const until = { year: 2026, month: 2, day: 9 };

  it('lists the open run and the next ones, leaving out those that ended', () => {
    const runs = windowOccurrences({ from: { month: 10, day: 1 }, to: { month: 11, day: 30 } }, { year: 2025, month: 10, day: 20 }, until);
    expect(runs).toEqual([{ start: { year: 2025, month: 10, day: 1 }, end: { year: 2025, month: 11, day: 30 } }]);
    expect(windowOccurrences({ from: { month: 3, day: 1 }, to: { month: 4, day: 30 } }, { year: 2025, month: 5, day: 1 }, until)).toEqual([]);
  });

  it('runs a window over New Year and sees it is still open in January', () => {
    const runs = windowOccurrences({ from: { month: 12, day: 15 }, to: { month: 1, day: 15 } }, today, until);
    expect(runs).toEqual([
      { start: { year: 2024, month: 12, day: 15 }, end: { year: 2025, month: 1, day: 15 } },
      { start: { year: 2025, month: 12, day: 15 }, end: { year: 2026, month: 1, day: 15 } },
    ]);
  });

  it('treats a single day as a window', () => {
    const runs = windowOccurrences({ from: { month: 2, day: 29 }, to: { month: 2, day: 29 } }, today, until);
    // 28 February 2026 is past `until`, so only this year's run.
    expect(runs).toEqual([{ start: { year: 2025, month: 2, day: 28 }, end: { year: 2025, month: 2, day: 28 } }]);
  });
});

describe('counting days', () => {
  it('agrees with Date for every day over four centuries of edge cases', () => {
    for (let days = -200_000; days <= 200_000; days += 97) {
      const date = new Date(days * 86_400_000);
      const expected = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      expect(fromEpochDay(days)).toEqual(expected);
      expect(epochDay(expected)).toBe(days);
    }
    expect(fromEpochDay(epochDay({ year: 2000, month: 2, day: 29 }))).toEqual({ year: 2000, month: 2, day: 29 });
    expect(epochDay({ year: 2100, month: 3, day: 1 }) - epochDay({ year: 2100, month: 2, day: 28 })).toBe(1);
  });
});

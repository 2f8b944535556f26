import { describe, expect, it } from 'vitest';
import { genderOfGreekName, hasNameDay, holidayDate, NAME_DAY_NAMES, nameDayDate, orthodoxEaster, westernEaster } from '../../../lib/lifecycle/holidays';
import { formatLocalDate, isoWeekday, parseLocalDate } from '../../../lib/lifecycle/time';

const iso = (date: { year: number; month: number; day: number } | null) => (date ? formatLocalDate(date) : null);

describe('Easter', () => {
  // Published tables (Western and Orthodox Paschalia), including the years both fall together.
  it.each([
    [1900, '1900-04-15', '1900-04-22'],
    [1961, '1961-04-02', '1961-04-09'],
    [2000, '2000-04-23', '2000-04-30'],
    [2001, '2001-04-15', '2001-04-15'],
    [2010, '2010-04-04', '2010-04-04'],
    [2019, '2019-04-21', '2019-04-28'],
    [2023, '2023-04-09', '2023-04-16'],
    [2024, '2024-03-31', '2024-05-05'],
    [2025, '2025-04-20', '2025-04-20'],
    [2026, '2026-04-05', '2026-04-12'],
    [2027, '2027-03-28', '2027-05-02'],
    [2028, '2028-04-16', '2028-04-16'],
    [2029, '2029-04-01', '2029-04-08'],
    [2030, '2030-04-21', '2030-04-28'],
    [2038, '2038-04-25', '2038-04-25'],
  ])('%i: Western %s, Orthodox %s', (year, western, orthodox) => {
    expect(iso(westernEaster(year))).toBe(western);
    expect(iso(orthodoxEaster(year))).toBe(orthodox);
  });

  it('is always a Sunday, Western between 22 March and 25 April, Orthodox never before the Western one', () => {
    for (let year = 1900; year <= 2099; year++) {
      const western = westernEaster(year);
      const orthodox = orthodoxEaster(year);
      expect(isoWeekday(western)).toBe(7);
      expect(isoWeekday(orthodox)).toBe(7);
      expect(iso(western)! >= `${year}-03-22` && iso(western)! <= `${year}-04-25`).toBe(true);
      // Julian 22 March - 25 April is Gregorian 4 April - 8 May in these two centuries.
      expect(iso(orthodox)! >= `${year}-04-04` && iso(orthodox)! <= `${year}-05-08`).toBe(true);
      expect(iso(orthodox)! >= iso(western)!).toBe(true);
    }
  });
});

describe('holidayDate', () => {
  it('puts the fixed holidays on their day and the movable ones on that year\'s Easter', () => {
    expect(iso(holidayDate('new-year', 2027))).toBe('2027-01-01');
    expect(iso(holidayDate('christmas', 2026))).toBe('2026-12-25');
    expect(iso(holidayDate('orthodox-christmas', 2027))).toBe('2027-01-07');
    expect(iso(holidayDate('womens-day', 2026))).toBe('2026-03-08');
    expect(iso(holidayDate('easter', 2027))).toBe('2027-03-28');
    expect(iso(holidayDate('orthodox-easter', 2027))).toBe('2027-05-02');
  });
});

describe('Greek name days', () => {
  it('match the first name whatever its accents and case, formal or everyday, Greek or Latin', () => {
    for (const name of ['Γιώργος', 'ΓΙΩΡΓΟΣ', 'Γιωργος', 'γεώργιος', 'Georgios', 'GIORGOS', 'Yiorgos']) {
      expect(iso(nameDayDate(name, 2026)), name).toBe('2026-04-23');
    }
    expect(iso(nameDayDate('Νίκος', 2026))).toBe('2026-12-06');
    expect(iso(nameDayDate('Nikolaos', 2026))).toBe('2026-12-06');
    expect(iso(nameDayDate('Κωνσταντίνος', 2026))).toBe('2026-05-21');
    expect(iso(nameDayDate('ελενη', 2026))).toBe('2026-05-21');
    expect(iso(nameDayDate('Δημήτρης', 2026))).toBe('2026-10-26');
    expect(iso(nameDayDate('Μαρία', 2026))).toBe('2026-08-15');
    expect(iso(nameDayDate('Παναγιώτης', 2026))).toBe('2026-08-15');
    expect(iso(nameDayDate('Γιάννης', 2026))).toBe('2026-01-07');
    expect(iso(nameDayDate('Βασίλης', 2026))).toBe('2026-01-01');
    expect(iso(nameDayDate('Αθανάσιος', 2026))).toBe('2026-01-18');
    expect(iso(nameDayDate('Χρήστος', 2026))).toBe('2026-12-25');
    expect(iso(nameDayDate('  Κατερίνα ', 2026))).toBe('2026-11-25');
  });

  it('take the first known part of a double name', () => {
    expect(iso(nameDayDate('Μαρία-Ελένη', 2026))).toBe('2026-08-15');
    expect(iso(nameDayDate('Ελένη Μαρία', 2026))).toBe('2026-05-21');
  });

  it('give nothing for a name that is not in the calendar, or no name', () => {
    for (const name of ['Ιφιγένεια', 'Jane Smith', 'John', 'Giorgio', '', null, undefined]) {
      expect(nameDayDate(name, 2026), String(name)).toBeNull();
      expect(hasNameDay(name)).toBe(false);
    }
  });

  it('keep St George on 23 April unless it falls before Easter or on it: then Easter Monday', () => {
    for (let year = 2000; year <= 2060; year++) {
      const easter = iso(orthodoxEaster(year))!;
      const george = iso(nameDayDate('Γεώργιος', year))!;
      if (`${year}-04-23` > easter) expect(george).toBe(`${year}-04-23`);
      else expect(george).toBe(iso(parseAndAdd(easter, 1)));
    }
    expect(iso(nameDayDate('Γιώργος', 2024))).toBe('2024-05-06');
    expect(iso(nameDayDate('Γιώργος', 2027))).toBe('2027-05-03');
    expect(iso(nameDayDate('Γεωργία', 2025))).toBe('2025-04-23');
  });

  it('follow Easter where the Church ties them to it: Thomas on the Sunday after, Zoe on Bright Friday', () => {
    expect(iso(nameDayDate('Θωμάς', 2026))).toBe('2026-04-19');
    expect(iso(nameDayDate('Thomas', 2027))).toBe('2027-05-09');
    expect(iso(nameDayDate('Ζωή', 2026))).toBe('2026-04-17');
  });

  it('know at least sixty names, each telling the gender', () => {
    expect(new Set(NAME_DAY_NAMES.map((name) => name.toLowerCase())).size).toBeGreaterThanOrEqual(60);
    expect(genderOfGreekName('Γιώργος')).toBe('male');
    expect(genderOfGreekName('Γεωργία')).toBe('female');
    expect(genderOfGreekName('Ιφιγένεια')).toBeNull();
  });
});

function parseAndAdd(date: string, days: number) {
  const parsed = parseLocalDate(date)!;
  const next = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

import { describe, expect, it } from 'vitest';
import { monthNumber, parseDate, parseDateTime } from '../../../../lib/crm/parse/dates';
import { MONTH_STEMS } from '../../../../lib/crm/parse/months';
import { foldCase } from '../../../../lib/crm/text';

describe('parseDate', () => {
  it.each([
    ['1984-03-12', '1984-03-12'],
    ['1984-03-12T10:30:00Z', '1984-03-12'],
    ['1984/3/12', '1984-03-12'],
    ['12.03.1984', '1984-03-12'],
    ['12/03/1984', '1984-03-12'],
    ['12-03-1984', '1984-03-12'],
    ['12.03.84', '1984-03-12'],
    ['31/12/1999', '1999-12-31'],
  ])('reads the numeric date %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('reads an ambiguous slash date month first on en-US pages, day first elsewhere', () => {
    expect(parseDate('03/12/1984', 'mdy')).toBe('1984-03-12');
    expect(parseDate('03/12/1984', 'dmy')).toBe('1984-12-03');
    // Unambiguous dates ignore the hint.
    expect(parseDate('12/31/1984', 'dmy')).toBe('1984-12-31');
    expect(parseDate('31/12/1984', 'mdy')).toBe('1984-12-31');
    // Dots are a day-first habit even on US pages.
    expect(parseDate('03.12.1984', 'mdy')).toBe('1984-12-03');
  });

  it.each([
    ['en', '12 March 1984'],
    ['en', 'March 12, 1984'],
    ['en', 'Mar 12th, 1984'],
    ['en', '12-Mar-1984'],
    ['en', 'Monday, 12 March 1984'],
    ['ru', '12 марта 1984'],
    ['ru', '12 марта 1984 г.'],
    ['ru', '12 мар. 1984'],
    ['uk', '12 березня 1984'],
    ['uk', '12 березня 1984 р.'],
    ['el', '12 Μαρτίου 1984'],
    ['el', '12 ΜΑΡΤΙΟΥ 1984'],
    ['de', '12. März 1984'],
    ['de', '12. Mär. 1984'],
    ['es', '12 de marzo de 1984'],
    ['fr', '12 mars 1984'],
    ['pl', '12 marca 1984'],
    ['pt', '12 de março de 1984'],
  ])('reads a written-out date (%s) %s', (_language, text) => {
    expect(parseDate(text)).toBe('1984-03-12');
  });

  it.each([
    ['1er mai 1990', '1990-05-01'],
    ['19 Ιανουαρίου 1987', '1987-01-19'],
    ['8 Μαΐου 1990', '1990-05-08'],
    ['3 червня 1965', '1965-06-03'],
    ['14 stycznia 2026', '2026-01-14'],
    ['2 août 2025', '2025-08-02'],
    ['24 août 1979', '1979-08-24'],
    ['15 de fevereiro de 2026', '2026-02-15'],
    ['21 Jun 2025', '2025-06-21'],
    ['5 Dezember 1972', '1972-12-05'],
    ['1 sierpnia 2024', '2024-08-01'],
    ['30 листопада 2025', '2025-11-30'],
    ['7 ноября 2025', '2025-11-07'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['31.02.2024', '2024-13-01', 'March 1984', '12 March', 'tomorrow', '', '12 Foo 1984', 'Jui 12, 2024', '00.00.0000'])(
    'refuses %j',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  it('reads a time after the date in 24-hour and 12-hour forms', () => {
    expect(parseDateTime('10 Feb 2026, 10:30')).toEqual({ date: '2026-02-10', time: '10:30' });
    expect(parseDateTime('02/06/2026 4:30 PM', 'mdy')).toEqual({ date: '2026-02-06', time: '16:30' });
    expect(parseDateTime('12:15 a.m. is not before the date 01.02.2026')).toEqual({ date: '2026-02-01', time: null });
    expect(parseDateTime('2 mars 2026 à 09h00')).toEqual({ date: '2026-03-02', time: '09:00' });
    expect(parseDateTime('2026-02-10T10:30')).toEqual({ date: '2026-02-10', time: '10:30' });
  });
});

describe('month names', () => {
  it('has twelve stems per language, none a prefix of another month\'s stem in the same script', () => {
    const stems: Array<[string, number]> = [];
    for (const [language, months] of Object.entries(MONTH_STEMS)) {
      expect(months, language).toHaveLength(12);
      months.forEach((spellings, index) => spellings.forEach((stem) => stems.push([foldCase(stem), index + 1])));
    }
    for (const [stem, month] of stems) {
      for (const [other, otherMonth] of stems) {
        if (month !== otherMonth) expect(other.startsWith(stem), `${stem} (${month}) begins ${other} (${otherMonth})`).toBe(false);
      }
    }
  });

  it.each([
    ['sept.', 9], ['dezemb', 12], ['Dezember', 12], ['févr', 2], ['février', 2], ['Mär', 3], ['märz', 3], ['Mrz', 3], ['juin', 6], ['juillet', 7],
    ['maj', 5], ['maja', 5], ['października', 10], ['outubro', 10], ['марта', 3], ['мая', 5], ['березня', 3], ['травня', 5], ['Μαΐου', 5], ['ΜΑΡΤΙΟΥ', 3],
  ])('reads %s as month %d', (word, month) => {
    expect(monthNumber(word)).toBe(month);
  });

  it.each(['jui', 'ma', 'foo', 'x'.repeat(20)])('refuses %s', (word) => {
    expect(monthNumber(word)).toBeNull();
  });
});

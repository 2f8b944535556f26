import { foldCase } from '../text';
import { MONTH_STEMS } from './months';

/**
 * Dates as CRMs print them, in the dictionary languages, to ISO `YYYY-MM-DD`:
 * "1984-03-12", "12.03.1984", "12/03/1984" (or "03/12/1984" on en-US pages), "12 March 1984",
 * "March 12, 1984", "12 марта 1984 г.", "12 березня 1984 р.", "12 Μαρτίου 1984", "12. März 1984",
 * "12 de marzo de 1984", "1er mars 1984", "12 marca 1984". A date without a year is not a date here.
 */

/** How an ambiguous all-numbers date is read: day first (most of the world) or month first (US). */
export type DateOrder = 'dmy' | 'mdy';

export interface DateTimeParts {
  date: string;
  /** `HH:mm` when the text had a time of day. */
  time: string | null;
}

/** Stems folded the way words are ("jän" -> "jan"), longest first so "juin" is tried before "jun". */
const STEMS: ReadonlyArray<readonly [string, number]> = Object.values(MONTH_STEMS)
  .flatMap((months) => months.flatMap((stems, index) => stems.map((stem) => [foldCase(stem), index + 1] as const)))
  .sort(([a], [b]) => b.length - a.length);

const ISO = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
const NUMERIC = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º|ª|-?го|-?е)?\.?[\s-]*(?:de\s+)?(\p{L}{3,}\.?)[\s,-]*(?:de\s+)?(\d{4})(?!\d)/u;
const MONTH_DAY_YEAR = /(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;
const TIME = /(?<!\d)(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*([ap])?\.?\s*m?\.?(?!\w)/i;

export function parseDate(text: string, order: DateOrder = 'dmy'): string | null {
  return parseDateTime(text, order)?.date ?? null;
}

export function parseDateTime(text: string, order: DateOrder = 'dmy'): DateTimeParts | null {
  if (!text || text.length > 120) return null;
  const folded = foldCase(text);
  const found = findDate(folded, order);
  if (!found) return null;
  return { date: found.date, time: findTime(folded.slice(found.end)) };
}

interface FoundDate {
  date: string;
  /** Where the date ends in the text, so a time is looked for after it, not inside it. */
  end: number;
}

function findDate(text: string, order: DateOrder): FoundDate | null {
  const iso = ISO.exec(text);
  if (iso) return found(iso, iso[1], iso[2], iso[3]);

  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, first = '', separator, second = '', year = ''] = numeric;
    const monthFirst = Number(second) > 12 || (Number(first) <= 12 && order === 'mdy' && separator !== '.');
    return monthFirst ? found(numeric, year, first, second) : found(numeric, year, second, first);
  }

  const dayFirst = DAY_MONTH_YEAR.exec(text);
  const dayFirstMonth = dayFirst ? monthNumber(dayFirst[2] ?? '') : null;
  if (dayFirst && dayFirstMonth) return found(dayFirst, dayFirst[3], String(dayFirstMonth), dayFirst[1]);

  const monthFirst = MONTH_DAY_YEAR.exec(text);
  const monthFirstMonth = monthFirst ? monthNumber(monthFirst[1] ?? '') : null;
  if (monthFirst && monthFirstMonth) return found(monthFirst, monthFirst[3], String(monthFirstMonth), monthFirst[2]);
  return null;
}

function found(match: RegExpExecArray, year = '', month = '', day = ''): FoundDate | null {
  const date = isoDate(expandYear(year), Number(month), Number(day));
  return date ? { date, end: match.index + match[0].length } : null;
}

/**
 * A month from a folded word: full name, declined form or abbreviation ("sept.", "févr", "Mär",
 * "березня"). The longest stem that begins the word decides; a word matching stems of two months
 * at the same length ("jui": juin or juillet? neither stem fits) is no month.
 */
export function monthNumber(word: string): number | null {
  const name = foldCase(word).replace(/\.$/, '');
  if (name.length < 3 || name.length > 14) return null;
  for (const [stem, month] of STEMS) {
    if (name.startsWith(stem)) return month;
  }
  return null;
}

function expandYear(year: string): number {
  const value = Number(year);
  if (year.length !== 2) return value;
  // Two-digit years: CRMs show them for recent dates and birthdays alike; 50 splits the century.
  return value < 50 ? 2000 + value : 1900 + value;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function findTime(text: string): string | null {
  const match = TIME.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const meridiem = match[3]?.toLowerCase();
  if (meridiem === 'p' && hours < 12) hours += 12;
  if (meridiem === 'a' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

import { resolveTimeZone } from '../lifecycle/time';
import { dateTimeFormat } from '../i18n/date-format';

/**
 * "Good morning" said in the evening is the first thing a client hears as false. The greeting
 * follows the manager's clock (the client is called now, from here) in the script's language;
 * a language without its own words greets in English.
 */
type Greetings = readonly [morning: string, day: string, evening: string];

const GREETINGS: Readonly<Record<string, Greetings>> = {
  en: ['Good morning', 'Good afternoon', 'Good evening'],
  ru: ['Доброе утро', 'Добрый день', 'Добрый вечер'],
  uk: ['Доброго ранку', 'Добрий день', 'Добрий вечір'],
  // Greek has no separate afternoon greeting: "Καλημέρα" until early afternoon, then "Καλησπέρα".
  el: ['Καλημέρα σας', 'Καλημέρα σας', 'Καλησπέρα σας'],
};

/** Where each part of the day starts, in hours: morning 5-12, day 12-18 (Greek: to 14), evening. */
const DAY_FROM = 12;
const EVENING_FROM: Readonly<Record<string, number>> = { el: 14 };
const MORNING_FROM = 5;

export function timeOfDayGreeting(now: number, timeZone: string, language: string): string {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const words = GREETINGS[base] ?? GREETINGS.en!;
  const hour = localHour(now, timeZone);
  if (hour >= MORNING_FROM && hour < DAY_FROM) return words[0];
  if (hour >= DAY_FROM && hour < (EVENING_FROM[base] ?? 18)) return words[1];
  return words[2];
}

function localHour(now: number, timeZone: string): number {
  const hour = dateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: resolveTimeZone(timeZone) }).format(now);
  return Number(hour) % 24;
}

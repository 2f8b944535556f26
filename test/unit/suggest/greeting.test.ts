import { describe, expect, it } from 'vitest';
import { timeOfDayGreeting } from '../../../lib/suggest/greeting';

const at = (isoUtc: string) => Date.parse(isoUtc);

describe('timeOfDayGreeting', () => {
  it.each([
    ['2026-01-15T07:00:00Z', 'en', 'Good morning'],
    ['2026-01-15T13:00:00Z', 'en', 'Good afternoon'],
    ['2026-01-15T19:30:00Z', 'en', 'Good evening'],
    ['2026-01-15T02:00:00Z', 'en', 'Good evening'],
    ['2026-01-15T09:00:00Z', 'ru', 'Доброе утро'],
    ['2026-01-15T15:00:00Z', 'uk', 'Добрий день'],
    ['2026-01-15T20:00:00Z', 'uk', 'Добрий вечір'],
    ['2026-01-15T13:00:00Z', 'el', 'Καλημέρα σας'],
    ['2026-01-15T15:00:00Z', 'el', 'Καλησπέρα σας'],
    ['2026-01-15T09:00:00Z', 'pt-BR', 'Good morning'],
  ])('at %s UTC in %s: %s', (when, language, greeting) => {
    expect(timeOfDayGreeting(at(when), 'UTC', language)).toBe(greeting);
  });

  it("follows the manager's time zone, summer time included", () => {
    // 10:30 UTC is 12:30 in Athens in January (UTC+2); 11:30 UTC is 14:30 there in July (UTC+3).
    expect(timeOfDayGreeting(at('2026-01-15T10:30:00Z'), 'Europe/Athens', 'el')).toBe('Καλημέρα σας');
    expect(timeOfDayGreeting(at('2026-07-15T11:30:00Z'), 'Europe/Athens', 'el')).toBe('Καλησπέρα σας');
    expect(timeOfDayGreeting(at('2026-01-15T16:30:00Z'), 'Europe/Kyiv', 'uk')).toBe('Добрий вечір');
  });

  it('greets by UTC when the zone is unknown', () => {
    expect(timeOfDayGreeting(at('2026-01-15T08:00:00Z'), 'Mars/Olympus', 'en')).toBe('Good morning');
  });
});

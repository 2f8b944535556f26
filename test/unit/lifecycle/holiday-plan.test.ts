import { describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import type { Programme } from '../../../lib/book/schema';
import type { ClientRecord, TouchRecord } from '../../../lib/db/schema';
import { applyEventChanges, deriveEvents, reconcileEvents } from '../../../lib/lifecycle/events';
import { planClient } from '../../../lib/lifecycle/plan';
import { formatLocalDate, startOfLocalDay, toLocal } from '../../../lib/lifecycle/time';
import type { WorkingTime } from '../../../lib/lifecycle/working-time';
import { makeClient } from '../factories';
import { ALWAYS, at, makeBook, makeProgramme, makeTouchTemplate, OFFICE } from './factories';

const MOSCOW = 'Europe/Moscow';
const KYIV = 'Europe/Kyiv';
const ATHENS = 'Europe/Athens';
const NEW_YORK = 'America/New_York';

interface Scenario {
  language?: string;
  programmes?: Programme[];
  client: ClientRecord;
  now: number;
  zone: string;
  working?: WorkingTime;
  horizonDays?: number;
}

/** The holiday touches planned for the client, from the card's own events. */
function holidayTouches({ language = 'en', programmes, client, now, zone, working = OFFICE, horizonDays = 800 }: Scenario): TouchRecord[] {
  const book = programmes ? makeBook(programmes) : defaultBookFor(language);
  const events = applyEventChanges([], reconcileEvents([], deriveEvents({ client, customDateFields: [], now })));
  return planClient({ book, client, events, now, timeZone: zone, working, horizonDays })
    .filter((touch) => touch.programmeId === 'holidays')
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

/** "templateId local-date HH:MM" in the client's zone, for 2026 and 2027. */
function calendar(touches: readonly TouchRecord[], zone: string): string[] {
  return touches
    .map((touch) => {
      const local = toLocal(touch.dueAt, zone);
      return `${touch.templateId} ${formatLocalDate(local)} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
    })
    .filter((line) => / 202[67]-/.test(line));
}

const person = (firstName: string, lastName: string) => makeClient({ name: `${firstName} ${lastName}`, firstName, lastName, birthday: null, tags: [] });

describe('the default books\' holiday calendars, 2026 and 2027, Monday-Friday office', () => {
  it('en: New Year, Christmas and Western Easter, never the Orthodox one', () => {
    const zone = NEW_YORK;
    const touches = holidayTouches({ language: 'en', client: person('Olivia', 'Brown'), now: at('2026-01-02 10:00', zone), zone });
    expect(calendar(touches, zone)).toEqual([
      'easter-greeting 2026-04-02 09:00', // Thursday before 5 April
      'christmas-greeting 2026-12-22 09:00',
      'new-year-greeting 2026-12-28 09:00',
      'easter-greeting 2027-03-25 09:00', // Thursday before 28 March
      'christmas-greeting 2027-12-22 09:00',
      'new-year-greeting 2027-12-28 09:00',
    ]);
    expect(touches.some((touch) => /orthodox|name-day|womens-day/.test(touch.templateId))).toBe(false);
  });

  it('ru: Orthodox Christmas, 8 March for a woman (the working day before when it is a Sunday), Orthodox Easter, New Year', () => {
    const zone = MOSCOW;
    const touches = holidayTouches({ language: 'ru', client: person('Мария', 'Иванова'), now: at('2026-01-02 10:00', zone), zone });
    expect(calendar(touches, zone)).toEqual([
      'orthodox-christmas-greeting 2026-01-07 09:00',
      'womens-day-greeting 2026-03-06 09:00', // 8 March 2026 is a Sunday
      'orthodox-easter-greeting 2026-04-09 09:00', // Thursday before 12 April
      'new-year-greeting 2026-12-28 09:00',
      'orthodox-christmas-greeting 2027-01-07 09:00',
      'womens-day-greeting 2027-03-08 09:00',
      'orthodox-easter-greeting 2027-04-29 09:00', // Thursday before 2 May
      'new-year-greeting 2027-12-28 09:00',
    ]);
  });

  it('ru: no 8 March greeting for a man, nor for a client whose gender the card does not tell', () => {
    const zone = MOSCOW;
    for (const client of [person('Иван', 'Петров'), person('Саша', 'Ким')]) {
      const touches = holidayTouches({ language: 'ru', client, now: at('2026-01-02 10:00', zone), zone });
      expect(touches.map((touch) => touch.templateId)).not.toContain('womens-day-greeting');
      expect(touches.map((touch) => touch.templateId)).toContain('orthodox-easter-greeting');
    }
  });

  it('uk: Christmas on 25 December, 8 March, Easter on the Orthodox date, New Year', () => {
    const zone = KYIV;
    const touches = holidayTouches({ language: 'uk', client: person('Олена', 'Коваленко'), now: at('2026-01-02 10:00', zone), zone });
    expect(calendar(touches, zone)).toEqual([
      'womens-day-greeting 2026-03-06 09:00',
      'orthodox-easter-greeting 2026-04-09 09:00',
      'christmas-greeting 2026-12-22 09:00',
      'new-year-greeting 2026-12-28 09:00',
      'womens-day-greeting 2027-03-08 09:00',
      'orthodox-easter-greeting 2027-04-29 09:00',
      'christmas-greeting 2027-12-22 09:00',
      'new-year-greeting 2027-12-28 09:00',
    ]);
  });

  it('el: Christmas, Orthodox Easter, New Year and the name day, St George moving to Easter Monday in 2027', () => {
    const zone = ATHENS;
    const touches = holidayTouches({ language: 'el', client: person('Γιώργος', 'Παπαδόπουλος'), now: at('2026-01-02 10:00', zone), zone });
    expect(calendar(touches, zone)).toEqual([
      'orthodox-easter-greeting 2026-04-09 09:00',
      'name-day-greeting 2026-04-23 09:00',
      'christmas-greeting 2026-12-22 09:00',
      'new-year-greeting 2026-12-28 09:00',
      'orthodox-easter-greeting 2027-04-29 09:00',
      'name-day-greeting 2027-05-03 09:00', // 23 April 2027 is in Lent: Easter Monday
      'christmas-greeting 2027-12-22 09:00',
      'new-year-greeting 2027-12-28 09:00',
    ]);
  });

  it('el: a name day on a weekend is wished on the next working day, never before; an unknown name gets none', () => {
    const zone = ATHENS;
    const now = at('2026-01-02 10:00', zone);
    const maria = calendar(holidayTouches({ language: 'el', client: person('ΜΑΡΙΑ', 'Οικονόμου'), now, zone }), zone).filter((line) => line.startsWith('name-day'));
    expect(maria).toEqual(['name-day-greeting 2026-08-17 09:00', 'name-day-greeting 2027-08-16 09:00']); // 15 August: Saturday, then Sunday
    const unknown = holidayTouches({ language: 'el', client: person('Ιφιγένεια', 'Οικονόμου'), now, zone });
    expect(unknown.map((touch) => touch.templateId)).not.toContain('name-day-greeting');
    expect(unknown.map((touch) => touch.templateId)).toContain('orthodox-easter-greeting');
  });

  it('plans in the client\'s time zone: the same Easter greeting is 09:00 in New York and in Athens', () => {
    const client = person('Olivia', 'Brown');
    const ny = holidayTouches({ language: 'en', client, now: at('2026-01-02 10:00', NEW_YORK), zone: NEW_YORK, horizonDays: 200 });
    const easter = ny.find((touch) => touch.templateId === 'easter-greeting')!;
    expect(easter.dueAt).toBe(at('2026-04-02 09:00', NEW_YORK));
    expect(easter.occurrence).toBe('2026-04-05');
  });
});

describe('holiday touches as the planner runs them', () => {
  const greetings = (touch: Parameters<typeof makeTouchTemplate>[0]) =>
    makeProgramme({ id: 'holidays', anchor: { kind: 'none' }, touches: [makeTouchTemplate({ id: 'greeting', ...touch })] });

  it('work out a movable feast for each year and apply the offset to it', () => {
    const zone = KYIV;
    const touches = holidayTouches({ programmes: [greetings({ annual: { holiday: 'orthodox-easter', offsetDays: 1 } })], client: person('Anna', 'Smith'), now: at('2025-01-10 12:00', zone), zone, working: ALWAYS, horizonDays: 1200 });
    expect(calendar(touches, zone)).toEqual(['greeting 2026-04-13 00:00', 'greeting 2027-05-03 00:00']);
    expect(touches.map((touch) => touch.occurrence).slice(0, 2)).toEqual(['2025-04-20', '2026-04-12']);
  });

  it('keep a greeting moved before a day off open until the holiday is over, then plan next year\'s', () => {
    const zone = MOSCOW;
    const programmes = [greetings({ annual: { holiday: 'womens-day' } })];
    const client = person('Anna', 'Smith');
    // Saturday 7 March 2026: Friday's greeting is due and still worth sending.
    const [saturday] = holidayTouches({ programmes, client, now: at('2026-03-07 12:00', zone), zone, horizonDays: 100 });
    expect(saturday).toMatchObject({ state: 'due', dueAt: at('2026-03-06 09:00', zone), expiresAt: startOfLocalDay({ year: 2026, month: 3, day: 9 }, zone) });
    // On 9 March it is over: only 2027's remains.
    const after = holidayTouches({ programmes, client, now: at('2026-03-09 12:00', zone), zone, horizonDays: 400 });
    expect(after.map((touch) => touch.occurrence)).toEqual(['2027-03-08']);
  });

  it('plan a name day only for a client whose first name is in the calendar', () => {
    const zone = ATHENS;
    const programmes = [greetings({ annual: { nameDay: true } })];
    const now = at('2026-01-02 10:00', zone);
    expect(calendar(holidayTouches({ programmes, client: person('Nikos', 'Papas'), now, zone, working: ALWAYS, horizonDays: 360 }), zone)).toEqual(['greeting 2026-12-06 00:00']);
    expect(holidayTouches({ programmes, client: person('Jordan', 'Papas'), now, zone, working: ALWAYS })).toEqual([]);
    expect(holidayTouches({ programmes, client: makeClient({ firstName: null, name: 'Acme', birthday: null }), now, zone, working: ALWAYS })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { toLocal } from '../../../lib/lifecycle/time';
import { afterVacation, nextWorkingSlot, parseClock, sameTimeNextWorkingDay, workingTimeOf, type WorkingTime } from '../../../lib/lifecycle/working-time';
import { at, KYIV, NEW_YORK, OFFICE } from './factories';

const slot = (local: string, working: WorkingTime = OFFICE, zone = KYIV) => toLocal(nextWorkingSlot(at(local, zone), zone, working), zone);

describe('working hours and weekends', () => {
  it('leaves a time inside working hours alone', () => {
    expect(nextWorkingSlot(at('2025-06-11 14:30', KYIV), KYIV, OFFICE)).toBe(at('2025-06-11 14:30', KYIV));
  });

  it('moves an early-morning touch to the start of the same day', () => {
    expect(slot('2025-06-11 07:15')).toMatchObject({ day: 11, hour: 9, minute: 0 });
  });

  it('moves an evening touch to the next morning, and Friday evening to Monday', () => {
    expect(slot('2025-06-11 18:00')).toMatchObject({ day: 12, hour: 9 });
    expect(slot('2025-06-13 19:00')).toMatchObject({ day: 16, hour: 9 });
  });

  it('moves weekend touches to Monday morning', () => {
    expect(slot('2025-06-14 11:00')).toMatchObject({ day: 16, hour: 9 });
    expect(slot('2025-06-15 09:30')).toMatchObject({ day: 16, hour: 9 });
  });

  it('follows the configured days and hours (a Sunday-to-Thursday week, 10:00-19:00)', () => {
    const week: WorkingTime = { workingDays: [7, 1, 2, 3, 4], workDayStart: '10:00', workDayEnd: '19:00', vacation: null };
    expect(slot('2025-06-13 12:00', week)).toMatchObject({ day: 15, hour: 10 });
    expect(slot('2025-06-12 18:30', week)).toMatchObject({ day: 12, hour: 18, minute: 30 });
  });

  it('lands on the working-day start at local time across the clock change', () => {
    expect(slot('2025-03-29 12:00', OFFICE)).toMatchObject({ month: 3, day: 31, hour: 9 });
    expect(slot('2025-03-08 12:00', OFFICE, NEW_YORK)).toMatchObject({ month: 3, day: 10, hour: 9 });
    expect(new Date(nextWorkingSlot(at('2025-03-08 12:00', NEW_YORK), NEW_YORK, OFFICE)).toISOString()).toBe('2025-03-10T13:00:00.000Z');
  });

  it('treats broken hours as any time of day rather than never', () => {
    const broken: WorkingTime = { ...OFFICE, workDayStart: '18:00', workDayEnd: '09:00' };
    expect(slot('2025-06-11 22:00', broken)).toMatchObject({ day: 11, hour: 22 });
    expect(parseClock('9:00')).toBeNull();
    expect(parseClock('23:59')).toBe(1439);
  });
});

describe('vacation', () => {
  const away: WorkingTime = { ...OFFICE, vacation: { from: '2025-07-07', to: '2025-07-18' } };

  it('shifts touches inside the vacation to the first working slot after it', () => {
    expect(slot('2025-07-10 11:00', away)).toMatchObject({ month: 7, day: 21, hour: 9 });
    expect(slot('2025-07-04 19:00', away)).toMatchObject({ month: 7, day: 21, hour: 9 });
  });

  it('does not move a touch before or after it', () => {
    expect(slot('2025-07-04 11:00', away)).toMatchObject({ day: 4, hour: 11 });
    expect(slot('2025-07-21 11:00', away)).toMatchObject({ day: 21, hour: 11 });
  });

  it('keeps a time the client chose unless the manager is away then', () => {
    expect(afterVacation(at('2025-07-05 15:00', KYIV), KYIV, away)).toBe(at('2025-07-05 15:00', KYIV));
    expect(toLocal(afterVacation(at('2025-07-08 15:00', KYIV), KYIV, away), KYIV)).toMatchObject({ day: 21, hour: 9 });
  });

  it('ignores a vacation that ends before it starts', () => {
    const backwards: WorkingTime = { ...OFFICE, vacation: { from: '2025-07-18', to: '2025-07-07' } };
    expect(slot('2025-07-10 11:00', backwards)).toMatchObject({ day: 10, hour: 11 });
  });
});

describe('working time from settings', () => {
  it('fills what older settings lack', () => {
    expect(workingTimeOf({})).toEqual(OFFICE);
    expect(workingTimeOf({ workingDays: [1], vacation: { from: '2025-01-01', to: '2025-01-02' } })).toMatchObject({
      workingDays: [1],
      workDayStart: '09:00',
      vacation: { from: '2025-01-01', to: '2025-01-02' },
    });
  });
});

describe('the same time on the next working day', () => {
  it('skips weekends and vacations, and respects working hours', () => {
    const next = (local: string, working: WorkingTime = OFFICE) => toLocal(sameTimeNextWorkingDay(at(local, KYIV), KYIV, working), KYIV);
    expect(next('2025-06-11 16:20')).toMatchObject({ day: 12, hour: 16, minute: 20 });
    expect(next('2025-06-13 11:00')).toMatchObject({ day: 16, hour: 11 });
    expect(next('2025-06-11 20:00')).toMatchObject({ day: 13, hour: 9 });
    expect(next('2025-07-04 11:00', { ...OFFICE, vacation: { from: '2025-07-07', to: '2025-07-18' } })).toMatchObject({ month: 7, day: 21, hour: 11 });
  });
});

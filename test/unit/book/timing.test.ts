import { describe, expect, it } from 'vitest';
import { isZeroDuration, parseIsoDuration, parseMonthDay, windowWrapsYear } from '../../../lib/book/timing';

describe('ISO-8601 durations', () => {
  it.each([
    ['P7D', { days: 7 }],
    ['P1M', { months: 1 }],
    ['P3M', { months: 3 }],
    ['P1Y2M', { years: 1, months: 2 }],
    ['P2W', { weeks: 2 }],
    ['PT2H', { hours: 2 }],
    ['P1DT12H30M', { days: 1, hours: 12, minutes: 30 }],
    ['PT0S', {}],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual({ years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, ...expected });
  });

  it.each(['', 'P', 'PT', 'P1DT', '7D', 'P7', 'P1.5D', 'p7d', 'P-1D', 'P7D ', 'P12345D', '1 week'])('rejects %j', (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });

  it('tells a zero duration apart', () => {
    expect(isZeroDuration(parseIsoDuration('P0D') ?? { years: 1, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 })).toBe(true);
    expect(isZeroDuration(parseIsoDuration('PT1S') ?? { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 })).toBe(false);
  });
});

describe('MM-DD days of the year', () => {
  it.each(['01-01', '02-28', '02-29', '04-30', '10-01', '12-31'])('accepts %s', (text) => {
    expect(parseMonthDay(text)).not.toBeNull();
  });

  it.each(['00-10', '13-01', '02-30', '04-31', '11-31', '1-01', '01-1', '0101', '12/31'])('rejects %s', (text) => {
    expect(parseMonthDay(text)).toBeNull();
  });

  it('knows when a window runs over New Year', () => {
    expect(windowWrapsYear({ from: '12-15', to: '01-15' })).toBe(true);
    expect(windowWrapsYear({ from: '10-01', to: '11-30' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DateRangeSchema, localDateFunction, localIsoDate, presetRange, sameRangeLastYear } from '../../../lib/insights/range';

describe('Insights date range', () => {
  it('resolves "this month" in the manager\'s zone, not in UTC', () => {
    // 31 Dec 22:30 UTC is already 1 January in Athens.
    const now = new Date('2026-12-31T22:30:00Z');
    expect(localIsoDate(now, 'Europe/Athens')).toBe('2027-01-01');
    expect(presetRange('thisMonth', now, 'Europe/Athens')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(presetRange('thisMonth', now, 'UTC')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('crosses year boundaries for last month and the last 3 and 12 months', () => {
    const now = new Date('2027-01-15T10:00:00Z');
    expect(presetRange('lastMonth', now, 'UTC')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('last3Months', now, 'UTC')).toEqual({ from: '2026-11-01', to: '2027-01-15' });
    expect(presetRange('last12Months', now, 'UTC')).toEqual({ from: '2026-02-01', to: '2027-01-15' });
    expect(presetRange('yearToDate', now, 'UTC')).toEqual({ from: '2027-01-01', to: '2027-01-15' });
  });

  it('knows February\'s length when going back a month', () => {
    expect(presetRange('lastMonth', new Date('2028-03-10T12:00:00Z'), 'UTC')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('maps a range to the same dates last year, 29 February to 28 February', () => {
    expect(sameRangeLastYear({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('rejects ranges that end before they start or are not dates', () => {
    expect(DateRangeSchema.safeParse({ from: '2026-05-02', to: '2026-05-01' }).success).toBe(false);
    expect(DateRangeSchema.safeParse({ from: '2026-13-01', to: '2026-12-01' }).success).toBe(false);
    expect(DateRangeSchema.safeParse({ from: '2026-05-01', to: '2026-05-01' }).success).toBe(true);
  });
});

describe('localDateFunction', () => {
  it('gives the day Intl gives, across clock changes and half-hour zones', () => {
    const zones = ['Europe/Kyiv', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    // Every 28 minutes 53 seconds through the weeks around the spring and autumn changes of 2026.
    const spans = [Date.UTC(2026, 2, 20), Date.UTC(2026, 3, 1), Date.UTC(2026, 9, 20), Date.UTC(2026, 10, 5)];
    for (const zone of zones) {
      const fast = localDateFunction(zone);
      const slow = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (let at = spans[0]!; at < spans[1]!; at += 1_733_000) expect(fast(at), `${zone} ${new Date(at).toISOString()}`).toBe(slow.format(at));
      for (let at = spans[2]!; at < spans[3]!; at += 1_733_000) expect(fast(at), `${zone} ${new Date(at).toISOString()}`).toBe(slow.format(at));
    }
  });
});

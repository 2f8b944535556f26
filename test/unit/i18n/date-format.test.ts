// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from '../../../lib/i18n/date-format';

describe('dateTimeFormat', () => {
  it('gives the same formatter for the same locale and options, another for others', () => {
    const first = dateTimeFormat('el', { dateStyle: 'medium', timeZone: 'Europe/Athens' });
    expect(dateTimeFormat('el', { dateStyle: 'medium', timeZone: 'Europe/Athens' })).toBe(first);
    expect(dateTimeFormat('el', { dateStyle: 'long', timeZone: 'Europe/Athens' })).not.toBe(first);
    expect(dateTimeFormat('uk', { dateStyle: 'medium', timeZone: 'Europe/Athens' })).not.toBe(first);
    expect(first.format(Date.UTC(2026, 11, 8, 12))).toBe(new Intl.DateTimeFormat('el', { dateStyle: 'medium', timeZone: 'Europe/Athens' }).format(Date.UTC(2026, 11, 8, 12)));
  });

  it('throws for a zone the runtime does not know, every time', () => {
    expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

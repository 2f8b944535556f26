import { describe, expect, it } from 'vitest';
import type { BookError } from '../../../lib/book/errors';
import { validateBook } from '../../../lib/book/validate';
import { validBookInput, validProgramme, validTouch } from './factories';

function greetings(...touches: Array<Record<string, unknown>>) {
  return validBookInput({
    programmes: [validProgramme({ id: 'holidays', anchor: { kind: 'none' }, touches: touches.map((touch, index) => validTouch({ id: `t${index}`, after: undefined, ...touch })) })],
  });
}

function errorsOf(input: unknown): BookError[] {
  const result = validateBook(input);
  if (result.ok) throw new Error('expected the book to be invalid');
  return result.errors;
}

describe('holiday timings in a book', () => {
  it('accept a named holiday with an offset, the name day and a gender condition; older books still read', () => {
    const result = validateBook(
      greetings(
        { annual: { holiday: 'orthodox-easter', offsetDays: -3 } },
        { annual: { holiday: 'womens-day' }, condition: { gender: 'female' } },
        { annual: { nameDay: true } },
        { annual: { date: '12-28' } },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.book.programmes[0]?.touches.map((touch) => touch.annual)).toEqual([
      { holiday: 'orthodox-easter', offsetDays: -3 },
      { holiday: 'womens-day' },
      { nameDay: true },
      { date: '12-28' },
    ]);
  });

  it('reject an unknown holiday, two dates at once, an offset without a holiday and an unknown gender', () => {
    const errors = errorsOf(
      greetings(
        { annual: { holiday: 'easter-monday' } },
        { annual: { holiday: 'easter', date: '04-01' } },
        { annual: { date: '03-08', offsetDays: -1 } },
        { annual: { holiday: 'christmas', offsetDays: 45 } },
        { annual: { nameDay: true }, condition: { gender: 'other' } },
      ),
    );
    const at = (path: string) => errors.filter((error) => error.path === path).map((error) => error.message).join(' | ');
    expect(at('programmes[0].touches[0].annual.holiday')).toContain('"orthodox-easter"');
    expect(at('programmes[0].touches[1].annual')).toContain('exactly one of "date"');
    expect(at('programmes[0].touches[2].annual.offsetDays')).toBe('"offsetDays" only works together with "holiday"');
    expect(at('programmes[0].touches[3].annual.offsetDays')).not.toBe('');
    expect(at('programmes[0].touches[4].condition.gender')).toContain('"female"');
  });
});

import { describe, expect, it } from 'vitest';
import type { TouchRecord } from '../../../lib/db/schema';
import { localDateFunction, weekStart } from '../../../lib/insights/range';
import { touchBreakdown } from '../../../lib/insights/touch-counts';

const NOW = Date.parse('2026-03-10T12:00:00Z');

function touch(overrides: Partial<TouchRecord>): TouchRecord {
  return {
    id: Math.random().toString(36),
    clientId: 'c1',
    programmeId: 'p',
    templateId: 't',
    state: 'planned',
    dueAt: NOW,
    goal: '',
    role: '',
    channel: 'call',
    script: '',
    outcome: null,
    note: null,
    updatedAt: 0,
    programmeName: 'Onboarding',
    priority: 0,
    roleId: '',
    anchorEventId: null,
    occurrence: '',
    source: 'plan',
    expiresAt: null,
    snoozedUntil: null,
    outcomeAt: null,
    skipReason: null,
    createdAt: 0,
    ...overrides,
  };
}

describe('touch counts', () => {
  it('sorts touches into done, open, overdue, skipped and missed, with the outcomes of the done ones', () => {
    const touches = [
      touch({ state: 'done', outcome: 'reached', dueAt: Date.parse('2026-03-02T09:00:00Z') }),
      touch({ state: 'done', outcome: 'no-answer', dueAt: Date.parse('2026-03-03T09:00:00Z') }),
      touch({ state: 'due', dueAt: Date.parse('2026-03-09T09:00:00Z') }), // its time passed: overdue
      touch({ state: 'snoozed', dueAt: Date.parse('2026-03-12T09:00:00Z') }),
      touch({ state: 'skipped', dueAt: Date.parse('2026-03-04T09:00:00Z'), programmeName: 'Feedback' }),
      touch({ state: 'missed', dueAt: Date.parse('2026-03-05T09:00:00Z') }),
      touch({ state: 'planned', dueAt: Date.parse('2026-04-20T09:00:00Z') }), // outside the range
    ];
    const result = touchBreakdown(touches, { from: '2026-03-01', to: '2026-03-31' }, { now: NOW, localDateOf: localDateFunction('UTC') });
    expect(result.total).toEqual({ done: 2, open: 1, overdue: 1, skipped: 1, missed: 1, outcomes: { reached: 1, 'no-answer': 1 } });
    expect(result.byProgramme.map((row) => [row.programme, row.done + row.open + row.overdue + row.skipped + row.missed])).toEqual([
      ['Onboarding', 5],
      ['Feedback', 1],
    ]);
  });

  it('groups by Monday weeks, every week of the range present, across the new year', () => {
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(weekStart('2026-12-28')).toBe('2026-12-28');
    const result = touchBreakdown(
      [touch({ state: 'done', dueAt: Date.parse('2027-01-01T10:00:00Z') })],
      { from: '2026-12-20', to: '2027-01-10' },
      { now: NOW, localDateOf: localDateFunction('UTC') },
    );
    expect(result.byWeek.map((week) => [week.week, week.done])).toEqual([
      ['2026-12-14', 0],
      ['2026-12-21', 0],
      ['2026-12-28', 1],
      ['2027-01-04', 0],
    ]);
  });

  it('counts a touch on the manager\'s local day: 22:30 UTC on 31 March is 1 April in Athens', () => {
    const late = touch({ state: 'done', dueAt: Date.parse('2026-03-31T22:30:00Z') });
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect(touchBreakdown([late], march, { now: NOW, localDateOf: localDateFunction('UTC') }).total.done).toBe(1);
    expect(touchBreakdown([late], march, { now: NOW, localDateOf: localDateFunction('Europe/Athens') }).total.done).toBe(0);
  });

  it('finds the local day right across a daylight-saving change', () => {
    const athens = localDateFunction('Europe/Athens');
    // Clocks go forward at 03:00 local on 29 March 2026 (00:00 UTC to 01:00 UTC the offset moves to +3).
    expect(athens(Date.parse('2026-03-28T21:59:00Z'))).toBe('2026-03-28');
    expect(athens(Date.parse('2026-03-28T22:00:00Z'))).toBe('2026-03-29');
    expect(athens(Date.parse('2026-10-24T20:59:00Z'))).toBe('2026-10-24');
    expect(athens(Date.parse('2026-10-24T21:00:00Z'))).toBe('2026-10-25');
  });
});

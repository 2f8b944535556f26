import type { TouchOutcome, TouchRecord } from '../db/schema';
import { weekStart, type DateRange } from './range';

/**
 * How the planned touches went in a period, by the day each was due: done, still to do (due or
 * ahead), overdue (its time has passed and nobody did it), skipped (with a reason) and missed (its
 * chance passed). Outcomes are what the manager recorded on the done ones.
 */
export interface TouchCounts {
  done: number;
  open: number;
  overdue: number;
  skipped: number;
  missed: number;
  outcomes: Partial<Record<TouchOutcome, number>>;
}

export type TouchStatus = 'done' | 'open' | 'overdue' | 'skipped' | 'missed';

export function touchStatus(touch: Pick<TouchRecord, 'state' | 'dueAt'>, now: number): TouchStatus {
  switch (touch.state) {
    case 'done':
      return 'done';
    case 'skipped':
      return 'skipped';
    case 'missed':
      return 'missed';
    default:
      return touch.dueAt < now ? 'overdue' : 'open';
  }
}

function emptyCounts(): TouchCounts {
  return { done: 0, open: 0, overdue: 0, skipped: 0, missed: 0, outcomes: {} };
}

function add(counts: TouchCounts, touch: TouchRecord, now: number): void {
  counts[touchStatus(touch, now)] += 1;
  if (touch.state === 'done' && touch.outcome) counts.outcomes[touch.outcome] = (counts.outcomes[touch.outcome] ?? 0) + 1;
}

export interface TouchBreakdown {
  total: TouchCounts;
  /** Week start (Monday, YYYY-MM-DD) -> counts, every week of the range present. */
  byWeek: Array<{ week: string } & TouchCounts>;
  /** Programme name -> counts, the busiest first; touches the manager added are "" (no programme). */
  byProgramme: Array<{ programme: string } & TouchCounts>;
}

export function touchBreakdown(
  touches: readonly TouchRecord[],
  range: DateRange,
  { now, localDateOf }: { now: number; localDateOf: (at: number) => string },
): TouchBreakdown {
  const total = emptyCounts();
  const weeks = new Map<string, TouchCounts>();
  for (let week = weekStart(range.from); week <= range.to; week = addDays(week, 7)) weeks.set(week, emptyCounts());
  const programmes = new Map<string, TouchCounts>();
  for (const touch of touches) {
    const day = localDateOf(touch.dueAt);
    if (day < range.from || day > range.to) continue;
    add(total, touch, now);
    const week = weeks.get(weekStart(day));
    if (week) add(week, touch, now);
    const key = touch.programmeName || '';
    let programme = programmes.get(key);
    if (!programme) programmes.set(key, (programme = emptyCounts()));
    add(programme, touch, now);
  }
  return {
    total,
    byWeek: [...weeks].map(([week, counts]) => ({ week, ...counts })),
    byProgramme: [...programmes]
      .map(([programme, counts]) => ({ programme, ...counts }))
      .sort((a, b) => sizeOf(b) - sizeOf(a) || a.programme.localeCompare(b.programme)),
  };
}

const sizeOf = (counts: TouchCounts) => counts.done + counts.open + counts.overdue + counts.skipped + counts.missed;

function addDays(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

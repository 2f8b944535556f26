import type { TouchbookDb } from '../db/database';
import type { EventRecord, TouchRecord, TouchState } from '../db/schema';
import { sameRangeLastYear, type DateRange } from './range';

const TOUCH_STATES: readonly TouchState[] = ['planned', 'due', 'done', 'snoozed', 'skipped', 'missed'];
const DAY_MS = 86_400_000;

export interface InsightsData {
  /** Every purchase ever recorded: telling a repeat purchase from a first needs the history. */
  purchases: EventRecord[];
  /** The touches due in the range or the same range last year (a day of slack each side for zones). */
  touches: TouchRecord[];
}

/**
 * Reads what the figures need, through the indexes: purchases by type, touches by state and due
 * time. Read-only; one transaction so the figures agree with each other.
 */
export async function loadInsightsData(db: TouchbookDb, range: DateRange): Promise<InsightsData> {
  const lastYear = sameRangeLastYear(range);
  const from = Date.parse(`${lastYear.from}T00:00:00Z`) - DAY_MS;
  const to = Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS;
  return db.transaction('r', db.events, db.touches, async () => {
    const [purchases, ...touchesByState] = await Promise.all([
      db.events.where('type').equals('purchase').toArray(),
      ...TOUCH_STATES.map((state) => db.touches.where('[state+dueAt]').between([state, from], [state, to], true, true).toArray()),
    ]);
    return { purchases, touches: touchesByState.flat() };
  });
}

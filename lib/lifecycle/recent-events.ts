import type { RecentEvents } from '../book/schema';
import type { EventRecord, EventType } from '../db/schema';
import { productMatches } from './matching';
import { epochDay, localDateOf, parseLocalDate } from './time';

/**
 * "At least two service visits in the last three months": a touch condition that counts the
 * client's events over the days before the touch. Only what the card (or the manager) has shown
 * counts, so a trade-in call that speaks of frequent service visits is planned only for a client
 * who has had them.
 */

const EVENT_TYPES: Record<RecentEvents['kind'], EventType> = {
  purchase: 'purchase',
  dealWon: 'deal-won',
  callbackRequested: 'callback-requested',
};

/** An event reduced to what counting needs: its kind, its local day and what was bought. */
export interface CountedEvent {
  type: EventType;
  /** Days since 1970-01-01 in the manager's calendar. */
  day: number;
  product: string | null;
  category: string | null;
}

export function countedEvents(events: readonly EventRecord[], timeZone: string): CountedEvent[] {
  return events.map((event) => {
    const date = typeof event.data.date === 'string' ? parseLocalDate(event.data.date) : null;
    return {
      type: event.type,
      day: epochDay(date ?? localDateOf(event.at, timeZone)),
      product: typeof event.data.product === 'string' ? event.data.product : null,
      category: typeof event.data.category === 'string' ? event.data.category : null,
    };
  });
}

function matches(rule: RecentEvents, event: CountedEvent): boolean {
  if (event.type !== EVENT_TYPES[rule.kind]) return false;
  if (rule.kind !== 'purchase') return true;
  return productMatches(rule, { name: event.product, category: event.category });
}

/** Whether every rule's count is reached on `day`: events on that day and the `withinDays - 1` before it. */
export function recentEventsHold(rules: readonly RecentEvents[], events: readonly CountedEvent[], day: number): boolean {
  return rules.every((rule) => {
    const from = day - rule.withinDays + 1;
    let count = 0;
    for (const event of events) if (event.day >= from && event.day <= day && matches(rule, event)) count += 1;
    return count >= rule.atLeast;
  });
}

/**
 * The first day from `fromDay` on when every count is reached, or null when the known events
 * never reach it. Counts only grow on the day of an event, so those days are the only
 * candidates after `fromDay`: a client whose second service visit comes two months after the
 * trade-in date gets the call on the day of that visit, not never and not backdated.
 */
export function firstDayRecentEventsHold(rules: readonly RecentEvents[], events: readonly CountedEvent[], fromDay: number): number | null {
  if (!rules.length) return fromDay;
  const candidates = [fromDay, ...new Set(events.filter((event) => event.day > fromDay).map((event) => event.day))].sort((a, b) => a - b);
  return candidates.find((day) => recentEventsHold(rules, events, day)) ?? null;
}

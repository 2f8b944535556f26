import type { TouchRecord } from '../db/schema';
import { isOpen } from './states';
import { epochDay, localDateOf } from './time';

/**
 * What to do next for a client: the touch that is most overdue comes first; touches falling on
 * the same local day go by programme priority (lower first, as the book says), then by time.
 * When nothing is due, the next planned one.
 */

interface Keyed {
  touch: TouchRecord;
  day: number;
}

function compareKeyed(a: Keyed, b: Keyed): number {
  return a.day - b.day || a.touch.priority - b.touch.priority || a.touch.dueAt - b.touch.dueAt || (a.touch.id < b.touch.id ? -1 : a.touch.id > b.touch.id ? 1 : 0);
}

/** Open touches in the order a manager should work through them: due ones, then coming ones. */
export function openTouchesInOrder(touches: readonly TouchRecord[], now: number, timeZone: string): TouchRecord[] {
  const keyed = touches.filter(isOpen).map((touch) => ({ touch, day: epochDay(localDateOf(touch.dueAt, timeZone)) }));
  const due = keyed.filter(({ touch }) => touch.dueAt <= now).sort(compareKeyed);
  const coming = keyed.filter(({ touch }) => touch.dueAt > now).sort(compareKeyed);
  return [...due, ...coming].map(({ touch }) => touch);
}

export function nextTouch(touches: readonly TouchRecord[], now: number, timeZone: string): TouchRecord | null {
  return openTouchesInOrder(touches, now, timeZone)[0] ?? null;
}

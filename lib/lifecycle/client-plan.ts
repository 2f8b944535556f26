import type { TouchbookDb } from '../db/database';
import type { EventRecord, TouchRecord } from '../db/schema';
import { getSettings } from '../db/settings';
import { openTouchesInOrder } from './next-touch';
import { resolveTimeZone } from './time';

/**
 * One client's touches as the side panel shows them. Read by the worker (`ui/touches.client`) and
 * by the panel itself straight from the database, so a panel that opens, or follows a record
 * change, does not wait for a worker that is waking up or busy planning that very client.
 */
export interface ClientPlan {
  /** Open touches, the next one first. */
  open: TouchRecord[];
  /** Done, skipped and missed touches, newest first. */
  history: TouchRecord[];
  timeZone: string;
  /**
   * What each touch's anchor event was about, by event id: a trade-in touch anchored on the van's
   * purchase speaks of the van, not of the tyres bought last.
   */
  anchors: Record<string, TouchAnchor>;
}

export interface TouchAnchor {
  type: EventRecord['type'];
  product: string | null;
  category: string | null;
}

/** Every touch of a client, history included, by due time. */
export async function touchesForClient(db: TouchbookDb, clientId: string): Promise<TouchRecord[]> {
  return db.touches
    .where('[clientId+dueAt]')
    .between([clientId, -Infinity], [clientId, Infinity])
    .toArray();
}

async function planOf(db: TouchbookDb, touches: TouchRecord[], { now, timeZone }: { now: number; timeZone: string }): Promise<ClientPlan> {
  const open = openTouchesInOrder(touches, now, timeZone);
  const openIds = new Set(open.map((touch) => touch.id));
  const history = touches.filter((touch) => !openIds.has(touch.id)).sort((a, b) => b.updatedAt - a.updatedAt);
  const anchorIds = [...new Set(touches.flatMap((touch) => (touch.anchorEventId ? [touch.anchorEventId] : [])))];
  const anchors: Record<string, TouchAnchor> = {};
  for (const event of await db.events.bulkGet(anchorIds)) {
    if (event) anchors[event.id] = { type: event.type, product: textOrNull(event.data.product), category: textOrNull(event.data.category) };
  }
  return { open, history, timeZone, anchors };
}

/** The plan as of the extension's clock, in the manager's time zone (or the system's). */
export async function currentClientPlan(
  db: TouchbookDb,
  clientId: string,
  { clock, systemTimeZone }: { clock: () => Promise<number>; systemTimeZone: string },
): Promise<ClientPlan> {
  // The touches are read alongside the clock and the settings: on a record change each round
  // trip is time the panel shows the previous client's plan.
  const [settings, now, touches] = await Promise.all([getSettings(db), clock(), touchesForClient(db, clientId)]);
  return planOf(db, touches, { now, timeZone: resolveTimeZone(settings.timeZone, systemTimeZone) });
}

function textOrNull(value: string | number | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

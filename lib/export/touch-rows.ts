import type { TouchbookDb } from '../db/database';
import type { ClientRecord, TouchRecord, TouchState } from '../db/schema';

/** A touch with its client (null when the client was deleted since), for files a person opens. */
export interface TouchRow {
  touch: TouchRecord;
  client: ClientRecord | null;
}

/** Touches still waiting for the manager: the ones a calendar should show. */
export const PENDING_STATES: readonly TouchState[] = ['planned', 'due', 'snoozed'];

/**
 * Touches with their clients, by due time: `pending` reads the `[state+dueAt]` ranges of the open
 * states only; `all` reads every touch, history included. Clients come with one bulk read.
 */
export async function readTouchRows(db: TouchbookDb, which: 'pending' | 'all'): Promise<TouchRow[]> {
  return db.transaction('r', db.touches, db.clients, async () => {
    const touches =
      which === 'all'
        ? await db.touches.toArray()
        : (
            await Promise.all(
              PENDING_STATES.map((state) => db.touches.where('[state+dueAt]').between([state, -Infinity], [state, Infinity]).toArray()),
            )
          ).flat();
    touches.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
    const clientIds = [...new Set(touches.map((touch) => touch.clientId))];
    const clients = new Map((await db.clients.bulkGet(clientIds)).flatMap((client) => (client ? [[client.id, client] as const] : [])));
    return touches.map((touch) => ({ touch, client: clients.get(touch.clientId) ?? null }));
  });
}

/** The CRM page the client was last seen on, when it is a web address a calendar may link to. */
export function clientLink(client: ClientRecord | null): string | null {
  const latest = client?.records.slice().sort((a, b) => b.seenAt - a.seenAt)[0]?.url;
  if (!latest) return null;
  try {
    const url = new URL(latest);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * `readTouchRows` for an extension page that does not otherwise open the database (the settings
 * page): Dexie is loaded and the database opened on the first export, not with the page.
 */
export function lazyTouchRows(): (which: 'pending' | 'all') => Promise<TouchRow[]> {
  let opening: Promise<TouchbookDb> | null = null;
  return async (which) => {
    opening ??= import('../db/database').then(({ openDatabase }) => openDatabase());
    return readTouchRows(await opening, which);
  };
}

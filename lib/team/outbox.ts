import { canonicalJson } from '../book/canonical-json';
import type { TouchbookDb } from '../db/database';
import type { TeamOutboxRecord } from '../db/schema';
import { dayDocId, type DayDocBody } from './docs';

/**
 * The team outbox: the day documents this browser has computed, each with a sequence number that
 * grows when the day's figures change. The replicator sends the rows above its checkpoint, so the
 * outbox survives the worker stopping, the browser closing and the network going away, and sending
 * it twice writes the same documents again (by id) rather than new ones.
 */

/** Queues the days whose figures differ from what is queued; returns how many changed. */
export async function queueDays(db: TouchbookDb, bodies: readonly DayDocBody[]): Promise<number> {
  if (bodies.length === 0) return 0;
  return db.transaction('rw', db.teamOutbox, async () => {
    const ids = bodies.map((body) => dayDocId(body.managerId, body.day));
    const existing = await db.teamOutbox.bulkGet(ids);
    let seq = (await db.teamOutbox.orderBy('seq').last())?.seq ?? 0;
    const changed: TeamOutboxRecord[] = [];
    bodies.forEach((body, index) => {
      const fingerprint = fingerprintOf(body);
      const known = existing[index];
      if (known?.fingerprint === fingerprint) return;
      seq += 1;
      changed.push({ id: ids[index]!, day: body.day, body, fingerprint, seq, rev: known?.rev ?? null });
    });
    await db.teamOutbox.bulkPut(changed);
    return changed.length;
  });
}

/** The rows after `checkpoint`, oldest change first. */
export function rowsAfter(db: TouchbookDb, checkpoint: number, limit: number): Promise<TeamOutboxRecord[]> {
  return db.teamOutbox.where('seq').above(checkpoint).limit(limit).toArray();
}

export async function pendingCount(db: TouchbookDb, checkpoint: number): Promise<number> {
  return db.teamOutbox.where('seq').above(checkpoint).count();
}

/** Remembers the revisions the target gave, so the next write of a day updates it in place. */
export async function recordRevs(db: TouchbookDb, revs: ReadonlyMap<string, string>): Promise<void> {
  if (revs.size === 0) return;
  await db.transaction('rw', db.teamOutbox, async () => {
    await db.teamOutbox.where('id').anyOf([...revs.keys()]).modify((row) => {
      row.rev = revs.get(row.id) ?? row.rev;
    });
  });
}

/** Everything but `updatedAt`: a recount that finds the same figures is not a change. */
export function fingerprintOf(body: DayDocBody): string {
  const { updatedAt: _updatedAt, ...rest } = body;
  return canonicalJson(rest);
}

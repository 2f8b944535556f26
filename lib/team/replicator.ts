import { z } from 'zod';
import type { TouchbookDb } from '../db/database';
import type { TeamOutboxRecord } from '../db/schema';
import { CouchError, type CouchClient } from './couch';
import { PushCheckpointSchema, pushCheckpointId } from './docs';
import { pendingCount, recordRevs, rowsAfter } from './outbox';

/**
 * Pushes the outbox to the team database the way CouchDB's own replicator does it, with only the
 * public HTTP API: read the checkpoint from `_local/` on the target, send what changed after it
 * with `_bulk_docs`, then move the checkpoint. A checkpoint missing on the target, or written by
 * another session, means the target is new or was reset: everything is sent again (by id, so
 * nothing doubles). A write lost with its reply (the server died after storing it) comes back as
 * a conflict on the next push; the current revision is read and the write repeated on top of it.
 */

/** What the worker keeps between pushes (storage.local): it survives the worker stopping. */
export const PushStateSchema = z.object({
  /** The target this state belongs to (database URL and manager id). */
  target: z.string().default(''),
  session: z.string().default(''),
  checkpoint: z.number().int().min(0).default(0),
  failures: z.number().int().min(0).default(0),
  nextAttemptAt: z.number().nullable().default(null),
  lastPushAt: z.number().nullable().default(null),
  lastError: z.string().nullable().default(null),
});
export type PushState = z.output<typeof PushStateSchema>;

export const BATCH_SIZE = 100;
const CONFLICT_ROUNDS = 3;

export interface PushResult {
  /** Documents written (a re-write after a conflict counts once). */
  written: number;
  checkpoint: number;
  /** True when the target held no checkpoint of this session and everything was sent again. */
  resent: boolean;
}

export async function pushOutbox(options: {
  db: TouchbookDb;
  client: CouchClient;
  managerId: string;
  state: Pick<PushState, 'session' | 'checkpoint'>;
  /** Called after each batch the target confirmed, so a push cut short resumes from there. */
  onCheckpoint?: (checkpoint: number) => Promise<void>;
  batchSize?: number;
}): Promise<PushResult> {
  const { db, client, managerId, state } = options;
  await client.ensureDb();
  const checkpointId = pushCheckpointId(managerId);
  const remoteRaw = await client.getLocal(checkpointId);
  const remote = remoteRaw === null ? null : PushCheckpointSchema.safeParse(remoteRaw);
  const trusted = remote?.success && remote.data.session === state.session ? remote.data : null;
  let checkpoint = trusted ? Math.min(trusted.seq, state.checkpoint) : 0;
  let remoteRev = remote?.success ? remote.data._rev : undefined;
  const resent = trusted === null && state.checkpoint > 0;
  let written = 0;

  for (;;) {
    const rows = await rowsAfter(db, checkpoint, options.batchSize ?? BATCH_SIZE);
    if (rows.length === 0) break;
    // Revisions we knew belong to the old target when it was reset: ask it instead.
    const revs = await writeBatch(client, rows, trusted === null);
    await recordRevs(db, revs);
    written += revs.size;
    checkpoint = rows[rows.length - 1]!.seq;
    remoteRev = await client.putLocal(checkpointId, { session: state.session, seq: checkpoint, ...(remoteRev ? { _rev: remoteRev } : {}) });
    await options.onCheckpoint?.(checkpoint);
  }
  return { written, checkpoint, resent };
}

/**
 * Writes rows with `_bulk_docs`, resolving conflicts by reading the current revisions and writing
 * again. `askTarget`: the revisions stored with the rows are from another target (or a reset one).
 */
async function writeBatch(client: CouchClient, rows: readonly TeamOutboxRecord[], askTarget: boolean): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  let todo = [...rows];
  let revs = askTarget
    ? await client.currentRevs(rows.map((row) => row.id))
    : new Map(rows.flatMap((row): Array<[string, string]> => (row.rev === null ? [] : [[row.id, row.rev]])));
  for (let round = 0; todo.length > 0; round += 1) {
    const results = await client.bulkDocs(todo.map((row) => ({ ...row.body, _id: row.id, ...(revs.has(row.id) ? { _rev: revs.get(row.id) } : {}) })));
    const conflicts: TeamOutboxRecord[] = [];
    todo.forEach((row, index) => {
      const result = results.find((item) => item.id === row.id) ?? results[index];
      if (result?.rev && !result.error) written.set(row.id, result.rev);
      else if (result?.error === 'conflict') conflicts.push(row);
      else throw new CouchError(`writing ${row.id} was refused: ${result?.error ? `${result.error}${result.reason ? ` (${result.reason})` : ''}` : 'no result'}`, 403, result?.error ?? null);
    });
    if (conflicts.length === 0) break;
    if (round + 1 >= CONFLICT_ROUNDS) throw new CouchError(`${conflicts.length} documents stayed in conflict`, 409, 'conflict');
    revs = await client.currentRevs(conflicts.map((row) => row.id));
    todo = conflicts;
  }
  return written;
}

/** 30 s, 1, 2, 4 ... minutes, at most an hour, with up to 20% jitter so a team does not retry in step. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
  return Math.round(base * (1 + 0.2 * random()));
}

export { pendingCount };

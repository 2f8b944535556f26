import { z } from 'zod';
import { BACKUP_CHUNK_CHARS, type BackupPageMessage, type BackupPortMessage } from '../background/backup-port';
import type { ImportSummary } from '../db/backup';

/**
 * The options page's half of a restore (see backup-port.ts): reads the file a slice at a time,
 * never the whole of it as one string here, and sends each slice once the background took the
 * last one. Everything the background says comes out as a `RestoreUpdate`; a port that closes
 * before the end (the worker was stopped or crashed) is `interrupted`, never silence.
 */
export type RestoreUpdate =
  | { kind: 'progress'; phase: 'upload' | 'write' | 'plan'; done: number; total: number }
  | { kind: 'written'; summary: ImportSummary }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'error'; error: string }
  /** The background went away; `written` says whether the restore had been committed by then. */
  | { kind: 'interrupted'; written: boolean };

export interface PagePort {
  postMessage: (message: BackupPageMessage) => void;
  onMessage: { addListener: (listener: (message: unknown) => void) => void };
  onDisconnect: { addListener: (listener: () => void) => void };
  disconnect: () => void;
}

const count = z.number().int().min(0);
const SummarySchema = z.custom<ImportSummary>((value) => typeof value === 'object' && value !== null && 'total' in value && 'skipped' in value);
const BackgroundToPageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('received'), chars: count }),
  z.object({ kind: z.literal('progress'), phase: z.enum(['write', 'plan']), done: count, total: count }),
  z.object({ kind: z.literal('written'), summary: SummarySchema }),
  z.object({ kind: z.literal('done'), summary: SummarySchema }),
  z.object({ kind: z.literal('error'), error: z.string() }),
]) satisfies z.ZodType<BackupPortMessage>;

export interface UploadOptions {
  /** Bytes read per slice; decoded, a slice is at most this many characters. */
  sliceBytes?: number;
  /** How often to remind an idle worker that the restore is still going. */
  pingMs?: number;
}

export function sendBackupFile(
  port: PagePort,
  file: Blob,
  mode: 'merge' | 'replace',
  onUpdate: (update: RestoreUpdate) => void,
  { sliceBytes = BACKUP_CHUNK_CHARS, pingMs = 10_000 }: UploadOptions = {},
): void {
  // One decoder for the whole file: a character split between two slices is joined again.
  const decoder = new TextDecoder('utf-8');
  let offset = 0;
  let finished = false;
  let written = false;
  const ping = setInterval(() => send({ kind: 'ping' }), pingMs);
  const finish = (update: RestoreUpdate) => {
    if (finished) return;
    finished = true;
    clearInterval(ping);
    onUpdate(update);
    if (update.kind !== 'interrupted') port.disconnect();
  };
  const send = (message: BackupPageMessage) => {
    if (finished) return;
    try {
      port.postMessage(message);
    } catch {
      finish({ kind: 'interrupted', written });
    }
  };
  const sendNextSlice = async () => {
    try {
      if (offset >= file.size) return send({ kind: 'end' });
      const end = Math.min(file.size, offset + sliceBytes);
      // The last slice flushes the decoder (`stream: false`).
      const text = decoder.decode(await file.slice(offset, end).arrayBuffer(), { stream: end < file.size });
      offset = end;
      onUpdate({ kind: 'progress', phase: 'upload', done: offset, total: file.size });
      send({ kind: 'chunk', text });
    } catch (error) {
      finish({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };

  port.onDisconnect.addListener(() => finish({ kind: 'interrupted', written }));
  port.onMessage.addListener((raw) => {
    if (finished) return;
    const parsed = BackgroundToPageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'received') return void sendNextSlice();
    if (message.kind === 'progress') return onUpdate(message);
    if (message.kind === 'written') {
      written = true;
      return onUpdate(message);
    }
    finish(message);
  });
  send({ kind: 'begin', mode });
  void sendNextSlice();
}

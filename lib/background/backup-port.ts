import { z } from 'zod';
import { BackupError, importBackup, type ImportOptions, type ImportSummary } from '../db/backup';
import type { TouchbookDb } from '../db/database';

/**
 * Restoring a backup runs over a port, the file in pieces (issue 16): one message of a big file
 * passes Chrome's 64 MiB limit and never arrives. The options page sends `begin`, then the text
 * a chunk at a time (each acknowledged, so neither side queues the whole file), then `end`; the
 * background checks the whole file, writes it in one transaction with progress, says `written`
 * once it is committed, re-plans with progress, then `done`. If the page goes away before the
 * write is committed, the transaction is aborted: the database keeps what it had.
 */
export const BACKUP_PORT = 'touchbook-backup-import';

/** Characters per chunk: far below 64 MiB even when every character needs escaping in JSON. */
export const BACKUP_CHUNK_CHARS = 2 * 1024 * 1024;
/** About what one JavaScript string can hold in Chrome (2^29 - 24 characters). */
export const BACKUP_MAX_CHARS = 512 * 1024 * 1024;

export const PageToBackgroundSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('begin'), mode: z.enum(['merge', 'replace']) }),
  z.object({ kind: z.literal('chunk'), text: z.string().max(BACKUP_CHUNK_CHARS) }),
  z.object({ kind: z.literal('end') }),
  // Sent now and then while waiting: an event keeps an idle worker from being stopped.
  z.object({ kind: z.literal('ping') }),
]);
export type BackupPageMessage = z.infer<typeof PageToBackgroundSchema>;

export type BackupPortMessage =
  | { kind: 'received'; chars: number }
  | { kind: 'progress'; phase: 'write' | 'plan'; done: number; total: number }
  /** The restore is committed; the re-plan follows. */
  | { kind: 'written'; summary: ImportSummary }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'error'; error: string };

export interface BackupPort {
  name: string;
  sender?: { url?: string };
  postMessage: (message: BackupPortMessage) => void;
  onMessage: { addListener: (listener: (message: unknown) => void) => void };
  onDisconnect: { addListener: (listener: () => void) => void };
  disconnect: () => void;
}

export function handleBackupPort(
  port: BackupPort,
  deps: {
    db: TouchbookDb;
    extensionBaseUrl: string;
    /** Registration and re-planning after the data is in; `onProgress` over the clients. */
    afterImport: (onProgress: (done: number, total: number) => void) => Promise<void>;
    /** The book slots an administrator's policy controls (the book service knows). */
    protectedBookSlots?: ImportOptions['protectedBookSlots'];
  },
): void {
  if (port.name !== BACKUP_PORT) return;
  // Only the extension's own pages may restore data.
  if (!port.sender?.url?.startsWith(deps.extensionBaseUrl)) {
    port.disconnect();
    return;
  }
  const stop = new AbortController();
  let mode: 'merge' | 'replace' | null = null;
  let chunks: string[] = [];
  let chars = 0;
  let over = false;
  const post = (message: BackupPortMessage) => {
    // A page that went away: nobody to tell; the abort below has already stopped the write.
    if (stop.signal.aborted) return;
    try {
      port.postMessage(message);
    } catch {
      stop.abort();
    }
  };
  const fail = (error: string) => {
    over = true;
    chunks = [];
    post({ kind: 'error', error });
  };
  port.onDisconnect.addListener(() => {
    chunks = [];
    stop.abort();
  });

  const restore = async (text: string, chosen: 'merge' | 'replace') => {
    let input: unknown;
    try {
      // A file saved by an editor may start with a byte order mark, which JSON does not allow.
      input = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
    } catch {
      return fail('not a JSON file');
    }
    try {
      const summary = await importBackup(deps.db, input, {
        mode: chosen,
        signal: stop.signal,
        ...(deps.protectedBookSlots ? { protectedBookSlots: deps.protectedBookSlots } : {}),
        onProgress: (done, total) => post({ kind: 'progress', phase: 'write', done, total }),
      });
      post({ kind: 'written', summary });
      // The data is in: a failing follow-up (registration, re-planning) must not be reported
      // as a failed restore ("nothing was changed"); the next start or re-plan catches up.
      await deps
        .afterImport((done, total) => post({ kind: 'progress', phase: 'plan', done, total }))
        .catch((error: unknown) => console.warn('[touchbook] after restoring a backup', error));
      over = true;
      post({ kind: 'done', summary });
    } catch (error) {
      fail(error instanceof BackupError || error instanceof Error ? error.message : String(error));
    }
  };

  port.onMessage.addListener((raw) => {
    if (over) return;
    const parsed = PageToBackgroundSchema.safeParse(raw);
    if (!parsed.success) return fail('malformed backup request');
    const message = parsed.data;
    if (message.kind === 'ping') return;
    if (message.kind === 'begin') {
      if (mode !== null) return fail('malformed backup request');
      mode = message.mode;
      return;
    }
    if (mode === null) return fail('malformed backup request');
    if (message.kind === 'chunk') {
      chars += message.text.length;
      if (chars > BACKUP_MAX_CHARS) return fail(`the file is larger than the ${BACKUP_MAX_CHARS / 1024 / 1024} MB Touchbook can restore at once`);
      chunks.push(message.text);
      return post({ kind: 'received', chars });
    }
    const text = chunks.join('');
    chunks = [];
    over = true; // whatever comes after `end` is ignored
    void restore(text, mode);
  });
}

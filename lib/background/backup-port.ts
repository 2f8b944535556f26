import { z } from 'zod';
import { BackupError, importBackup, type ImportOptions, type ImportSummary } from '../db/backup';
import type { TouchbookDb } from '../db/database';

/**
 * Restoring a backup can take a while on a big file, so it runs over a port: the options page
 * sends the parsed file once, the background reports progress as it writes (in one transaction,
 * after the whole file was validated), then the result.
 */
export const BACKUP_PORT = 'touchbook-backup-import';

const RequestSchema = z.object({ backup: z.unknown(), mode: z.enum(['merge', 'replace']) });

export type BackupPortMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'error'; error: string };

interface Port {
  name: string;
  sender?: { url?: string };
  postMessage: (message: BackupPortMessage) => void;
  onMessage: { addListener: (listener: (message: unknown) => void) => void };
  disconnect: () => void;
}

export function handleBackupPort(
  port: Port,
  deps: {
    db: TouchbookDb;
    extensionBaseUrl: string;
    afterImport: () => Promise<void>;
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
  port.onMessage.addListener((message) => {
    void (async () => {
      const request = RequestSchema.safeParse(message);
      if (!request.success) return port.postMessage({ kind: 'error', error: 'malformed backup request' });
      try {
        const summary = await importBackup(deps.db, request.data.backup, {
          mode: request.data.mode,
          ...(deps.protectedBookSlots ? { protectedBookSlots: deps.protectedBookSlots } : {}),
          onProgress: (done, total) => port.postMessage({ kind: 'progress', done, total }),
        });
        // The data is in: a failing follow-up (registration, re-planning) must not be reported
        // as a failed restore ("nothing was changed"); the next start or re-plan catches up.
        await deps.afterImport().catch((error: unknown) => console.warn('[touchbook] after restoring a backup', error));
        port.postMessage({ kind: 'done', summary });
      } catch (error) {
        const text = error instanceof BackupError || error instanceof Error ? error.message : String(error);
        port.postMessage({ kind: 'error', error: text });
      }
    })();
  });
}

import type { TouchbookDb } from '../db/database';

/**
 * The backup read by the settings page itself, in pieces (issue 16): a big database does not fit
 * one runtime message, and the page can read the extension's database like the side panel does.
 * Dexie and the backup code load on the first save, not with the page.
 */
export function lazyBackupExport(now: () => number = Date.now): (onProgress: (done: number, total: number) => void) => Promise<string[]> {
  let opening: Promise<TouchbookDb> | null = null;
  return async (onProgress) => {
    opening ??= import('../db/database').then(({ openDatabase }) => openDatabase());
    const [db, { exportBackupParts }] = await Promise.all([opening, import('../db/backup')]);
    return exportBackupParts(db, now(), { onProgress });
  };
}

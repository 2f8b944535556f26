import Dexie from 'dexie';

/**
 * Calls `listener` after every committed write to any of `tables` of `db`, made in this context
 * or in any other of the extension's (a page, the worker): Dexie reports both, the second
 * through a BroadcastChannel. Returns the unsubscribe.
 */
export function onTablesWritten(db: Dexie, tables: readonly string[], listener: () => void): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  const onMutated = (parts: Record<string, unknown>) => {
    // "all": Dexie cannot say what changed (a page restored from the back/forward cache).
    if (Object.keys(parts).some((part) => part === 'all' || prefixes.some((prefix) => part.startsWith(prefix)))) listener();
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}

import type { StorageArea } from '../background/focus';

/** One key's change, as `storage.onChanged` reports it (no `newValue`: the key was removed). */
export type StorageChanges = Record<string, { newValue?: unknown }>;

/**
 * `storage.session` as the side panel reads it: a key is read from the browser once, then kept
 * current from `storage.onChanged`. A record change in the CRM then costs the panel no storage
 * round trips (the focus and the last client tab were two in a row) before it reads the client.
 * A read that was under way when the key changed is not kept: the change is newer.
 */
export function createSessionMirror(area: StorageArea) {
  const known = new Map<string, unknown>();
  const changedIn = new Map<string, number>();
  let batch = 0;

  const mirrored: StorageArea = {
    async get(keys) {
      const wanted = typeof keys === 'string' ? [keys] : keys;
      if (!wanted.every((key) => known.has(key))) {
        const startedIn = batch;
        const read = await area.get(keys);
        for (const key of wanted) if ((changedIn.get(key) ?? -1) <= startedIn) known.set(key, read[key]);
      }
      return Object.fromEntries(wanted.flatMap((key) => (known.get(key) === undefined ? [] : [[key, known.get(key)]])));
    },
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };

  return {
    area: mirrored,
    /** Feed it every `storage.onChanged` batch of the session area, before reacting to it. */
    changed(changes: StorageChanges) {
      batch += 1;
      for (const [key, change] of Object.entries(changes)) {
        known.set(key, change.newValue);
        changedIn.set(key, batch);
      }
    },
  };
}

import type { TouchbookDb } from './database';
import { handedOverOf, withHandOver } from '../roles/routing';
import { DEFAULT_SETTINGS, type SettingsRecord } from './schema';

export async function getSettings(db: TouchbookDb): Promise<SettingsRecord> {
  return { ...DEFAULT_SETTINGS, ...(await db.settings.get('settings')) };
}

export async function updateSettings(
  db: TouchbookDb,
  patch: Partial<Omit<SettingsRecord, 'key'>>,
): Promise<SettingsRecord> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getSettings(db)), ...patch, key: 'settings' as const };
    await db.settings.put(next);
    return next;
  });
}

/** Records (or undoes) a hand-over in one transaction, so two quick clicks cannot lose one. */
export async function setHandedOver(db: TouchbookDb, touchId: string, handedOver: boolean): Promise<SettingsRecord> {
  return db.transaction('rw', db.settings, async () => {
    const settings = await getSettings(db);
    return updateSettings(db, { handedOverTouchIds: withHandOver(handedOverOf(settings), touchId, handedOver) });
  });
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/db/schema';
import { getSettings, updateSettings } from '../../../lib/db/settings';
import { makeDb } from '../factories';

describe('settings', () => {
  it('returns the defaults before anything is saved, without writing them', async () => {
    const db = makeDb();
    await expect(getSettings(db)).resolves.toEqual(DEFAULT_SETTINGS);
    await expect(db.settings.count()).resolves.toBe(0);
  });

  it('merges a patch into what is stored and returns the result', async () => {
    const db = makeDb();
    await updateSettings(db, { timeZone: 'Europe/Athens' });
    const next = await updateSettings(db, { uiLanguage: 'el' });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Athens', uiLanguage: 'el' });
    await expect(getSettings(db)).resolves.toEqual(next);
  });

  it('can clear a value back to null (automatic language)', async () => {
    const db = makeDb();
    await updateSettings(db, { uiLanguage: 'ru' });
    await updateSettings(db, { uiLanguage: null });
    await expect(getSettings(db)).resolves.toMatchObject({ uiLanguage: null });
  });

  it('fills in fields added after a record was stored', async () => {
    const db = makeDb();
    await db.settings.put({ key: 'settings', uiLanguage: 'uk' } as never);
    await expect(getSettings(db)).resolves.toEqual({ ...DEFAULT_SETTINGS, uiLanguage: 'uk' });
  });

  it('does not let the defaults object be mutated through a returned record', async () => {
    const db = makeDb();
    const settings = await getSettings(db);
    settings.managerName = 'Mallory';
    expect(DEFAULT_SETTINGS.managerName).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isSiteEnabled, listSites, removeSite, saveSite } from '../../../lib/db/sites';
import { makeDb, makeSite } from '../factories';

describe('sites table', () => {
  it('lists sites ordered by origin', async () => {
    const db = makeDb();
    for (const origin of ['https://m.example', 'http://z.example', 'https://a.example']) await saveSite(db, makeSite({ origin }));
    expect((await listSites(db)).map((site) => site.origin)).toEqual(['http://z.example', 'https://a.example', 'https://m.example']);
  });

  it('knows which origins are enabled, exactly (no prefix or port matching)', async () => {
    const db = makeDb();
    await saveSite(db, makeSite({ origin: 'https://crm.example.com' }));
    await expect(isSiteEnabled(db, 'https://crm.example.com')).resolves.toBe(true);
    await expect(isSiteEnabled(db, 'https://crm.example.com:8443')).resolves.toBe(false);
    await expect(isSiteEnabled(db, 'http://crm.example.com')).resolves.toBe(false);
  });

  it('saving the same origin twice keeps one record, the latest', async () => {
    const db = makeDb();
    await saveSite(db, makeSite({ enabledAt: 1 }));
    await saveSite(db, makeSite({ enabledAt: 2 }));
    expect(await listSites(db)).toEqual([makeSite({ enabledAt: 2 })]);
  });

  it('removes a site, and removing an unknown one is harmless', async () => {
    const db = makeDb();
    await saveSite(db, makeSite());
    await removeSite(db, makeSite().origin);
    await removeSite(db, 'https://never.example');
    await expect(listSites(db)).resolves.toEqual([]);
  });
});

import type { TouchbookDb } from './database';
import type { SiteRecord } from './schema';

export function listSites(db: TouchbookDb): Promise<SiteRecord[]> {
  return db.sites.orderBy('origin').toArray();
}

export async function isSiteEnabled(db: TouchbookDb, origin: string): Promise<boolean> {
  return (await db.sites.get(origin)) !== undefined;
}

export async function saveSite(db: TouchbookDb, site: SiteRecord): Promise<void> {
  await db.sites.put(site);
}

export async function removeSite(db: TouchbookDb, origin: string): Promise<void> {
  await db.sites.delete(origin);
}

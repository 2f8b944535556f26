import type { TouchbookDb } from '../db/database';
import { answersOf, offerStatusesOf } from '../db/panel-data';
import { getSettings } from '../db/settings';
import { currentClientPlan } from '../lifecycle/client-plan';
import type { PanelReads } from './panel-api';

/**
 * The side panel's own reads of the extension's database: the settings and, for the client on
 * screen, its plan, answers and offers. Extension pages share the worker's IndexedDB, so the
 * first paint (and every record change in the CRM) needs no round trip through a worker that
 * may be stopped, or busy planning the very client the panel is about to show. The worker
 * remains the only writer; these are the same reads its `ui/*` handlers answer with.
 */
export function createPanelReads({ db, clock, systemTimeZone }: { db: TouchbookDb; clock: () => Promise<number>; systemTimeZone: string }) {
  const reads: PanelReads = {
    plan: (clientId) => currentClientPlan(db, clientId, { clock, systemTimeZone }),
    answers: (clientId) => answersOf(db, clientId),
    offers: (clientId) => offerStatusesOf(db, clientId),
  };
  return { ...reads, settings: () => getSettings(db) };
}

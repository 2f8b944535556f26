import type { TouchbookDb } from './database';
import type { AnswerRecord, OfferStatus } from './schema';

/**
 * What the side panel shows of one client besides its touches. The worker answers the panel's
 * messages with these, and the panel reads them itself for its first paint (extension pages share
 * the extension's database); the worker stays the only writer.
 */
export function answersOf(db: TouchbookDb, clientId: string): Promise<AnswerRecord[]> {
  return db.answers.where('clientId').equals(clientId).toArray();
}

/** The client's cross-sell outcomes, by rule id. */
export async function offerStatusesOf(db: TouchbookDb, clientId: string): Promise<Record<string, OfferStatus>> {
  return Object.fromEntries((await db.offers.where('clientId').equals(clientId).toArray()).map((offer) => [offer.ruleId, offer.status]));
}

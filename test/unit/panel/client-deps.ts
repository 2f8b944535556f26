/**
 * The client panel's view of the background, built from the real services over a fresh database
 * (book service, lifecycle service, the panel's message handlers), each call a spy, so the model
 * and component tests run on the default English book and real plans. Override any call.
 */
import { vi } from 'vitest';
import { createPanelHandlers } from '../../../lib/background/panel-handlers';
import type { ClientRecord } from '../../../lib/db/schema';
import type { ClientPanelDeps } from '../../../lib/panel/client-model';
import { createClientPanelModel } from '../../../lib/panel/client-model';
import { EXTENSION_BASE_URL, makeBackground } from '../factories';

/** The lifecycle factory's clock: Monday 2 March 2026, 09:00 UTC (the suggest factories' NOW). */
export const NOW = Date.parse('2026-03-02T09:00:00Z');

const ui = { url: `${EXTENSION_BASE_URL}sidepanel.html` };

export function makePanelBackend(overrides: Partial<ClientPanelDeps> = {}) {
  const background = makeBackground({ now: () => NOW });
  const { db, deps: bg } = background;
  const panel = createPanelHandlers(bg);
  const { plan, book, answers, offers, saveAnswer, markOffer, done, retry, snooze, skip, callback, purchase, profile, unmatched, now } = overrides;
  // Every call is a spy, the real one or the test's own.
  const deps = {
    plan: vi.fn<ClientPanelDeps['plan']>(plan ?? ((clientId) => bg.lifecycle.planFor(clientId))),
    book: vi.fn<ClientPanelDeps['book']>(book ?? (() => bg.books.layeredBook())),
    answers: vi.fn<ClientPanelDeps['answers']>(answers ?? ((clientId) => panel['ui/answers.get']({ type: 'ui/answers.get', clientId }, ui))),
    offers: vi.fn<ClientPanelDeps['offers']>(offers ?? ((clientId) => panel['ui/offers.get']({ type: 'ui/offers.get', clientId }, ui))),
    saveAnswer: vi.fn<ClientPanelDeps['saveAnswer']>(saveAnswer ?? ((answer) => panel['ui/answer.save']({ type: 'ui/answer.save', ...answer }, ui))),
    markOffer: vi.fn<ClientPanelDeps['markOffer']>(
      markOffer ?? ((clientId, ruleId, status) => panel['ui/offer.mark']({ type: 'ui/offer.mark', clientId, ruleId, status }, ui)),
    ),
    done: vi.fn<ClientPanelDeps['done']>(done ?? ((touchId, outcome, note) => bg.lifecycle.done(touchId, outcome, note))),
    retry: vi.fn<ClientPanelDeps['retry']>(retry ?? ((touchId) => bg.lifecycle.retry(touchId))),
    snooze: vi.fn<ClientPanelDeps['snooze']>(snooze ?? ((touchId, until) => bg.lifecycle.snooze(touchId, until))),
    skip: vi.fn<ClientPanelDeps['skip']>(skip ?? ((touchId, reason) => bg.lifecycle.skip(touchId, reason))),
    callback: vi.fn<ClientPanelDeps['callback']>(callback ?? ((clientId, at, note) => bg.lifecycle.requestCallback(clientId, at, note))),
    purchase: vi.fn<ClientPanelDeps['purchase']>(
      purchase ?? ((clientId, product, category, date) => bg.lifecycle.recordPurchase(clientId, { product, category, date })),
    ),
    profile: vi.fn<ClientPanelDeps['profile']>(profile ?? ((clientId, change) => bg.lifecycle.setProfile(clientId, change))),
    discount: vi.fn<ClientPanelDeps['discount']>((clientId, discount) => bg.lifecycle.setDiscount(clientId, discount)),
    unmatched: vi.fn<ClientPanelDeps['unmatched']>(
      unmatched ?? ((text, clientId) => panel['ui/unmatched.add']({ type: 'ui/unmatched.add', text, clientId }, ui)),
    ),
    now: vi.fn<ClientPanelDeps['now']>(now ?? (() => NOW)),
    // The example phrasings are a chunk loaded after first paint; these tests search the book alone (client-model.test.ts covers the examples).
    examples: vi.fn<NonNullable<ClientPanelDeps['examples']>>(() => Promise.resolve({})),
  };

  /** Stores the client as a CRM page would and plans it, as the background does after `cs/snapshot`. */
  const seed = async (client: ClientRecord): Promise<ClientRecord> => {
    await db.clients.put(client);
    await bg.lifecycle.clientChanged(client.id);
    return (await db.clients.get(client.id))!;
  };

  return { db, background, deps, seed };
}

/** A client panel model over the real background, with the client seeded and loaded. */
export async function loadedPanel(client: ClientRecord, overrides: Partial<ClientPanelDeps> = {}) {
  const backend = makePanelBackend(overrides);
  const stored = await backend.seed(client);
  const model = createClientPanelModel(backend.deps);
  await model.load(stored);
  return { ...backend, model, client: stored };
}

import type { LayeredBookReply } from '../background/books';
import { request } from '../messaging/send';
import type { ClientPanelDeps } from './client-model';

/** What the panel reads for itself from the extension's database (see `createPanelReads`). */
export type PanelReads = Pick<ClientPanelDeps, 'plan' | 'answers' | 'offers'>;

/**
 * The client panel's questions and actions. The client's own data is read from the database
 * directly; the book (built by the worker from its sources) and every change go to the background.
 * The first book is looked for at once, before any client is known, since it is the same for every
 * client: the one the worker kept for the panel (`cachedBook`) if its sources are unchanged, else
 * asked of the worker, which may have to wake up for it while the panel reads and renders.
 */
export function createClientPanelApi(
  reads: PanelReads,
  { cachedBook, send = request }: { cachedBook?: () => Promise<LayeredBookReply | null>; send?: typeof request } = {},
): ClientPanelDeps {
  const kept = cachedBook ? cachedBook().catch(() => null) : Promise.resolve(null);
  let firstBook: ReturnType<ClientPanelDeps['book']> | null = kept.then((book) => book ?? send({ type: 'ui/book.get' }));
  // A failed first request must not be reported twice, nor stay unhandled if no one asks.
  firstBook.catch(() => undefined);
  return {
    ...reads,
    book: () => {
      const pending = firstBook;
      firstBook = null;
      return pending ?? send({ type: 'ui/book.get' });
    },
    saveAnswer: (answer) => send({ type: 'ui/answer.save', ...answer }),
    markOffer: (clientId, ruleId, status) => send({ type: 'ui/offer.mark', clientId, ruleId, status }),
    done: (touchId, outcome, note) => send({ type: 'ui/touch.done', touchId, outcome, note }),
    retry: (touchId) => send({ type: 'ui/touch.retry', touchId }),
    snooze: (touchId, until) => send({ type: 'ui/touch.snooze', touchId, until }),
    skip: (touchId, reason) => send({ type: 'ui/touch.skip', touchId, reason }),
    callback: (clientId, at, note) => send({ type: 'ui/client.callback', clientId, at, note }),
    purchase: (clientId, product, category, date, money) =>
      send({ type: 'ui/client.purchase', clientId, product, category, date, amount: money?.amount ?? null, currency: money?.currency ?? null }),
    profile: (clientId, profile) => send({ type: 'ui/client.profile', clientId, ...profile }),
    discount: (clientId, discount) => send({ type: 'ui/client.discount', clientId, discount }),
    unmatched: (text, clientId) => send({ type: 'ui/unmatched.add', text, clientId }),
    now: () => Date.now(),
  };
}

import { request } from '../messaging/send';
import type { ClientPanelDeps } from './client-model';

/** The client panel's questions and actions, as messages to the background. */
export const clientPanelApi: ClientPanelDeps = {
  plan: (clientId) => request({ type: 'ui/touches.client', clientId }),
  book: () => request({ type: 'ui/book.get' }),
  answers: (clientId) => request({ type: 'ui/answers.get', clientId }),
  offers: (clientId) => request({ type: 'ui/offers.get', clientId }),
  saveAnswer: (answer) => request({ type: 'ui/answer.save', ...answer }),
  markOffer: (clientId, ruleId, status) => request({ type: 'ui/offer.mark', clientId, ruleId, status }),
  done: (touchId, outcome, note) => request({ type: 'ui/touch.done', touchId, outcome, note }),
  retry: (touchId) => request({ type: 'ui/touch.retry', touchId }),
  snooze: (touchId, until) => request({ type: 'ui/touch.snooze', touchId, until }),
  skip: (touchId, reason) => request({ type: 'ui/touch.skip', touchId, reason }),
  callback: (clientId, at, note) => request({ type: 'ui/client.callback', clientId, at, note }),
  purchase: (clientId, product, category, date, money) =>
    request({ type: 'ui/client.purchase', clientId, product, category, date, amount: money?.amount ?? null, currency: money?.currency ?? null }),
  profile: (clientId, profile) => request({ type: 'ui/client.profile', clientId, ...profile }),
  discount: (clientId, discount) => request({ type: 'ui/client.discount', clientId, discount }),
  unmatched: (text, clientId) => request({ type: 'ui/unmatched.add', text, clientId }),
  now: () => Date.now(),
};

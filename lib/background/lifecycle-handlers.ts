import type { LifecycleService } from './lifecycle-service';
import type { UiHandlers } from './router';

type LifecycleUiHandlers = Pick<
  UiHandlers,
  | 'ui/touches.due'
  | 'ui/touches.client'
  | 'ui/touch.done'
  | 'ui/touch.retry'
  | 'ui/touch.snooze'
  | 'ui/touch.skip'
  | 'ui/touch.handOver'
  | 'ui/client.callback'
  | 'ui/client.purchase'
  | 'ui/client.profile'
  | 'ui/client.discount'
>;

/** The manager's actions on touches and clients, from the popup and the side panel. */
export function createLifecycleHandlers(lifecycle: LifecycleService): LifecycleUiHandlers {
  return {
    'ui/touches.due': () => lifecycle.due(),
    'ui/touches.client': ({ clientId }) => lifecycle.planFor(clientId),
    'ui/touch.done': ({ touchId, outcome, note, retryAt }) => lifecycle.done(touchId, outcome, note, retryAt),
    'ui/touch.retry': ({ touchId }) => lifecycle.retry(touchId),
    'ui/touch.snooze': ({ touchId, until }) => lifecycle.snooze(touchId, until),
    'ui/touch.skip': ({ touchId, reason }) => lifecycle.skip(touchId, reason),
    'ui/touch.handOver': async ({ touchId, handedOver }) => {
      await lifecycle.handOver(touchId, handedOver);
      return null;
    },
    'ui/client.callback': async ({ clientId, at, note }) => {
      await lifecycle.requestCallback(clientId, at, note);
      return null;
    },
    'ui/client.purchase': async ({ clientId, product, category, date, amount, currency }) => {
      await lifecycle.recordPurchase(clientId, { product, category, date, amount, currency });
      return null;
    },
    'ui/client.profile': ({ clientId, buyerType, churnReason }) =>
      lifecycle.setProfile(clientId, {
        ...(buyerType === undefined ? {} : { buyerType }),
        ...(churnReason === undefined ? {} : { churnReason }),
      }),
    'ui/client.discount': ({ clientId, discount }) => lifecycle.setDiscount(clientId, discount),
  };
}

import type { FieldMapping } from '../crm/mappings';
import type { ContentMessage, ReplyTo } from '../messages';

type Send = <M extends ContentMessage>(message: M) => Promise<ReplyTo<M>>;
type OnMessage = { addListener: (listener: (message: unknown) => void) => void; removeListener: (listener: (message: unknown) => void) => void };

/**
 * The taught field mappings a CRM page reads with: fetched from the background when the content
 * script starts, and again whenever the manager teaches or forgets a field (the background says
 * so), after which the page is read again. Until the first answer, the page reads without them.
 */
export function followTaughtMappings(options: { send: Send; onMessage: OnMessage; signal: AbortSignal; onChange: () => void }) {
  let mappings: readonly FieldMapping[] = [];
  let asked = 0;
  const refresh = async () => {
    const mine = ++asked;
    const reply = await options.send({ type: 'cs/mappings.get' });
    // Answers may come back out of order (taught, then forgotten at once): the last question wins.
    if (reply.ok && mine === asked && !options.signal.aborted) {
      mappings = reply.data;
      options.onChange();
    }
  };
  const listener = (message: unknown) => {
    // Only the background reaches this listener; its one message needs no payload to trust.
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'bg/mappings.changed') void refresh();
  };
  options.onMessage.addListener(listener);
  options.signal.addEventListener('abort', () => options.onMessage.removeListener(listener), { once: true });
  void refresh();
  return { current: () => mappings };
}

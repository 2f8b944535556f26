import type { FieldMapping } from '../crm/mappings';
import type { ContentMessage, ReplyTo } from '../messages';

type Send = <M extends ContentMessage>(message: M) => Promise<ReplyTo<M>>;
type OnMessage = { addListener: (listener: (message: unknown) => void) => void; removeListener: (listener: (message: unknown) => void) => void };

/**
 * The taught field mappings a CRM page reads with: fetched from the background when the content
 * script starts (`ready` settles with the first answer, or its failure, so the first read can
 * wait for them instead of reading twice), and again whenever the manager teaches or forgets a
 * field (the background says so). `onChange` runs only when the mappings really changed: each
 * call costs the page a full read.
 */
export function followTaughtMappings(options: { send: Send; onMessage: OnMessage; signal: AbortSignal; onChange: () => void }) {
  let mappings: readonly FieldMapping[] = [];
  let asked = 0;
  const refresh = async () => {
    const mine = ++asked;
    const reply = await options.send({ type: 'cs/mappings.get' }).catch(() => null);
    // Answers may come back out of order (taught, then forgotten at once): the last question wins.
    if (reply?.ok && mine === asked && !options.signal.aborted && JSON.stringify(reply.data) !== JSON.stringify(mappings)) {
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
  const ready = refresh();
  return { current: () => mappings, ready };
}

import { browser } from 'wxt/browser';
import type { ContentMessage, Reply, ReplyTo, UiMessage } from '../messages';

type Data<M extends UiMessage> = Extract<ReplyTo<M>, { ok: true }>['data'];

/**
 * Sends a message to the background and unwraps the reply. A transport failure (worker
 * restarting, extension reloaded) becomes `{ ok: false }` too, so callers handle one shape.
 */
export async function sendToBackground<M extends UiMessage | ContentMessage>(message: M): Promise<ReplyTo<M>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply as ReplyTo<M>;
    return { ok: false, error: 'no reply from the background' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Like `sendToBackground`, for UI code that wants the data or an exception. */
export async function request<M extends UiMessage>(message: M): Promise<Data<M>> {
  const reply: Reply<unknown> = await sendToBackground(message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as Data<M>;
}

import type { z } from 'zod';
import {
  ContentMessageSchema,
  UiMessageSchema,
  type ParsedContentMessage,
  type ParsedUiMessage,
  type Replies,
  type Reply,
} from '../messages';
import { webOrigin } from '../sites/origins';

/** The parts of `runtime.MessageSender` the router trusts, and only after checking them. */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface ContentContext {
  tabId: number;
  frameId: number;
  origin: string;
  url: string;
}

export interface UiContext {
  url: string;
}

type HandlerMap<M extends { type: keyof Replies }, C> = {
  [K in M['type']]: (message: Extract<M, { type: K }>, context: C) => Promise<Replies[K]>;
};
export type ContentHandlers = HandlerMap<ParsedContentMessage, ContentContext>;
export type UiHandlers = HandlerMap<ParsedUiMessage, UiContext>;

export interface RouterOptions {
  extensionId: string;
  /** `runtime.getURL('')`: messages from pages under it come from the extension itself. */
  extensionBaseUrl: string;
  isEnabledOrigin: (origin: string) => Promise<boolean>;
  content: ContentHandlers;
  ui: UiHandlers;
  log?: (message: string, detail?: unknown) => void;
}

/**
 * Checks who sent a message before parsing it, parses it, and hands it to its handler. Extension
 * pages may send `ui/*` messages; content scripts may send `cs/*` messages, and only from origins
 * the user enabled. Nothing a sender does makes the listener throw.
 */
export function createMessageRouter(options: RouterOptions) {
  const log = options.log ?? ((message, detail) => console.warn(`[touchbook] ${message}`, detail ?? ''));
  const reject = (reason: string, detail?: unknown): Reply<never> => {
    log(reason, detail);
    return { ok: false, error: reason };
  };

  return async function route(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
    try {
      if (sender.id !== options.extensionId) return reject('message from another extension');
      const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
      if (typeof type !== 'string') return reject('message without a type');

      if (type.startsWith('ui/')) {
        if (!sender.url?.startsWith(options.extensionBaseUrl)) return reject(`${type}: not sent by an extension page`);
        const parsed = parse(UiMessageSchema, message);
        if (!parsed.ok) return reject(`${type}: ${parsed.error}`);
        return await dispatch(options.ui, parsed.data, { url: sender.url });
      }

      if (type.startsWith('cs/')) {
        const origin = webOrigin(sender.url);
        const tabId = sender.tab?.id;
        if (!origin || tabId === undefined || !sender.url) return reject(`${type}: not sent from a web page`);
        // The database says whether the origin is enabled while the message is parsed (a page's
        // digest takes a few milliseconds): neither waits for the other, and nothing is handled
        // before both passed.
        const enabled = options.isEnabledOrigin(origin);
        const parsed = parse(ContentMessageSchema, message);
        if (!(await enabled)) return reject(`${type}: ${origin} is not enabled`);
        if (!parsed.ok) return reject(`${type}: ${parsed.error}`);
        return await dispatch(options.content, parsed.data, {
          tabId,
          frameId: sender.frameId ?? 0,
          origin,
          url: sender.url,
        });
      }

      return reject(`unknown message type ${JSON.stringify(type.slice(0, 64))}`);
    } catch (error) {
      return reject(`handler failed: ${error instanceof Error ? error.message : String(error)}`, error);
    }
  };
}

async function dispatch<M extends { type: keyof Replies }, C>(
  handlers: HandlerMap<M, C>,
  message: M,
  context: C,
): Promise<Reply<unknown>> {
  const handler = handlers[message.type as M['type']] as (message: M, context: C) => Promise<unknown>;
  return { ok: true, data: await handler(message, context) };
}

function parse<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, error: `malformed message (${issues})` };
}

import { z } from 'zod';
import type { BookStatus, ImportResult, LayeredBookReply } from './background/books';
import { BookConfigSchema } from './book/config';
import type { BookError } from './book/errors';
import type { PersonalLayer } from './book/layers';
import { ClientSnapshotSchema, type ClientSnapshotInput } from './crm/snapshot';
import type { ClientRecord, SettingsRecord, SiteRecord } from './db/schema';
import { UI_LANGUAGES } from './i18n';

/**
 * The one message protocol. Messages are named by direction: `cs/*` come from content scripts in
 * CRM pages (untrusted: the page shapes their payload), `ui/*` from the extension's own pages.
 * The background parses every message with these schemas before it looks at it, and every reply
 * is `{ ok: true, data } | { ok: false, error }`.
 */

const origin = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'expected an origin such as https://crm.example.com');

export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs/snapshot'), snapshot: ClientSnapshotSchema }),
  z.object({ type: z.literal('cs/no-client'), url: z.string().url().max(4096) }),
]);

export const UiMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui/sites.list') }),
  z.object({ type: z.literal('ui/sites.enable'), origin }),
  z.object({ type: z.literal('ui/sites.disable'), origin }),
  z.object({ type: z.literal('ui/focus.get'), tabId: z.number().int().nonnegative().nullable() }),
  z.object({ type: z.literal('ui/settings.get') }),
  z.object({ type: z.literal('ui/book.status') }),
  z.object({ type: z.literal('ui/book.get') }),
  z.object({ type: z.literal('ui/book.sync') }),
  // Bounded a little above the book size limit so the validator, not the router, reports "too big".
  z.object({ type: z.literal('ui/book.import'), text: z.string().max(6_000_000) }),
  z.object({ type: z.literal('ui/book.forget-imported') }),
  z.object({ type: z.literal('ui/book.configure'), patch: BookConfigSchema.partial() }),
  z.object({ type: z.literal('ui/book.personal.get') }),
  z.object({ type: z.literal('ui/book.personal.save'), layer: z.unknown() }),
  z.object({
    type: z.literal('ui/settings.update'),
    patch: z.object({ uiLanguage: z.enum(UI_LANGUAGES).nullable() }).partial(),
  }),
]);

/** What a content script sends; the snapshot is typed by its input shape (defaults not applied). */
export type ContentMessage =
  | { type: 'cs/snapshot'; snapshot: ClientSnapshotInput }
  | { type: 'cs/no-client'; url: string };
export type UiMessage = z.input<typeof UiMessageSchema>;
export type ParsedContentMessage = z.output<typeof ContentMessageSchema>;
export type ParsedUiMessage = z.output<typeof UiMessageSchema>;

/** What the side panel shows for a tab. */
export type PanelFocus =
  | { state: 'client'; tabId: number; origin: string; client: ClientRecord }
  | { state: 'no-client'; tabId: number | null; origin: string | null };

/** The data each message answers with. */
export interface Replies {
  'cs/snapshot': { clientId: string };
  'cs/no-client': null;
  'ui/sites.list': SiteRecord[];
  'ui/sites.enable': SiteRecord;
  'ui/sites.disable': null;
  'ui/focus.get': PanelFocus;
  'ui/book.status': BookStatus;
  'ui/book.get': LayeredBookReply;
  'ui/book.sync': BookStatus;
  'ui/book.import': ImportResult;
  'ui/book.forget-imported': BookStatus;
  'ui/book.configure': { ok: true; status: BookStatus } | { ok: false; errors: BookError[] };
  'ui/book.personal.get': PersonalLayer;
  'ui/book.personal.save': { ok: true } | { ok: false; errors: BookError[] };
  'ui/settings.get': SettingsRecord;
  'ui/settings.update': SettingsRecord;
}

export type MessageType = keyof Replies;
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
export type ReplyTo<M extends { type: MessageType }> = Reply<Replies[M['type']]>;

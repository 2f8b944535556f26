import type { TouchbookDb } from '../db/database';
import type { LayeredBookReply } from './books';
import type { StorageArea } from './focus';

export const PANEL_BOOK_KEY = 'panel-book';

export interface PanelBookCacheDeps {
  db: TouchbookDb;
  /** `storage.session`: the worker and the extension's pages share it; it ends with the browser session. */
  session: Pick<StorageArea, 'get' | 'set'>;
  /** `storage.managed.get()`: a policy may name the book. Firefox rejects when there is none. */
  readManaged: () => Promise<unknown>;
  /** The browser's UI language, which picks the default book when the manager chose none. */
  browserLanguage: string;
  /** The extension's version: a new one may bring new default books. */
  version: string;
}

interface Entry {
  key: string;
  reply: LayeredBookReply;
}

/**
 * The layered book as the worker last built it for the side panel, kept beside a key of what it
 * was built from (the stored book slots, the chosen language, the policy, the version). A panel
 * that opens while the worker is stopped shows it at once when the key still matches instead of
 * waking the worker, which then has to load before it can check and layer the book (issue 17).
 * Only the worker writes it, after building the book from checked sources; a key that does not
 * match (or no entry) sends the panel to the worker as before.
 */
export function createPanelBookCache(deps: PanelBookCacheDeps) {
  const inputsKey = async (): Promise<string> => {
    const [rows, settings, managed] = await Promise.all([
      deps.db.books.toArray(),
      deps.db.settings.get('settings'),
      deps.readManaged().catch(() => null),
    ]);
    const slots = rows.map((row) => `${row.slot}@${row.updatedAt}`).sort();
    return JSON.stringify([deps.version, deps.browserLanguage, settings?.uiLanguage ?? null, managed ?? null, slots]);
  };

  return {
    /**
     * Builds the book and keeps it. The key is taken first: if the sources change while the book
     * is built, the entry carries the older key and the next reader asks again.
     */
    async store(build: () => Promise<LayeredBookReply>): Promise<LayeredBookReply> {
      const key = await inputsKey();
      const reply = await build();
      // Too large for the session's quota: the panel asks the worker, as it did before.
      await deps.session.set({ [PANEL_BOOK_KEY]: { key, reply } satisfies Entry }).catch((error: unknown) => {
        console.warn('[touchbook] keeping the book for the side panel failed', error);
      });
      return reply;
    },

    /** The kept book if nothing it was built from has changed since, else null. */
    async read(): Promise<LayeredBookReply | null> {
      const [key, stored] = await Promise.all([inputsKey(), deps.session.get(PANEL_BOOK_KEY)]);
      const entry = stored[PANEL_BOOK_KEY] as Partial<Entry> | undefined;
      return entry && entry.key === key && entry.reply ? entry.reply : null;
    },
  };
}

export type PanelBookCache = ReturnType<typeof createPanelBookCache>;

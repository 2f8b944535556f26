import { effect, type ReadonlySignal } from '@preact/signals';
import type { liveQuery as LiveQuery } from 'dexie';
import type { TouchbookDb } from '../db/database';
import type { ClientRecord } from '../db/schema';
import type { PanelView } from './panel-model';

/**
 * Keeps the client panel current. The focus (which client the followed tab shows) comes from the
 * background; everything about that client is watched in the database with Dexie's liveQuery, so
 * a touch done in the popup, an answer saved in another window or a new book shows at once.
 * The panel only reads the database; the worker is its only writer.
 */
export function watchPanelData(options: {
  db: TouchbookDb;
  liveQuery: typeof LiveQuery;
  focused: ReadonlySignal<PanelView>;
  onFocus: (client: ClientRecord | null) => void;
  /**
   * The client's touches, answers, offers or record changed; `stored` is its record as stored
   * (undefined while it is not). Also called once at first when the stored record differs from
   * the one shown (the focus carries the client as the worker merged it, before the write).
   */
  onChange: (stored: ClientRecord | undefined) => void;
  /** The book changed: a sync, an import, a personal answer, another language. */
  onBookChange: () => void;
}): () => void {
  let subscription: { unsubscribe: () => void } | null = null;
  let watchedId: string | null = null;

  const watch = (clientId: string | null, shown: ClientRecord | null) => {
    if (clientId === watchedId) return;
    subscription?.unsubscribe();
    subscription = null;
    watchedId = clientId;
    if (!clientId) return;
    const { db } = options;
    let first = true;
    subscription = options
      .liveQuery(() =>
        Promise.all([
          db.touches.where('clientId').equals(clientId).toArray(),
          db.answers.where('clientId').equals(clientId).toArray(),
          db.offers.where('clientId').equals(clientId).toArray(),
          db.clients.get(clientId),
        ]),
      )
      .subscribe({
        next: ([, , , stored]) => {
          // The first result is what `onFocus` just loaded, unless the stored record is not the
          // one shown (changed since the focus was set); later ones are changes.
          const same = first && (!stored || stored.updatedAt === shown?.updatedAt);
          first = false;
          if (!same) options.onChange(stored);
        },
        error: (error: unknown) => console.warn('[touchbook] watching the client failed', error),
      });
  };

  // Apart from the client: a book change must not refetch the client's data, nor a record
  // change the whole book (the panel would re-index the objections on every CRM navigation).
  let firstBooks = true;
  const books = options
    .liveQuery(() => Promise.all([options.db.books.toArray(), options.db.settings.toArray()]))
    .subscribe({
      next: () => {
        if (firstBooks) firstBooks = false;
        else options.onBookChange();
      },
      error: (error: unknown) => console.warn('[touchbook] watching the book failed', error),
    });

  let lastKey = '';
  const stopEffect = effect(() => {
    const view = options.focused.value;
    const client = view.kind === 'focus' && view.state === 'client' ? view.client : null;
    const key = client ? `${client.id}@${client.updatedAt}` : '';
    if (key === lastKey) return;
    lastKey = key;
    options.onFocus(client);
    watch(client?.id ?? null, client);
  });

  return () => {
    stopEffect();
    subscription?.unsubscribe();
    books.unsubscribe();
  };
}

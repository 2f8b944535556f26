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
  onChange: () => void;
}): () => void {
  let subscription: { unsubscribe: () => void } | null = null;
  let watchedId: string | null = null;

  const watch = (clientId: string | null) => {
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
          db.books.toArray(),
          db.clients.get(clientId),
        ]),
      )
      .subscribe({
        next: () => {
          // The first result is what `onFocus` just loaded; later ones are changes.
          if (first) first = false;
          else options.onChange();
        },
        error: (error: unknown) => console.warn('[touchbook] watching the client failed', error),
      });
  };

  let lastKey = '';
  const stopEffect = effect(() => {
    const view = options.focused.value;
    const client = view.kind === 'focus' && view.state === 'client' ? view.client : null;
    const key = client ? `${client.id}@${client.updatedAt}` : '';
    if (key === lastKey) return;
    lastKey = key;
    options.onFocus(client);
    watch(client?.id ?? null);
  });

  return () => {
    stopEffect();
    subscription?.unsubscribe();
  };
}

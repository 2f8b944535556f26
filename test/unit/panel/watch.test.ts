import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../../lib/db/schema';
import type { PanelView } from '../../../lib/panel/panel-model';
import { watchPanelData } from '../../../lib/panel/watch';
import { CRM_ORIGIN, makeClient, makeDb } from '../factories';
import { makeTouch } from '../lifecycle/factories';

const view = (client: ClientRecord) => ({ kind: 'focus', state: 'client', tabId: 7, origin: CRM_ORIGIN, client }) as const;
const noClient: PanelView = { kind: 'focus', state: 'no-client', tabId: 7, origin: CRM_ORIGIN, siteEnabled: true };

/** One live query watches the book for as long as the panel lives; the others are per client. */
const BOOK_WATCH = 1;

/** Long enough for Dexie to re-run a live query after a write and deliver (or not) its result. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function setUp(initial: PanelView = { kind: 'loading' }) {
  const db = makeDb();
  await db.open();
  const focused = signal<PanelView>(initial);
  const onFocus = vi.fn<(client: ClientRecord | null) => void>();
  const onChange = vi.fn<(stored: ClientRecord | undefined) => void>();
  const onBookChange = vi.fn<() => void>();
  const live = vi.fn(liveQuery);
  const stop = watchPanelData({ db, liveQuery: live as typeof liveQuery, focused, onFocus, onChange, onBookChange });
  stops.push(stop);
  return { db, focused, onFocus, onChange, onBookChange, live, stop };
}

describe('watchPanelData', () => {
  it('reports the focused client at once, and null when the tab no longer shows one', async () => {
    const anna = makeClient();
    const { focused, onFocus } = await setUp();
    expect(onFocus).not.toHaveBeenCalled(); // still loading: nothing to show or to clear

    focused.value = view(anna);
    expect(onFocus.mock.calls).toEqual([[anna]]);
    focused.value = noClient;
    expect(onFocus.mock.calls).toEqual([[anna], [null]]);
    focused.value = { kind: 'error', message: 'worker restarting' };
    expect(onFocus).toHaveBeenCalledTimes(2);
  });

  it('reports a client that is focused when watching starts', async () => {
    const anna = makeClient();
    const { onFocus } = await setUp(view(anna));
    expect(onFocus.mock.calls).toEqual([[anna]]);
  });

  it('reports the client again only when it is another client or a newer record of it', async () => {
    const anna = makeClient({ updatedAt: 1_000 });
    const { focused, onFocus, live } = await setUp(view(anna));
    expect(onFocus).toHaveBeenCalledTimes(1);

    focused.value = { ...view({ ...anna }), tabId: 8 }; // the same record, seen from another tab
    expect(onFocus).toHaveBeenCalledTimes(1);

    const newer = { ...anna, stage: 'Won', updatedAt: 2_000 };
    focused.value = view(newer);
    expect(onFocus).toHaveBeenLastCalledWith(newer);
    expect(onFocus).toHaveBeenCalledTimes(2);
    expect(live).toHaveBeenCalledTimes(BOOK_WATCH + 1); // still the same client: the same subscription

    const boris = makeClient({ id: 'client-2', name: 'Boris' });
    focused.value = view(boris);
    expect(onFocus).toHaveBeenLastCalledWith(boris);
    expect(live).toHaveBeenCalledTimes(BOOK_WATCH + 2);
  });

  it("reports changes to the client's touches, answers and record, but not its first result", async () => {
    const anna = makeClient();
    const { db, onChange } = await setUp(view(anna));
    await db.clients.put(anna);
    await settle();
    onChange.mockClear(); // the put above was a change too

    await settle();
    expect(onChange).not.toHaveBeenCalled();

    await db.touches.put(makeTouch({ clientId: anna.id }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));

    await db.answers.put({ clientId: anna.id, questionnaireId: 'negotiation', questionId: 'next-step', value: 'Friday', updatedAt: 2_000 });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));

    await db.clients.put({ ...anna, stage: 'Won', updatedAt: 3_000 });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(3));
  });

  it('the first result after subscribing is not a change', async () => {
    const anna = makeClient();
    const { onChange, onBookChange, live } = await setUp(view(anna));
    await vi.waitFor(() => expect(live).toHaveBeenCalledTimes(BOOK_WATCH + 1));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    expect(onBookChange).not.toHaveBeenCalled();
  });

  it('reports a book change apart from the client: a new book does not reload the client, nor a touch the book', async () => {
    const anna = makeClient();
    const { db, onChange, onBookChange } = await setUp(view(anna));
    await settle();

    await db.books.put({ slot: 'imported', value: { book: null }, updatedAt: 1_000 });
    await vi.waitFor(() => expect(onBookChange).toHaveBeenCalledTimes(1));
    await db.settings.put({ key: 'settings', uiLanguage: 'uk' } as never); // the default book follows the language
    await vi.waitFor(() => expect(onBookChange).toHaveBeenCalledTimes(2));
    expect(onChange).not.toHaveBeenCalled();

    await db.touches.put(makeTouch({ clientId: anna.id }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    await settle();
    expect(onBookChange).toHaveBeenCalledTimes(2);
  });

  it('replaces the client the focus carried with the stored one when they differ, and only then', async () => {
    const carried = makeClient({ updatedAt: 1_000 });
    const db = makeDb();
    await db.open();
    const changed: ClientRecord = { ...carried, buyerType: 'loyal', updatedAt: 2_000 }; // changed after the focus was set
    await db.clients.put(changed);
    const onChange = vi.fn<(stored: ClientRecord | undefined) => void>();
    stops.push(
      watchPanelData({ db, liveQuery, focused: signal<PanelView>(view(carried)), onFocus: () => {}, onChange, onBookChange: () => {} }),
    );
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(changed));

    // Not stored yet (its write still under way): no change either; the write, when it lands, is one.
    const { onChange: unchanged } = await setUp(view(carried));
    await settle();
    expect(unchanged).not.toHaveBeenCalled();
  });

  it('watches the book while no client is focused too', async () => {
    const { db, onBookChange } = await setUp(noClient);
    await settle();
    await db.books.put({ slot: 'imported', value: { book: null }, updatedAt: 1_000 });
    await vi.waitFor(() => expect(onBookChange).toHaveBeenCalledTimes(1));
  });

  it("follows the new client's data after the focus moves, and no longer the old one's", async () => {
    const anna = makeClient();
    const boris = makeClient({ id: 'client-2', name: 'Boris' });
    const { db, focused, onChange } = await setUp(view(anna));
    await settle();

    focused.value = view(boris);
    await settle();
    expect(onChange).not.toHaveBeenCalled(); // the new subscription's first result

    await db.touches.put(makeTouch({ id: 'anna-touch', clientId: anna.id }));
    await settle();
    expect(onChange).not.toHaveBeenCalled();

    await db.touches.put(makeTouch({ id: 'boris-touch', clientId: boris.id }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
  });

  it('watches nothing while no client is focused', async () => {
    const anna = makeClient();
    const { db, focused, onChange } = await setUp(view(anna));
    await settle();
    focused.value = noClient;
    await db.touches.put(makeTouch({ clientId: anna.id }));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stopping ends the focus effect and both subscriptions', async () => {
    const anna = makeClient();
    const { db, focused, onFocus, onChange, onBookChange, stop } = await setUp(view(anna));
    await settle();
    stop();

    focused.value = view(makeClient({ id: 'client-2' }));
    await db.touches.put(makeTouch({ clientId: anna.id }));
    await db.books.put({ slot: 'imported', value: { book: null }, updatedAt: 1_000 });
    await settle();
    expect(onFocus).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
    expect(onBookChange).not.toHaveBeenCalled();
  });
});

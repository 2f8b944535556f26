import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LayeredBookReply } from '../../../lib/background/books';
import { DEFAULT_BOOKS } from '../../../lib/book/defaults';
import type { request } from '../../../lib/messaging/send';
import { createClientPanelApi, type PanelReads } from '../../../lib/panel/panel-api';
import { createClientPanelModel } from '../../../lib/panel/client-model';
import { deferred, tick } from '../factories';
import { makeClient } from '../suggest/factories';

const reply = (id: string): LayeredBookReply => ({ book: { ...DEFAULT_BOOKS.en, id }, notes: {}, orphaned: { responses: {}, notes: {} } });
const reads: PanelReads = {
  plan: () => Promise.resolve({ open: [], history: [], timeZone: 'UTC', anchors: {} }),
  answers: () => Promise.resolve([]),
  offers: () => Promise.resolve({}),
};

function makeSend(answer: (message: { type: string }) => Promise<unknown>) {
  return vi.fn(answer) as unknown as typeof request & ReturnType<typeof vi.fn>;
}

describe("the side panel's questions", () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes the first book from the one the worker kept, and asks the worker nothing for it', async () => {
    const send = makeSend(() => Promise.resolve(reply('from-the-worker')));
    const api = createClientPanelApi(reads, { cachedBook: () => Promise.resolve(reply('kept')), send });
    expect((await api.book()).book.id).toBe('kept');
    expect(send).not.toHaveBeenCalled();
    // Later books (the book changed) come from the worker, which builds them from the sources.
    expect((await api.book()).book.id).toBe('from-the-worker');
    expect(send).toHaveBeenCalledWith({ type: 'ui/book.get' });
  });

  it('asks the worker at once when nothing usable was kept, before any client is known', async () => {
    const send = makeSend(() => Promise.resolve(reply('from-the-worker')));
    const api = createClientPanelApi(reads, { cachedBook: () => Promise.resolve(null), send });
    await tick();
    expect(send).toHaveBeenCalledTimes(1);
    expect((await api.book()).book.id).toBe('from-the-worker');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a kept book that cannot be read sends the panel to the worker', async () => {
    const send = makeSend(() => Promise.resolve(reply('from-the-worker')));
    const api = createClientPanelApi(reads, { cachedBook: () => Promise.reject(new Error('storage gone')), send });
    expect((await api.book()).book.id).toBe('from-the-worker');
  });

  it('reads the client from its own reads, not from messages', async () => {
    const send = makeSend(() => Promise.resolve(reply('from-the-worker')));
    const plan = vi.fn(reads.plan);
    const api = createClientPanelApi({ ...reads, plan }, { cachedBook: () => Promise.resolve(reply('kept')), send });
    await api.plan('client-anna');
    await api.answers('client-anna');
    await api.offers('client-anna');
    expect(plan).toHaveBeenCalledWith('client-anna');
    expect(send).not.toHaveBeenCalled();
  });

  it('loads that start before the first book arrived share its one request', async () => {
    const book = deferred<LayeredBookReply>();
    const send = makeSend(() => book.promise);
    const model = createClientPanelModel(createClientPanelApi(reads, { send }));
    const anna = makeClient();
    const first = model.load(anna);
    const again = model.load({ ...anna, updatedAt: anna.updatedAt + 1 }); // the worker re-read the card
    book.resolve(reply('from-the-worker'));
    await Promise.all([first, again]);
    expect(send.mock.calls.filter(([message]) => (message as { type: string }).type === 'ui/book.get')).toHaveLength(1);
    expect(model.ready.value).toBe(true);
    expect(model.book.value?.id).toBe('from-the-worker');
  });
});

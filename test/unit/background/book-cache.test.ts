import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPanelBookCache, PANEL_BOOK_KEY, type PanelBookCacheDeps } from '../../../lib/background/book-cache';
import { createBookHandlers } from '../../../lib/background/book-handlers';
import { getSettings, updateSettings } from '../../../lib/db/settings';
import { EXTENSION_BASE_URL, makeBookService, makeDb, makeStorageArea } from '../factories';

const ui = { url: `${EXTENSION_BASE_URL}sidepanel.html` };

function setUp(overrides: Partial<PanelBookCacheDeps> = {}) {
  const db = makeDb();
  const session = makeStorageArea();
  // As the worker picks the default book: the manager's language, else the browser's.
  const books = makeBookService(db, { uiLanguage: async () => (await getSettings(db)).uiLanguage ?? 'en' });
  const deps: PanelBookCacheDeps = { db, session, readManaged: () => Promise.resolve({}), browserLanguage: 'en-US', version: '0.1.0', ...overrides };
  const worker = createPanelBookCache(deps);
  const handlers = createBookHandlers(books, () => Promise.resolve(), worker);
  // The panel's own reader: the same sources, read from its side.
  const panel = (more: Partial<PanelBookCacheDeps> = {}) => createPanelBookCache({ ...deps, ...more });
  return { db, session, books, handlers, panel };
}

describe('the book kept for the side panel', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the book the worker last answered with, while nothing it was built from changed', async () => {
    const { handlers, panel } = setUp();
    expect(await panel().read()).toBeNull(); // nothing kept yet: the panel asks the worker

    const answered = await handlers['ui/book.get']({ type: 'ui/book.get' }, ui);
    expect(answered.book.id).toBe('touchbook-default-en');
    expect(await panel().read()).toEqual(answered);
  });

  it('is not used after a book slot, the language, the policy or the version changed', async () => {
    const { db, books, handlers, panel } = setUp();
    await handlers['ui/book.get']({ type: 'ui/book.get' }, ui);
    expect(await panel().read()).not.toBeNull();

    expect(await panel({ browserLanguage: 'ru-RU' }).read()).toBeNull();
    expect(await panel({ version: '0.2.0' }).read()).toBeNull();
    expect(await panel({ readManaged: () => Promise.resolve({ bookUrl: 'https://books.example.com/team.json' }) }).read()).toBeNull();

    await updateSettings(db, { uiLanguage: 'uk' });
    expect(await panel().read()).toBeNull();
    await handlers['ui/book.get']({ type: 'ui/book.get' }, ui);
    expect((await panel().read())?.book.id).toBe('touchbook-default-uk');

    // The manager's own answer changes the layered book: the kept one is set aside.
    const saved = await books.savePersonalLayer({ schema: 1, objections: [], responses: {}, notes: { 'opening-lines': 'Say the name first.' } });
    expect(saved).toEqual({ ok: true });
    expect(await panel().read()).toBeNull();
  });

  it('a policy Firefox cannot read counts as none on both sides', async () => {
    const rejecting = () => Promise.reject(new Error('Managed storage manifest not found'));
    const { handlers, panel } = setUp({ readManaged: rejecting });
    const answered = await handlers['ui/book.get']({ type: 'ui/book.get' }, ui);
    expect(await panel().read()).toEqual(answered);
  });

  it('a book too large to keep is still answered', async () => {
    const session = { ...makeStorageArea(), set: vi.fn(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { handlers, panel } = setUp({ session });
    expect((await handlers['ui/book.get']({ type: 'ui/book.get' }, ui)).book.id).toBe('touchbook-default-en');
    expect(await panel().read()).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('an entry of another shape is not taken for a book', async () => {
    const { session, panel } = setUp();
    await session.set({ [PANEL_BOOK_KEY]: 'garbage' });
    expect(await panel().read()).toBeNull();
  });
});

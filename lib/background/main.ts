import { z } from 'zod';
import { browser } from 'wxt/browser';
import { openDatabase } from '../db/database';
import { getSettings } from '../db/settings';
import { listSites } from '../db/sites';
import { resolveUiLanguage } from '../i18n';
import { createRegistrationSync } from '../sites/registration';
import { BOOK_SYNC_ALARM, createBookService } from './books';
import { createFocusStore, forgetFocusIfLeft } from './focus';
import { createContentHandlers, createUiHandlers, type BackgroundDeps } from './handlers';
import { createMessageRouter, type MessageSender } from './router';

/**
 * Wires the background worker. Everything is registered synchronously at start-up because
 * Chrome may have woken the worker for the very event it is about to deliver; no state that
 * matters lives in memory (Dexie and storage.session are the truth).
 */
export function startBackground(): void {
  // Extension pages forbid eval; tell zod up front instead of letting it probe with `new Function`.
  z.config({ jitless: true });

  const db = openDatabase();
  const syncRegistration = createRegistrationSync(browser.scripting, async () =>
    (await listSites(db)).map((site) => site.origin),
  );
  const books = createBookService({
    db,
    readManagedStorage: () => browser.storage.managed.get(),
    fetchImpl: (input, init) => fetch(input, init),
    now: () => new Date(),
    uiLanguage: async () => resolveUiLanguage((await getSettings(db)).uiLanguage, [browser.i18n.getUILanguage()]),
    onBookChanged: async (book) => {
      // Planning from the new book arrives with the lifecycle engine; until then, say it changed.
      console.info(`[touchbook] sales book is now ${book.id} ${book.version}`);
      await Promise.resolve();
    },
  });
  const rearmBookSync = async () => {
    const periodInMinutes = await books.syncMinutes();
    const existing = await browser.alarms.get(BOOK_SYNC_ALARM);
    if (existing?.periodInMinutes !== periodInMinutes) {
      await browser.alarms.create(BOOK_SYNC_ALARM, { periodInMinutes, delayInMinutes: 1 });
    }
  };

  const deps: BackgroundDeps = {
    db,
    focus: createFocusStore(browser.storage.session),
    scripting: browser.scripting,
    permissions: browser.permissions,
    tabs: browser.tabs,
    syncRegistration,
    books,
    rearmBookSync,
    now: () => Date.now(),
  };
  const route = createMessageRouter({
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    isEnabledOrigin: async (origin) => (await db.sites.get(origin)) !== undefined,
    content: createContentHandlers(deps),
    ui: createUiHandlers(deps),
  });

  // The polyfill sends the resolved value of the returned promise as the reply, in both browsers.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => route(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void deps.focus.remove(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') void forgetFocusIfLeft(deps.focus, tabId, tab.url);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BOOK_SYNC_ALARM) void books.sync().catch(logFailure('book sync'));
  });
  browser.storage.managed.onChanged?.addListener(() => void books.sync().catch(logFailure('book sync')));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the user has to enable a CRM before anything can happen, so show where.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
    void books.sync().catch(logFailure('book sync'));
  });
  browser.runtime.onStartup.addListener(() => void books.sync().catch(logFailure('book sync')));

  syncRegistration().catch(logFailure('content-script registration'));
  rearmBookSync().catch(logFailure('book sync alarm'));
}

function logFailure(what: string) {
  return (error: unknown) => console.error(`[touchbook] ${what} failed`, error);
}

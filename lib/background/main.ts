import { browser } from 'wxt/browser';
import { openDatabase } from '../db/database';
import { listSites } from '../db/sites';
import { createRegistrationSync } from '../sites/registration';
import { createFocusStore, forgetFocusIfLeft } from './focus';
import { createContentHandlers, createUiHandlers, type BackgroundDeps } from './handlers';
import { createMessageRouter, type MessageSender } from './router';

/**
 * Wires the background worker. Everything is registered synchronously at start-up because
 * Chrome may have woken the worker for the very event it is about to deliver; no state that
 * matters lives in memory (Dexie and storage.session are the truth).
 */
export function startBackground(): void {
  const db = openDatabase();
  const syncRegistration = createRegistrationSync(browser.scripting, async () =>
    (await listSites(db)).map((site) => site.origin),
  );
  const deps: BackgroundDeps = {
    db,
    focus: createFocusStore(browser.storage.session),
    scripting: browser.scripting,
    permissions: browser.permissions,
    tabs: browser.tabs,
    syncRegistration,
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
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the user has to enable a CRM before anything can happen, so show where.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  });

  syncRegistration().catch((error: unknown) => console.error('[touchbook] could not restore content-script registration', error));
}

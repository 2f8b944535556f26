import { z } from 'zod';
import { browser, type PublicPath } from 'wxt/browser';
import { createDefaultBookLoader } from '../book/default-book-loader';
import { openDatabase } from '../db/database';
import { getSettings } from '../db/settings';
import { listSites } from '../db/sites';
import { resolveUiLanguage, translatorOver } from '../i18n/languages';
import { createPackagedMessages } from '../i18n/packaged';
import { publishPageGate } from '../sites/page-gate';
import { createRegistrationSync } from '../sites/registration';
import { openSidePanel } from '../ui/side-panel';
import { DAY_MS } from '../lifecycle/time';
import { isWakeAlarm } from '../reminders/alarms';
import { DUE_NOTIFICATION_ID, notificationTarget } from '../reminders/notifications';
import { webUrl } from '../sites/origins';
import { handleBackupPort } from './backup-port';
import { createInsightsCatchUp } from './insights-catch-up';
import { catchUpInsightAggregates, insightsZone, onInsightRowsChanged } from '../db/insights-aggregates';
import { createDataChangeNoter, writeFirstScreen } from '../insights/first-screen-record';
import { BOOK_SYNC_ALARM, createBookService } from './books';
import { createLifecycleService } from './lifecycle-service';
import { OPEN_PANEL_COMMAND } from './commands';
import { fieldOfMenuItem, installTeachMenu } from './context-menu';
import { teachSelection } from './teach-handlers';
import { createPanelBookCache } from './book-cache';
import { createClock } from './clock';
import { createFocusStore, forgetFocusIfLeft } from './focus';
import { createDigestAnalyser } from '../crm/digest/host';
import { createContentHandlers, createUiHandlers, injectIntoOpenTabs, type BackgroundDeps } from './handlers';
import { createMessageRouter, type MessageSender } from './router';
import { mayChangeFigures } from '../team/handlers';
import { createTeamService } from '../team/service';
import { TEAM_SETTINGS_KEY } from '../team/settings';

/**
 * Wires the background worker. Everything is registered synchronously at start-up because
 * Chrome may have woken the worker for the very event it is about to deliver; no state that
 * matters lives in memory (Dexie and storage.session are the truth).
 */
export function startBackground(): void {
  // Extension pages forbid eval; tell zod up front instead of letting it probe with `new Function`.
  z.config({ jitless: true });

  const db = openDatabase();
  const syncRegistration = createRegistrationSync(
    browser.scripting,
    async () => (await listSites(db)).map((site) => site.origin),
    (origins) => publishPageGate(browser.storage.local, origins),
  );
  // Books and words come from packaged files, read when first needed: they are not in the bundle.
  const readPackagedJson = async (path: string): Promise<unknown> => (await fetch(browser.runtime.getURL(path as PublicPath))).json();
  const messages = createPackagedMessages(readPackagedJson);
  const language = async () => resolveUiLanguage((await getSettings(db)).uiLanguage, [browser.i18n.getUILanguage()]);
  const books = createBookService({
    db,
    readManagedStorage: () => browser.storage.managed.get(),
    onManagedPolicyChange: (listener) =>
      browser.storage.onChanged.addListener((_changes, area) => {
        if (area === 'managed') listener();
      }),
    fetchImpl: (input, init) => fetch(input, init),
    now: () => new Date(),
    uiLanguage: language,
    defaultBook: createDefaultBookLoader(readPackagedJson),
    // A new book re-plans every client's future touches; history stays as it was.
    onBookChanged: async () => {
      await lifecycle.replanAll();
      void insightsCatchUp.start(); // the re-plan rewrote many clients' touches
    },
  });
  // After a restore or a re-plan, the Insights aggregates are recounted in small chunks, so the
  // first Insights page opened afterwards does not wait for thousands of clients.
  const insightsCatchUp = createInsightsCatchUp(async () => {
    await catchUpInsightAggregates(db, async () => insightsZone(await getSettings(db)), {
      // Chrome stops a worker that made no extension call for ~30 s, timers and IndexedDB work
      // notwithstanding: a catch-up of thousands of clients stopped between chunks and stayed
      // stopped until something woke the worker. An extension call per chunk keeps it awake while
      // there is work; a stop anyway leaves the rest on the dirty list for the next start.
      pause: async () => {
        await new Promise<void>((resolve) => setTimeout(resolve, 100));
        await browser.runtime.getPlatformInfo();
      },
    });
    await insightsFirstScreen.keep();
  }, logFailure('insights catch-up'));
  // The Insights page draws its first screen from a record in storage.local, without Dexie or the
  // worker; every write the figures count makes the record stale until the next one is kept.
  const insightsFirstScreen = {
    keep: async () => writeFirstScreen(db, browser.storage.local, await getSettings(db), new Date()).catch(logFailure('insights first screen')),
    noteChange: createDataChangeNoter(browser.storage.local, Date.now, logFailure('insights data-change note')),
  };
  onInsightRowsChanged(insightsFirstScreen.noteChange);
  const clock = createClock(browser.storage.session);
  const translator = async () => translatorOver(await messages(await language()));
  const lifecycle = createLifecycleService({
    db,
    books,
    reminders: { alarms: browser.alarms, action: browser.action, notifications: browser.notifications },
    isFirefox: import.meta.env.FIREFOX,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    clock: clock.now,
    translator,
    language,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const rearmBookSync = async () => {
    const periodInMinutes = await books.syncMinutes();
    const existing = await browser.alarms.get(BOOK_SYNC_ALARM);
    if (existing?.periodInMinutes !== periodInMinutes) {
      await browser.alarms.create(BOOK_SYNC_ALARM, { periodInMinutes, delayInMinutes: 1 });
    }
  };

  // The team view (off by default): pushes the day's figures to the team's CouchDB from alarms.
  const team = createTeamService({
    db,
    local: browser.storage.local,
    readManaged: () => browser.storage.managed.get(),
    alarms: browser.alarms,
    fetchImpl: (input, init) => fetch(input, init),
    now: clock.now,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });

  const deps: BackgroundDeps = {
    db,
    team,
    focus: createFocusStore(browser.storage.session),
    scripting: browser.scripting,
    permissions: browser.permissions,
    tabs: browser.tabs,
    syncRegistration: async () => {
      await syncRegistration();
      await refreshTeachMenu(); // the menu shows on the same sites the content script runs on
    },
    books,
    lifecycle,
    setClockOffset: __TOUCHBOOK_DEMO_BUILD__
      ? async (offsetMs) => {
          const now = await clock.setOffset(offsetMs);
          await lifecycle.check(); // what the new "now" makes due shows at once
          return now;
        }
      : null,
    rearmBookSync,
    session: browser.storage.session,
    panelBook: createPanelBookCache({
      db,
      session: browser.storage.session,
      readManaged: () => browser.storage.managed.get(),
      browserLanguage: browser.i18n.getUILanguage(),
      version: browser.runtime.getManifest().version,
    }),
    uiLanguage: () => browser.i18n.getUILanguage(),
    analyseDigest: createDigestAnalyser(),
    messages,
    now: () => Date.now(),
    insightsFirstScreen,
  };
  const route = createMessageRouter({
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    isEnabledOrigin: async (origin) => (await db.sites.get(origin)) !== undefined,
    content: createContentHandlers(deps),
    ui: createUiHandlers(deps),
  });

  // The worker runs without the polyfill (issue 17: its size), and Chrome 125 ignores a promise a
  // listener returns: the reply goes through sendResponse, kept open by returning true (both browsers).
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => {
    void answer(message, sender).then(sendResponse);
    return true;
  });
  const answer = async (message: unknown, sender: MessageSender) => {
    const reply = await route(message, sender).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    const type = (message as { type?: unknown } | null)?.type;
    if (reply.ok && typeof type === 'string' && mayChangeFigures(type)) void team.noteChange().catch(logFailure('team view'));
    return reply;
  };
  browser.runtime.onConnect.addListener((port) =>
    handleBackupPort(port, {
      db,
      extensionBaseUrl: browser.runtime.getURL('/'),
      protectedBookSlots: (backupBooks) => books.slotsProtectedFromRestore(backupBooks),
      // Restored sites need their scripts registered; restored clients and books need planning.
      afterImport: async (onProgress) => {
        await deps.syncRegistration();
        await lifecycle.replanAll(onProgress);
        await team.noteChange();
        void insightsCatchUp.start(); // not awaited: the restore is done, the counting is background work
      },
    }),
  );
  browser.tabs.onRemoved.addListener((tabId) => void deps.focus.remove(tabId));
  browser.tabs.onActivated.addListener(({ tabId }) => void deps.focus.activated(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') void forgetFocusIfLeft(deps.focus, tabId, tab.url);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BOOK_SYNC_ALARM) void books.sync().catch(logFailure('book sync'));
    if (isWakeAlarm(alarm)) void remind().catch(logFailure('reminders'));
    if (team.isTeamAlarm(alarm.name)) void team.sync().catch(logFailure('team sync'));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    // The manager saved the team settings: arm or disarm the alarms, and push soon.
    if (area === 'local' && TEAM_SETTINGS_KEY in changes) void team.arm().then(() => team.noteChange()).catch(logFailure('team view'));
  });
  browser.notifications.onClicked.addListener((id) => void openNotifiedClient(id).catch(logFailure('notification')));
  browser.notifications.onButtonClicked?.addListener((id) => void openNotifiedClient(id).catch(logFailure('notification')));
  browser.storage.managed.onChanged?.addListener(() => {
    void books.sync().catch(logFailure('book sync'));
    void team.arm().catch(logFailure('team view'));
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the user has to enable a CRM before anything can happen, so show where.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
    // After an update the old content scripts are cut off; give open CRM pages the new one.
    if (reason === 'update') void reinjectEnabledSites().catch(logFailure('re-inject after update'));
    void books.sync().catch(logFailure('book sync'));
  });
  const refreshTeachMenu = async () => {
    await installTeachMenu(browser.contextMenus, (await listSites(db)).map((site) => site.pattern), await translator());
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const field = fieldOfMenuItem(info.menuItemId);
    if (field && tab?.id !== undefined) void teachSelection(deps, tab.id, info.frameId ?? 0, field).catch(logFailure('teach selection'));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    // A keyboard shortcut is a user gesture, which is what sidePanel.open() requires.
    if (command === OPEN_PANEL_COMMAND) void openSidePanel(browser as never, tab?.windowId).catch(logFailure('open side panel'));
  });
  browser.runtime.onStartup.addListener(() => void books.sync().catch(logFailure('book sync')));
  // A worker stopped half-way through a catch-up left the rest on the dirty list: carry on.
  void insightsCatchUp.start();

  /** The reminder pass, and once a day a full re-plan so repeats and yearly windows stay ahead. */
  async function remind() {
    const result = await lifecycle.check();
    const first = result.newlyDue[0];
    if (first) {
      const client = await db.clients.get(first.touch.clientId);
      await browser.storage.session.set({ [NOTIFIED_CLIENT_URL]: webUrl(client?.records[0]?.url) });
    }
    const { [LAST_FULL_REPLAN]: last } = await browser.storage.local.get(LAST_FULL_REPLAN);
    const now = await clock.now();
    if (typeof last !== 'number' || now - last > DAY_MS) {
      await lifecycle.replanAll();
      await browser.storage.local.set({ [LAST_FULL_REPLAN]: now });
      void insightsCatchUp.start();
    }
  }

  /** A click on "touches are due" opens the most urgent client's CRM page, or the list. */
  async function openNotifiedClient(notificationId: string) {
    if (notificationId !== DUE_NOTIFICATION_ID) return;
    const { [NOTIFIED_CLIENT_URL]: url } = await browser.storage.session.get(NOTIFIED_CLIENT_URL);
    const tab = await browser.tabs.create({ url: notificationTarget(url, browser.runtime.getURL('/popup.html')) });
    await browser.notifications.clear(notificationId);
    await openSidePanel(browser as never, tab.windowId).catch(() => undefined); // not every browser allows it here
  }

  async function reinjectEnabledSites() {
    await syncRegistration();
    for (const site of await listSites(db)) await injectIntoOpenTabs(deps, site.pattern);
  }

  // The start-up chores bring what lives outside the worker (registrations, menus, alarms, the
  // badge) in line, and re-arm what a browser restart lost (Firefox forgets alarms). Chrome wakes
  // the worker for every event it listens to (a tab switch, a side panel's question), and running
  // them on each wake made that event wait behind them: once per browser session is enough, since
  // storage.session ends with it, and only after the event that woke the worker was answered.
  setTimeout(() => void runStartupChoresOnce().catch(logFailure('start-up')), STARTUP_CHORES_DELAY_MS);
  async function runStartupChoresOnce() {
    const { [STARTUP_CHORES_DONE]: done } = await browser.storage.session.get(STARTUP_CHORES_DONE);
    if (done === true) return;
    await Promise.all([
      syncRegistration().catch(logFailure('content-script registration')),
      remind().catch(logFailure('reminders')),
      refreshTeachMenu().catch(logFailure('context menu')),
      rearmBookSync().catch(logFailure('book sync alarm')),
      team.arm().catch(logFailure('team view')),
    ]);
    // Marked when done: a worker stopped halfway runs them again when it next wakes.
    await browser.storage.session.set({ [STARTUP_CHORES_DONE]: true });
  }
}

const STARTUP_CHORES_DONE = 'startup-chores-done';
const STARTUP_CHORES_DELAY_MS = 1_000;

const NOTIFIED_CLIENT_URL = 'notified-client-url';
const LAST_FULL_REPLAN = 'last-full-replan';

function logFailure(what: string) {
  return (error: unknown) => console.error(`[touchbook] ${what} failed`, error);
}

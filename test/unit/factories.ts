/**
 * Mock factories for the foundation's unit tests: each returns a complete, valid object and takes
 * overrides, so a test only spells out what it is about. Browser APIs the fake browser lacks
 * (scripting, permissions.request, sidePanel) are fakes that record their calls.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { BackgroundDeps } from '../../lib/background/handlers';
import type { FocusStore, TabFocus } from '../../lib/background/focus';
import { createFocusStore } from '../../lib/background/focus';
import type { MessageSender } from '../../lib/background/router';
import type { ClientSnapshot } from '../../lib/crm/snapshot';
import { defaultBookFor } from '../../lib/book/defaults';
import { openDatabase, type TouchbookDb } from '../../lib/db/database';
import type { ClientRecord, SiteRecord } from '../../lib/db/schema';
import { createTranslator, MESSAGES } from '../../lib/i18n';
import type { SitesModelDeps } from '../../lib/sites/sites-model';
import { createBookService, type BookService, type BookServiceDeps } from '../../lib/background/books';
import { createLifecycleService, type LifecycleDeps } from '../../lib/background/lifecycle-service';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listSites } from '../../lib/db/sites';
import { createRegistrationSync } from '../../lib/sites/registration';

export const EXTENSION_ID = 'touchbook-test-id';
export const EXTENSION_BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
export const CRM_ORIGIN = 'https://crm.example.com';

/** An English translator, for component tests that look for visible text. */
export const t = createTranslator('en');

/** A Dexie database in an IndexedDB of its own, so tests never see each other's data. */
export function makeDb(): TouchbookDb {
  return openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
}

export function makeSnapshot(overrides: Partial<ClientSnapshot> = {}): ClientSnapshot {
  return {
    source: 'demo',
    origin: CRM_ORIGIN,
    url: `${CRM_ORIGIN}/contacts/42`,
    recordType: 'contact',
    recordId: '42',
    name: 'Anna Petrova',
    firstName: 'Anna',
    lastName: 'Petrova',
    company: 'Acme Ltd',
    jobTitle: 'Buyer',
    phones: [{ raw: '+1 415 555 0100', e164: '+14155550100' }],
    emails: ['anna@acme.example'],
    stage: 'Proposal',
    amount: { value: 1200, currency: 'EUR' },
    birthday: '1990-05-17',
    lastPurchase: null,
    nextContact: null,
    tags: ['vip'],
    owner: 'Oleg',
    products: [{ name: 'Widget', category: 'Hardware', purchasedAt: '2025-01-10' }],
    fields: [{ label: 'Stage', value: 'Proposal' }],
    provenance: {},
    ...overrides,
  };
}

export function makeClient(overrides: Partial<ClientRecord> = {}): ClientRecord {
  const snapshot = makeSnapshot();
  return {
    id: 'client-1',
    name: 'Anna Petrova',
    firstName: 'Anna',
    lastName: 'Petrova',
    company: 'Acme Ltd',
    jobTitle: 'Buyer',
    emails: ['anna@acme.example'],
    phones: [{ raw: '+1 415 555 0100', e164: '+14155550100' }],
    phoneKeys: ['14155550100'],
    recordKeys: [`${CRM_ORIGIN}|42`],
    records: [{ origin: CRM_ORIGIN, recordId: '42', url: snapshot.url, source: 'demo', seenAt: 1_000 }],
    stage: 'Proposal',
    amount: { value: 1200, currency: 'EUR' },
    birthday: '1990-05-17',
    tags: ['vip'],
    owner: 'Oleg',
    products: [],
    lastSnapshot: snapshot,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

export function makeSite(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return { origin: CRM_ORIGIN, pattern: `${CRM_ORIGIN}/*`, enabledAt: 1_000, ...overrides };
}

/** A content script in the top frame of a CRM tab. */
export function makeSender(overrides: Partial<MessageSender> = {}): MessageSender {
  const url = overrides.url ?? `${CRM_ORIGIN}/contacts/42`;
  return { id: EXTENSION_ID, url, frameId: 0, tab: { id: 7, url }, ...overrides };
}

/** One of the extension's own pages (side panel, popup, options): no tab. */
export function makeUiSender(overrides: Partial<MessageSender> = {}): MessageSender {
  return { id: EXTENSION_ID, url: `${EXTENSION_BASE_URL}sidepanel.html`, ...overrides };
}

export function makeFocus(overrides: Partial<TabFocus> = {}): TabFocus {
  return { tabId: 7, origin: CRM_ORIGIN, url: `${CRM_ORIGIN}/contacts/42`, clientId: 'client-1', at: 1_000, ...overrides };
}

interface RegisteredScript {
  id: string;
  js?: string[];
  matches?: string[];
  allFrames?: boolean;
  runAt?: string;
  persistAcrossSessions?: boolean;
}

/** Browser API calls cross a process boundary: they settle a macrotask later, not a microtask. */
const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 0));
const laterReject = (error: Error) => new Promise<never>((_resolve, reject) => setTimeout(() => reject(error), 0));

/** `browser.scripting` as far as Touchbook uses it: keeps registrations and records every call. */
export function makeScripting(initial: RegisteredScript[] = []) {
  const registered = new Map(initial.map((script) => [script.id, { ...script }]));
  const calls: Array<{ method: string; args: unknown }> = [];
  const fake = {
    registered,
    calls,
    methods: () => calls.map((call) => call.method),
    getRegisteredContentScripts: (filter?: { ids?: string[] }) => {
      calls.push({ method: 'getRegisteredContentScripts', args: filter });
      const all = [...registered.values()].map((script) => ({ ...script }));
      return later(filter?.ids ? all.filter((script) => filter.ids!.includes(script.id)) : all);
    },
    registerContentScripts: (scripts: RegisteredScript[]) => {
      calls.push({ method: 'registerContentScripts', args: scripts });
      for (const script of scripts) {
        if (registered.has(script.id)) return laterReject(new Error(`Duplicate script ID '${script.id}'`));
        registered.set(script.id, { ...script });
      }
      return later(undefined);
    },
    updateContentScripts: (scripts: RegisteredScript[]) => {
      calls.push({ method: 'updateContentScripts', args: scripts });
      for (const script of scripts) {
        const current = registered.get(script.id);
        if (!current) return laterReject(new Error(`No script with ID '${script.id}'`));
        registered.set(script.id, { ...current, ...script });
      }
      return later(undefined);
    },
    unregisterContentScripts: (filter?: { ids?: string[] }) => {
      calls.push({ method: 'unregisterContentScripts', args: filter });
      const ids = filter?.ids ?? [...registered.keys()];
      const missing = ids.find((id) => !registered.has(id));
      if (missing) return laterReject(new Error(`Nonexistent script ID '${missing}'`));
      for (const id of ids) registered.delete(id);
      return later(undefined);
    },
    executeScript: (injection: { target: { tabId: number; allFrames?: boolean }; files?: string[] }) => {
      calls.push({ method: 'executeScript', args: injection });
      return later([]);
    },
  };
  return fake;
}
export type FakeScripting = ReturnType<typeof makeScripting>;

/** `browser.permissions` holding a set of granted origin patterns. */
export function makePermissions(granted: string[] = [], overrides: { request?: (request: { origins?: string[] }) => Promise<boolean> } = {}) {
  const origins = new Set(granted);
  const calls: Array<{ method: string; origins: string[] }> = [];
  return {
    origins,
    calls,
    contains: (request: { origins?: string[] }) => {
      calls.push({ method: 'contains', origins: request.origins ?? [] });
      return Promise.resolve((request.origins ?? []).every((origin) => origins.has(origin)));
    },
    remove: (request: { origins?: string[] }) => {
      calls.push({ method: 'remove', origins: request.origins ?? [] });
      for (const origin of request.origins ?? []) origins.delete(origin);
      return Promise.resolve(true);
    },
    request:
      overrides.request ??
      ((request: { origins?: string[] }) => {
        calls.push({ method: 'request', origins: request.origins ?? [] });
        for (const origin of request.origins ?? []) origins.add(origin);
        return Promise.resolve(true);
      }),
  };
}
export type FakePermissions = ReturnType<typeof makePermissions>;

/** `browser.tabs.query({ url })` over a fixed list of open tabs (exact pattern match is enough here). */
export function makeTabs(open: Array<{ id?: number; url: string }> = []) {
  const queries: unknown[] = [];
  const sent: Array<{ tabId: number; message: unknown }> = [];
  return {
    queries,
    sent,
    get: (tabId: number) => {
      const tab = open.find((candidate) => candidate.id === tabId);
      return tab ? Promise.resolve(tab) : Promise.reject(new Error(`No tab with id: ${tabId}`));
    },
    sendMessage: (tabId: number, message: unknown) => {
      sent.push({ tabId, message });
      return Promise.resolve(undefined);
    },
    query: (query: { url?: string | string[] }) => {
      queries.push(query);
      const patterns = [query.url ?? []].flat();
      const matches = (url: string) =>
        patterns.some((pattern) => new RegExp(`^${pattern.replace(/[.?+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url));
      return Promise.resolve(open.filter((tab) => patterns.length === 0 || matches(tab.url)));
    },
  };
}

/** An in-memory `storage.session`-like area, for focus stores that need no fake browser. */
export function makeStorageArea() {
  const items = new Map<string, unknown>();
  return {
    items,
    get: (keys: string | string[]) =>
      Promise.resolve(Object.fromEntries([keys].flat().filter((key) => items.has(key)).map((key) => [key, items.get(key)]))),
    set: (values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      return Promise.resolve();
    },
    remove: (keys: string | string[]) => {
      for (const key of [keys].flat()) items.delete(key);
      return Promise.resolve();
    },
  };
}

export interface FakeBackground {
  deps: BackgroundDeps;
  db: TouchbookDb;
  focus: FocusStore;
  scripting: FakeScripting;
  permissions: FakePermissions;
  tabs: ReturnType<typeof makeTabs>;
}

/** Everything the background handlers need, faked; override any part. */
export function makeBackground(
  overrides: Partial<Omit<FakeBackground, 'deps'>> & { now?: () => number } = {},
): FakeBackground {
  const db = overrides.db ?? makeDb();
  const focus = overrides.focus ?? createFocusStore(makeStorageArea());
  const scripting = overrides.scripting ?? makeScripting();
  const permissions = overrides.permissions ?? makePermissions();
  const tabs = overrides.tabs ?? makeTabs();
  const books = makeBookService(db);
  const deps: BackgroundDeps = {
    db,
    focus,
    scripting: scripting as unknown as BackgroundDeps['scripting'],
    permissions,
    tabs: tabs as unknown as BackgroundDeps['tabs'],
    syncRegistration: createRegistrationSync(scripting as unknown as BackgroundDeps['scripting'], async () =>
      (await listSites(db)).map((site) => site.origin),
    ),
    books,
    lifecycle: makeLifecycle(db, books),
    setClockOffset: null,
    rearmBookSync: () => Promise.resolve(),
    session: makeStorageArea(),
    uiLanguage: () => 'en',
    messages: (language) => Promise.resolve(MESSAGES[language]),
    now: overrides.now ?? (() => 5_000),
  };
  return { deps, db, focus, scripting, permissions, tabs };
}

/** A book service over the given database with no policy, no network and English as UI language. */
export function makeBookService(db: TouchbookDb, overrides: Partial<BookServiceDeps> = {}) {
  return createBookService({
    db,
    readManagedStorage: () => Promise.resolve({}),
    fetchImpl: () => Promise.reject(new Error('no network in unit tests')),
    now: () => new Date('2026-03-01T09:00:00Z'),
    uiLanguage: () => Promise.resolve('en'),
    defaultBook: (language) => Promise.resolve(defaultBookFor(language)),
    onBookChanged: () => Promise.resolve(),
    ...overrides,
  });
}

/** The lifecycle service over fakeBrowser's alarms, badge and notifications, at a fixed time. */
export function makeLifecycle(db: TouchbookDb, books: BookService, overrides: Partial<LifecycleDeps> = {}) {
  return createLifecycleService({
    db,
    books,
    reminders: { alarms: fakeBrowser.alarms, action: fakeBrowser.action, notifications: fakeBrowser.notifications },
    isFirefox: false,
    iconUrl: 'chrome-extension://test/icon/128.png',
    clock: () => Promise.resolve(Date.parse('2026-03-02T09:00:00Z')),
    translator: () => Promise.resolve(createTranslator('en')),
    language: () => Promise.resolve('en'),
    systemTimeZone: 'Europe/Kyiv',
    ...overrides,
  });
}

/** The UI's view of the background for the sites model, over an in-memory site list. */
export function makeSitesDeps(overrides: Partial<SitesModelDeps> & { sites?: SiteRecord[] } = {}) {
  const { sites: initial, ...replaced } = overrides;
  const sites = initial ?? [];
  const calls: string[] = [];
  const deps: SitesModelDeps = {
    list: () => {
      calls.push('list');
      return Promise.resolve([...sites]);
    },
    requestAccess: (origin) => {
      calls.push(`requestAccess ${origin}`);
      return Promise.resolve(true);
    },
    enable: (origin) => {
      calls.push(`enable ${origin}`);
      const site = makeSite({ origin, pattern: `${origin}/*` });
      sites.push(site);
      return Promise.resolve(site);
    },
    disable: (origin) => {
      calls.push(`disable ${origin}`);
      sites.splice(
        sites.findIndex((site) => site.origin === origin),
        1,
      );
      return Promise.resolve(null);
    },
    ...replaced,
  };
  return { deps, sites, calls };
}

/** A promise with its resolve/reject handles, to control the order async work finishes in. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Waits a macrotask: lets pending promises and signal-driven renders settle. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

import type { TouchbookDb } from '../db/database';
import type { ClientRecord } from '../db/schema';
import { isSiteEnabled } from '../db/sites';
import type { PanelFocus } from '../messages';
import { webOrigin } from '../sites/origins';

/**
 * Which client each tab shows, kept in `storage.session`: it must outlive the service worker
 * (Chrome stops it after ~30 s idle) but not the browser session, since tab ids do not either.
 */
export interface TabFocus {
  tabId: number;
  origin: string;
  url: string;
  clientId: string | null;
  /**
   * The client as the worker merged it from the page's read, set before its write committed:
   * the panel shows it without a database read. The stored record, once it differs (a later
   * change), replaces it in the panel (lib/panel/watch.ts).
   */
  client?: ClientRecord;
  at: number;
}

export interface FocusStore {
  get(tabId: number): Promise<TabFocus | undefined>;
  set(focus: TabFocus): Promise<void>;
  remove(tabId: number): Promise<void>;
  /** The tab that most recently reported a client, for panels that are not tied to a tab. */
  lastClientTab(): Promise<number | null>;
  /** The user switched to a tab: if it shows a client, it is now the last client tab. */
  activated(tabId: number): Promise<void>;
}

export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const FOCUS_KEY_PREFIX = 'focus:';
const LAST_CLIENT_TAB_KEY = 'focus-last-client-tab';

/** Whether a changed `storage.session` key is about what a tab (or the last client tab) shows. */
export function isFocusKey(key: string): boolean {
  return key.startsWith(FOCUS_KEY_PREFIX) || key === LAST_CLIENT_TAB_KEY;
}

export function createFocusStore(area: StorageArea): FocusStore {
  const key = (tabId: number) => `${FOCUS_KEY_PREFIX}${tabId}`;
  return {
    async get(tabId) {
      const stored = await area.get(key(tabId));
      return stored[key(tabId)] as TabFocus | undefined;
    },
    async set(focus) {
      await area.set({
        [key(focus.tabId)]: focus,
        ...(focus.clientId ? { [LAST_CLIENT_TAB_KEY]: focus.tabId } : {}),
      });
    },
    async remove(tabId) {
      const stored = await area.get(LAST_CLIENT_TAB_KEY);
      const keys = [key(tabId), ...(stored[LAST_CLIENT_TAB_KEY] === tabId ? [LAST_CLIENT_TAB_KEY] : [])];
      await area.remove(keys);
    },
    async lastClientTab() {
      const stored = await area.get(LAST_CLIENT_TAB_KEY);
      const tabId = stored[LAST_CLIENT_TAB_KEY];
      return typeof tabId === 'number' ? tabId : null;
    },
    async activated(tabId) {
      // A page does not report the same client twice, so switching back to an earlier CRM tab
      // says nothing by itself: the switch makes it the client a panel page should follow.
      const stored = await area.get([key(tabId), LAST_CLIENT_TAB_KEY]);
      const shown = stored[key(tabId)] as TabFocus | undefined;
      if (shown?.clientId && stored[LAST_CLIENT_TAB_KEY] !== tabId) await area.set({ [LAST_CLIENT_TAB_KEY]: tabId });
    },
  };
}

/**
 * A tab started loading a page: if it left the CRM origin it showed a client from, forget that
 * client. Without host access to the new site the browser hides its URL, which counts as leaving.
 * A reload on the same CRM keeps the client until the page reports again, so the panel does not
 * flicker.
 */
export async function forgetFocusIfLeft(store: FocusStore, tabId: number, tabUrl: string | undefined): Promise<void> {
  const current = await store.get(tabId);
  if (!current) return;
  let origin: string | null = null;
  try {
    origin = tabUrl ? new URL(tabUrl).origin : null;
  } catch {
    origin = null;
  }
  if (origin !== current.origin) await store.remove(tabId);
}

/**
 * What the side panel shows for a tab. The worker answers `ui/focus.get` with it, and the side
 * panel reads it itself (storage and database are the extension's own): a record change then
 * shows without a round trip through a worker that is busy planning that very client.
 */
export async function readPanelFocus(
  { db, focus, tabs }: { db: TouchbookDb; focus: FocusStore; tabs: { get(tabId: number): Promise<{ url?: string | undefined }> } },
  tabId: number | null,
): Promise<PanelFocus> {
  if (tabId === null) return { state: 'no-client', tabId: null, origin: null, siteEnabled: null };
  const current = await focus.get(tabId);
  const carried = current?.client && current.client.id === current.clientId ? current.client : undefined;
  const client = carried ?? (current?.clientId ? await db.clients.get(current.clientId) : undefined);
  if (current && client) return { state: 'client', tabId, origin: current.origin, client };
  // The page reported, and no client was in it: a list, or a record the reader did not recognise.
  if (current) return { state: 'no-client', tabId, origin: current.origin, siteEnabled: true, read: true };
  // No report from this tab: the browser tells us its address only when the user has just
  // invoked Touchbook there (activeTab) or the site is enabled; otherwise it stays unknown.
  const url = (await tabs.get(tabId).catch(() => undefined))?.url;
  const origin = webOrigin(url);
  const siteEnabled = origin ? await isSiteEnabled(db, origin) : null;
  // Touchbook runs on every page of an enabled site and always reports: it has not yet.
  if (origin && siteEnabled) return { state: 'reading', tabId, origin };
  return { state: 'no-client', tabId, origin, siteEnabled };
}

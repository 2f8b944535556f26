import type { browser } from 'wxt/browser';
import type { PageDigest } from '../crm/digest/collect';
import type { BookCrmReading } from '../crm/extract';
import type { FieldMapping } from '../crm/mappings';
import { bookCrmReadingFor } from '../sites/crm-profiles';
import { ClientSnapshotSchema, type ClientSnapshot, type ClientSnapshotInput } from '../crm/snapshot';
import { worthReporting } from '../crm/report-terms';
import { upsertClientFromSnapshot } from '../db/clients';
import type { TouchbookDb } from '../db/database';
import type { Messages, UiLanguage } from '../i18n';
import { insightsZone, refreshInsightAggregates } from '../db/insights-aggregates';
import { getSettings, updateSettings } from '../db/settings';
import { listSites, removeSite, saveSite } from '../db/sites';
import { matchPatternFor } from '../sites/origins';
import { CRM_SCRIPT_FILE } from '../sites/registration';
import { createBookHandlers } from './book-handlers';
import type { PanelBookCache } from './book-cache';
import type { BookService } from './books';
import { createLifecycleHandlers } from './lifecycle-handlers';
import { createPanelHandlers } from './panel-handlers';
import type { LifecycleService } from './lifecycle-service';
import { readPanelFocus, type FocusStore, type StorageArea } from './focus';
import { createTeachContentHandlers, createTeachUiHandlers } from './teach-handlers';
import type { ContentContext, ContentHandlers, UiHandlers } from './router';
import { createTeamHandlers } from '../team/handlers';
import { markStage } from '../perf/stages';
import type { TeamService } from '../team/service';

export interface BackgroundDeps {
  db: TouchbookDb;
  focus: FocusStore;
  scripting: Pick<
    typeof browser.scripting,
    'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts' | 'executeScript'
  >;
  permissions: Pick<typeof browser.permissions, 'contains' | 'remove'>;
  tabs: Pick<typeof browser.tabs, 'query' | 'sendMessage' | 'get'>;
  /** `storage.session`: short-lived state that must survive the worker being stopped. */
  session: StorageArea;
  /** The browser's UI language, for pages that have no override. */
  uiLanguage: () => string;
  /** One language's UI words (the worker reads them from the packaged locale files). */
  messages: (language: UiLanguage) => Promise<Messages>;
  /** Brings the content-script registration in line with the enabled sites (serialised). */
  syncRegistration: () => Promise<void>;
  books: BookService;
  lifecycle: LifecycleService;
  /** Demo builds only: moves the extension's clock, so a demo (or a test) can jump to a due date. */
  setClockOffset: ((offsetMs: number) => Promise<number>) | null;
  /** Re-arms the book sync alarm after the manager changed the interval or the address. */
  rearmBookSync: () => Promise<void>;
  /** What a record change waits for before re-planning the client; `panelHeadStart` unless a test says otherwise. */
  beforeReplan?: () => Promise<void>;
  now: () => number;
  /** The book kept for the side panel's cold open; absent in tests that do not need it. */
  panelBook?: Pick<PanelBookCache, 'store'>;
  /** Reads a page's digest in a document of the extension's own (lib/crm/digest/host). */
  analyseDigest?: (digest: PageDigest, mappings: readonly FieldMapping[], book?: BookCrmReading) => Promise<ClientSnapshotInput | null>;
  /** The team view's push (lib/team); absent in tests that do not need it. */
  team?: Pick<TeamService, 'status' | 'sync'>;
  /**
   * The Insights first-screen record (lib/insights/first-screen-record.ts): kept after a refresh
   * brought the aggregates up to date, and made stale by a settings change. Absent in tests.
   */
  insightsFirstScreen?: { keep: () => Promise<unknown>; noteChange: () => void };
}

/**
 * How long the side panel gets to read a newly focused client before the worker re-plans it
 * (bench panel-latency: the panel is told ~15 ms after the snapshot and has read ~20 ms later).
 */
const PANEL_HEAD_START_MS = 50;

const panelHeadStart = () => new Promise<void>((resolve) => setTimeout(resolve, PANEL_HEAD_START_MS));

export function createContentHandlers(deps: BackgroundDeps): ContentHandlers {
  const { db, focus, now } = deps;
  const replan = async (clientId: string) => {
    // Re-planning locks the client's card, events and touches for writing: begun at once, the
    // panel's reads of this very client (issued as the focus reaches it) queued behind it. The
    // panel shows the stored plan first; the new one reaches it through its database watch.
    await (deps.beforeReplan ?? panelHeadStart)();
    await deps.lifecycle.clientChanged(clientId);
  };
  const reads = createReadOrder();

  /**
   * Stores the client and points the tab's focus at it. The focus is set as soon as the client
   * is merged, with the client in it, before the write commits: the panel shows what the page
   * read without waiting for the write, or for a database read of its own. A read overtaken by a
   * later one of the same frame does not move the focus. Resolves to the client and whether the
   * focus now shows it.
   */
  const takeSnapshot = async (snapshot: ClientSnapshot, sender: ContentContext, isLatest: () => boolean) => {
    const told: Array<Promise<void>> = [];
    const client = await upsertClientFromSnapshot(db, snapshot, now(), undefined, (merged) => {
      if (!isLatest()) return;
      markStage('client-merged');
      told.push(focus.set({ tabId: sender.tabId, origin: sender.origin, url: sender.url, clientId: merged.id, client: merged, at: now() }));
    });
    markStage('client-written');
    await Promise.all(told);
    markStage('focus-set');
    return { client, shown: told.length > 0 };
  };

  return {
    ...createTeachContentHandlers(deps),
    'cs/snapshot': async ({ snapshot }, sender) => {
      if (snapshot.origin !== sender.origin) throw new Error(`snapshot origin ${snapshot.origin} is not the sender's`);
      markStage('snapshot-handled');
      const { client } = await takeSnapshot(snapshot, sender, reads.begin(sender));
      await replan(client.id);
      return { clientId: client.id };
    },
    'cs/digest': async ({ digest, mappings, report }, sender) => {
      if (new URL(digest.url).origin !== sender.origin) throw new Error(`digest of ${digest.url} is not from the sender's origin`);
      if (!deps.analyseDigest) throw new Error('no reader for page digests');
      markStage('digest-handled');
      const isLatest = reads.begin(sender);
      // The book's CRM profiles and label words for this page; a book that cannot be read now
      // leaves the page to the built-in adapters rather than unread.
      const book = await Promise.resolve()
        .then(() => deps.books.teamBook())
        .then((teamBook) => bookCrmReadingFor(teamBook, digest.url))
        .catch(() => undefined);
      markStage('book-read');
      const snapshot = await deps.analyseDigest(digest, mappings, book);
      markStage('digest-analysed');
      // Reported here under the page's own terms, the page's second message (`cs/snapshot`) is
      // saved on every record change. Anything else the page handles as before.
      if (!snapshot || !report || !isLatest() || !worthReporting(snapshot, report)) return { snapshot, reported: false };
      const parsed = ClientSnapshotSchema.safeParse(snapshot);
      if (!parsed.success || parsed.data.origin !== sender.origin) return { snapshot, reported: false };
      const { client, shown } = await takeSnapshot(parsed.data, sender, isLatest);
      // The page hears at once; the re-plan follows (the panel has shown the stored plan by then).
      void replan(client.id).catch((error: unknown) => console.error('[touchbook] re-planning a client failed', error));
      return { snapshot, reported: shown };
    },
    'cs/no-client': async (_message, sender) => {
      // A frame without a client (an embedded widget) must not hide the card the top frame shows.
      if (sender.frameId !== 0) return null;
      reads.begin(sender); // a read still under way is older than this
      await focus.set({ tabId: sender.tabId, origin: sender.origin, url: sender.url, clientId: null, at: now() });
      return null;
    },
  };
}

/**
 * The order in which the worker received each frame's reads: a read that finishes after a later
 * one of the same frame (a slow analysis, a slow write) must not win. Only requests under way
 * depend on it, so it may live in memory: a stopped worker has none.
 */
function createReadOrder() {
  const latest = new Map<string, number>();
  let count = 0;
  return {
    /** Notes a new read of the sender's frame; the function says whether it is still the latest. */
    begin(sender: ContentContext): () => boolean {
      const frame = `${sender.tabId}:${sender.frameId}`;
      const mine = ++count;
      latest.set(frame, mine);
      return () => latest.get(frame) === mine;
    },
  };
}

export function createUiHandlers(deps: BackgroundDeps): UiHandlers {
  const { db, focus, permissions, syncRegistration, now } = deps;

  return {
    ...createBookHandlers(deps.books, deps.rearmBookSync, deps.panelBook),
    ...createTeachUiHandlers(deps),
    ...createLifecycleHandlers(deps.lifecycle),
    ...createPanelHandlers(deps),
    ...createTeamHandlers(deps.team),
    'ui/debug.clock': async ({ offsetMs }) => {
      if (!deps.setClockOffset) throw new Error('the clock can only be moved in a demo build');
      return { now: await deps.setClockOffset(offsetMs) };
    },
    'ui/sites.list': () => listSites(db),
    'ui/sites.enable': async ({ origin }) => {
      const pattern = matchPatternFor(origin);
      // The page asked the user; the worker only confirms the browser really granted it.
      if (!(await permissions.contains({ origins: [pattern] }))) throw new Error(`no permission for ${origin}`);
      const site = { origin, pattern, enabledAt: now() };
      await saveSite(db, site);
      await syncRegistration();
      await injectIntoOpenTabs(deps, pattern);
      return site;
    },
    'ui/sites.disable': async ({ origin }) => {
      await removeSite(db, origin);
      await syncRegistration();
      // Keep the permission if another enabled site still needs the same host pattern.
      const pattern = matchPatternFor(origin);
      const stillNeeded = (await listSites(db)).some((site) => site.pattern === pattern);
      if (!stillNeeded) await permissions.remove({ origins: [pattern] }).catch(() => false);
      return null;
    },
    'ui/focus.get': async ({ tabId }) => {
      return readPanelFocus(deps, tabId ?? (await focus.lastClientTab()));
    },
    'ui/settings.get': () => getSettings(db),
    'ui/insights.refresh': async () => {
      const zone = insightsZone(await getSettings(db));
      const refreshed = await refreshInsightAggregates(db, zone);
      // After the reply: the page that asked should not wait for the record of its next open.
      if (deps.insightsFirstScreen) setTimeout(() => void deps.insightsFirstScreen?.keep(), 0);
      return { zone, ...refreshed };
    },
    'ui/settings.update': async ({ patch }) => {
      const settings = await updateSettings(db, patch);
      deps.insightsFirstScreen?.noteChange(); // the first screen shows the language, zone and plans
      const planningChanged = ['timeZone', 'workingDays', 'workDayStart', 'workDayEnd', 'vacation'].some((key) => key in patch);
      if (planningChanged) await deps.lifecycle.replanAll();
      // Whose touches ring and count on the badge follows the roles.
      else if ('roleIds' in patch) await deps.lifecycle.check();
      return settings;
    },
  };
}


/** Pages already open on a newly enabled site (or after an update) start working without a reload. */
export async function injectIntoOpenTabs({ tabs, scripting }: BackgroundDeps, pattern: string): Promise<void> {
  const open = await tabs.query({ url: pattern });
  const tabIds = open.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  await Promise.all(
    tabIds.map((tabId) =>
      scripting
        .executeScript({ target: { tabId, allFrames: true }, files: [`/${CRM_SCRIPT_FILE}` as const] })
        .catch(() => undefined), // a tab that navigated away meanwhile
    ),
  );
}

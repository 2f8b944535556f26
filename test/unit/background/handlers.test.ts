import { describe, expect, it, vi } from 'vitest';
import { reportKey, type ReportTerms } from '../../../lib/crm/report-terms';
import { createContentHandlers, createUiHandlers } from '../../../lib/background/handlers';
import { createMessageRouter, type ContentContext } from '../../../lib/background/router';
import { getSettings } from '../../../lib/db/settings';
import { CRM_SCRIPT_FILE, CRM_SCRIPT_ID } from '../../../lib/sites/registration';
import {
  CRM_ORIGIN,
  EXTENSION_BASE_URL,
  EXTENSION_ID,
  makeBackground,
  makeClient,
  makeFocus,
  makePermissions,
  makeScripting,
  makeSender,
  makeSite,
  makeSnapshot,
  makeTabs,
  makeUiSender,
  type FakeBackground,
} from '../factories';

const PATTERN = `${CRM_ORIGIN}/*`;
const digestMessage = (report: ReportTerms | undefined) => ({
  type: 'cs/digest' as const,
  digest: { url: `${CRM_ORIGIN}/contacts/42`, html: '<html></html>', values: [], partial: false, visibleText: null, visibleTextPartial: false },
  mappings: [],
  ...(report ? { report } : {}),
});
const context = (overrides: Partial<ContentContext> = {}): ContentContext => ({
  tabId: 7,
  frameId: 0,
  origin: CRM_ORIGIN,
  url: `${CRM_ORIGIN}/contacts/42`,
  ...overrides,
});

describe('content handlers', () => {
  it('stores the client a page shows and focuses its tab on it', async () => {
    const bg = makeBackground();
    const handlers = createContentHandlers(bg.deps);
    const { clientId } = await handlers['cs/snapshot']({ type: 'cs/snapshot', snapshot: makeSnapshot() }, context());
    const stored = await bg.db.clients.get(clientId);
    expect(stored).toMatchObject({ name: 'Anna Petrova', createdAt: 5_000 });
    // The focus carries the client as stored, so the panel need not read it.
    await expect(bg.focus.get(7)).resolves.toEqual({ tabId: 7, origin: CRM_ORIGIN, url: context().url, clientId, client: stored, at: 5_000 });
    await expect(bg.focus.lastClientTab()).resolves.toBe(7);
  });

  it('tells the panel (the focus) before it re-plans the client, and still re-plans it', async () => {
    const bg = makeBackground();
    const order: string[] = [];
    const clientChanged = bg.deps.lifecycle.clientChanged;
    const lifecycle = {
      ...bg.deps.lifecycle,
      clientChanged: async (clientId: string) => {
        order.push('replan');
        await clientChanged(clientId);
      },
    };
    const beforeReplan = async () => {
      order.push((await bg.focus.get(7))?.clientId ? 'focus set' : 'no focus yet');
    };
    const handlers = createContentHandlers({ ...bg.deps, lifecycle, beforeReplan });
    const { clientId } = await handlers['cs/snapshot']({ type: 'cs/snapshot', snapshot: makeSnapshot() }, context());
    expect(order).toEqual(['focus set', 'replan']);
    await expect(bg.db.touches.where('clientId').equals(clientId).count()).resolves.toBeGreaterThan(0);
  });

  it("rejects a snapshot that claims another origin than the sender's, storing nothing", async () => {
    const bg = makeBackground();
    const handlers = createContentHandlers(bg.deps);
    const snapshot = makeSnapshot({ origin: 'https://victim.example', url: 'https://victim.example/c/1' });
    await expect(handlers['cs/snapshot']({ type: 'cs/snapshot', snapshot }, context())).rejects.toThrow(/not the sender's/);
    await expect(bg.db.clients.count()).resolves.toBe(0);
    await expect(bg.focus.get(7)).resolves.toBeUndefined();
  });

  it("reports the client a digest shows itself under the page's terms, with no second message", async () => {
    const bg = makeBackground();
    const snapshot = makeSnapshot();
    const handlers = createContentHandlers({ ...bg.deps, analyseDigest: () => Promise.resolve(snapshot), beforeReplan: () => Promise.resolve() });
    const terms = { navigation: true, previous: null, lastSent: '' };
    await expect(handlers['cs/digest'](digestMessage(terms), context())).resolves.toEqual({ snapshot, reported: true });
    const focused = await bg.focus.get(7);
    expect(focused?.client).toMatchObject({ name: 'Anna Petrova' });
    await expect(bg.db.clients.get(focused!.clientId!)).resolves.toMatchObject({ name: 'Anna Petrova' });
    await vi.waitFor(() => expect(bg.db.touches.where('clientId').equals(focused!.clientId!).count()).resolves.toBeGreaterThan(0));
  });

  it("leaves the report to the page when its terms say no: the same client again, or the previous record's details still showing", async () => {
    const bg = makeBackground();
    const snapshot = makeSnapshot();
    const handlers = createContentHandlers({ ...bg.deps, analyseDigest: () => Promise.resolve(snapshot) });
    const same = { navigation: false, previous: null, lastSent: reportKey(snapshot) };
    await expect(handlers['cs/digest'](digestMessage(same), context())).resolves.toEqual({ snapshot, reported: false });
    const stale = { navigation: true, previous: { recordId: '41', name: snapshot.name, emails: snapshot.emails }, lastSent: '' };
    await expect(handlers['cs/digest'](digestMessage(stale), context())).resolves.toEqual({ snapshot, reported: false });
    await expect(handlers['cs/digest'](digestMessage(undefined), context())).resolves.toEqual({ snapshot, reported: false });
    await expect(bg.db.clients.count()).resolves.toBe(0);
    await expect(bg.focus.get(7)).resolves.toBeUndefined();
  });

  it('a later record change wins over an earlier one whose reading finishes last', async () => {
    const bg = makeBackground();
    const anna = makeSnapshot();
    const boris = makeSnapshot({ recordId: '43', url: `${CRM_ORIGIN}/contacts/43`, name: 'Boris Ivanov', emails: ['boris@acme.example'], phones: [] });
    let finishAnna: (snapshot: typeof anna) => void = () => {};
    const slowAnna = new Promise<typeof anna>((resolve) => (finishAnna = resolve));
    const readings = [slowAnna, Promise.resolve(boris)];
    const handlers = createContentHandlers({ ...bg.deps, analyseDigest: () => readings.shift()!, beforeReplan: () => Promise.resolve() });
    const terms = { navigation: true, previous: null, lastSent: '' };
    const first = handlers['cs/digest'](digestMessage(terms), context());
    const second = await handlers['cs/digest'](digestMessage(terms), context());
    expect(second.reported).toBe(true);
    finishAnna(anna);
    await expect(first).resolves.toEqual({ snapshot: anna, reported: false });
    await expect(bg.focus.get(7)).resolves.toMatchObject({ client: { name: 'Boris Ivanov' } });
    await expect(bg.db.clients.count()).resolves.toBe(1); // the overtaken read stored nothing either
  });

  it('a read overtaken while its client is being written stores it but does not move the focus', async () => {
    const bg = makeBackground();
    const anna = makeSnapshot();
    const boris = makeSnapshot({ recordId: '43', url: `${CRM_ORIGIN}/contacts/43`, name: 'Boris Ivanov', emails: ['boris@acme.example'], phones: [] });
    const handlers = createContentHandlers({ ...bg.deps, analyseDigest: () => Promise.resolve(boris), beforeReplan: () => Promise.resolve() });
    // Anna's snapshot arrives first; Boris's digest arrives before her write merged.
    const annaReport = handlers['cs/snapshot']({ type: 'cs/snapshot', snapshot: anna }, context());
    const borisReport = handlers['cs/digest'](digestMessage({ navigation: true, previous: null, lastSent: '' }), context());
    await Promise.all([annaReport, borisReport]);
    await expect(bg.focus.get(7)).resolves.toMatchObject({ client: { name: 'Boris Ivanov' } });
  });

  it('clears the focus when the top frame shows no client', async () => {
    const bg = makeBackground();
    await bg.focus.set(makeFocus({ tabId: 7, clientId: 'client-1' }));
    await createContentHandlers(bg.deps)['cs/no-client']({ type: 'cs/no-client', url: `${CRM_ORIGIN}/` }, context());
    await expect(bg.focus.get(7)).resolves.toMatchObject({ clientId: null, at: 5_000 });
  });

  it('keeps the focus when an iframe shows no client', async () => {
    const bg = makeBackground();
    await bg.focus.set(makeFocus({ tabId: 7, clientId: 'client-1' }));
    await createContentHandlers(bg.deps)['cs/no-client']({ type: 'cs/no-client', url: `${CRM_ORIGIN}/widget` }, context({ frameId: 4 }));
    await expect(bg.focus.get(7)).resolves.toMatchObject({ clientId: 'client-1' });
  });
});

describe('ui/sites.enable', () => {
  const enable = (bg: FakeBackground, origin = CRM_ORIGIN) =>
    createUiHandlers(bg.deps)['ui/sites.enable']({ type: 'ui/sites.enable', origin }, { url: EXTENSION_BASE_URL });

  it('refuses without the host permission and changes nothing', async () => {
    const bg = makeBackground();
    await expect(enable(bg)).rejects.toThrow(`no permission for ${CRM_ORIGIN}`);
    await expect(bg.db.sites.count()).resolves.toBe(0);
    expect(bg.scripting.methods()).toEqual([]);
  });

  it('saves the site, registers the content script for it and injects into its open tabs', async () => {
    const bg = makeBackground({
      permissions: makePermissions([PATTERN]),
      tabs: makeTabs([
        { id: 1, url: `${CRM_ORIGIN}/contacts/1` },
        { id: 2, url: 'https://elsewhere.example/' },
        { url: `${CRM_ORIGIN}/no-id` },
        { id: 3, url: `${CRM_ORIGIN}/deals/9` },
      ]),
    });
    const site = await enable(bg);
    expect(site).toEqual({ origin: CRM_ORIGIN, pattern: PATTERN, enabledAt: 5_000 });
    await expect(bg.db.sites.get(CRM_ORIGIN)).resolves.toEqual(site);
    expect(bg.scripting.registered.get(CRM_SCRIPT_ID)).toMatchObject({ matches: [PATTERN], js: [CRM_SCRIPT_FILE], allFrames: true });
    expect(bg.tabs.queries).toEqual([{ url: PATTERN }]);
    const injected = bg.scripting.calls.filter((call) => call.method === 'executeScript').map((call) => call.args);
    expect(injected).toEqual([
      { target: { tabId: 1, allFrames: true }, files: [`/${CRM_SCRIPT_FILE}`] },
      { target: { tabId: 3, allFrames: true }, files: [`/${CRM_SCRIPT_FILE}`] },
    ]);
  });

  it('still succeeds when a tab cannot be injected (it navigated away)', async () => {
    const scripting = makeScripting();
    scripting.executeScript = () => Promise.reject(new Error('Cannot access contents of the page'));
    const bg = makeBackground({
      scripting,
      permissions: makePermissions([PATTERN]),
      tabs: makeTabs([{ id: 1, url: `${CRM_ORIGIN}/` }]),
    });
    await expect(enable(bg)).resolves.toMatchObject({ origin: CRM_ORIGIN });
  });

  it('adds a second site to the existing registration', async () => {
    const other = 'https://other.example';
    const bg = makeBackground({ permissions: makePermissions([PATTERN, `${other}/*`]) });
    await enable(bg);
    await enable(bg, other);
    expect(bg.scripting.registered.get(CRM_SCRIPT_ID)?.matches).toEqual([PATTERN, `${other}/*`]);
    expect(bg.scripting.methods().filter((method) => method !== 'getRegisteredContentScripts')).toEqual([
      'registerContentScripts',
      'updateContentScripts',
    ]);
  });
});

describe('ui/sites.disable', () => {
  const disable = (bg: FakeBackground, origin = CRM_ORIGIN) =>
    createUiHandlers(bg.deps)['ui/sites.disable']({ type: 'ui/sites.disable', origin }, { url: EXTENSION_BASE_URL });

  it('removes the site, unregisters the script and gives the permission back', async () => {
    const bg = makeBackground({
      permissions: makePermissions([PATTERN]),
      scripting: makeScripting([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [PATTERN] }]),
    });
    await bg.db.sites.put(makeSite());
    await expect(disable(bg)).resolves.toBeNull();
    await expect(bg.db.sites.count()).resolves.toBe(0);
    expect(bg.scripting.registered.size).toBe(0);
    expect(bg.permissions.origins.has(PATTERN)).toBe(false);
  });

  it('keeps the permission while another enabled site (another port) needs the same pattern', async () => {
    const withPort = 'https://crm.example.com:8443';
    const bg = makeBackground({
      permissions: makePermissions([PATTERN]),
      scripting: makeScripting([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [PATTERN] }]),
    });
    await bg.db.sites.bulkPut([makeSite(), makeSite({ origin: withPort, pattern: PATTERN })]);
    await disable(bg);
    expect(bg.permissions.origins.has(PATTERN)).toBe(true);
    expect(bg.permissions.calls.some((call) => call.method === 'remove')).toBe(false);
    expect(bg.scripting.registered.get(CRM_SCRIPT_ID)?.matches).toEqual([PATTERN]);
  });

  it('only updates the registration when other sites remain', async () => {
    const other = 'https://other.example';
    const bg = makeBackground({
      permissions: makePermissions([PATTERN, `${other}/*`]),
      scripting: makeScripting([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [PATTERN, `${other}/*`] }]),
    });
    await bg.db.sites.bulkPut([makeSite(), makeSite({ origin: other, pattern: `${other}/*` })]);
    await disable(bg);
    expect(bg.scripting.registered.get(CRM_SCRIPT_ID)?.matches).toEqual([`${other}/*`]);
    expect([...bg.permissions.origins]).toEqual([`${other}/*`]);
  });

  it('does not fail when the browser refuses to remove the permission', async () => {
    const permissions = makePermissions([PATTERN]);
    permissions.remove = () => Promise.reject(new Error('required permission'));
    const bg = makeBackground({ permissions });
    await bg.db.sites.put(makeSite());
    await expect(disable(bg)).resolves.toBeNull();
  });
});

describe('ui/focus.get', () => {
  const focusGet = (bg: FakeBackground, tabId: number | null) =>
    createUiHandlers(bg.deps)['ui/focus.get']({ type: 'ui/focus.get', tabId }, { url: EXTENSION_BASE_URL });

  it('returns the client a tab shows', async () => {
    const bg = makeBackground();
    const client = makeClient();
    await bg.db.clients.put(client);
    await bg.focus.set(makeFocus({ tabId: 7, clientId: client.id }));
    await expect(focusGet(bg, 7)).resolves.toEqual({ state: 'client', tabId: 7, origin: CRM_ORIGIN, client });
  });

  it('falls back to the last tab that showed a client when the panel follows no tab', async () => {
    const bg = makeBackground();
    await bg.db.clients.put(makeClient());
    await bg.focus.set(makeFocus({ tabId: 7, clientId: 'client-1' }));
    await bg.focus.set(makeFocus({ tabId: 9, clientId: null }));
    await expect(focusGet(bg, null)).resolves.toMatchObject({ state: 'client', tabId: 7 });
  });

  it('reports no client when nothing was ever focused', async () => {
    await expect(focusGet(makeBackground(), null)).resolves.toEqual({ state: 'no-client', tabId: null, origin: null, siteEnabled: null });
    await expect(focusGet(makeBackground(), 3)).resolves.toEqual({ state: 'no-client', tabId: 3, origin: null, siteEnabled: null });
  });

  it('says when the followed tab shows a site Touchbook is not enabled on', async () => {
    const bg = makeBackground({ tabs: makeTabs([{ id: 5, url: 'https://other-crm.example/deals/9' }]) });
    await expect(focusGet(bg, 5)).resolves.toEqual({ state: 'no-client', tabId: 5, origin: 'https://other-crm.example', siteEnabled: false });
  });

  it('says "reading" for a tab on an enabled site that has not reported yet', async () => {
    const bg = makeBackground({ tabs: makeTabs([{ id: 5, url: `${CRM_ORIGIN}/clients/42` }]) });
    await bg.db.sites.put(makeSite());
    await expect(focusGet(bg, 5)).resolves.toEqual({ state: 'reading', tabId: 5, origin: CRM_ORIGIN });
  });

  it('reports no client, with the origin and that the page was read, for a tab without one or whose client is gone', async () => {
    const bg = makeBackground();
    await bg.focus.set(makeFocus({ tabId: 7, clientId: null }));
    await bg.focus.set(makeFocus({ tabId: 8, clientId: 'deleted-client' }));
    await expect(focusGet(bg, 7)).resolves.toEqual({ state: 'no-client', tabId: 7, origin: CRM_ORIGIN, siteEnabled: true, read: true });
    await expect(focusGet(bg, 8)).resolves.toEqual({ state: 'no-client', tabId: 8, origin: CRM_ORIGIN, siteEnabled: true, read: true });
  });
});

describe('ui/sites.list and settings', () => {
  it('lists enabled sites by origin', async () => {
    const bg = makeBackground();
    await bg.db.sites.bulkPut([makeSite({ origin: 'https://zeta.example' }), makeSite({ origin: 'https://alpha.example' })]);
    const sites = await createUiHandlers(bg.deps)['ui/sites.list']({ type: 'ui/sites.list' }, { url: EXTENSION_BASE_URL });
    expect(sites.map((site) => site.origin)).toEqual(['https://alpha.example', 'https://zeta.example']);
  });

  it('reads and updates the UI language', async () => {
    const bg = makeBackground();
    const ui = createUiHandlers(bg.deps);
    await expect(ui['ui/settings.get']({ type: 'ui/settings.get' }, { url: EXTENSION_BASE_URL })).resolves.toMatchObject({ uiLanguage: null });
    await ui['ui/settings.update']({ type: 'ui/settings.update', patch: { uiLanguage: 'uk' } }, { url: EXTENSION_BASE_URL });
    await expect(getSettings(bg.db)).resolves.toMatchObject({ uiLanguage: 'uk' });
  });
});

describe('router + handlers end to end', () => {
  function wire(bg: FakeBackground) {
    return createMessageRouter({
      extensionId: EXTENSION_ID,
      extensionBaseUrl: EXTENSION_BASE_URL,
      isEnabledOrigin: async (origin) => (await bg.db.sites.get(origin)) !== undefined,
      content: createContentHandlers(bg.deps),
      ui: createUiHandlers(bg.deps),
      log: () => undefined,
    });
  }

  it('a CRM page on an enabled site puts its client in the side panel', async () => {
    const bg = makeBackground({ permissions: makePermissions([PATTERN]) });
    const route = wire(bg);
    await expect(route({ type: 'ui/sites.enable', origin: CRM_ORIGIN }, makeUiSender())).resolves.toMatchObject({ ok: true });
    const reply = await route({ type: 'cs/snapshot', snapshot: makeSnapshot() }, makeSender());
    expect(reply).toMatchObject({ ok: true, data: { clientId: expect.any(String) } });
    const focus = await route({ type: 'ui/focus.get', tabId: null }, makeUiSender());
    expect(focus).toMatchObject({ ok: true, data: { state: 'client', tabId: 7, client: { name: 'Anna Petrova' } } });
  });

  it('a spoofed snapshot origin comes back as an error reply', async () => {
    const bg = makeBackground();
    await bg.db.sites.put(makeSite());
    const reply = await wire(bg)(
      { type: 'cs/snapshot', snapshot: makeSnapshot({ origin: 'https://bank.example', url: 'https://bank.example/a' }) },
      makeSender(),
    );
    expect(reply).toEqual({ ok: false, error: "handler failed: snapshot origin https://bank.example is not the sender's" });
  });

  it('a site stops talking to the background once disabled', async () => {
    const bg = makeBackground({ permissions: makePermissions([PATTERN]) });
    const route = wire(bg);
    await route({ type: 'ui/sites.enable', origin: CRM_ORIGIN }, makeUiSender());
    await route({ type: 'ui/sites.disable', origin: CRM_ORIGIN }, makeUiSender());
    const reply = await route({ type: 'cs/no-client', url: `${CRM_ORIGIN}/` }, makeSender());
    expect(reply).toEqual({ ok: false, error: `cs/no-client: ${CRM_ORIGIN} is not enabled` });
  });
});

describe('concurrent site changes', () => {
  it('two sites enabled at once both succeed and both end up registered', async () => {
    const other = 'https://other.example';
    const bg = makeBackground({ permissions: makePermissions([PATTERN, `${other}/*`]) });
    const ui = createUiHandlers(bg.deps);
    const results = await Promise.allSettled([
      ui['ui/sites.enable']({ type: 'ui/sites.enable', origin: CRM_ORIGIN }, { url: EXTENSION_BASE_URL }),
      ui['ui/sites.enable']({ type: 'ui/sites.enable', origin: other }, { url: EXTENSION_BASE_URL }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(bg.scripting.registered.get(CRM_SCRIPT_ID)?.matches).toEqual([PATTERN, `${other}/*`]);
  });

  it('two sites disabled at once (two quick clicks) both succeed and leave nothing registered', async () => {
    const other = 'https://other.example';
    const bg = makeBackground({
      permissions: makePermissions([PATTERN, `${other}/*`]),
      scripting: makeScripting([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [PATTERN, `${other}/*`] }]),
    });
    await bg.db.sites.bulkPut([makeSite(), makeSite({ origin: other, pattern: `${other}/*` })]);
    const ui = createUiHandlers(bg.deps);
    const results = await Promise.allSettled([
      ui['ui/sites.disable']({ type: 'ui/sites.disable', origin: CRM_ORIGIN }, { url: EXTENSION_BASE_URL }),
      ui['ui/sites.disable']({ type: 'ui/sites.disable', origin: other }, { url: EXTENSION_BASE_URL }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(bg.scripting.registered.size).toBe(0);
    expect(bg.permissions.origins.size).toBe(0);
  });
});

import { describe, expect, it, vi } from 'vitest';
import {
  createMessageRouter,
  type ContentHandlers,
  type MessageSender,
  type RouterOptions,
  type UiHandlers,
} from '../../../lib/background/router';
import { ContentMessageSchema, UiMessageSchema } from '../../../lib/messages';
import { CRM_ORIGIN, EXTENSION_BASE_URL, EXTENSION_ID, makeSender, makeSite, makeSnapshot, makeUiSender } from '../factories';

/**
 * Spies for every message type of a schema, so the router has a complete handler map; the tests
 * below override the handlers they look at, and each feature's handlers have tests of their own.
 */
function spiesFor<H>(schema: typeof UiMessageSchema | typeof ContentMessageSchema): H {
  const types = schema.options.map((option) => option.shape.type.value);
  return Object.fromEntries(types.map((type) => [type, vi.fn(() => Promise.resolve(null))])) as unknown as H;
}

/** A router over spy handlers; `enabled` lists the origins content scripts may talk from. */
function makeRouter(overrides: Partial<RouterOptions> & { enabled?: string[] } = {}) {
  const { enabled = [CRM_ORIGIN], ...options } = overrides;
  const content = {
    ...spiesFor<ContentHandlers>(ContentMessageSchema),
    'cs/snapshot': vi.fn<ContentHandlers['cs/snapshot']>(() => Promise.resolve({ clientId: 'client-1' })),
    'cs/no-client': vi.fn<ContentHandlers['cs/no-client']>(() => Promise.resolve(null)),
  };
  const ui = {
    ...spiesFor<UiHandlers>(UiMessageSchema),
    'ui/sites.list': vi.fn<UiHandlers['ui/sites.list']>(() => Promise.resolve([makeSite()])),
    'ui/sites.enable': vi.fn<UiHandlers['ui/sites.enable']>(({ origin }) => Promise.resolve(makeSite({ origin }))),
    'ui/sites.disable': vi.fn<UiHandlers['ui/sites.disable']>(() => Promise.resolve(null)),
    'ui/focus.get': vi.fn<UiHandlers['ui/focus.get']>(({ tabId }) => Promise.resolve({ state: 'no-client', tabId, origin: null, siteEnabled: null })),
    'ui/settings.get': vi.fn<UiHandlers['ui/settings.get']>(() =>
      Promise.resolve({ key: 'settings', uiLanguage: null, timeZone: null, managerName: null }),
    ),
    'ui/settings.update': vi.fn<UiHandlers['ui/settings.update']>(() =>
      Promise.resolve({ key: 'settings', uiLanguage: 'ru', timeZone: null, managerName: null }),
    ),
  };
  const log = vi.fn();
  const isEnabledOrigin = vi.fn((origin: string) => Promise.resolve(enabled.includes(origin)));
  const route = createMessageRouter({
    extensionId: EXTENSION_ID,
    extensionBaseUrl: EXTENSION_BASE_URL,
    isEnabledOrigin,
    content,
    ui,
    log,
    ...options,
  });
  const allHandlers = [...Object.values(content), ...Object.values(ui)] as Array<{ mock: { calls: unknown[] } }>;
  return { route, content, ui, log, isEnabledOrigin, noHandlerCalled: () => allHandlers.every((h) => h.mock.calls.length === 0) };
}

const snapshotMessage = (overrides = {}) => ({ type: 'cs/snapshot', snapshot: makeSnapshot(overrides) });

describe('message router: who may send', () => {
  it('rejects messages from another extension before looking at them', async () => {
    const router = makeRouter();
    const reply = await router.route({ type: 'ui/sites.list' }, makeUiSender({ id: 'some-other-extension' }));
    expect(reply).toEqual({ ok: false, error: 'message from another extension' });
    expect(router.noHandlerCalled()).toBe(true);
  });

  it('rejects a sender without an id (a web page)', async () => {
    const router = makeRouter();
    const reply = await router.route({ type: 'cs/no-client', url: `${CRM_ORIGIN}/` }, makeSender({ id: undefined }));
    expect(reply).toEqual({ ok: false, error: 'message from another extension' });
  });

  it('accepts ui/* from an extension page and passes its URL as context', async () => {
    const router = makeRouter();
    const sender = makeUiSender();
    const reply = await router.route({ type: 'ui/sites.list' }, sender);
    expect(reply).toEqual({ ok: true, data: [makeSite()] });
    expect(router.ui['ui/sites.list']).toHaveBeenCalledWith({ type: 'ui/sites.list' }, { url: sender.url });
  });

  it.each<[string, MessageSender]>([
    ['a content script in a web page', makeSender()],
    ['a sender without a URL', makeUiSender({ url: undefined })],
    ['a look-alike extension URL', makeUiSender({ url: `chrome-extension://${EXTENSION_ID}.evil.example/x.html` })],
    ['another extension origin', makeUiSender({ url: 'chrome-extension://other/sidepanel.html' })],
  ])('rejects ui/* from %s', async (_name, sender) => {
    const router = makeRouter();
    const reply = await router.route({ type: 'ui/sites.enable', origin: 'https://evil.example' }, sender);
    expect(reply).toEqual({ ok: false, error: 'ui/sites.enable: not sent by an extension page' });
    expect(router.noHandlerCalled()).toBe(true);
  });

  it('accepts cs/* from an enabled origin and builds the context from the sender, not the payload', async () => {
    const router = makeRouter();
    const url = `${CRM_ORIGIN}/contacts/42?tab=1`;
    const reply = await router.route(snapshotMessage(), makeSender({ url, frameId: 3, tab: { id: 11, url } }));
    expect(reply).toEqual({ ok: true, data: { clientId: 'client-1' } });
    expect(router.isEnabledOrigin).toHaveBeenCalledWith(CRM_ORIGIN);
    expect(router.content['cs/snapshot'].mock.calls[0]?.[1]).toEqual({ tabId: 11, frameId: 3, origin: CRM_ORIGIN, url });
  });

  it('treats a missing frameId as the top frame', async () => {
    const router = makeRouter();
    await router.route({ type: 'cs/no-client', url: `${CRM_ORIGIN}/` }, makeSender({ frameId: undefined }));
    expect(router.content['cs/no-client'].mock.calls[0]?.[1].frameId).toBe(0);
  });

  it('rejects cs/* from an origin the user did not enable', async () => {
    const router = makeRouter();
    const url = 'https://other.example/contacts/1';
    const reply = await router.route(snapshotMessage({ origin: 'https://other.example', url }), makeSender({ url, tab: { id: 7, url } }));
    expect(reply).toEqual({ ok: false, error: 'cs/snapshot: https://other.example is not enabled' });
    expect(router.noHandlerCalled()).toBe(true);
  });

  it.each<[string, MessageSender]>([
    ['without a tab', makeSender({ tab: undefined })],
    ['with a tab that has no id', makeSender({ tab: { url: `${CRM_ORIGIN}/` } })],
    ['from an extension page', makeUiSender()],
    ['from a file: page', makeSender({ url: 'file:///home/me/crm.html' })],
    ['without a URL', makeSender({ url: undefined })],
  ])('rejects cs/* sent %s', async (_name, sender) => {
    const router = makeRouter();
    const reply = await router.route(snapshotMessage(), sender);
    expect(reply).toEqual({ ok: false, error: 'cs/snapshot: not sent from a web page' });
    expect(router.noHandlerCalled()).toBe(true);
  });
});

describe('message router: what may be sent', () => {
  it.each([null, undefined, 'ui/sites.list', 42, [], {}, { type: 7 }])('rejects %j as a message without a type', async (message) => {
    const router = makeRouter();
    await expect(router.route(message, makeUiSender())).resolves.toEqual({ ok: false, error: 'message without a type' });
  });

  it('rejects a malformed payload, naming the bad field', async () => {
    const router = makeRouter();
    const reply = await router.route(snapshotMessage({ emails: ['nope'] }), makeSender());
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^cs\/snapshot: malformed message \(snapshot\.emails\.0: /);
    expect(router.noHandlerCalled()).toBe(true);
  });

  it('rejects a malformed ui payload', async () => {
    const router = makeRouter();
    const reply = await router.route({ type: 'ui/focus.get', tabId: 'seven' }, makeUiSender());
    expect(!reply.ok && reply.error).toMatch(/^ui\/focus\.get: malformed message \(tabId: /);
  });

  it('rejects unknown types with their (truncated) name', async () => {
    const router = makeRouter();
    await expect(router.route({ type: 'bg/reboot' }, makeUiSender())).resolves.toEqual({
      ok: false,
      error: 'unknown message type "bg/reboot"',
    });
    const long = await router.route({ type: 'x'.repeat(500) }, makeUiSender());
    expect(!long.ok && long.error.length).toBeLessThan(100);
    const unknownUi = await router.route({ type: 'ui/drop-database' }, makeUiSender());
    expect(!unknownUi.ok && unknownUi.error).toMatch(/^ui\/drop-database: malformed message \(type: .*ui\/sites\.list/);
    const unknownCs = await router.route({ type: 'cs/drop-database' }, makeSender());
    expect(unknownCs.ok).toBe(false);
    expect(router.noHandlerCalled()).toBe(true);
  });

  it('hands handlers the parsed message (defaults applied, unknown fields dropped)', async () => {
    const router = makeRouter();
    const { fields: _fields, provenance: _provenance, tags: _tags, ...sparse } = makeSnapshot();
    await router.route({ type: 'cs/snapshot', snapshot: { ...sparse, injected: '<script>' } }, makeSender());
    const parsed = router.content['cs/snapshot'].mock.calls[0]?.[0].snapshot;
    expect(parsed).toMatchObject({ fields: [], provenance: {}, tags: [] });
    expect(parsed).not.toHaveProperty('injected');
  });
});

describe('message router: never throws', () => {
  it('turns a handler failure into an error reply and logs it once', async () => {
    const router = makeRouter();
    router.ui['ui/sites.list'].mockRejectedValueOnce(new Error('database closed'));
    const reply = await router.route({ type: 'ui/sites.list' }, makeUiSender());
    expect(reply).toEqual({ ok: false, error: 'handler failed: database closed' });
    expect(router.log).toHaveBeenCalledTimes(1);
  });

  it('survives a handler that throws a non-Error and a failing origin check', async () => {
    const router = makeRouter({ isEnabledOrigin: () => Promise.reject(new Error('db gone')) });
    await expect(router.route(snapshotMessage(), makeSender())).resolves.toEqual({ ok: false, error: 'handler failed: db gone' });
    const other = makeRouter();
    other.ui['ui/settings.get'].mockImplementationOnce(() => {
      throw 'plain string'; // eslint-disable-line @typescript-eslint/only-throw-error
    });
    await expect(other.route({ type: 'ui/settings.get' }, makeUiSender())).resolves.toEqual({
      ok: false,
      error: 'handler failed: plain string',
    });
  });

  it('survives a message whose type getter throws', async () => {
    const router = makeRouter();
    const hostile = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('gotcha');
      },
    });
    const reply = await router.route(hostile, makeUiSender());
    expect(reply.ok).toBe(false);
  });

  it('logs every rejection with its reason', async () => {
    const router = makeRouter();
    await router.route({ type: 'ui/sites.list' }, makeUiSender({ id: 'x' }));
    expect(router.log).toHaveBeenCalledWith('message from another extension', undefined);
  });
});

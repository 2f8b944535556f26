import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFocusStore, FOCUS_KEY_PREFIX, forgetFocusIfLeft, isFocusKey } from '../../../lib/background/focus';
import { makeFocus } from '../factories';

describe('focus store over storage.session', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  const store = () => createFocusStore(fakeBrowser.storage.session);

  it('knows nothing at first', async () => {
    await expect(store().get(7)).resolves.toBeUndefined();
    await expect(store().lastClientTab()).resolves.toBeNull();
  });

  it('keeps one focus per tab under a prefixed key, surviving a new store (a restarted worker)', async () => {
    await store().set(makeFocus({ tabId: 7, clientId: 'a' }));
    await store().set(makeFocus({ tabId: 8, clientId: 'b' }));
    const fresh = store();
    await expect(fresh.get(7)).resolves.toMatchObject({ tabId: 7, clientId: 'a' });
    await expect(fresh.get(8)).resolves.toMatchObject({ tabId: 8, clientId: 'b' });
    const raw = await fakeBrowser.storage.session.get(`${FOCUS_KEY_PREFIX}7`);
    expect(raw[`${FOCUS_KEY_PREFIX}7`]).toMatchObject({ clientId: 'a' });
  });

  it('remembers the tab that last reported a client, not one that reported none', async () => {
    await store().set(makeFocus({ tabId: 7, clientId: 'a' }));
    await store().set(makeFocus({ tabId: 9, clientId: null }));
    await expect(store().lastClientTab()).resolves.toBe(7);
    await store().set(makeFocus({ tabId: 8, clientId: 'b' }));
    await expect(store().lastClientTab()).resolves.toBe(8);
  });

  it('makes a tab the last client tab when the user switches back to it, if it shows a client', async () => {
    await store().set(makeFocus({ tabId: 7, clientId: 'a' }));
    await store().set(makeFocus({ tabId: 8, clientId: 'b' }));
    await store().set(makeFocus({ tabId: 9, clientId: null }));
    await store().activated(7);
    await expect(store().lastClientTab()).resolves.toBe(7);
    await store().activated(9); // a page without a client
    await store().activated(10); // a tab Touchbook knows nothing about
    await expect(store().lastClientTab()).resolves.toBe(7);
  });

  it('tells focus keys from other session keys', () => {
    expect(isFocusKey(`${FOCUS_KEY_PREFIX}7`)).toBe(true);
    expect(isFocusKey('focus-last-client-tab')).toBe(true);
    expect(isFocusKey('clock-offset')).toBe(false);
  });

  it('replaces a tab focus with a later one (the page moved on to no client)', async () => {
    await store().set(makeFocus({ tabId: 7, clientId: 'a' }));
    await store().set(makeFocus({ tabId: 7, clientId: null, at: 2_000 }));
    await expect(store().get(7)).resolves.toMatchObject({ clientId: null, at: 2_000 });
  });

  it('forgets a removed tab and only that tab', async () => {
    await store().set(makeFocus({ tabId: 7 }));
    await store().set(makeFocus({ tabId: 8 }));
    await store().remove(7);
    await expect(store().get(7)).resolves.toBeUndefined();
    await expect(store().get(8)).resolves.toBeDefined();
  });

  it('does not persist anything outside the session area', async () => {
    await store().set(makeFocus());
    await expect(fakeBrowser.storage.local.get(null)).resolves.toEqual({});
  });

  it('stops falling back to a tab once it is closed', async () => {
    await store().set(makeFocus({ tabId: 7, clientId: 'a' }));
    await store().remove(7);
    await expect(store().lastClientTab()).resolves.toBeNull();
  });

  it('keeps the fallback when another tab closes', async () => {
    await store().set(makeFocus({ tabId: 7, clientId: 'a' }));
    await store().set(makeFocus({ tabId: 8, clientId: null }));
    await store().remove(8);
    await expect(store().lastClientTab()).resolves.toBe(7);
  });

  describe('when a tab starts loading a page', () => {
    it('forgets the client when the tab left for another site', async () => {
      await store().set(makeFocus({ tabId: 7, origin: 'https://crm.example.com', clientId: 'a' }));
      await forgetFocusIfLeft(store(), 7, 'https://news.example.org/');
      await expect(store().get(7)).resolves.toBeUndefined();
    });

    it('forgets the client when the browser hides the new URL (a site without access)', async () => {
      await store().set(makeFocus({ tabId: 7, origin: 'https://crm.example.com', clientId: 'a' }));
      await forgetFocusIfLeft(store(), 7, undefined);
      await expect(store().get(7)).resolves.toBeUndefined();
    });

    it('keeps the client while the same CRM reloads', async () => {
      await store().set(makeFocus({ tabId: 7, origin: 'https://crm.example.com', clientId: 'a' }));
      await forgetFocusIfLeft(store(), 7, 'https://crm.example.com/contacts/2');
      await expect(store().get(7)).resolves.toMatchObject({ clientId: 'a' });
    });
  });
});

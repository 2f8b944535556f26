import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildDueNotification,
  DUE_NOTIFICATION_ID,
  type DueItem,
  ENGLISH_NOTIFICATION_TEXTS,
  notifyDue,
  notificationTarget,
} from '../../../lib/reminders/notifications';
import { makeTouch } from '../lifecycle/factories';

const ICON = 'chrome-extension://id/icons/128.png';
const item = (clientName: string | null, overrides: Parameters<typeof makeTouch>[0] = {}): DueItem => ({ touch: makeTouch(overrides), clientName });
const options = (isFirefox: boolean) => ({ isFirefox, iconUrl: ICON, texts: ENGLISH_NOTIFICATION_TEXTS });

describe('the grouped notification', () => {
  it('names the client when one touch is due', () => {
    expect(buildDueNotification([item('Anna Petrova', { goal: 'Offer alloy wheels' })], options(false))).toEqual({
      type: 'basic',
      title: 'Call Anna Petrova',
      message: 'Anna Petrova: Offer alloy wheels',
      iconUrl: ICON,
      buttons: [{ title: 'Open the list' }],
      requireInteraction: false,
    });
  });

  it('groups several into one, most urgent first, listing three and counting the rest', () => {
    const items = [
      item('Holiday client', { priority: 60, goal: 'New Year greeting' }),
      item('Anna', { priority: 0, goal: 'Call back' }),
      item('Petro', { priority: 10, goal: 'Satisfaction call', dueAt: 1 }),
      item(null, { priority: 10, goal: '', programmeName: 'Consumables', dueAt: 2 }),
      item('Olena', { priority: 20, goal: 'Restock' }),
    ];
    const notification = buildDueNotification(items, options(false))!;
    expect(notification.title).toBe('5 touches are due');
    expect(notification.message).toBe('Anna: Call back\nPetro: Satisfaction call\nA client: Consumables\nand 2 more');
  });

  it('leaves out what Firefox rejects', () => {
    const notification = buildDueNotification([item('Anna')], { ...options(true), sticky: true })!;
    expect(notification).not.toHaveProperty('buttons');
    expect(notification).not.toHaveProperty('requireInteraction');
    expect(notification.iconUrl).toBe(ICON);
  });

  it('keeps a Chromium notification on screen when asked', () => {
    expect(buildDueNotification([item('Anna')], { ...options(false), sticky: true })).toMatchObject({ requireInteraction: true });
  });

  it('is nothing when nothing is newly due', () => {
    expect(buildDueNotification([], options(false))).toBeNull();
  });
});

describe('showing it', () => {
  beforeEach(() => fakeBrowser.reset());

  it('replaces the previous grouped notification rather than stacking', async () => {
    await notifyDue(fakeBrowser.notifications, [item('Anna')], options(false));
    await notifyDue(fakeBrowser.notifications, [item('Petro'), item('Olena')], options(false));
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([DUE_NOTIFICATION_ID]);
    expect(shown[DUE_NOTIFICATION_ID]).toMatchObject({ title: '2 touches are due' });
    await expect(notifyDue(fakeBrowser.notifications, [], options(false))).resolves.toBeNull();
  });
});

describe('where a click on the notification goes', () => {
  const LIST = 'chrome-extension://id/popup.html';
  it.each([
    ['https://crm.example.com/contacts/42', 'https://crm.example.com/contacts/42'],
    ['http://crm.local/contacts/42', 'http://crm.local/contacts/42'],
  ])('opens the client page %s', (stored, opened) => {
    expect(notificationTarget(stored, LIST)).toBe(opened);
  });

  it.each([
    ['a javascript: address', 'javascript:alert(document.cookie)'],
    ['a data: address', 'data:text/html,<script>alert(1)</script>'],
    ['a file: address', 'file:///etc/passwd'],
    ['another extension', 'chrome-extension://evil/page.html'],
    ['not an address', 'crm.example.com/contacts/42'],
    ['nothing', null],
    ['a number', 42],
  ])('opens the list instead of %s', (_what, stored) => {
    expect(notificationTarget(stored, LIST)).toBe(LIST);
  });
});

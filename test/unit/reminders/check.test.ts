import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../../lib/db/settings';
import { MIN_ALARM_DELAY_MS, WAKE_ALARM } from '../../../lib/reminders/alarms';
import { runReminderCheck } from '../../../lib/reminders/check';
import { DUE_NOTIFICATION_ID, ENGLISH_NOTIFICATION_TEXTS } from '../../../lib/reminders/notifications';
import { makeClient, makeDb } from '../factories';
import { makeTouch } from '../lifecycle/factories';

const NOW = 1_750_000_000_000;
const MINUTE = 60_000;

function check(db: ReturnType<typeof makeDb>, now: number) {
  return runReminderCheck({ db, now, browser: fakeBrowser, isFirefox: false, iconUrl: 'icon.png', texts: ENGLISH_NOTIFICATION_TEXTS });
}

describe('the reminder pass', () => {
  beforeEach(() => fakeBrowser.reset());

  it('on the very first run sets the badge and the alarm but announces nothing old', async () => {
    const db = makeDb();
    await db.touches.bulkPut([
      makeTouch({ id: 'old', state: 'due', dueAt: NOW - 60 * MINUTE }),
      makeTouch({ id: 'next', state: 'planned', dueAt: NOW + 10 * MINUTE }),
    ]);
    const result = await check(db, NOW);
    expect(result).toMatchObject({ newlyDue: [], dueCount: 1, wakeAt: NOW + 10 * MINUTE });
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('1');
    await expect(fakeBrowser.notifications.getAll()).resolves.toEqual({});
    await expect(fakeBrowser.alarms.get(WAKE_ALARM)).resolves.toMatchObject({ scheduledTime: NOW + 10 * MINUTE });
    await expect(getSettings(db)).resolves.toMatchObject({ remindersCheckedAt: NOW });
  });

  it('announces what fell due since the last check, once, with the client\'s name', async () => {
    const db = makeDb();
    await db.clients.put(makeClient());
    await db.touches.bulkPut([
      makeTouch({ id: 'callback', state: 'planned', dueAt: NOW + 10 * MINUTE, goal: 'Call back' }),
      makeTouch({ id: 'snoozed', state: 'snoozed', dueAt: NOW + 12 * MINUTE, snoozedUntil: NOW + 12 * MINUTE, goal: 'Offer wheels' }),
      makeTouch({ id: 'tomorrow', state: 'planned', dueAt: NOW + 24 * 60 * MINUTE }),
    ]);
    await check(db, NOW);
    const later = NOW + 15 * MINUTE;
    const result = await check(db, later);
    expect(result.newlyDue.map(({ touch }) => touch.id).sort()).toEqual(['callback', 'snoozed']);
    expect(result.dueCount).toBe(2);
    const shown = await fakeBrowser.notifications.getAll();
    expect(shown[DUE_NOTIFICATION_ID]).toMatchObject({ title: '2 touches are due', message: expect.stringContaining('Anna Petrova: Call back') });
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('2');

    await fakeBrowser.notifications.clear(DUE_NOTIFICATION_ID);
    await expect(check(db, later + MINUTE)).resolves.toMatchObject({ newlyDue: [] });
    await expect(fakeBrowser.notifications.getAll()).resolves.toEqual({});
  });

  it('announces again after a pass that stopped before recording the check', async () => {
    const db = makeDb();
    await db.touches.put(makeTouch({ id: 'x', state: 'planned', dueAt: NOW + MINUTE }));
    await updateSettings(db, { remindersCheckedAt: NOW });
    // A pass promoted the touch but the worker stopped before the notification and the record.
    await db.touches.update('x', { state: 'due' });
    const result = await check(db, NOW + 5 * MINUTE);
    expect(result.newlyDue.map(({ touch }) => touch.id)).toEqual(['x']);
  });

  it('marks closed windows missed and keeps the alarm at least 30 s away', async () => {
    const db = makeDb();
    await updateSettings(db, { remindersCheckedAt: NOW - MINUTE });
    await db.touches.bulkPut([
      makeTouch({ id: 'closed', state: 'due', dueAt: NOW - 100 * MINUTE, expiresAt: NOW - MINUTE }),
      makeTouch({ id: 'imminent', state: 'planned', dueAt: NOW + 1_000 }),
    ]);
    const result = await check(db, NOW);
    expect(result).toMatchObject({ missed: 1, dueCount: 0, wakeAt: NOW + MIN_ALARM_DELAY_MS });
    await expect(db.touches.get('closed')).resolves.toMatchObject({ state: 'missed' });
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('');
  });

  it("announces and counts only the manager's own touches, not other roles' or handed-over ones", async () => {
    const db = makeDb();
    await db.clients.put(makeClient());
    await db.touches.bulkPut([
      makeTouch({ id: 'mine', state: 'planned', dueAt: NOW + MINUTE, goal: 'Offer the next product' }),
      makeTouch({ id: 'service', state: 'planned', dueAt: NOW + MINUTE, roleId: 'service-advisor', role: 'Service advisor', goal: 'Book the service' }),
      makeTouch({ id: 'passed', state: 'planned', dueAt: NOW + MINUTE, goal: 'Passed on' }),
    ]);
    await updateSettings(db, { handedOverTouchIds: ['passed'] });
    await check(db, NOW);
    const result = await check(db, NOW + 5 * MINUTE);
    expect(result.newlyDue.map(({ touch }) => touch.id)).toEqual(['mine']);
    expect(result.dueCount).toBe(1);
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('1');
    expect((await fakeBrowser.notifications.getAll())[DUE_NOTIFICATION_ID]).toMatchObject({ title: 'Call Anna Petrova' });

    // The same manager who is also the service advisor gets both.
    await updateSettings(db, { roleIds: ['sales-manager', 'service-advisor'] });
    await expect(check(db, NOW + 6 * MINUTE)).resolves.toMatchObject({ dueCount: 2 });
    await expect(fakeBrowser.action.getBadgeText({})).resolves.toBe('2');
  });
});

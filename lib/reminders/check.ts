import type { TouchbookDb } from '../db/database';
import type { TouchRecord } from '../db/schema';
import { getSettings, updateSettings } from '../db/settings';
import { countDue, newlyDue, nextWakeUp, promoteDue } from '../db/touches';
import { ownTouchFilter } from '../roles/routing';
import { type AlarmsApi, armWakeAlarm } from './alarms';
import { BADGE_COUNT_LIMIT, type BadgeApi, showDueCount } from './badge';
import { type DueItem, type NotificationOptions, type NotificationsApi, notifyDue } from './notifications';

/**
 * The reminder pass, run when the wake-up alarm fires, at start-up, and after anything changes
 * touches: due times that have come move touches to due (closed windows to missed), the newly
 * due ones are announced in one notification, the badge shows the count, and the alarm is set
 * for the next due time.
 *
 * "Newly due" is measured against the last check stored in settings, which is written only after
 * the notification went out: a worker stopped in between announces again rather than never.
 */

export interface ReminderApis {
  alarms: AlarmsApi;
  action: BadgeApi;
  notifications: NotificationsApi;
}

export interface ReminderCheckInput extends NotificationOptions {
  db: TouchbookDb;
  browser: ReminderApis;
  now: number;
}

export interface ReminderCheckResult {
  newlyDue: DueItem[];
  missed: number;
  dueCount: number;
  wakeAt: number;
}

export async function runReminderCheck({ db, browser, now, ...notification }: ReminderCheckInput): Promise<ReminderCheckResult> {
  const settings = await getSettings(db);
  const { remindersCheckedAt } = settings;
  const { missed } = await promoteDue(db, now);
  // Other roles' touches are listed in the popup for hand-over; they neither ring nor count here.
  const isOwn = ownTouchFilter(settings);
  // The very first check has no "before": what is due already is in the popup, not news.
  const fresh = remindersCheckedAt == null ? [] : await withClientNames(db, (await newlyDue(db, remindersCheckedAt, now)).filter(isOwn));
  await notifyDue(browser.notifications, fresh, notification);
  await updateSettings(db, { remindersCheckedAt: now });
  const dueCount = await countDue(db, now, BADGE_COUNT_LIMIT, isOwn);
  await showDueCount(browser.action, dueCount);
  const wakeAt = await armWakeAlarm(browser.alarms, await nextWakeUp(db, now), now);
  return { newlyDue: fresh, missed: missed.length, dueCount, wakeAt };
}

async function withClientNames(db: TouchbookDb, touches: readonly TouchRecord[]): Promise<DueItem[]> {
  const clients = await db.clients.bulkGet([...new Set(touches.map((touch) => touch.clientId))]);
  const names = new Map(clients.flatMap((client) => (client ? [[client.id, client.name] as const] : [])));
  return touches.map((touch) => ({ touch, clientName: names.get(touch.clientId) || null }));
}

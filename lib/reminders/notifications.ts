import type { TouchRecord } from '../db/schema';
import { webUrl } from '../sites/origins';

/**
 * One notification for everything that became due at once: five touches falling due over a
 * weekend are one "5 touches are due" with the first few listed, not five pop-ups. The options are
 * built per browser: Firefox throws on `buttons` and `requireInteraction`, Chromium refuses a
 * notification without a real `iconUrl`.
 */

/** The grouped notification has one id, so a newer one replaces the one still on screen. */
export const DUE_NOTIFICATION_ID = 'touchbook-due';
const LISTED = 3;

export interface DueItem {
  touch: TouchRecord;
  /** The client's name, when the client is known. */
  clientName: string | null;
}

/** The words, supplied by the caller's translator. */
export interface NotificationTexts {
  /** Title for a single touch, e.g. "Call Anna Petrova". */
  one(item: DueItem): string;
  /** Title for several, e.g. "3 touches are due". */
  several(count: number): string;
  /** A line of the message for one touch. */
  line(item: DueItem): string;
  /** The last line when not all are listed, e.g. "and 4 more". */
  more(count: number): string;
  /** The button that opens the list (Chromium only). */
  open: string;
}

export const ENGLISH_NOTIFICATION_TEXTS: NotificationTexts = {
  one: ({ touch, clientName }) => `${channelVerb(touch.channel)} ${clientName ?? 'a client'}`,
  several: (count) => `${count} touches are due`,
  line: ({ touch, clientName }) => `${clientName ?? 'A client'}: ${touch.goal || touch.programmeName}`,
  more: (count) => `and ${count} more`,
  open: 'Open the list',
};

function channelVerb(channel: string): string {
  return channel === 'call' ? 'Call' : channel === 'meeting' ? 'Meet' : 'Write to';
}

export interface DueNotification {
  type: 'basic';
  title: string;
  message: string;
  iconUrl: string;
  buttons?: Array<{ title: string }>;
  requireInteraction?: boolean;
}

export interface NotificationOptions {
  isFirefox: boolean;
  /** An extension URL of a real image, e.g. `browser.runtime.getURL('/icons/128.png')`. */
  iconUrl: string;
  texts: NotificationTexts;
  /** Chromium: keep it on screen until the manager reacts. */
  sticky?: boolean;
}

/** By programme priority (the default book puts callbacks first), then by time. */
function byUrgency(a: DueItem, b: DueItem): number {
  return a.touch.priority - b.touch.priority || a.touch.dueAt - b.touch.dueAt;
}

export function buildDueNotification(items: readonly DueItem[], options: NotificationOptions): DueNotification | null {
  if (!items.length) return null;
  const sorted = [...items].sort(byUrgency);
  const { texts } = options;
  const lines = sorted.slice(0, LISTED).map((item) => texts.line(item));
  if (sorted.length > LISTED) lines.push(texts.more(sorted.length - LISTED));
  const notification: DueNotification = {
    type: 'basic',
    title: sorted.length === 1 ? texts.one(sorted[0]!) : texts.several(sorted.length),
    message: lines.join('\n'),
    iconUrl: options.iconUrl,
  };
  if (options.isFirefox) return notification;
  return { ...notification, buttons: [{ title: texts.open }], requireInteraction: options.sticky ?? false };
}

/** `browser.notifications` as far as reminders use it. */
export interface NotificationsApi {
  create(id: string, options: DueNotification): Promise<string>;
}

/** Shows the grouped notification; null when there was nothing to announce. */
export async function notifyDue(api: NotificationsApi, items: readonly DueItem[], options: NotificationOptions): Promise<string | null> {
  const notification = buildDueNotification(items, options);
  return notification ? api.create(DUE_NOTIFICATION_ID, notification) : null;
}

/**
 * Where a click on the notification goes: the client's CRM page when it is a web page, else the
 * list. The address comes from a client record, which a restored backup may have filled with a
 * `javascript:` or `file:` address, so it is checked here, when it is opened.
 */
export function notificationTarget(clientUrl: unknown, listUrl: string): string {
  return webUrl(clientUrl) ?? listUrl;
}

import type { TouchbookDb } from '../db/database';
import type { BuyerTypeId } from '../book/schema';
import type { ClientRecord, TouchOutcome, TouchRecord } from '../db/schema';
import { getSettings, setHandedOver } from '../db/settings';
import {
  addTouch,
  dueTouches,
  recordOutcome,
  replanClient,
  replanClients,
  skipTouch,
  snoozeTouch,
  TouchNotFoundError,
} from '../db/touches';
import type { Translate } from '../i18n';
import { recordedDiscount } from '../lifecycle/discount';
import { callbackRequest, managerEvent, purchaseMoney } from '../lifecycle/events';
import { currentClientPlan, type ClientPlan } from '../lifecycle/client-plan';
import { openTouchesInOrder } from '../lifecycle/next-touch';
import { callListPlace, type CallListPlace } from '../lifecycle/segments';
import { proposeRetry } from '../lifecycle/states';
import { resolveTimeZone } from '../lifecycle/time';
import { workingTimeOf } from '../lifecycle/working-time';
import { runReminderCheck, type ReminderApis } from '../reminders/check';
import { handedOverOf, isOwnTouch, ownRoleIdsOf } from '../roles/routing';
import { scriptSummary } from '../suggest/script-summary';
import type { NotificationTexts } from '../reminders/notifications';
import type { BookService } from './books';
import { webUrl } from '../sites/origins';

/**
 * The lifecycle engine as the background runs it: re-planning a client when its card or the
 * manager's actions change, the manager's touch actions, and the reminder pass after each of
 * them. Every call reads what it needs from Dexie; the clock is injected (tests and the demo
 * build move it).
 */
export interface LifecycleDeps {
  db: TouchbookDb;
  books: BookService;
  reminders: ReminderApis;
  isFirefox: boolean;
  iconUrl: string;
  clock: () => Promise<number>;
  translator: () => Promise<Translate>;
  /** The manager's language, as a locale for dates the scripts say. */
  language: () => Promise<string>;
  /** The browser's own time zone, used until the manager picks one. */
  systemTimeZone: string;
}

/** A due touch with what the popup shows about its client. */
export interface DueTouchView {
  touch: TouchRecord;
  client: Pick<ClientRecord, 'id' | 'name' | 'company'> & { url: string | null };
  /** Set when the touch's programme orders its calls by a segment ("farm group A first"). */
  callList?: CallListPlace | null;
  /** Another role's touch: its script filled from the card, for the task text it is handed over as. */
  handOverScript?: string;
}

/** The due list with the clock and time zone it was computed for ("today" is theirs). */
export interface DueList {
  now: number;
  timeZone: string;
  items: DueTouchView[];
  /** The roles the manager performs: their touches are listed first, the rest for hand-over. */
  ownRoleIds: readonly string[];
  handedOverTouchIds: readonly string[];
}

export type { ClientPlan, TouchAnchor } from '../lifecycle/client-plan';

export function createLifecycleService(deps: LifecycleDeps) {
  const { db } = deps;

  const context = async () => {
    const [settings, now, book] = await Promise.all([getSettings(db), deps.clock(), deps.books.teamBook()]);
    return {
      now,
      book,
      timeZone: resolveTimeZone(settings.timeZone, deps.systemTimeZone),
      working: workingTimeOf(settings),
    };
  };

  const check = async () => {
    const t = await deps.translator();
    return runReminderCheck({
      db,
      browser: deps.reminders,
      now: await deps.clock(),
      isFirefox: deps.isFirefox,
      iconUrl: deps.iconUrl,
      texts: notificationTexts(t),
    });
  };

  const replan = async (clientId: string) => {
    await replanClient(db, clientId, await context());
    await check();
  };

  const requireClient = async (clientId: string) => {
    const client = await db.clients.get(clientId);
    if (!client) throw new Error(`unknown client ${clientId}`);
    return client;
  };

  return {
    check,
    /** After a page showed the client: its events and touches follow the card. */
    clientChanged: replan,

    /** After the book, the time zone or the working hours changed: everyone is re-planned. */
    async replanAll(onProgress?: (done: number, total: number) => void) {
      await replanClients(db, { ...(await context()), ...(onProgress ? { onProgress } : {}) });
      await check();
    },

    async due(limit = 100): Promise<DueList> {
      const [{ now, timeZone, book }, settings, locale] = await Promise.all([context(), getSettings(db), deps.language()]);
      const ownRoleIds = ownRoleIdsOf(settings);
      const touches = openTouchesInOrder(await dueTouches(db, now, limit), now, timeZone);
      const clients = await db.clients.bulkGet([...new Set(touches.map((touch) => touch.clientId))]);
      const byId = new Map(clients.flatMap((client) => (client ? [[client.id, client] as const] : [])));
      const summary = { timeZone, locale, managerName: settings.managerName, companyName: settings.companyName ?? null };
      const items = touches.flatMap((touch): DueTouchView[] => {
        const client = byId.get(touch.clientId);
        if (!client) return [];
        const view: DueTouchView = {
          touch,
          client: { id: client.id, name: client.name, company: client.company, url: webUrl(client.records[0]?.url) },
          callList: callListPlace(book, touch.programmeId, client),
        };
        if (!isOwnTouch(touch, ownRoleIds)) view.handOverScript = scriptSummary({ touch, client }, summary);
        return [view];
      });
      // Hand-overs of touches no longer due are forgotten here rather than kept forever.
      const dueIds = new Set(touches.map((touch) => touch.id));
      return { now, timeZone, items, ownRoleIds, handedOverTouchIds: handedOverOf(settings).filter((id) => dueIds.has(id)) };
    },

    /** The manager passed another role's touch on (or took it back): it leaves their reminders. */
    async handOver(touchId: string, handedOver: boolean): Promise<void> {
      if (!(await db.touches.get(touchId))) throw new TouchNotFoundError(touchId);
      await setHandedOver(db, touchId, handedOver);
      await check();
    },

    async planFor(clientId: string): Promise<ClientPlan> {
      // Only the clock and the time zone: reading (and checking) the book here made the panel's
      // first request wait for it.
      return currentClientPlan(db, clientId, { clock: deps.clock, systemTimeZone: deps.systemTimeZone });
    },

    async done(touchId: string, outcome: TouchOutcome, note: string | null, retryAt?: number) {
      const replanning = await context();
      const { now, timeZone, working } = replanning;
      // "Call me later at…" names the time itself, so that retry needs no second confirmation.
      // The outcome, that retry and the client's new plan are written together or not at all.
      const result = await recordOutcome(
        db,
        touchId,
        { outcome, note },
        { now, timeZone, working, ...(retryAt === undefined ? {} : { at: retryAt }) },
        { storeRescheduled: true, replan: replanning },
      );
      await check();
      return result;
    },

    /** The manager accepted the proposed follow-up of a "no answer": it becomes their touch. */
    async retry(touchId: string) {
      const touch = await db.touches.get(touchId);
      if (!touch) throw new TouchNotFoundError(touchId);
      const { now, timeZone, working } = await context();
      const retry = proposeRetry(touch, { now, timeZone, working });
      await addTouch(db, retry);
      await check();
      return retry;
    },

    async snooze(touchId: string, until: number) {
      const touch = await snoozeTouch(db, touchId, until, await deps.clock());
      await check();
      return touch;
    },

    async skip(touchId: string, reason: string) {
      const touch = await skipTouch(db, touchId, reason, await deps.clock());
      await check();
      return touch;
    },

    /** "Call me on Thursday at 15:00": a one-off touch at that moment. */
    async requestCallback(clientId: string, at: number, note: string | null) {
      await requireClient(clientId);
      await db.events.put(callbackRequest(clientId, at, note, await deps.clock()));
      await replan(clientId);
    },

    /** A purchase the card does not show, recorded by the manager: it anchors follow-ups. */
    async recordPurchase(
      clientId: string,
      purchase: { product: string; category: string | null; date: number; amount?: number | null; currency?: string | null },
    ) {
      await requireClient(clientId);
      const { now, timeZone } = await context();
      const money = purchase.amount == null ? {} : purchaseMoney({ value: purchase.amount, currency: purchase.currency ?? null }, null);
      await db.events.put(
        managerEvent(clientId, 'purchase', purchase.date, { product: purchase.product, category: purchase.category, ...money }, now, timeZone),
      );
      await replan(clientId);
    },

    /** Buyer type and churn reason change which touches and offers apply. */
    async setProfile(clientId: string, profile: { buyerType?: BuyerTypeId | null; churnReason?: string | null }) {
      const client = await requireClient(clientId);
      const now = await deps.clock();
      // A new reason starts the book's programmes for it from today; the same one keeps its day.
      const churnReasonAt =
        profile.churnReason === undefined || profile.churnReason === client.churnReason
          ? (client.churnReasonAt ?? null)
          : profile.churnReason
            ? now
            : null;
      await db.clients.put({ ...client, ...profile, churnReasonAt, updatedAt: now });
      await replan(clientId);
      return db.clients.get(clientId);
    },

    /** The second-purchase discount the manager granted (null clears it): scripts quote it, touches follow it. */
    async setDiscount(clientId: string, discount: { amount: string; until: string | null } | null) {
      const client = await requireClient(clientId);
      const now = await deps.clock();
      await db.clients.put({ ...client, discount: discount ? recordedDiscount(client.discount, discount, now) : null, updatedAt: now });
      await replan(clientId);
      return db.clients.get(clientId);
    },
  };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
export { TouchNotFoundError };

/** Notification wording in the manager's language. */
export function notificationTexts(t: Translate): NotificationTexts {
  const who = (name: string | null) => name ?? t('notifyUnknownClient');
  return {
    one: ({ touch, clientName }) =>
      t(touch.channel === 'call' ? 'notifyCall' : touch.channel === 'meeting' ? 'notifyMeet' : 'notifyWrite', { client: who(clientName) }),
    several: (count) => t('notifySeveral', { count }),
    line: ({ touch, clientName }) => t('notifyLine', { client: who(clientName), goal: touch.goal || touch.programmeName }),
    more: (count) => t('notifyMore', { count }),
    open: t('notifyOpen'),
  };
}

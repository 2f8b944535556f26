import type { SalesBook } from '../book/schema';
import { foldCase, normalizeLabel } from '../crm/text';
import type { ClientRecord, EventRecord, EventType } from '../db/schema';
import { DAY_MS, epochDay, formatLocalDate, localDateOf, parseLocalDate } from './time';

/**
 * Lifecycle events: the dated facts a programme's clock starts from. Most are read off the client
 * card (a purchase date, a birthday, a won stage); a few are recorded by the manager (the client
 * asked to be called on Thursday at 15:00).
 *
 * Ids are a hash of what the event is, never of when it was noticed, so deriving twice from the
 * same card gives the same events and the touches planned from them keep their ids.
 */

// ---- ids ---------------------------------------------------------------------------------------

/** cyrb53: a fast, well-spread 53-bit string hash; enough to keep one client's events apart. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The form of a card text that goes into an id: case, spacing and Unicode forms aside. Defined
 * here, not borrowed, because changing it would change every stored event's id.
 */
export function idText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `purchase-1x2y3z`: the kind stays readable, the rest is a hash of client and facts. */
export function eventId(clientId: string, type: EventType, ...facts: Array<string | number | null>): string {
  return `${type}-${hashText([clientId, type, ...facts.map((fact) => (fact === null ? '' : String(fact)))].join('\u0000'))}`;
}

// ---- won stages --------------------------------------------------------------------------------

/**
 * Words CRMs use for a won deal, folded (lower case, no accents), in the four languages of the
 * default books: "Won", "Closed won", amoCRM's "Успешно реализовано", Bitrix24's "Сделка
 * успешна", "Виграно", "Κερδήθηκε". Whole words only, so "Неуспешно" is not a win.
 */
export const WON_STAGE_WORDS: readonly string[] = [
  'won',
  'успешно',
  'успешна',
  'выиграна',
  'выиграно',
  'выигран',
  'успішно',
  'успішна',
  'виграно',
  'виграна',
  'κερδηθηκε',
  'κερδισμενη',
  'κερδισμενο',
];

const WORD = /\p{L}[\p{L}'’]*/gu;

export function isWonStage(stage: string | null | undefined): boolean {
  if (!stage) return false;
  const words = foldCase(stage).match(WORD) ?? [];
  return words.some((word) => WON_STAGE_WORDS.includes(word));
}

// ---- deriving from the card --------------------------------------------------------------------

export interface DeriveEventsInput {
  client: ClientRecord;
  /** Card labels holding dates the book's programmes count from (`customDate` anchors). */
  customDateFields: readonly string[];
  now: number;
}

/** The labels of every `customDate` anchor in the book, each anchor's other labels included. */
export function customDateFields(book: SalesBook): string[] {
  return [
    ...new Set(
      book.programmes.flatMap((programme) => (programme.anchor.kind === 'customDate' ? [programme.anchor.field, ...(programme.anchor.labels ?? [])] : [])),
    ),
  ];
}

/**
 * Every event the card shows now. A dated event (purchase, birthday, custom date) keeps its day in
 * `data.date` and is stamped `at` that day's midnight UTC: a sortable instant that does not change
 * when the manager's time zone does, so travelling never rewrites events. Stage events carry
 * `now`; `reconcileEvents` keeps the first.
 */
export function deriveEvents({ client, customDateFields: fields, now }: DeriveEventsInput): EventRecord[] {
  const dated = (type: EventType, date: string, facts: Array<string | null>, data: EventRecord['data']): EventRecord | null => {
    const local = parseLocalDate(date);
    if (!local) return null;
    return {
      id: eventId(client.id, type, date, ...facts),
      clientId: client.id,
      type,
      at: epochDay(local) * DAY_MS,
      data: { date, ...data },
      source: 'crm',
      createdAt: now,
    };
  };
  const events: Array<EventRecord | null> = [];

  for (const product of client.products) {
    if (!product.purchasedAt) continue;
    events.push(
      dated('purchase', product.purchasedAt, [idText(product.name)], {
        product: product.name,
        category: product.category,
        ...purchaseMoney(product.amount, client.amount?.currency ?? null),
      }),
    );
  }
  // "Last purchase" without a product still starts the programmes that sell to any buyer.
  const lastPurchase = client.lastSnapshot.lastPurchase;
  if (lastPurchase && !client.products.some((product) => product.purchasedAt === lastPurchase)) {
    events.push(dated('purchase', lastPurchase, [null], { product: null, category: null }));
  }
  if (client.birthday) events.push(dated('birthday', client.birthday, [], {}));
  for (const { field, date } of customDates(client, fields)) {
    events.push(dated('custom-date', date, [idText(field)], { field }));
  }
  events.push(...recordEvents(client, now));
  if (client.stage) {
    events.push(stageEvent(client.id, 'stage-reached', client.stage, now));
    if (isWonStage(client.stage)) events.push(stageEvent(client.id, 'deal-won', client.stage, now));
  }
  return dedupe(events.filter((event): event is EventRecord => event !== null));
}

/**
 * What the client record says beyond the card: the discount granted (its programme counts from
 * the grant and back from its last day) and the churn reason (the programmes the book links to
 * it count from the day it was recorded). They follow the record: cleared, they go.
 */
function recordEvents(client: ClientRecord, now: number): EventRecord[] {
  const events: EventRecord[] = [];
  const { discount, churnReason, churnReasonAt } = client;
  if (discount) {
    events.push({
      id: eventId(client.id, 'discount', discount.grantedAt),
      clientId: client.id,
      type: 'discount',
      at: discount.grantedAt,
      data: { date: null, amount: discount.amount, until: discount.until },
      source: 'crm',
      createdAt: now,
    });
  }
  if (churnReason && churnReasonAt) {
    events.push({
      id: eventId(client.id, 'churn-reason', idText(churnReason), churnReasonAt),
      clientId: client.id,
      type: 'churn-reason',
      at: churnReasonAt,
      data: { date: null, reason: churnReason },
      source: 'crm',
      createdAt: now,
    });
  }
  return events;
}

/** A stage has no date on the card: the event is dated when Touchbook first sees it. */
function stageEvent(clientId: string, type: 'stage-reached' | 'deal-won', stage: string, now: number): EventRecord {
  return {
    id: eventId(clientId, type, idText(stage)),
    clientId,
    type,
    at: now,
    data: { stage },
    source: 'crm',
    createdAt: now,
  };
}

function customDates(client: ClientRecord, fields: readonly string[]): Array<{ field: string; date: string }> {
  if (!fields.length) return [];
  const wanted = fields.map((field) => normalizeLabel(field));
  return client.lastSnapshot.fields.flatMap(({ label, value }) => {
    const field = fields[wanted.indexOf(normalizeLabel(label))];
    const date = field === undefined ? null : readCardDate(value);
    return field !== undefined && date ? [{ field, date }] : [];
  });
}

/** "2025-03-01" or the day-first "01.03.2025" that ru/uk/el CRMs show; "YYYY-MM-DD" or null. */
export function readCardDate(value: string): string | null {
  const text = value.trim();
  if (parseLocalDate(text)) return text;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (!dotted) return null;
  const date = { year: Number(dotted[3]), month: Number(dotted[2]), day: Number(dotted[1]) };
  const iso = formatLocalDate(date);
  return parseLocalDate(iso) ? iso : null;
}

function dedupe(events: EventRecord[]): EventRecord[] {
  return [...new Map(events.map((event) => [event.id, event])).values()];
}

// ---- what to store -----------------------------------------------------------------------------

/**
 * Kinds the card (or the client record) states outright: when it stops showing one, it was a
 * mistake or was cleared, so it goes.
 */
const CARD_FACTS: ReadonlySet<EventType> = new Set(['purchase', 'birthday', 'custom-date', 'discount', 'churn-reason']);

export interface EventChanges {
  put: EventRecord[];
  delete: string[];
}

/**
 * What to write so the stored events match the card. Manager-recorded events are never touched;
 * stage events are history (a deal won stays won even when the card moves on) and keep the
 * moment they were first seen; purchases, birthdays and custom dates follow the card.
 */
export function reconcileEvents(existing: readonly EventRecord[], derived: readonly EventRecord[]): EventChanges {
  const stored = new Map(existing.map((event) => [event.id, event]));
  const seen = new Set(derived.map((event) => event.id));
  const put = derived.filter((event) => {
    const before = stored.get(event.id);
    return !before || (CARD_FACTS.has(event.type) && !sameData(before, event));
  }).map((event) => {
    const before = stored.get(event.id);
    return before ? { ...event, at: before.at, createdAt: before.createdAt } : event;
  });
  const removed = existing
    .filter((event) => event.source === 'crm' && CARD_FACTS.has(event.type) && !seen.has(event.id))
    .map((event) => event.id);
  return { put, delete: removed };
}

function sameData(a: EventRecord, b: EventRecord): boolean {
  const keys = new Set([...Object.keys(a.data), ...Object.keys(b.data)]);
  return [...keys].every((key) => a.data[key] === b.data[key]);
}

/** The events after the changes: what the planner should see. */
export function applyEventChanges(existing: readonly EventRecord[], changes: EventChanges): EventRecord[] {
  const removed = new Set(changes.delete);
  const byId = new Map(existing.filter((event) => !removed.has(event.id)).map((event) => [event.id, event]));
  for (const event of changes.put) byId.set(event.id, event);
  return [...byId.values()];
}

// ---- recorded by the manager -------------------------------------------------------------------

/**
 * "Call me on Thursday at 15:00": the moment the client asked for, as an instant (the caller turns
 * the manager's local input into one with `fromLocal`). The same request recorded twice is one event.
 */
export function callbackRequest(clientId: string, at: number, note: string | null, now: number): EventRecord {
  return {
    id: eventId(clientId, 'callback-requested', at),
    clientId,
    type: 'callback-requested',
    at,
    data: { note, date: null },
    source: 'manager',
    createdAt: now,
  };
}

/**
 * What a purchase came to, as event data: the amount and its currency (the row's own, else the
 * card's). A refund is a negative amount. No amount, no keys: revenue figures skip the purchase
 * but still count it as one.
 */
export function purchaseMoney(amount: { value: number; currency: string | null } | null | undefined, fallbackCurrency: string | null): EventRecord['data'] {
  if (!amount || !Number.isFinite(amount.value)) return {};
  return { amount: amount.value, currency: amount.currency ?? fallbackCurrency };
}

/** A purchase, won deal or other dated fact the manager records by hand (the card lacks it). */
export function managerEvent(
  clientId: string,
  type: Exclude<EventType, 'callback-requested'>,
  at: number,
  data: EventRecord['data'],
  now: number,
  timeZone: string,
): EventRecord {
  const date = typeof data.date === 'string' ? data.date : formatLocalDate(localDateOf(at, timeZone));
  return {
    // A fresh nonce too: two purchases of one product on one day are two purchases, not one.
    id: eventId(clientId, type, date, typeof data.product === 'string' ? idText(data.product) : null, 'manager', crypto.randomUUID()),
    clientId,
    type,
    at,
    data: { ...data, date },
    source: 'manager',
    createdAt: now,
  };
}

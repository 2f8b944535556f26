import type { Programme, SalesBook, Touch, TouchCondition } from '../book/schema';
import { parseMonthDay } from '../book/timing';
import { normalizeLabel } from '../crm/text';
import type { ClientRecord, EventRecord, TouchRecord } from '../db/schema';
import { appliesToClient, conditionHolds, matchesAnyTerm, productMatches } from './matching';
import {
  afterOccurrences,
  type AnchorPoint,
  beforeOccurrences,
  monthEndOccurrences,
  type Occurrence,
  type OccurrenceContext,
  toYearlyWindow,
  windowRuns,
  yearlyDateRuns,
} from './occurrences';
import { holidayDate, nameDayDate } from './holidays';
import { campaignProgramme } from './campaigns';
import { type CountedEvent, countedEvents, firstDayRecentEventsHold, recentEventsHold } from './recent-events';
import { reconcileTouches, type TouchChanges } from './reconcile';
import { type ClientGroups, clientGroups } from './segments';
import {
  atMinutes,
  DAY_MS,
  daysBetween,
  daysInMonth,
  epochDay,
  formatLocalDate,
  fromEpochDay,
  type LocalDate,
  localDateOf,
  parseLocalDate,
  toLocal,
} from './time';
import { afterVacation, nextWorkingSlot, type WorkingTime, workDayStartMinutes } from './working-time';

/**
 * Touch planning: from the sales book, one client and the client's lifecycle events to the touches
 * that client should get, as pure data. Ids are built from what a touch is (client, programme,
 * template, which run), so planning again after any change produces the same ids and
 * `reconcileTouches` can tell what is new, what moved and what is gone.
 */

/** How far ahead touches are written down; later ones appear as time moves on. */
export const PLAN_HORIZON_DAYS = 400;
/** How many future runs of one repeating template or yearly window are written down at most. */
export const MAX_RUNS_PER_TEMPLATE = 24;

export interface PlanInput {
  book: SalesBook;
  client: ClientRecord;
  /** All of the client's events: derived from the card and recorded by the manager. */
  events: readonly EventRecord[];
  now: number;
  timeZone: string;
  working: WorkingTime;
  horizonDays?: number;
}

/**
 * Used when a book has no programme for callbacks: the client's request is a promise, and a
 * book without a callback programme must not make it disappear. The goal is the manager's note.
 */
export const FALLBACK_CALLBACK_PROGRAMME: Programme = {
  id: 'client-callback',
  name: 'Callback',
  priority: 0,
  anchor: { kind: 'callbackRequested' },
  touches: [
    {
      id: 'requested-callback',
      after: 'PT0S',
      goal: '',
      role: { id: 'sales-manager', name: '' },
      channel: 'call',
      script: '',
    },
  ],
};

/** The touches the client should have, each as planned from scratch (no history applied). */
/**
 * The touches the client should have, each as planned from scratch (no history applied). A touch
 * the client's purchases have made pointless (the stage was bought, a newer purchase restarted
 * the chain) comes as `skipped` with the reason, for `reconcileTouches` to close the stored one.
 */
export function planClient(input: PlanInput): TouchRecord[] {
  const context = occurrenceContext(input);
  const groups = clientGroups(input.book.segments, input.client);
  const startedByChurn = churnProgrammeIds(input.book, input.client);
  const running: Array<[Programme, Anchor[]]> = [];
  for (const programme of programmesOf(input.book)) {
    // Started by a churn reason, a programme for some products still needs the client to have one.
    const byChurn = startedByChurn.has(programme.id);
    if (!appliesToClient(programme.appliesTo, input.client, byChurn || programme.anchor.kind !== 'purchase')) continue;
    const anchors = [
      ...anchorsFor(programme, input.events, input.working, input.timeZone),
      ...(byChurn ? churnAnchors(input.events, input.working, input.timeZone) : []),
    ];
    if (anchors.length) running.push([programme, markReplacedChains(programme, anchors, input.events)]);
  }
  const runningIds = new Set(running.map(([programme]) => programme.id));
  const planned = new Map<string, TouchRecord>();
  for (const [programme, anchors] of running) {
    for (const touch of programme.touches) {
      // Another programme knows better for this client (the policy's real expiry date is on the card).
      if (touch.yieldsTo && touch.yieldsTo !== programme.id && runningIds.has(touch.yieldsTo)) continue;
      for (const touchRecord of planTemplate(input, context, groups, programme, touch, anchors)) planned.set(touchRecord.id, touchRecord);
    }
  }
  return [...planned.values()];
}

/** Plans and compares with what is stored: the writes that bring the client up to date. */
export function planTouches(input: PlanInput & { existing: readonly TouchRecord[] }): TouchChanges {
  return reconcileTouches(input.existing, planClient(input), input.now);
}

function programmesOf(book: SalesBook): Programme[] {
  const hasCallbacks = book.programmes.some((programme) => programme.anchor.kind === 'callbackRequested');
  const campaigns = (book.campaigns ?? []).map(campaignProgramme);
  return [...book.programmes, ...(hasCallbacks ? [] : [FALLBACK_CALLBACK_PROGRAMME]), ...campaigns];
}

function occurrenceContext(input: PlanInput): OccurrenceContext {
  const horizonEnd = input.now + (input.horizonDays ?? PLAN_HORIZON_DAYS) * DAY_MS;
  return {
    now: input.now,
    today: localDateOf(input.now, input.timeZone),
    horizonEnd,
    horizonDate: localDateOf(horizonEnd, input.timeZone),
    timeZone: input.timeZone,
    dayStartMinutes: workDayStartMinutes(input.working),
    maxRuns: MAX_RUNS_PER_TEMPLATE,
  };
}

// ---- anchors -----------------------------------------------------------------------------------

interface Anchor extends AnchorPoint {
  date: LocalDate;
  /** The day `before` counts back from: a card date itself, a discount's last day; else null. */
  end: LocalDate | null;
  /** A discount with no last day still gets a reminder, by `after`; nothing else does. */
  isDiscount: boolean;
  /** Wall-clock minutes since 1970, to put anchors in order without a time-zone lookup. */
  order: number;
  /** Why a later anchor took over this one's chain (`newAnchorReplaces`); null while it runs. */
  replacedBecause: string | null;
}

/** The events a programme's clock starts from, oldest first; one event-less anchor for `none`. */
function anchorsFor(programme: Programme, events: readonly EventRecord[], working: WorkingTime, timeZone: string): Anchor[] {
  const { anchor } = programme;
  if (anchor.kind === 'none') return [noAnchor()];
  if (anchor.kind === 'monthEnd') return buysNearMonthEnd(anchor, events, timeZone) ? [noAnchor()] : [];
  const matching = events.filter((event) => {
    switch (anchor.kind) {
      case 'purchase':
        return event.type === 'purchase' && productMatches(programme.appliesTo, productOf(event));
      case 'dealWon':
        return event.type === 'deal-won';
      case 'stageReached':
        return event.type === 'stage-reached' && matchesAnyTerm(text(event.data.stage), [anchor.stage]);
      case 'callbackRequested':
        return event.type === 'callback-requested';
      case 'birthday':
        return event.type === 'birthday';
      case 'customDate':
        return event.type === 'custom-date' && customDateLabels(anchor).includes(normalizeLabel(text(event.data.field) ?? ''));
      case 'discount':
        return event.type === 'discount';
    }
  });
  return matching.map((event) => anchorOf(event, working, timeZone)).sort((a, b) => a.order - b.order);
}

function customDateLabels(anchor: Extract<Programme['anchor'], { kind: 'customDate' }>): string[] {
  return [anchor.field, ...(anchor.labels ?? [])].map(normalizeLabel);
}

/**
 * "Two weeks before the month-end purchase" is for clients who buy at the end of the month: at
 * least so many of their purchases fell in a month's last days. Without that rule, every client.
 */
function buysNearMonthEnd(anchor: Extract<Programme['anchor'], { kind: 'monthEnd' }>, events: readonly EventRecord[], timeZone: string): boolean {
  if (!anchor.buyersNearEnd) return true;
  const { lastDays, atLeast } = anchor.buyersNearEnd;
  const nearEnd = events.filter((event) => {
    if (event.type !== 'purchase') return false;
    const day = eventDate(event, timeZone);
    return daysInMonth(day.year, day.month) - day.day < lastDays;
  });
  return nearEnd.length >= atLeast;
}

/**
 * A programme whose later anchor replaces the earlier chain (`newAnchorReplaces`): every anchor
 * but the latest of its kind (same category or product) is marked with the reason, naming the
 * purchase that took over. The others are returned as they were.
 */
function markReplacedChains(programme: Programme, anchors: readonly Anchor[], events: readonly EventRecord[]): Anchor[] {
  const rule = programme.newAnchorReplaces;
  if (!rule) return [...anchors];
  const byId = new Map(events.map((event) => [event.id, event]));
  const keyOf = (anchor: Anchor) => {
    const event = anchor.eventId ? byId.get(anchor.eventId) : undefined;
    if (event?.type !== 'purchase') return '';
    const { name, category } = productOf(event);
    return idTextOf(rule.per === 'product' ? name : (category ?? name));
  };
  const latest = new Map<string, Anchor>();
  for (const anchor of anchors) latest.set(keyOf(anchor), anchor); // anchors come oldest first
  return anchors.map((anchor) => {
    const newer = latest.get(keyOf(anchor))!;
    if (newer === anchor) return anchor;
    const event = newer.eventId ? byId.get(newer.eventId) : undefined;
    return { ...anchor, replacedBecause: withPurchase(rule.reason, event ? productOf(event) : null, newer.date) };
  });
}

/** "The stage was bought: Clay roof tiles, 2026-03-02": the book's reason and the purchase. */
function withPurchase(reason: string, product: { name: string | null; category: string | null } | null, date: LocalDate): string {
  const what = product?.name ?? product?.category;
  return `${reason.trim()}: ${what ? `${what}, ` : ''}${formatLocalDate(date)}`;
}

function idTextOf(value: string | null): string {
  return value === null ? '' : normalizeLabel(value);
}

function eventDate(event: EventRecord, timeZone: string): LocalDate {
  const date = typeof event.data.date === 'string' ? parseLocalDate(event.data.date) : null;
  return date ?? localDateOf(event.at, timeZone);
}

/**
 * The programmes the book links to the client's churn reason ("too expensive" -> the
 * time-limited discount): they start on the day the reason was recorded, whoever they were for.
 */
function churnProgrammeIds(book: SalesBook, client: ClientRecord): Set<string> {
  const reason = client.churnReason ? book.churnReasons.find((candidate) => candidate.id === client.churnReason) : undefined;
  return new Set(reason?.suggestProgrammeIds ?? []);
}

function churnAnchors(events: readonly EventRecord[], working: WorkingTime, timeZone: string): Anchor[] {
  return events.filter((event) => event.type === 'churn-reason').map((event) => anchorOf(event, working, timeZone));
}

function noAnchor(): Anchor {
  const epoch = { year: 1970, month: 1, day: 1 };
  return { eventId: null, local: { ...epoch, hour: 0, minute: 0, second: 0 }, date: epoch, order: 0, end: null, isDiscount: false, replacedBecause: null };
}

/** A dated event counts from the start of the working day; a timed one from its own minute. */
function anchorOf(event: EventRecord, working: WorkingTime, timeZone: string): Anchor {
  const date = typeof event.data.date === 'string' ? parseLocalDate(event.data.date) : null;
  const start = workDayStartMinutes(working);
  const local = date ? { ...date, hour: Math.floor(start / 60), minute: start % 60, second: 0 } : toLocal(event.at, timeZone);
  const day = { year: local.year, month: local.month, day: local.day };
  const end = event.type === 'discount' ? parseLocalDate(text(event.data.until) ?? '') : event.type === 'custom-date' ? day : null;
  return {
    eventId: event.id,
    local,
    date: day,
    order: epochDay(day) * 1440 + local.hour * 60 + local.minute,
    end,
    isDiscount: event.type === 'discount',
    replacedBecause: null,
  };
}

function productOf(event: EventRecord): { name: string | null; category: string | null } {
  return { name: text(event.data.product), category: text(event.data.category) };
}

function text(value: string | number | null | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

// ---- one template ------------------------------------------------------------------------------

interface Run {
  occurrence: Occurrence;
  anchor: Anchor;
}

function planTemplate(
  input: PlanInput,
  context: OccurrenceContext,
  groups: ClientGroups,
  programme: Programme,
  touch: Touch,
  anchors: Anchor[],
): TouchRecord[] {
  const events = countedEvents(input.events, input.timeZone);
  const holds = (condition: TouchCondition | undefined, { occurrence, anchor }: Run) =>
    conditionHolds(condition, input.client, anchor.eventId ? daysBetween(anchor.date, occurrence.date) : null, groups);
  return runsOf(programme, touch, anchors, context, input).flatMap((planned) => {
    // A replaced chain keeps only the run whose time has come, to close it; its future is gone.
    if (planned.anchor.replacedBecause !== null && planned.occurrence.at > input.now) return [];
    const run = whenCountsReached(touch.condition?.recentEvents, events, planned, context);
    if (!run || !holds(touch.condition, run)) return [];
    const variants = (touch.variants ?? []).filter(
      (variant) => holds(variant.condition, run) && recentEventsHold(variant.condition?.recentEvents ?? [], events, epochDay(run.occurrence.date)),
    );
    const record = touchRecord(input, programme, touch, run, variants.map((variant) => variant.script));
    const closedBecause = run.anchor.replacedBecause ?? boughtAlready(touch, run.anchor, input.events, input.timeZone);
    return [closedBecause === null ? record : { ...record, state: 'skipped' as const, skipReason: closedBecause }];
  });
}

/**
 * The touch offers what the client has bought since the anchor (`closedBy`: the next stage of the
 * object): the reason with the first such purchase, or null. A purchase on the anchor's own day
 * counts (cement and bricks on one invoice); the anchor itself does not.
 */
function boughtAlready(touch: Touch, anchor: Anchor, events: readonly EventRecord[], timeZone: string): string | null {
  const closedBy = touch.closedBy;
  if (!closedBy || !anchor.eventId) return null;
  const anchorDay = epochDay(anchor.date);
  const bought = events
    .filter((event) => event.type === 'purchase' && event.id !== anchor.eventId && epochDay(eventDate(event, timeZone)) >= anchorDay)
    .filter((event) => productMatches(closedBy, productOf(event)))
    .sort((a, b) => epochDay(eventDate(a, timeZone)) - epochDay(eventDate(b, timeZone)) || a.id.localeCompare(b.id))[0];
  return bought ? withPurchase(closedBy.reason, productOf(bought), eventDate(bought, timeZone)) : null;
}

/**
 * A run whose event counts are reached later than its own date moves to the day they are
 * reached, within its own chance (a closed window stays closed) and the horizon; null when the
 * known events do not reach them.
 */
function whenCountsReached(rules: TouchCondition['recentEvents'], events: readonly CountedEvent[], run: Run, context: OccurrenceContext): Run | null {
  if (!rules?.length) return run;
  const planned = epochDay(run.occurrence.date);
  const day = firstDayRecentEventsHold(rules, events, planned);
  if (day === null) return null;
  if (day === planned) return run;
  const date = fromEpochDay(day);
  const at = atMinutes(date, context.dayStartMinutes, context.timeZone);
  if (at > context.horizonEnd || (run.occurrence.expiresAt !== null && at >= run.occurrence.expiresAt)) return null;
  return { ...run, occurrence: { ...run.occurrence, at, date } };
}

/**
 * "after" and anniversaries run once per anchor event. A season window or a fixed date runs once
 * a year whatever the number of events (two tyre purchases are still one spring), counted from
 * the latest event.
 */
function runsOf(programme: Programme, touch: Touch, anchors: Anchor[], context: OccurrenceContext, input: PlanInput): Run[] {
  if (programme.anchor.kind === 'monthEnd') {
    const anchor = anchors[0];
    return touch.before && anchor ? monthEndOccurrences(touch.before, context).map((occurrence) => ({ occurrence, anchor })) : [];
  }
  const holiday = touch.annual?.holiday;
  if (holiday || touch.annual?.nameDay) {
    const latest = anchors[anchors.length - 1];
    if (!latest) return [];
    // A holiday is wished before the day off; a name day, like a birthday, never early.
    const occurrences = holiday
      ? yearlyDateRuns((year) => holidayDate(holiday, year), context, { offsetDays: touch.annual?.offsetDays ?? 0, workingDays: input.working.workingDays })
      : yearlyDateRuns((year) => nameDayDate(input.client.firstName, year), context);
    return occurrences.map((occurrence) => ({ occurrence, anchor: latest }));
  }
  if (touch.before) {
    return anchors.flatMap((anchor) => {
      if (anchor.end) return beforeOccurrences(touch.before!, anchor, anchor.end, context).map((occurrence) => ({ occurrence, anchor }));
      // A churn reason that started the programme has no date to count back from: nothing to remind of.
      return touch.after && anchor.isDiscount ? afterOccurrences(touch, anchor, context).map((occurrence) => ({ occurrence, anchor })) : [];
    });
  }
  if (touch.after) {
    return anchors.flatMap((anchor) => afterOccurrences(touch, anchor, context).map((occurrence) => ({ occurrence, anchor })));
  }
  if (touch.annual?.anchorDate) {
    return anchors.flatMap((anchor) => {
      if (!anchor.eventId) return [];
      const day = { month: anchor.date.month, day: anchor.date.day };
      return windowRuns({ from: day, to: day }, `${anchor.eventId}@`, context, anchor.date).map((occurrence) => ({ occurrence, anchor }));
    });
  }
  const window = touch.window ? toYearlyWindow(touch.window) : annualWindow(touch.annual?.date);
  const latest = anchors[anchors.length - 1];
  if (!window || !latest) return [];
  return windowRuns(window, '', context).map((occurrence) => ({ occurrence, anchor: latest }));
}

function annualWindow(date: string | undefined) {
  const day = date ? parseMonthDay(date) : null;
  return day ? { from: day, to: day } : null;
}

function touchRecord(input: PlanInput, programme: Programme, touch: Touch, { occurrence, anchor }: Run, scriptVariants: string[]): TouchRecord {
  const dueAt = scheduleAt(occurrence.at, programme, input);
  return {
    id: touchId(input.client.id, programme.id, touch.id, occurrence.key),
    clientId: input.client.id,
    programmeId: programme.id,
    templateId: touch.id,
    state: dueAt <= input.now ? 'due' : 'planned',
    dueAt,
    goal: goalOf(touch, programme, anchor, input.events),
    role: touch.role.name,
    channel: touch.channel,
    script: touch.script,
    ...(touch.variants?.length ? { scriptVariants } : {}),
    outcome: null,
    note: null,
    updatedAt: input.now,
    programmeName: programme.name,
    priority: programme.priority,
    roleId: touch.role.id,
    anchorEventId: anchor.eventId,
    occurrence: occurrence.key,
    source: 'plan',
    // A run pushed past its own end by a vacation still gets a day to be acted on.
    expiresAt: occurrence.expiresAt === null ? null : Math.max(occurrence.expiresAt, dueAt + DAY_MS),
    snoozedUntil: null,
    outcomeAt: null,
    skipReason: null,
    createdAt: input.now,
  };
}

export function touchId(clientId: string, programmeId: string, templateId: string, occurrence: string): string {
  return `${clientId}:${programmeId}:${templateId}:${occurrence}`;
}

/** The time the client chose (a callback) is kept; everything else waits for working hours. */
function scheduleAt(at: number, programme: Programme, input: PlanInput): number {
  return programme.anchor.kind === 'callbackRequested'
    ? afterVacation(at, input.timeZone, input.working)
    : nextWorkingSlot(at, input.timeZone, input.working);
}

/** The fallback callback programme has no words of its own: the manager's note is the goal. */
function goalOf(touch: Touch, programme: Programme, anchor: Anchor, events: readonly EventRecord[]): string {
  if (programme !== FALLBACK_CALLBACK_PROGRAMME) return touch.goal;
  return text(events.find((event) => event.id === anchor.eventId)?.data.note) ?? '';
}

import { foldCase } from '../crm/text';
import { ObjectionSchema, type Objection } from '../book/schema';
import type { ClientOutcome, DayDoc } from './docs';

/**
 * The lead's view of the team: each manager's days in a period added up, side by side, and the
 * team's unanswered objections ranked by how often they were heard. Pure: the page passes the
 * validated documents and the period.
 */

export interface PeriodRange {
  from: string;
  to: string;
}

export interface CurrencyShare {
  currency: string;
  total: number;
  repeat: number;
  /** Repeat revenue over revenue, 0..1; null without revenue. */
  share: number | null;
}

export interface ManagerRow {
  managerId: string;
  managerName: string;
  /** Days in the period the manager sent. */
  days: number;
  lastDay: string;
  done: number;
  /** Every touch that fell due in the period, whatever became of it. */
  due: number;
  overdue: number;
  /** Per currency, the biggest first. */
  repeat: CurrencyShare[];
  /** From the latest day: the TOP-50 against the 30 days before; null when the policy keeps it home. */
  top: Array<{ currency: string; size: number; entered: number; dropped: number }> | null;
  /** From the latest day: the month's plan per currency. */
  plans: DayDoc['plans'];
}

export interface TeamObjection {
  text: string;
  count: number;
  managers: number;
}

/** One client of a shared client base: every outcome the team's managers recorded in the period. */
export interface SharedClientRow {
  /** `origin|recordId`, the key the team shares for the client. */
  record: string;
  touches: number;
  /** Managers who touched the client in the period: more than one is worth the lead's look. */
  managers: Array<{ managerId: string; managerName: string }>;
  last: { managerId: string; managerName: string; outcome: ClientOutcome['outcome']; at: number };
}

export interface TeamView {
  managers: ManagerRow[];
  objections: TeamObjection[];
  /** Null when no manager's policy shares client outcomes (the team did not decide to). */
  sharedClients: SharedClientRow[] | null;
}

export function teamView(docs: readonly DayDoc[], range: PeriodRange): TeamView {
  const byManager = new Map<string, DayDoc[]>();
  for (const doc of docs) {
    if (doc.day < range.from || doc.day > range.to) continue;
    const list = byManager.get(doc.managerId);
    if (list) list.push(doc);
    else byManager.set(doc.managerId, [doc]);
  }
  const managers = [...byManager.values()].map((list) => managerRow(list.sort((a, b) => (a.day < b.day ? -1 : 1))));
  managers.sort((a, b) => a.managerName.localeCompare(b.managerName) || a.managerId.localeCompare(b.managerId));
  const inRange = [...byManager.values()].flat();
  return { managers, objections: rankObjections(inRange), sharedClients: sharedClients(inRange) };
}

/**
 * Per client record, the outcomes the managers sent (only from managers whose policy shares
 * them): the clients touched by most managers first, then the most recently touched.
 */
function sharedClients(docs: readonly DayDoc[]): SharedClientRow[] | null {
  if (!docs.some((doc) => doc.clientOutcomes !== null)) return null;
  const byRecord = new Map<string, { touches: number; managers: Map<string, string>; last: SharedClientRow['last'] }>();
  for (const doc of docs) {
    const managerName = doc.managerName || doc.managerId;
    for (const item of doc.clientOutcomes ?? []) {
      const last = { managerId: doc.managerId, managerName, outcome: item.outcome, at: item.at };
      const entry = byRecord.get(item.record);
      if (!entry) {
        byRecord.set(item.record, { touches: 1, managers: new Map([[doc.managerId, managerName]]), last });
        continue;
      }
      entry.touches += 1;
      entry.managers.set(doc.managerId, managerName);
      if (item.at >= entry.last.at) entry.last = last;
    }
  }
  return [...byRecord]
    .map(([record, entry]) => ({ record, touches: entry.touches, managers: [...entry.managers].map(([managerId, managerName]) => ({ managerId, managerName })), last: entry.last }))
    .sort((a, b) => b.managers.length - a.managers.length || b.last.at - a.last.at || a.record.localeCompare(b.record));
}

function managerRow(days: readonly DayDoc[]): ManagerRow {
  const last = days[days.length - 1]!;
  let done = 0;
  let due = 0;
  let overdue = 0;
  const money = new Map<string, { total: number; repeat: number }>();
  for (const day of days) {
    const touches = day.touches;
    done += touches.done;
    overdue += touches.overdue;
    due += touches.done + touches.open + touches.overdue + touches.skipped + touches.missed;
    for (const [currency, value] of Object.entries(day.revenue.byCurrency)) {
      const sum = money.get(currency) ?? { total: 0, repeat: 0 };
      sum.total += value.total;
      sum.repeat += value.repeat;
      money.set(currency, sum);
    }
  }
  return {
    managerId: last.managerId,
    managerName: last.managerName || last.managerId,
    days: days.length,
    lastDay: last.day,
    done,
    due,
    overdue,
    repeat: [...money]
      .map(([currency, value]) => ({ currency, total: round(value.total), repeat: round(value.repeat), share: value.total > 0 ? Math.max(0, value.repeat) / value.total : null }))
      .sort((a, b) => b.total - a.total || a.currency.localeCompare(b.currency)),
    top: last.top?.map((list) => ({ currency: list.currency, size: list.ids.length, entered: list.entered, dropped: list.dropped })) ?? null,
    plans: last.plans,
  };
}

/**
 * The same words (case, accents, spacing and punctuation aside) are one objection. It is shown in
 * its latest wording; on the same day, the wording heard more, then the first in collation order,
 * so the lead sees the same text whatever order the managers' documents arrive in.
 */
function rankObjections(docs: readonly DayDoc[]): TeamObjection[] {
  const byKey = new Map<string, { text: string; textDay: string; textCount: number; count: number; managers: Set<string> }>();
  for (const doc of docs) {
    for (const objection of doc.objections) {
      const key = objectionKey(objection.text);
      if (!key) continue;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { text: objection.text, textDay: doc.day, textCount: objection.count, count: 0, managers: new Set() }));
      entry.count += objection.count;
      entry.managers.add(doc.managerId);
      if (wordingWins(doc.day, objection, entry)) {
        entry.text = objection.text;
        entry.textDay = doc.day;
        entry.textCount = objection.count;
      }
    }
  }
  return [...byKey.values()]
    .sort((a, b) => b.count - a.count || b.managers.size - a.managers.size || a.text.localeCompare(b.text))
    .map((entry) => ({ text: entry.text, count: entry.count, managers: entry.managers.size }));
}

function wordingWins(day: string, candidate: { text: string; count: number }, shown: { text: string; textDay: string; textCount: number }): boolean {
  if (day !== shown.textDay) return day > shown.textDay;
  if (candidate.count !== shown.textCount) return candidate.count > shown.textCount;
  return candidate.text.localeCompare(shown.text) < 0;
}

export function objectionKey(text: string): string {
  return foldCase(text).replace(/[\s\p{P}]+/gu, ' ').trim();
}

/**
 * A sales-book objection entry for an unanswered objection, for the lead to paste into the book's
 * `objections` list and finish: the category and the answer are theirs to write. It is a valid
 * entry as it stands (checked with the book's own schema), so the book still validates after the
 * paste; the placeholder answer says it is one.
 */
export function objectionDraft(text: string, placeholderAnswer: string): Objection {
  const draft = {
    id: `team-${hash(objectionKey(text))}`,
    category: 'other' as const,
    phrasings: [text.trim().slice(0, 300)],
    responses: [{ text: placeholderAnswer }],
  };
  return ObjectionSchema.parse(draft);
}

/** FNV-1a, 32 bits, base 36: the same objection always gets the same draft id. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (const char of text) {
    value ^= char.codePointAt(0)!;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(36);
}

/** The period's days from the presets the page offers. */
export function periodRange(preset: '7' | '30' | 'month', today: string): PeriodRange {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  if (preset === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  const back = new Date(Date.UTC(year, month - 1, day - (preset === '7' ? 6 : 29))).toISOString().slice(0, 10);
  return { from: back, to: today };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

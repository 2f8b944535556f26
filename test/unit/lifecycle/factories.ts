/**
 * Factories for lifecycle, reminder and touch-query tests: complete objects with overrides, and
 * a tiny sales book so a test spells out only the programme it is about.
 */
import type { Programme, SalesBook, Touch } from '../../../lib/book/schema';
import type { EventRecord, TouchRecord } from '../../../lib/db/schema';
import { fromLocal } from '../../../lib/lifecycle/time';
import { DEFAULT_WORKING_TIME, type WorkingTime } from '../../../lib/lifecycle/working-time';

export const KYIV = 'Europe/Kyiv';
export const NEW_YORK = 'America/New_York';

/** An instant given as local wall-clock time: at('2025-03-30 10:00', KYIV). */
export function at(local: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(local);
  if (!match) throw new Error(`bad local time ${local}`);
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0));
  return fromLocal({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 }, timeZone);
}

/** Every day of the week, all day: no shifting, for tests about something else. */
export const ALWAYS: WorkingTime = { workingDays: [], workDayStart: '00:00', workDayEnd: '23:59', vacation: null };
export const OFFICE: WorkingTime = DEFAULT_WORKING_TIME;

export function makeTouchTemplate(overrides: Partial<Touch> = {}): Touch {
  return {
    id: 'follow-up',
    goal: 'Follow up',
    role: { id: 'sales-manager', name: 'Sales manager' },
    channel: 'call',
    script: 'Hello {{client.firstName}}',
    ...overrides,
  };
}

export function makeProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: 'after-purchase',
    name: 'After the purchase',
    priority: 10,
    anchor: { kind: 'purchase' },
    touches: [makeTouchTemplate({ after: 'P7D' })],
    ...overrides,
  };
}

export function makeBook(programmes: Programme[], overrides: Partial<SalesBook> = {}): SalesBook {
  return {
    schema: 1,
    id: 'test-book',
    title: 'Test book',
    version: '1',
    language: 'en',
    updatedAt: '2025-01-01T00:00:00Z',
    author: 'Tests',
    programmes,
    crossSell: [],
    questionnaires: [],
    objections: [],
    sections: [],
    churnReasons: [],
    buyerTypes: [],
    loyaltyIdeas: [],
    promotionIdeas: [],
    segments: [],
    campaigns: [],
    fieldMappings: {},
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 'purchase-1',
    clientId: 'client-1',
    type: 'purchase',
    at: 0,
    data: { date: '2025-01-10', product: 'Widget', category: 'Hardware' },
    source: 'crm',
    createdAt: 0,
    ...overrides,
  };
}

export function makeTouch(overrides: Partial<TouchRecord> = {}): TouchRecord {
  return {
    id: 'client-1:after-purchase:follow-up:purchase-1',
    clientId: 'client-1',
    programmeId: 'after-purchase',
    templateId: 'follow-up',
    state: 'planned',
    dueAt: 1_000_000,
    goal: 'Follow up',
    role: 'Sales manager',
    channel: 'call',
    script: 'Hello',
    outcome: null,
    note: null,
    updatedAt: 0,
    programmeName: 'After the purchase',
    priority: 10,
    roleId: 'sales-manager',
    anchorEventId: 'purchase-1',
    occurrence: 'purchase-1',
    source: 'plan',
    expiresAt: null,
    snoozedUntil: null,
    outcomeAt: null,
    skipReason: null,
    createdAt: 0,
    ...overrides,
  };
}

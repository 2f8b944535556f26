import type { EventRecord, TouchRecord, UnmatchedObjectionRecord } from '../../../lib/db/schema';
import type { DayContext } from '../../../lib/team/aggregate';
import type { DayDocBody } from '../../../lib/team/docs';
import { makeTouch as makeLifecycleTouch } from '../lifecycle/factories';

/** 12:00 UTC on an ISO day: the same local day in Europe/Kyiv and Europe/Athens. */
export const noon = (day: string) => Date.parse(`${day}T12:00:00Z`);

export function makePurchase(overrides: Partial<EventRecord> & { day?: string; amount?: number | null; currency?: string | null } = {}): EventRecord {
  const { day = '2026-03-10', amount = 100, currency = 'EUR', ...rest } = overrides;
  return {
    id: `p-${Math.random().toString(36).slice(2)}`,
    clientId: 'client-1',
    type: 'purchase',
    at: noon(day),
    data: { product: 'Tyres', date: day, amount, currency },
    source: 'crm',
    createdAt: noon(day),
    ...rest,
  };
}

/** A touch of the durable-goods programme on 10 March, over the lifecycle tests' touch. */
export function makeTouch(overrides: Partial<TouchRecord> = {}): TouchRecord {
  return makeLifecycleTouch({
    id: `t-${Math.random().toString(36).slice(2)}`,
    programmeId: 'durable',
    templateId: 'call',
    dueAt: noon('2026-03-10'),
    goal: 'Call',
    role: 'Manager',
    updatedAt: 0,
    programmeName: 'Durable goods',
    priority: 0,
    roleId: 'manager',
    anchorEventId: null,
    occurrence: '',
    ...overrides,
  });
}

export function makeObjection(overrides: Partial<UnmatchedObjectionRecord> = {}): UnmatchedObjectionRecord {
  return { id: `o-${Math.random().toString(36).slice(2)}`, text: 'Too expensive for us', clientId: 'client-1', bookId: 'book', createdAt: noon('2026-03-10'), ...overrides };
}

export function makeContext(overrides: Partial<DayContext> = {}): DayContext {
  return {
    managerId: 'anna',
    managerName: 'Anna K.',
    timeZone: 'Europe/Kyiv',
    growthPercent: 10,
    policy: { topClients: false, clientOutcomes: false },
    now: Date.parse('2026-03-12T09:00:00Z'),
    ...overrides,
  };
}

export function makeDayBody(overrides: Partial<DayDocBody> = {}): DayDocBody {
  return {
    type: 'touchbook/day',
    schema: 1,
    managerId: 'anna',
    managerName: 'Anna K.',
    day: '2026-03-10',
    timeZone: 'Europe/Kyiv',
    touches: { done: 2, open: 0, overdue: 1, skipped: 0, missed: 0 },
    revenue: { purchases: 1, repeatPurchases: 1, clients: 1, repeatClients: 1, byCurrency: { EUR: { total: 100, repeat: 100 } } },
    plans: [],
    top: null,
    objections: [],
    clientOutcomes: null,
    updatedAt: 1,
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import type { RecentEvents } from '../../../lib/book/schema';
import type { ClientRecord, EventRecord, TouchRecord } from '../../../lib/db/schema';
import { applyEventChanges, deriveEvents, reconcileEvents } from '../../../lib/lifecycle/events';
import { planTouches } from '../../../lib/lifecycle/plan';
import { type CountedEvent, firstDayRecentEventsHold, recentEventsHold } from '../../../lib/lifecycle/recent-events';
import { epochDay, formatLocalDate, parseLocalDate, toLocal } from '../../../lib/lifecycle/time';
import { makeClient } from '../factories';
import { at, KYIV, OFFICE } from './factories';

const day = (date: string): number => epochDay(parseLocalDate(date)!);
const purchase = (date: string, product: string, category: string | null = null): CountedEvent => ({ type: 'purchase', day: day(date), product, category });
const SERVICE: RecentEvents = { kind: 'purchase', categories: ['service'], products: ['service', 'repair'], atLeast: 2, withinDays: 92 };

describe('recentEventsHold', () => {
  const visits = [purchase('2026-01-10', 'Oil change', 'Service'), purchase('2026-03-01', 'Brake repair'), purchase('2026-03-05', 'Roof rack', 'Accessories')];

  it('counts only matching events within the window that ends on the day', () => {
    expect(recentEventsHold([SERVICE], visits, day('2026-03-01'))).toBe(true);
    expect(recentEventsHold([SERVICE], visits, day('2026-04-11'))).toBe(true); // 2026-01-10 is the 92nd day back
    expect(recentEventsHold([SERVICE], visits, day('2026-04-12'))).toBe(false);
    expect(recentEventsHold([SERVICE], visits, day('2026-02-28'))).toBe(false); // the second visit has not happened yet
  });

  it('does not count other purchases or other kinds of events', () => {
    const noise: CountedEvent[] = [purchase('2026-03-01', 'Roof rack', 'Accessories'), { type: 'deal-won', day: day('2026-03-02'), product: 'Service plan', category: 'Service' }];
    expect(recentEventsHold([SERVICE], [visits[0]!, ...noise], day('2026-03-05'))).toBe(false);
  });

  it('needs every rule to hold', () => {
    const callbacks: RecentEvents = { kind: 'callbackRequested', atLeast: 1, withinDays: 30 };
    expect(recentEventsHold([SERVICE, callbacks], visits, day('2026-03-05'))).toBe(false);
    const withCallback = [...visits, { type: 'callback-requested' as const, day: day('2026-03-04'), product: null, category: null }];
    expect(recentEventsHold([SERVICE, callbacks], withCallback, day('2026-03-05'))).toBe(true);
  });
});

describe('firstDayRecentEventsHold', () => {
  it('keeps the day when the counts are already reached, moves to the day they are reached, or gives null', () => {
    const visits = [purchase('2026-01-10', 'Oil change', 'Service'), purchase('2026-05-20', 'Tyre repair'), purchase('2026-06-02', 'Service 60,000 km')];
    expect(firstDayRecentEventsHold([SERVICE], visits, day('2026-02-01'))).toBe(day('2026-05-20') + 13); // two within 92 days first on 2 June
    expect(firstDayRecentEventsHold([SERVICE], visits, day('2026-06-10'))).toBe(day('2026-06-10'));
    expect(firstDayRecentEventsHold([SERVICE], visits.slice(0, 1), day('2026-02-01'))).toBeNull();
    expect(firstDayRecentEventsHold([], [], day('2026-02-01'))).toBe(day('2026-02-01'));
  });
});

/** A car bought on 2025-03-02 plus the given purchases, planned with the default book in `language`. */
function durablePlan(language: 'en' | 'ru' | 'uk' | 'el', extra: ClientRecord['products'], now: number): TouchRecord[] {
  const client = makeClient({ birthday: null, tags: [], products: [{ name: 'Skoda Octavia', category: carCategory[language], purchasedAt: '2025-03-02' }, ...extra] });
  const events: EventRecord[] = applyEventChanges([], reconcileEvents([], deriveEvents({ client, customDateFields: [], now })));
  return planTouches({ book: defaultBookFor(language), client, events, now, timeZone: KYIV, working: OFFICE, existing: [] }).put;
}

const carCategory = { en: 'Car', ru: 'Автомобиль', uk: 'Автомобіль', el: 'Αυτοκίνητο' } as const;
const serviceVisit = { en: ['Service 30,000 km', 'Service'], ru: ['ТО-2', 'Сервис'], uk: ['ТО-2', 'Сервіс'], el: ['Σέρβις 30.000 km', 'Σέρβις'] } as const;

describe('the trade-in offer in every default book', () => {
  for (const language of ['en', 'ru', 'uk', 'el'] as const) {
    const [product, category] = serviceVisit[language];
    const visit = (purchasedAt: string) => ({ name: product, category, purchasedAt });
    const tradeIn = (touches: TouchRecord[]) => touches.filter((touch) => touch.templateId === 'trade-in-offer');

    it(`${language}: carries the condition of two or more service visits in the last three months`, () => {
      const touch = defaultBookFor(language).programmes.flatMap((programme) => programme.touches).find((candidate) => candidate.id === 'trade-in-offer');
      expect(touch?.condition?.recentEvents).toEqual([expect.objectContaining({ kind: 'purchase', atLeast: 2, withinDays: 92 })]);
    });

    it(`${language}: no trade-in call for a client without service visits`, () => {
      expect(tradeIn(durablePlan(language, [], at('2025-06-10 12:00', KYIV)))).toEqual([]);
    });

    it(`${language}: one service visit in three months is not frequent`, () => {
      expect(tradeIn(durablePlan(language, [visit('2026-02-20')], at('2026-03-01 12:00', KYIV)))).toEqual([]);
    });

    it(`${language}: two visits before the 13th month: the call comes on its date, anchored on the car`, () => {
      const touches = durablePlan(language, [visit('2026-02-10'), visit('2026-03-20')], at('2026-03-25 12:00', KYIV));
      const [touch] = tradeIn(touches);
      expect(touch && formatLocalDate(toLocal(touch.dueAt, KYIV))).toBe('2026-04-02');
      // Anchored on the car's purchase, as the first-year chain is, not on a service visit.
      const insurance = touches.find((candidate) => candidate.templateId === 'insurance-renewal');
      expect(insurance && formatLocalDate(toLocal(insurance.dueAt, KYIV))).toBe('2026-03-02');
      expect(touch?.anchorEventId).toBe(insurance?.anchorEventId);
    });

    it(`${language}: the second visit after the 13th month moves the call to that day`, () => {
      const [touch] = tradeIn(durablePlan(language, [visit('2026-03-15'), visit('2026-05-06')], at('2026-05-07 12:00', KYIV)));
      expect(touch && formatLocalDate(toLocal(touch.dueAt, KYIV))).toBe('2026-05-06');
    });
  }
});

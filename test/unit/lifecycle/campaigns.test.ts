import { describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import { SalesBook, type Campaign } from '../../../lib/book/schema';
import type { ClientRecord, EventRecord, TouchRecord } from '../../../lib/db/schema';
import { applyEventChanges, deriveEvents, reconcileEvents } from '../../../lib/lifecycle/events';
import { campaignProgrammeId } from '../../../lib/lifecycle/campaigns';
import { planTouches } from '../../../lib/lifecycle/plan';
import { formatLocalDate, toLocal } from '../../../lib/lifecycle/time';
import { makeClient } from '../factories';
import { at, KYIV, makeBook, OFFICE } from './factories';

function planned(book: SalesBook, client: ClientRecord, now: number): TouchRecord[] {
  const events: EventRecord[] = applyEventChanges([], reconcileEvents([], deriveEvents({ client, customDateFields: [], now })));
  return planTouches({ book, client, events, now, timeZone: KYIV, working: OFFICE, existing: [] }).put;
}
const days = (touches: readonly TouchRecord[]) => touches.map((touch) => formatLocalDate(toLocal(touch.dueAt, KYIV))).sort();

const SPRING_LAUNCH: Campaign = {
  id: 'spring-launch',
  name: 'New model launch',
  window: { from: '03-10', to: '03-31', year: 2026 },
  audience: { categories: ['car'] },
  goal: 'Tell car owners about the new model',
  role: { id: 'sales-manager', name: 'Sales manager' },
  channel: 'email',
  script: 'Hello {{client.firstName}}',
};
const carOwner = makeClient({ birthday: null, tags: [], products: [{ name: 'Skoda Octavia', category: 'Car', purchasedAt: '2024-05-01' }] });

describe('campaigns', () => {
  it('plan one touch on the window\'s first day for the audience only, expiring when it closes', () => {
    const book = makeBook([], { campaigns: [{ ...SPRING_LAUNCH, window: { from: '03-10', to: '03-31' } }] });
    const touches = planned(book, carOwner, at('2026-01-10 12:00', KYIV));
    expect(touches.map((touch) => touch.programmeId)).toEqual([campaignProgrammeId(SPRING_LAUNCH)]);
    expect(days(touches)).toEqual(['2026-03-10']);
    expect(touches[0]).toMatchObject({ programmeName: 'New model launch', goal: 'Tell car owners about the new model', channel: 'email' });
    expect(touches[0]!.expiresAt).toBe(at('2026-04-01 00:00', KYIV));

    const toner = makeClient({ birthday: null, tags: [], products: [{ name: 'Toner', category: 'Consumables', purchasedAt: '2025-11-01' }] });
    expect(planned(book, toner, at('2026-01-10 12:00', KYIV))).toEqual([]);
  });

  it('a one-off window runs in its year only', () => {
    const book = makeBook([], { campaigns: [SPRING_LAUNCH] });
    expect(days(planned(book, carOwner, at('2026-01-10 12:00', KYIV)))).toEqual(['2026-03-10']);
    expect(planned(book, carOwner, at('2026-04-02 12:00', KYIV))).toEqual([]); // over, and not again in 2027
    expect(planned(book, carOwner, at('2025-01-10 12:00', KYIV))).toEqual([]); // not yet: it opens in 2026, beyond the horizon
  });

  it('the book validates a campaign\'s window and audience', () => {
    const base = { ...defaultBookFor('en') };
    expect(SalesBook.safeParse({ ...base, campaigns: [{ ...SPRING_LAUNCH, window: { from: '13-01', to: '03-31' } }] }).success).toBe(false);
    expect(SalesBook.safeParse({ ...base, campaigns: [{ ...SPRING_LAUNCH, window: { from: '03-10', to: '03-31', year: 1999 } }] }).success).toBe(false);
    expect(SalesBook.safeParse({ ...base, campaigns: [{ ...SPRING_LAUNCH, audience: { colour: ['red'] } }] }).success).toBe(false);
    expect(SalesBook.safeParse({ ...base, campaigns: [SPRING_LAUNCH] }).success).toBe(true);
  });
});

describe('the year-end restock campaign in every default book', () => {
  const consumables = { en: 'Consumables', ru: 'Расходные материалы', uk: 'Витратні матеріали', el: 'Αναλώσιμα' } as const;
  for (const language of ['en', 'ru', 'uk', 'el'] as const) {
    it(`${language}: consumables clients get the call from 20 November, others do not`, () => {
      const book = defaultBookFor(language);
      const buyer = makeClient({ birthday: null, tags: [], products: [{ name: 'Toner TN-2420', category: consumables[language], purchasedAt: '2026-10-01' }] });
      const restock = planned(book, buyer, at('2026-11-01 12:00', KYIV)).filter((touch) => touch.programmeId === 'campaign.year-end-restock');
      // This year's on its first day (a Friday); next year's moves off the weekend, within the window.
      expect(days(restock)).toEqual(['2026-11-20', '2027-11-22']);
      expect(restock[0]!.script).toContain('{{client.firstName}}');
      const other = planned(book, carOwner, at('2026-11-01 12:00', KYIV));
      expect(other.some((touch) => touch.programmeId === 'campaign.year-end-restock')).toBe(false);
    });
  }
});

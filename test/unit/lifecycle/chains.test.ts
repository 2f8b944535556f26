import { describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import type { SalesBook } from '../../../lib/book/schema';
import type { ClientRecord, TouchRecord } from '../../../lib/db/schema';
import { applyEventChanges, customDateFields, deriveEvents, reconcileEvents } from '../../../lib/lifecycle/events';
import { planTouches } from '../../../lib/lifecycle/plan';
import type { TouchChanges } from '../../../lib/lifecycle/reconcile';
import { complete } from '../../../lib/lifecycle/states';
import { formatLocalDate, toLocal } from '../../../lib/lifecycle/time';
import type { WorkingTime } from '../../../lib/lifecycle/working-time';
import { makeClient, makeSnapshot } from '../factories';
import { at, KYIV, makeBook, makeProgramme, makeTouchTemplate } from './factories';

/**
 * Chains that know what the client bought (a repeat purchase restarts the reminders, a stage
 * bought closes its call) and touches that count back from a date (a policy's or a contract's
 * end read from the card, the end of the month).
 */

const ANY_DAY: WorkingTime = { workingDays: [], workDayStart: '09:00', workDayEnd: '18:00', vacation: null };
const LANGUAGES = ['en', 'ru', 'uk', 'el'] as const;

type Product = ClientRecord['products'][number];

function client(products: Product[], fields: Array<{ label: string; value: string }> = []): ClientRecord {
  const snapshot = makeSnapshot();
  return makeClient({ birthday: null, tags: [], stage: null, products, lastSnapshot: { ...snapshot, fields: [...snapshot.fields, ...fields] } });
}

/** The card's events (custom dates the book names included), then the plan against what is stored. */
function plan(book: SalesBook, person: ClientRecord, now: number, existing: TouchRecord[] = []): TouchChanges {
  const events = applyEventChanges([], reconcileEvents([], deriveEvents({ client: person, customDateFields: customDateFields(book), now })));
  return planTouches({ book, client: person, events, now, timeZone: KYIV, working: ANY_DAY, existing });
}

function apply(existing: readonly TouchRecord[], changes: TouchChanges): TouchRecord[] {
  const byId = new Map(existing.map((touch) => [touch.id, touch]));
  for (const id of changes.delete) byId.delete(id);
  for (const touch of changes.put) byId.set(touch.id, touch);
  return [...byId.values()];
}

/** "templateId date state" by due time. */
function summary(touches: readonly TouchRecord[]): string[] {
  return [...touches]
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
    .map((touch) => `${touch.templateId} ${formatLocalDate(toLocal(touch.dueAt, KYIV))} ${touch.state}`);
}

const of = (touches: readonly TouchRecord[], programmeId: string) => touches.filter((touch) => touch.programmeId === programmeId);
const open = (touches: readonly TouchRecord[]) => touches.filter((touch) => touch.state === 'planned' || touch.state === 'due' || touch.state === 'snoozed');

/** The consumables category as each default book's CRM would write it. */
const CONSUMABLES: Record<(typeof LANGUAGES)[number], { category: string; other: string }> = {
  en: { category: 'Consumables', other: 'Filters' },
  ru: { category: 'Расходные материалы', other: 'Фильтры' },
  uk: { category: 'Витратні матеріали', other: 'Фільтри' },
  el: { category: 'Αναλώσιμα', other: 'Φίλτρα' },
};

describe('a repeat purchase of consumables replaces the earlier chain', () => {
  const now = at('2025-11-20 12:00', KYIV);

  for (const language of LANGUAGES) {
    it(`${language}: two purchases of one category, one chain counted from the later; another category keeps its own`, () => {
      const { category, other } = CONSUMABLES[language];
      const buyer = client([
        { name: 'Toner TN-2420', category, purchasedAt: '2025-06-11' },
        { name: 'A4 paper', category, purchasedAt: '2025-10-03' },
        { name: 'Water filter', category: other, purchasedAt: '2025-08-05' },
      ]);
      const { put } = plan(defaultBookFor(language), buyer, now);
      const consumables = of(put, 'consumables');
      // One due reminder per category: the paper's chain (from 3 October) and the filter's.
      expect(consumables.filter((touch) => touch.state === 'due').map((touch) => formatLocalDate(toLocal(touch.dueAt, KYIV)))).toEqual(['2025-10-05']);
      const firsts = summary(consumables).filter((line) => line.startsWith('replenishment')).slice(0, 3);
      expect(firsts).toEqual(['replenishment 2025-10-05 due', 'replenishment 2025-12-03 planned', 'replenishment 2025-12-05 planned']);
      // No run of the toner's chain (11 June, 11 August, 11 October...) is left anywhere.
      expect(consumables.some((touch) => formatLocalDate(toLocal(touch.dueAt, KYIV)).endsWith('-11'))).toBe(false);
    });
  }

  it('the earlier chain\'s due reminder is closed with the reason and the new purchase; its future runs go, done ones stay', () => {
    const book = defaultBookFor('en');
    const first = client([{ name: 'Toner TN-2420', category: 'Consumables', purchasedAt: '2025-06-11' }]);
    const august = at('2025-08-12 12:00', KYIV);
    let stored = apply([], plan(book, first, august));
    const doneAugust = of(stored, 'consumables').find((touch) => touch.state === 'due')!;
    stored = apply(stored, { put: [complete(doneAugust, { outcome: 'reached' }, august)], delete: [] });
    const october = at('2025-10-13 12:00', KYIV);
    stored = apply(stored, plan(book, first, october));
    const dueOctober = of(stored, 'consumables').find((touch) => touch.state === 'due')!;
    expect(formatLocalDate(toLocal(dueOctober.dueAt, KYIV))).toBe('2025-10-11');

    // The client buys the same category again: the October reminder is closed, not deleted.
    const again = client([...first.products, { name: 'A4 paper', category: 'Consumables', purchasedAt: '2025-10-14' }]);
    const later = at('2025-10-15 12:00', KYIV);
    const changes = plan(book, again, later, stored);
    stored = apply(stored, changes);
    const closed = stored.find((touch) => touch.id === dueOctober.id)!;
    expect(closed.state).toBe('skipped');
    expect(closed.skipReason).toBe('The client bought this category again; the reminders now count from the new purchase: A4 paper, 2025-10-14');
    expect(stored.find((touch) => touch.id === doneAugust.id)).toMatchObject({ state: 'done', outcome: 'reached' });
    expect(summary(open(of(stored, 'consumables'))).slice(0, 2)).toEqual(['replenishment 2025-12-14 planned', 'replenishment 2026-02-14 planned']);
    expect(open(of(stored, 'consumables')).every((touch) => touch.anchorEventId === open(of(stored, 'consumables'))[0]!.anchorEventId)).toBe(true);

    // Planning again changes nothing: the closed touch stays closed.
    expect(plan(book, again, later + 60_000, stored)).toEqual({ put: [], delete: [] });
  });

  it('without newAnchorReplaces, repeat purchases still run side by side', () => {
    const programme = makeProgramme({
      id: 'restock',
      appliesTo: { categories: ['consumables'] },
      touches: [makeTouchTemplate({ id: 'restock', after: 'P2M', repeatEvery: 'P2M' })],
    });
    const buyer = client([
      { name: 'Toner', category: 'Consumables', purchasedAt: '2025-06-11' },
      { name: 'Paper', category: 'Consumables', purchasedAt: '2025-10-03' },
    ]);
    // How many chains have reminders coming: one per anchor purchase still running.
    const chains = (book: SalesBook) => new Set(open(plan(book, buyer, now).put).map((touch) => touch.anchorEventId)).size;
    expect(chains(makeBook([programme]))).toBe(2);
    expect(chains(makeBook([{ ...programme, newAnchorReplaces: { per: 'category', reason: 'Bought again' } }]))).toBe(1);
    // Per product: toner and paper are different products, so both chains run.
    expect(chains(makeBook([{ ...programme, newAnchorReplaces: { per: 'product', reason: 'Bought again' } }]))).toBe(2);
  });
});

/** Each book's words for a foundation purchase and the stages after it. */
const CONSTRUCTION: Record<(typeof LANGUAGES)[number], { foundation: string; walls: string; roof: string }> = {
  en: { foundation: 'Concrete', walls: 'Bricks', roof: 'Roofing' },
  ru: { foundation: 'Бетон', walls: 'Кирпич', roof: 'Кровля' },
  uk: { foundation: 'Бетон', walls: 'Цегла', roof: 'Покрівля' },
  el: { foundation: 'Σκυρόδεμα', walls: 'Τούβλα', roof: 'Κεραμίδια' },
};

describe('the construction chain does not call about a stage the client has bought', () => {
  for (const language of LANGUAGES) {
    it(`${language}: bricks bought after the foundation close the walls call; the roof and finishing calls stay`, () => {
      const words = CONSTRUCTION[language];
      const book = defaultBookFor(language);
      const foundation: Product = { name: 'C25/30, 12 m3', category: words.foundation, purchasedAt: '2025-03-03' };
      const now = at('2025-03-05 12:00', KYIV);
      const stored = apply([], plan(book, client([foundation]), now));
      expect(summary(of(stored, 'construction-object'))).toEqual([
        'walls-materials 2025-04-03 planned',
        'roofing 2025-06-03 planned',
        'finishing 2025-08-03 planned',
      ]);
      const bought = client([foundation, { name: 'M150', category: words.walls, purchasedAt: '2025-03-20' }]);
      const after = apply(stored, plan(book, bought, at('2025-03-21 12:00', KYIV), stored));
      const chain = of(after, 'construction-object');
      expect(summary(chain)).toEqual(['walls-materials 2025-04-03 skipped', 'roofing 2025-06-03 planned', 'finishing 2025-08-03 planned']);
      const walls = chain.find((touch) => touch.templateId === 'walls-materials')!;
      const reason = book.programmes.find((p) => p.id === 'construction-object')!.touches.find((t) => t.id === 'walls-materials')!.closedBy!.reason;
      expect(walls.skipReason).toBe(`${reason}: M150, 2025-03-20`);
    });
  }

  /** A merchant's CRM files cement under one broad category: the product's name says the stage. */
  const CEMENT_IN_A_BROAD_CATEGORY: Record<(typeof LANGUAGES)[number], Product> = {
    en: { name: 'Portland cement CEM I 42.5, 20 t', category: 'Construction materials', purchasedAt: '2025-03-03' },
    ru: { name: 'Портландцемент ЦЕМ I 42,5, 20 т', category: 'Стройматериалы', purchasedAt: '2025-03-03' },
    uk: { name: 'Цемент ПЦ I-500, 20 т', category: 'Будматеріали', purchasedAt: '2025-03-03' },
    el: { name: 'Τσιμέντο Portland CEM I 42,5, 20 t', category: 'Δομικά υλικά', purchasedAt: '2025-03-03' },
  };
  for (const language of LANGUAGES) {
    it(`${language}: cement filed under a broad category starts the chain by its product name`, () => {
      const stored = apply([], plan(defaultBookFor(language), client([CEMENT_IN_A_BROAD_CATEGORY[language]]), at('2025-03-05 12:00', KYIV)));
      expect(summary(of(stored, 'construction-object'))).toEqual(['walls-materials 2025-04-03 planned', 'roofing 2025-06-03 planned', 'finishing 2025-08-03 planned']);
    });
  }

  it('a roof bought closes the walls and roof calls; a done call keeps its outcome', () => {
    const book = defaultBookFor('en');
    const foundation: Product = { name: 'Cement CEM I', category: 'Cement', purchasedAt: '2025-03-03' };
    const may = at('2025-05-01 12:00', KYIV);
    let stored = apply([], plan(book, client([foundation]), may));
    const walls = stored.find((touch) => touch.templateId === 'walls-materials')!;
    expect(walls.state).toBe('due');
    stored = apply(stored, { put: [complete(walls, { outcome: 'reached', note: 'Bricks next week' }, may)], delete: [] });
    const roofed = client([foundation, { name: 'Metal roofing sheets', category: 'Roofing', purchasedAt: '2025-05-20' }]);
    stored = apply(stored, plan(book, roofed, at('2025-05-21 12:00', KYIV), stored));
    expect(summary(of(stored, 'construction-object'))).toEqual([
      'walls-materials 2025-04-03 done',
      'roofing 2025-06-03 skipped',
      'finishing 2025-08-03 planned',
    ]);
    expect(stored.find((touch) => touch.id === walls.id)).toMatchObject({ outcome: 'reached', note: 'Bricks next week', skipReason: null });
  });

  it('a purchase before the anchor does not close anything', () => {
    const book = defaultBookFor('en');
    const earlier = client([
      { name: 'Bricks for the garage', category: 'Bricks', purchasedAt: '2024-06-01' },
      { name: 'Cement CEM I', category: 'Cement', purchasedAt: '2025-03-03' },
    ]);
    const { put } = plan(book, earlier, at('2025-03-05 12:00', KYIV));
    expect(summary(of(put, 'construction-object'))[0]).toBe('walls-materials 2025-04-03 planned');
  });
});

/** The policy's and the contract's end as each book's CRM labels them (not the first label, to test the list). */
const CARD_DATES: Record<(typeof LANGUAGES)[number], { policy: string; contract: string }> = {
  en: { policy: 'Insurance valid until', contract: 'Contract end date' },
  ru: { policy: 'Полис действует до', contract: 'Договор до' },
  uk: { policy: 'Поліс діє до', contract: 'Договір до' },
  el: { policy: 'Ασφαλιστήριο έως', contract: 'Λήξη σύμβασης' },
};

describe('N days before a date on the card', () => {
  for (const language of LANGUAGES) {
    it(`${language}: the policy renewal three weeks before the policy ends, the contract a month before`, () => {
      const labels = CARD_DATES[language];
      const person = client([], [
        { label: labels.policy, value: '15.06.2026' },
        { label: labels.contract, value: '2026-09-30' },
      ]);
      const { put } = plan(defaultBookFor(language), person, at('2026-01-10 12:00', KYIV));
      expect(summary(of(put, 'policy-renewal'))).toEqual(['policy-expiry-call 2026-05-25 planned']);
      expect(summary(of(put, 'contract-renewal'))).toEqual(['contract-renewal-call 2026-08-30 planned']);
      expect(of(put, 'policy-renewal')[0]!.roleId).toBe('finance');
    });
  }

  it('the call a year after the purchase gives way to the policy\'s real end date, and comes without one', () => {
    const book = defaultBookFor('en');
    const van: Product = { name: 'Ford Transit', category: 'Commercial vehicles', purchasedAt: '2025-09-02' };
    const now = at('2025-09-03 12:00', KYIV);
    const withoutDate = plan(book, client([van]), now).put;
    expect(withoutDate.filter((touch) => touch.templateId === 'insurance-renewal')).toHaveLength(1);
    const withDate = plan(book, client([van], [{ label: 'Policy expiry', value: '2026-03-01' }]), now).put;
    expect(withDate.filter((touch) => touch.templateId === 'insurance-renewal')).toEqual([]);
    expect(summary(of(withDate, 'policy-renewal'))).toEqual(['policy-expiry-call 2026-02-08 planned']);
  });

  it('a date already past plans nothing; a date moved on the card moves the call', () => {
    const book = defaultBookFor('en');
    const past = plan(book, client([], [{ label: 'Contract end', value: '2025-12-01' }]), at('2026-01-10 12:00', KYIV)).put;
    expect(of(past, 'contract-renewal')).toEqual([]);
    const first = plan(book, client([], [{ label: 'Contract end', value: '2026-06-30' }]), at('2026-01-10 12:00', KYIV));
    const moved = plan(book, client([], [{ label: 'Contract end', value: '2026-07-15' }]), at('2026-01-11 12:00', KYIV), first.put);
    expect(summary(of(moved.put, 'contract-renewal'))).toEqual(['contract-renewal-call 2026-06-15 planned']);
    expect(moved.delete).toEqual(of(first.put, 'contract-renewal').map((touch) => touch.id));
  });
});

describe('two weeks before the end of the month, for clients who buy then', () => {
  const monthEndBuyer = (products: Array<[string, string]>) =>
    client(products.map(([name, purchasedAt]) => ({ name, category: 'Office supplies', purchasedAt })));

  for (const language of LANGUAGES) {
    it(`${language}: a client with two purchases in a month's last week gets a call two weeks before each month's end`, () => {
      const buyer = monthEndBuyer([
        ['Paper', '2025-09-29'],
        ['Toner', '2025-10-27'],
      ]);
      const { put } = plan(defaultBookFor(language), buyer, at('2025-11-20 12:00', KYIV));
      expect(summary(of(put, 'month-end-purchase')).slice(0, 3)).toEqual([
        'month-end-order 2025-11-16 due',
        'month-end-order 2025-12-17 planned',
        'month-end-order 2026-01-17 planned',
      ]);
      expect(of(put, 'month-end-purchase').find((touch) => touch.state === 'due')!.expiresAt).toBe(at('2025-12-01 00:00', KYIV));
    });
  }

  it('a client who buys mid-month, or only once at the end, gets none', () => {
    const book = defaultBookFor('en');
    const now = at('2025-11-20 12:00', KYIV);
    const midMonth = monthEndBuyer([['Paper', '2025-09-12'], ['Toner', '2025-10-15']]);
    const once = monthEndBuyer([['Paper', '2025-09-12'], ['Toner', '2025-10-30']]);
    expect(of(plan(book, midMonth, now).put, 'month-end-purchase')).toEqual([]);
    expect(of(plan(book, once, now).put, 'month-end-purchase')).toEqual([]);
  });

  it('February counts back from its own last day, in a leap year too', () => {
    const everyone = makeBook([
      makeProgramme({ id: 'month-end', anchor: { kind: 'monthEnd' }, touches: [makeTouchTemplate({ id: 'order', before: 'P14D' })] }),
    ]);
    const { put } = plan(everyone, client([]), at('2028-02-01 12:00', KYIV));
    expect(summary(put).slice(0, 2)).toEqual(['order 2028-02-15 planned', 'order 2028-03-17 planned']);
  });
});

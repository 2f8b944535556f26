import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOK_LANGUAGES, DEFAULT_BOOKS } from '../../../lib/book/defaults';
import type { Segment } from '../../../lib/book/schema';
import type { Product } from '../../../lib/crm/snapshot';
import type { ClientRecord } from '../../../lib/db/schema';
import { conditionHolds } from '../../../lib/lifecycle/matching';
import { planClient } from '../../../lib/lifecycle/plan';
import { clientGroups, placeClient, readCardNumber } from '../../../lib/lifecycle/segments';
import { makeClient, makeSnapshot } from '../factories';
import { KYIV, makeBook, makeProgramme, makeTouchTemplate } from './factories';

function farmGroup(overrides: Partial<Segment> = {}): Segment {
  return {
    id: 'farm-group',
    name: 'Farm group',
    appliesTo: { tags: ['farm'] },
    measures: [
      { kind: 'cardNumber', labels: ['Machines', 'Fleet size'] },
      { kind: 'purchaseCount', categories: ['tractor', 'combine'] },
    ],
    groups: [
      { id: 'A', name: '10 or more', min: 10 },
      { id: 'B', name: '3 to 9', min: 3 },
      { id: 'C', name: 'up to 2', min: 0 },
    ],
    ...overrides,
  };
}

function tractor(name: string): Product {
  return { name, category: 'Tractor', purchasedAt: '2024-05-01' };
}

/** A farm whose card shows these label/value pairs and these purchases. */
function farm(fields: Array<{ label: string; value: string }>, products: Product[] = [], overrides: Partial<ClientRecord> = {}): ClientRecord {
  return makeClient({ tags: ['Farm'], products, lastSnapshot: makeSnapshot({ fields, products }), ...overrides });
}

function groupOf(client: ClientRecord, segment = farmGroup()): string | null {
  return placeClient(segment, client)?.group.id ?? null;
}

describe('readCardNumber', () => {
  it.each([
    ['12', 12],
    [' 12 pcs ', 12],
    ['3 шт.', 3],
    ['1 200', 1200],
    ['1\u00a0200 units', 1200],
    ['2,5', 2.5],
    ['0', 0],
    ['10+', 10],
  ])('reads %j as %d', (text, expected) => {
    expect(readCardNumber(text)).toBe(expected);
  });

  it.each(['', 'many', 'about 12', '-3', 'n/a', '12.5.2024'])('reads no count from %j', (text) => {
    expect(readCardNumber(text)).toBeNull();
  });
});

describe('placeClient', () => {
  it('puts a farm in A, B or C by the number on its card', () => {
    expect(groupOf(farm([{ label: 'Machines', value: '12' }]))).toBe('A');
    expect(groupOf(farm([{ label: 'Machines', value: '10' }]))).toBe('A');
    expect(groupOf(farm([{ label: 'Machines', value: '9' }]))).toBe('B');
    expect(groupOf(farm([{ label: 'Machines', value: '3' }]))).toBe('B');
    expect(groupOf(farm([{ label: 'Machines', value: '2' }]))).toBe('C');
    expect(groupOf(farm([{ label: 'Machines', value: '0' }]))).toBe('C');
  });

  it('reads the label as the CRM writes it: any case, a colon, a unit in brackets', () => {
    expect(groupOf(farm([{ label: 'MACHINES:', value: '11' }]))).toBe('A');
    expect(groupOf(farm([{ label: 'Fleet size (units)', value: '4' }]))).toBe('B');
    const ru = farmGroup({ measures: [{ kind: 'cardNumber', labels: ['Техника, ед.'] }] });
    expect(groupOf(farm([{ label: 'Техника, ед.', value: '15' }]), ru)).toBe('A');
    expect(groupOf(farm([{ label: 'техника, ед', value: '4 ед.' }]), ru)).toBe('B');
  });

  it('the card number wins over counted purchases', () => {
    const client = farm([{ label: 'Machines', value: '14' }], [tractor('T1'), tractor('T2')]);
    expect(placeClient(farmGroup(), client)).toMatchObject({ group: { id: 'A' }, rank: 0, value: 14 });
  });

  it('without the field, counts the machinery bought from us', () => {
    const four = [tractor('T1'), tractor('T2'), tractor('T3'), { name: 'Harvester X', category: 'Combine', purchasedAt: null }];
    expect(placeClient(farmGroup(), farm([], four))).toMatchObject({ group: { id: 'B' }, rank: 1, value: 4 });
    expect(groupOf(farm([], [tractor('T1')]))).toBe('C');
  });

  it('a field that does not hold a number falls through to the next label and then to the purchases', () => {
    expect(groupOf(farm([{ label: 'Machines', value: 'ask the owner' }, { label: 'Fleet size', value: '10' }]))).toBe('A');
    expect(groupOf(farm([{ label: 'Machines', value: 'unknown' }], [tractor('T1'), tractor('T2'), tractor('T3')]))).toBe('B');
  });

  describe('missing data gives no group, not the smallest one', () => {
    it('no field and no machinery purchase', () => {
      const filters = { name: 'Oil filter', category: 'Spare parts', purchasedAt: '2025-01-10' };
      expect(groupOf(farm([{ label: 'Region', value: 'Poltava' }], [filters]))).toBeNull();
      expect(groupOf(farm([]))).toBeNull();
    });

    it('a number below every group', () => {
      const fromOne = farmGroup({ groups: [{ id: 'A', name: 'a', min: 10 }, { id: 'B', name: 'b', min: 1 }] });
      expect(groupOf(farm([{ label: 'Machines', value: '0' }]), fromOne)).toBeNull();
    });

    it('a client the segment is not for', () => {
      expect(groupOf(farm([{ label: 'Machines', value: '12' }], [], { tags: ['car dealer'] }))).toBeNull();
    });
  });

  it('does not depend on the order the groups are listed in', () => {
    const shuffled = farmGroup({ groups: [...farmGroup().groups].reverse() });
    expect(placeClient(shuffled, farm([{ label: 'Machines', value: '12' }]))).toMatchObject({ group: { id: 'A' }, rank: 2 });
  });
});

describe('touch conditions on segment groups', () => {
  it('hold only for a client in one of the named groups', () => {
    const condition = { segments: { 'farm-group': ['A', 'B'] } };
    const client = makeClient();
    expect(conditionHolds(condition, client, null, { 'farm-group': 'A' })).toBe(true);
    expect(conditionHolds(condition, client, null, { 'farm-group': 'C' })).toBe(false);
    expect(conditionHolds(condition, client, null, {})).toBe(false);
    expect(conditionHolds(condition, client, null)).toBe(false);
    expect(conditionHolds({ tagsAny: ['vip'] }, client, null)).toBe(true);
  });

  it('the planner gives a group-A touch to a large farm only', () => {
    const programme = makeProgramme({
      id: 'agricultural-season',
      anchor: { kind: 'none' },
      touches: [makeTouchTemplate({ id: 'parts-first', after: undefined, window: { from: '02-01', to: '02-28' }, condition: { segments: { 'farm-group': ['A'] } } })],
    });
    const book = makeBook([programme], { segments: [farmGroup()] });
    const now = Date.UTC(2026, 0, 10, 9);
    const planFor = (client: ClientRecord) =>
      planClient({ book, client, events: [], now, timeZone: KYIV, working: { workingDays: [], workDayStart: '09:00', workDayEnd: '18:00', vacation: null } });
    // This February and the next, both within the planning horizon.
    expect(planFor(farm([{ label: 'Machines', value: '25' }])).map((touch) => touch.templateId)).toEqual(['parts-first', 'parts-first']);
    expect(planFor(farm([{ label: 'Machines', value: '5' }]))).toEqual([]);
    expect(planFor(farm([]))).toEqual([]);
  });
});

describe.each(DEFAULT_BOOK_LANGUAGES)('the default %s book', (language) => {
  const book = DEFAULT_BOOKS[language];
  const segment = book.segments.find((candidate) => candidate.id === 'farm-group')!;
  const farmTag = segment.appliesTo!.tags![0]!;
  const label = segment.measures.flatMap((measure) => (measure.kind === 'cardNumber' ? measure.labels : []))[0]!;
  const machinery = segment.measures.flatMap((measure) => (measure.kind === 'purchaseCount' ? (measure.categories ?? []) : []))[0]!;

  it('carries the farm-group segment A >= 10, B >= 3, C for the rest, for farm clients', () => {
    expect(segment.groups.map((group) => [group.id, group.min])).toEqual([
      ['A', 10],
      ['B', 3],
      ['C', 0],
    ]);
    expect(segment.measures.map((measure) => measure.kind)).toEqual(['cardNumber', 'purchaseCount']);
    expect(book.programmes.find((programme) => programme.id === 'agricultural-season')?.callListOrder).toBe('farm-group');
  });

  it('places a farm by its card field in the book\'s language, or by its machinery purchases', () => {
    const byField = farm([{ label, value: '11' }], [], { tags: [farmTag] });
    expect(clientGroups(book.segments, byField)).toEqual({ 'farm-group': 'A' });
    const byPurchases = farm([], [1, 2, 3].map((n) => ({ name: `${machinery} ${n}`, category: machinery, purchasedAt: null })), { tags: [farmTag] });
    expect(clientGroups(book.segments, byPurchases)).toEqual({ 'farm-group': 'B' });
    expect(clientGroups(book.segments, farm([], [], { tags: [farmTag] }))).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import type { BookError } from '../../../lib/book/errors';
import { validateBook } from '../../../lib/book/validate';
import { validBookInput, validProgramme, validTouch } from './factories';

type JsonRecord = Record<string, unknown>;

function farmGroup(overrides: JsonRecord = {}): JsonRecord {
  return {
    id: 'farm-group',
    name: 'Farm group',
    measures: [{ kind: 'cardNumber', labels: ['Machines'] }, { kind: 'purchaseCount', categories: ['tractor'] }],
    groups: [
      { id: 'A', name: '10 or more', min: 10 },
      { id: 'B', name: '3 to 9', min: 3 },
      { id: 'C', name: 'up to 2', min: 0 },
    ],
    ...overrides,
  };
}

function errorsOf(input: unknown): BookError[] {
  const result = validateBook(input);
  if (result.ok) throw new Error('expected the book to be invalid');
  return result.errors;
}

function messageAt(errors: BookError[], path: string): string {
  const found = errors.filter((error) => error.path === path);
  if (found.length === 0) throw new Error(`no error at ${path}; got ${JSON.stringify(errors, null, 1)}`);
  return found.map((error) => error.message).join(' | ');
}

describe('segments in a book', () => {
  it('a segment, a programme ordered by it and a touch for one group are valid', () => {
    const result = validateBook(
      validBookInput({
        segments: [farmGroup()],
        programmes: [
          validProgramme({
            callListOrder: 'farm-group',
            touches: [validTouch({ condition: { segments: { 'farm-group': ['A', 'B'] } } })],
          }),
        ],
        loyaltyIdeas: [{ id: 'client-club', title: 'Club', description: '', forBuyerTypes: ['advocate'] }],
      }),
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.book.segments[0]?.groups.map((group) => group.id)).toEqual(['A', 'B', 'C']);
  });

  it('a book without segments gets an empty list', () => {
    const result = validateBook(validBookInput());
    expect(result.ok && result.book.segments).toEqual([]);
  });

  it('groups out of call order, or sharing a minimum, name the group and the one before', () => {
    const errors = errorsOf(
      validBookInput({
        segments: [
          farmGroup({
            groups: [
              { id: 'A', name: 'a', min: 3 },
              { id: 'B', name: 'b', min: 10 },
              { id: 'C', name: 'c', min: 10 },
            ],
          }),
        ],
      }),
    );
    expect(messageAt(errors, 'segments[0].groups[1].min')).toBe(
      'groups are listed in call order, largest first: expected a "min" below 3 (the "min" of segments[0].groups[0]), got 10',
    );
    expect(messageAt(errors, 'segments[0].groups[2].min')).toContain('expected a "min" below 10');
  });

  it('duplicate segment and group ids, bad group ids, negative minimums and empty lists', () => {
    const errors = errorsOf(
      validBookInput({
        segments: [
          farmGroup(),
          farmGroup({
            groups: [
              { id: 'A', name: 'a', min: 5 },
              { id: 'A', name: 'again', min: 2 },
              { id: 'group c', name: 'c', min: -1 },
            ],
          }),
          farmGroup({ id: 'empty', measures: [], groups: [] }),
        ],
      }),
    );
    expect(messageAt(errors, 'segments[1].id')).toBe('duplicate id "farm-group": already used by segments[0]');
    expect(messageAt(errors, 'segments[1].groups[1].id')).toBe('duplicate id "A": already used by segments[1].groups[0]');
    expect(messageAt(errors, 'segments[1].groups[2].id')).toContain('expected a group id');
    expect(messageAt(errors, 'segments[1].groups[2].min')).toMatch(/0/);
    expect(messageAt(errors, 'segments[2].measures')).toMatch(/at least 1/);
    expect(messageAt(errors, 'segments[2].groups')).toMatch(/at least 1/);
  });

  it('a measure of an unknown kind, or a card number without a label', () => {
    const errors = errorsOf(
      validBookInput({ segments: [farmGroup({ measures: [{ kind: 'revenue' }, { kind: 'cardNumber', labels: [] }, { kind: 'cardNumber', label: 'Machines' }] })] }),
    );
    expect(messageAt(errors, 'segments[0].measures[0].kind')).toMatch(/cardNumber.*purchaseCount/);
    expect(messageAt(errors, 'segments[0].measures[1].labels')).toMatch(/at least 1/);
    expect(messageAt(errors, 'segments[0].measures[2].label')).toContain('unknown field "label"');
  });

  it('a call-list order or a touch condition that names a segment or group the book lacks', () => {
    const errors = errorsOf(
      validBookInput({
        segments: [farmGroup()],
        programmes: [
          validProgramme({
            callListOrder: 'farm-grup',
            touches: [validTouch({ condition: { segments: { 'farm-group': ['A', 'D'], fleet: ['A'] } } })],
          }),
        ],
      }),
    );
    expect(messageAt(errors, 'programmes[0].callListOrder')).toBe('no segment has the id "farm-grup"; known segments: farm-group');
    expect(messageAt(errors, 'programmes[0].touches[0].condition.segments["farm-group"][1]')).toBe('segment "farm-group" has no group "D"; its groups: A, B, C');
    expect(messageAt(errors, 'programmes[0].touches[0].condition.segments.fleet')).toBe('no segment has the id "fleet"; known segments: farm-group');
  });

  it('a call-list order in a book with no segments says so', () => {
    const errors = errorsOf(validBookInput({ programmes: [validProgramme({ callListOrder: 'farm-group' })] }));
    expect(messageAt(errors, 'programmes[0].callListOrder')).toBe('no segment has the id "farm-group"; the book defines no "segments"');
  });

  it('an idea for a buyer type that does not exist', () => {
    const errors = errorsOf(validBookInput({ promotionIdeas: [{ id: 'bring-a-friend', title: 'Bring a friend', description: '', forBuyerTypes: ['loyal', 'fan'] }] }));
    expect(messageAt(errors, 'promotionIdeas[0].forBuyerTypes[1]')).toMatch(/advocate/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addPersonalResponse,
  applyPersonalLayer,
  emptyPersonalLayer,
  setSectionNote,
  upsertPersonalObjection,
  validatePersonalLayer,
  type PersonalLayer,
} from '../../../lib/book/layers';
import type { SalesBook } from '../../../lib/book/schema';
import { editableDefaultBook } from './factories';

function layer(overrides: Partial<PersonalLayer> = {}): PersonalLayer {
  return { ...emptyPersonalLayer(), ...overrides };
}

const myObjection = {
  id: 'my-warehouse-far',
  category: 'service' as const,
  phrasings: ['Your warehouse is too far'],
  responses: [{ text: 'We deliver to the site.', why: 'Distance stops mattering.' }],
};

describe('applyPersonalLayer', () => {
  it('adds my answers to team objections and my objections to the list, marked as mine', () => {
    const book = editableDefaultBook();
    const mine = layer({
      objections: [myObjection],
      responses: { 'price-too-expensive': [{ text: 'My own answer', why: 'Works for me' }] },
    });
    const result = applyPersonalLayer(book, mine);
    const expensive = result.book.objections.find((objection) => objection.id === 'price-too-expensive');
    expect(expensive?.responses.at(-1)).toEqual({ text: 'My own answer', why: 'Works for me', personal: true });
    expect(expensive?.responses[0]?.personal).toBeUndefined();
    expect(result.book.objections.at(-1)).toMatchObject({ id: 'my-warehouse-far', personal: true, responses: [{ personal: true }] });
    expect(result.orphaned).toEqual({ responses: {}, notes: {} });
  });

  it('hands out notes for sections that exist', () => {
    const result = applyPersonalLayer(editableDefaultBook(), layer({ notes: { 'cold-calls': 'Call farms before 8 am' } }));
    expect(result.notes).toEqual({ 'cold-calls': 'Call farms before 8 am' });
  });

  it('keeps items whose team objection or section disappeared, as orphans', () => {
    const mine = layer({ responses: { 'price-too-expensive': [{ text: 'Mine' }] }, notes: { 'cold-calls': 'My note' } });
    const updated: SalesBook = editableDefaultBook();
    updated.objections = updated.objections.filter((objection) => objection.id !== 'price-too-expensive');
    updated.sections = updated.sections.filter((section) => section.id !== 'cold-calls');
    const result = applyPersonalLayer(updated, mine);
    expect(result.orphaned).toEqual({ responses: { 'price-too-expensive': [{ text: 'Mine' }] }, notes: { 'cold-calls': 'My note' } });
    // The layer itself is untouched: when the team restores the section, the note is back.
    expect(applyPersonalLayer(editableDefaultBook(), mine).notes).toEqual({ 'cold-calls': 'My note' });
  });

  it('merges my objection into a team objection that later took the same id', () => {
    const team = editableDefaultBook();
    team.objections.push({ ...myObjection, phrasings: ['The warehouse is far away'], responses: [{ text: 'Team answer' }] });
    const result = applyPersonalLayer(team, layer({ objections: [myObjection] }));
    const merged = result.book.objections.filter((objection) => objection.id === 'my-warehouse-far');
    expect(merged).toHaveLength(1);
    expect(merged[0]?.phrasings).toEqual(['The warehouse is far away', 'Your warehouse is too far']);
    expect(merged[0]?.responses.map((response) => response.text)).toEqual(['Team answer', 'We deliver to the site.']);
    expect(result.mergedObjectionIds).toEqual(['my-warehouse-far']);
  });

  it('attaches extra answers to my own objections', () => {
    const mine = layer({ objections: [myObjection], responses: { 'my-warehouse-far': [{ text: 'Second answer' }] } });
    const own = applyPersonalLayer(editableDefaultBook(), mine).book.objections.find((objection) => objection.id === 'my-warehouse-far');
    expect(own?.responses.map((response) => response.text)).toEqual(['We deliver to the site.', 'Second answer']);
  });

  it('does not change the team book it was given', () => {
    const book = editableDefaultBook();
    const before = JSON.stringify(book);
    applyPersonalLayer(book, layer({ objections: [myObjection], responses: { 'price-too-expensive': [{ text: 'x' }] } }));
    expect(JSON.stringify(book)).toBe(before);
  });
});

describe('editing the layer', () => {
  it('adds responses, sets and clears notes, replaces my objections by id', () => {
    let mine = addPersonalResponse(emptyPersonalLayer(), 'price-too-expensive', { text: 'A' });
    mine = addPersonalResponse(mine, 'price-too-expensive', { text: 'B' });
    mine = setSectionNote(mine, 'cold-calls', 'note');
    mine = upsertPersonalObjection(mine, myObjection);
    mine = upsertPersonalObjection(mine, { ...myObjection, phrasings: ['changed'] });
    expect(mine.responses['price-too-expensive']?.map((response) => response.text)).toEqual(['A', 'B']);
    expect(mine.objections).toEqual([{ ...myObjection, phrasings: ['changed'] }]);
    expect(setSectionNote(mine, 'cold-calls', '  ').notes).toEqual({});
  });

  it('refuses keys that are not book ids', () => {
    expect(() => setSectionNote(emptyPersonalLayer(), '__proto__', 'x')).toThrow(TypeError);
    expect(() => addPersonalResponse(emptyPersonalLayer(), 'constructor', { text: 'x' })).toThrow(TypeError);
  });
});

describe('validatePersonalLayer', () => {
  it('accepts a stored layer and reports problems with paths', () => {
    expect(validatePersonalLayer({ schema: 1, notes: { 'cold-calls': 'x' } })).toMatchObject({ ok: true, layer: { objections: [], responses: {} } });
    const result = validatePersonalLayer({ schema: 1, responses: { 'price-too-expensive': [{ text: 'Hi {{client.nmae}}' }] }, extra: 1 });
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['responses["price-too-expensive"][0].text', 'extra']);
  });
});

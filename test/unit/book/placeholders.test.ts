import { describe, expect, it } from 'vitest';
import {
  firstFilledScript,
  fillPlaceholders,
  findPlaceholders,
  findUnknownPlaceholders,
  isPlaceholderName,
  partsToText,
  PLACEHOLDER_NAMES,
  suggestPlaceholder,
} from '../../../lib/book/placeholders';

describe('findPlaceholders', () => {
  it('finds names with their positions, allowing spaces inside the braces', () => {
    const text = 'Hi {{client.firstName}}, this is {{ manager.name }}.';
    expect(findPlaceholders(text)).toEqual([
      { name: 'client.firstName', start: 3, end: 23 },
      { name: 'manager.name', start: 33, end: 51 },
    ]);
  });

  it('reports unknown and empty names, not text without braces', () => {
    expect(findUnknownPlaceholders('{{client.nmae}} {{}} {client.name} {{client.name}}').map((match) => match.name)).toEqual([
      'client.nmae',
      '',
    ]);
  });

  it('knows the documented names and nothing from Object.prototype', () => {
    expect(PLACEHOLDER_NAMES).toContain('discount.until');
    expect(isPlaceholderName('client.name')).toBe(true);
    expect(isPlaceholderName('constructor')).toBe(false);
    expect(isPlaceholderName('toString')).toBe(false);
  });
});

describe('fillPlaceholders', () => {
  it('fills known values and merges neighbouring text', () => {
    expect(fillPlaceholders('Hello, {{client.firstName}}! From {{company.name}}.', { 'client.firstName': 'Olena', 'company.name': 'Acme' })).toEqual([
      { kind: 'text', text: 'Hello, Olena! From Acme.' },
    ]);
  });

  it('turns missing, blank and unknown values into visible gaps, never "undefined"', () => {
    const parts = fillPlaceholders('{{client.firstName}}, until {{discount.until}} ({{client.nmae}}) {{constructor}}', {
      'client.firstName': '   ',
    });
    expect(parts).toEqual([
      { kind: 'gap', name: 'client.firstName' },
      { kind: 'text', text: ', until ' },
      { kind: 'gap', name: 'discount.until' },
      { kind: 'text', text: ' (' },
      { kind: 'gap', name: 'client.nmae' },
      { kind: 'text', text: ') ' },
      { kind: 'gap', name: 'constructor' },
    ]);
    expect(JSON.stringify(parts)).not.toContain('undefined');
  });

  it('writes numbers as text and leaves HTML as plain text', () => {
    const parts = fillPlaceholders('<b>{{discount.amount}}</b>', { 'discount.amount': 10 });
    expect(parts).toEqual([{ kind: 'text', text: '<b>10</b>' }]);
  });

  it('renders gaps as markers when copied as plain text', () => {
    expect(partsToText(fillPlaceholders('Dear {{client.firstName}}', {}))).toBe('Dear [client.firstName]');
    expect(partsToText(fillPlaceholders('Dear {{client.firstName}}', {}), () => '___')).toBe('Dear ___');
  });
});

describe('suggestPlaceholder', () => {
  it('suggests the closest known name for a typo, and nothing for nonsense', () => {
    expect(suggestPlaceholder('client.nmae')).toBe('client.name');
    expect(suggestPlaceholder('Client.FirstName')).toBe('client.firstName');
    expect(suggestPlaceholder('weather.tomorrow')).toBeUndefined();
  });
});

describe('firstFilledScript', () => {
  const candidates = ['Add {{product.next}} to your {{product}}?', 'How is your {{product}}?', 'How are you?'];

  it('takes the first wording every placeholder of which has a value', () => {
    expect(firstFilledScript(candidates, { product: 'car', 'product.next': 'wheels' })).toBe(candidates[0]);
    expect(firstFilledScript(candidates, { product: 'car', 'product.next': null })).toBe(candidates[1]);
    expect(firstFilledScript(candidates, {})).toBe(candidates[2]);
  });

  it('falls back to the last wording when none is filled, and to nothing without wordings', () => {
    expect(firstFilledScript(['{{a}}', '{{b}}'], {})).toBe('{{b}}');
    expect(firstFilledScript([], {})).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { columnForHeader, fieldForLabel, isKnownLabel, LANGUAGES, labelEntries } from '../../../lib/crm/labels';
import { normalizeLabel } from '../../../lib/crm/text';

describe('label dictionaries', () => {
  it('cover every language the extractor promises', () => {
    expect(Object.keys(LANGUAGES).sort()).toEqual(['de', 'el', 'en', 'es', 'fr', 'pl', 'pt', 'ru', 'uk']);
    for (const [language, labels] of Object.entries(LANGUAGES)) {
      for (const field of ['phone', 'stage', 'amount', 'birthday', 'owner', 'nextContact'] as const) {
        expect(labels.fields[field]?.length ?? 0, `${language} ${field}`).toBeGreaterThan(0);
      }
    }
  });

  it('never give one label two meanings, across languages', () => {
    const meaning = new Map<string, string>();
    for (const { language, label, field } of labelEntries()) {
      const earlier = meaning.get(label);
      expect(earlier === undefined || earlier === field, `"${label}" (${language}) is ${field} and ${earlier}`).toBe(true);
      meaning.set(label, field);
    }
  });
});

describe('fieldForLabel', () => {
  it.each([
    ['E-mail*:', 'email'],
    ['Телефон:', 'phone'],
    ['ТЕЛЕФОН', 'phone'],
    ["Ім’я", 'firstName'],
    ["Ім'я", 'firstName'],
    ['Τηλέφωνο', 'phone'],
    ['τηλεφωνο', 'phone'],
    ['Geburtsdatum', 'birthday'],
    ['Fecha de nacimiento', 'birthday'],
    ['Date de naissance :', 'birthday'],
    ['Data urodzenia', 'birthday'],
    ['Data de nascimento', 'birthday'],
    ['Phone (work)', 'phone'],
    ['  Deal stage ', 'stage'],
    ['Почта', 'email'],
  ])('%s names %s exactly', (label, field) => {
    expect(fieldForLabel(label)).toEqual({ field, exact: true });
  });

  it('trusts a word inside a longer label only for fields a parser can check', () => {
    expect(fieldForLabel('Work mobile phone 2')).toEqual({ field: 'phone', exact: false });
    expect(fieldForLabel('Email opt out')).toEqual({ field: 'email', exact: false });
    expect(fieldForLabel('Электронная почта')).toEqual({ field: 'email', exact: false });
    expect(isKnownLabel('Home phone')).toBe(true);
    expect(isKnownLabel('Телефон рабочий:')).toBe(true);
    expect(isKnownLabel('Teléfono móvil')).toBe(true);
    expect(fieldForLabel('Company size')).toBeNull();
    expect(fieldForLabel('Hotel')).toBeNull();
  });

  it('normalises labels the same way on both sides', () => {
    expect(normalizeLabel('  Téléphone  * : ')).toBe('telephone');
    expect(isKnownLabel('Owner')).toBe(true);
    expect(isKnownLabel('Olivia Bennett')).toBe(false);
    expect(columnForHeader('Дата покупки')).toBe('purchasedAt');
    expect(columnForHeader('Product')).toBe('product');
  });
});

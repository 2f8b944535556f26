import { afterEach, describe, expect, it, vi } from 'vitest';
import { columnForHeader, fieldForLabel, isKnownLabel, LANGUAGES, labelEntries } from '../../../lib/crm/labels';
import { buildLabelTables } from '../../../lib/crm/labels/tables';
import { normalizeLabel, normalizeLabelStepByStep } from '../../../lib/crm/text';

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

  it('takes the shortcut for plain words only where the full normalisation would change nothing', () => {
    const samples = [
      ...labelEntries().map((entry) => entry.label),
      ...Object.values(LANGUAGES).flatMap((language) => Object.values(language.fields).flat()),
      'Phone', 'E-mail:', 'Ім’я', 'Имя', 'Фамилия', 'Приём', 'Їжа', 'Ёлка', 'Όνομα', 'Διεύθυνση', 'ΟΔΟΣ', 'τηλέφωνο κινητό',
      'name ', ' name', 'first  name', 'tel.', 'phone (work)', 'e-mail', 'тел', 'ґанок', 'є', 'email2', '№ договора', 'Straße',
    ];
    for (const sample of samples) expect(normalizeLabel(sample), sample).toBe(normalizeLabelStepByStep(sample));
  });

  it('normalises labels the same way on both sides', () => {
    expect(normalizeLabel('  Téléphone  * : ')).toBe('telephone');
    expect(isKnownLabel('Owner')).toBe(true);
    expect(isKnownLabel('Olivia Bennett')).toBe(false);
    expect(columnForHeader('Дата покупки')).toBe('purchasedAt');
    expect(columnForHeader('Product')).toBe('product');
  });
});

describe('label tables built into the extension', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('answer every lookup as the dictionaries do, after the trip through JSON into the bundle', async () => {
    const tables = JSON.parse(JSON.stringify(buildLabelTables(LANGUAGES))) as unknown;
    vi.stubEnv('PROD', true);
    vi.stubGlobal('__TOUCHBOOK_LABEL_TABLES__', tables);
    vi.resetModules();
    const built = await import('../../../lib/crm/labels');
    const written = Object.values(LANGUAGES).flatMap((language) => [...Object.values(language.fields), ...Object.values(language.columns)].flat());
    const samples = [...written, ...written.map((label) => `${label.toUpperCase()}:`), 'Home phone', 'Телефон рабочий:', 'Company size', 'Olivia Bennett', 'E-mail*'];
    for (const sample of samples) {
      expect(built.fieldForLabel(sample), sample).toEqual(fieldForLabel(sample));
      expect(built.isKnownLabel(sample), sample).toBe(isKnownLabel(sample));
      expect(built.columnForHeader(sample), sample).toBe(columnForHeader(sample));
    }
  });
});

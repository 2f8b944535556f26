import { describe, expect, it } from 'vitest';
import { addressName } from '../../../../lib/suggest/names';

describe('addressName', () => {
  it('picks the form by the script\'s language, with or without a region', () => {
    expect(addressName({ firstName: 'Олександр' }, 'uk-UA')).toBe('Олександре');
    expect(addressName({ firstName: 'Γιώργος' }, 'el_GR')).toBe('Γιώργο');
    expect(addressName({ firstName: 'Иван', fullName: 'Иванов Иван Петрович' }, 'RU')).toBe('Иван Петрович');
  });

  it('says the first name as written in English and in languages it has no rules for', () => {
    expect(addressName({ firstName: 'Anna', middleName: 'Maria', fullName: 'Anna Maria Petrova' }, 'en')).toBe('Anna');
    expect(addressName({ firstName: 'Олександр' }, 'en-GB')).toBe('Олександр');
    expect(addressName({ firstName: 'Γιώργος' }, 'de')).toBe('Γιώργος');
    // Russian has no vocative: a Ukrainian name in a Russian script stays in the nominative.
    expect(addressName({ firstName: 'Олександр', fullName: 'Олександр Коваленко' }, 'ru')).toBe('Олександр');
  });

  it('takes a full name as a string', () => {
    expect(addressName('Коваленко Олександр Петрович', 'uk')).toBe('Олександре');
    expect(addressName('Γιώργος Παπαδόπουλος', 'el')).toBe('Γιώργο');
    expect(addressName('Anna Petrova', 'en')).toBe('Anna');
  });

  it('gives nothing when there is no first name, so the script keeps a gap', () => {
    expect(addressName({ firstName: null, fullName: 'Коваленко Олександр' }, 'uk')).toBeNull();
    expect(addressName({ firstName: '   ' }, 'el')).toBeNull();
    expect(addressName({}, 'en')).toBeNull();
  });
});

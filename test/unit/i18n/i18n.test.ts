import { describe, expect, it } from 'vitest';
import { createTranslator, isUiLanguage, MESSAGES, resolveUiLanguage, UI_LANGUAGES } from '../../../lib/i18n';
import { en } from '../../../lib/i18n/messages/en';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  const englishKeys = Object.keys(en).sort();

  it.each(UI_LANGUAGES)('%s has exactly the English keys', (language) => {
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(englishKeys);
  });

  it.each(UI_LANGUAGES)('%s has no empty or untrimmed strings', (language) => {
    for (const [key, text] of Object.entries(MESSAGES[language])) {
      expect(typeof text, key).toBe('string');
      expect(text.trim(), key).not.toBe('');
      expect(text, key).toBe(text.trim());
    }
  });

  it.each(UI_LANGUAGES.filter((language) => language !== 'en'))('%s keeps every {param} of the English text', (language) => {
    for (const key of englishKeys) {
      const text = MESSAGES[language][key as keyof typeof en];
      expect(params(text), `${language}.${key}`).toEqual(params(en[key as keyof typeof en]));
    }
  });

  it.each(UI_LANGUAGES.filter((language) => language !== 'en'))('%s is actually translated', (language) => {
    const same = englishKeys.filter((key) => MESSAGES[language][key as keyof typeof en] === en[key as keyof typeof en]);
    // Brand names are the same everywhere; most other text must differ.
    expect(same.length).toBeLessThan(englishKeys.length / 4);
  });
});

describe('resolveUiLanguage', () => {
  it('uses the override when it is a supported language', () => {
    expect(resolveUiLanguage('el', ['ru-RU', 'en-US'])).toBe('el');
    expect(resolveUiLanguage('uk-UA', ['en-US'])).toBe('uk');
  });

  it('falls back to the first supported browser language when there is no (usable) override', () => {
    expect(resolveUiLanguage(null, ['de-DE', 'ru-RU', 'en-US'])).toBe('ru');
    expect(resolveUiLanguage(undefined, ['UK'])).toBe('uk');
    expect(resolveUiLanguage('', ['el-GR'])).toBe('el');
    expect(resolveUiLanguage('de', ['uk-UA'])).toBe('uk');
  });

  it('falls back to English when nothing is supported', () => {
    expect(resolveUiLanguage(null, [])).toBe('en');
    expect(resolveUiLanguage('fr', ['de-DE', 'ja'])).toBe('en');
  });
});

describe('isUiLanguage', () => {
  it('accepts only the supported codes', () => {
    expect(UI_LANGUAGES.every(isUiLanguage)).toBe(true);
    for (const value of ['EN', 'en-US', 'de', '', null, 1, undefined]) expect(isUiLanguage(value)).toBe(false);
  });
});

describe('createTranslator', () => {
  it('returns the text in the chosen language', () => {
    expect(createTranslator('en')('panelNoClient')).toBe(en.panelNoClient);
    expect(createTranslator('ru')('panelNoClient')).toBe(MESSAGES.ru.panelNoClient);
  });

  it('substitutes named parameters, numbers included', () => {
    const t = createTranslator('en');
    expect(t('popupEnabledHere', { origin: 'https://crm.example.com' })).toBe('Enabled on https://crm.example.com');
    expect(t('clientSeenOn', { source: 'HubSpot', time: 5 })).toBe('Read from HubSpot · 5');
  });

  it('leaves a placeholder without a value visible rather than printing "undefined"', () => {
    expect(createTranslator('en')('clientSeenOn', { source: 'HubSpot' })).toBe('Read from HubSpot · {time}');
  });

  it('inserts parameter values literally (no second round of substitution, no $ patterns)', () => {
    const t = createTranslator('en');
    expect(t('errorGeneric', { error: '{error} $& $1' })).toBe('Something went wrong: {error} $& $1');
  });
});

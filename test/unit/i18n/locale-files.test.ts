import { describe, expect, it } from 'vitest';
import { MESSAGES, UI_LANGUAGES } from '../../../lib/i18n';
import { localeFiles } from '../../../lib/i18n/locale-files';

// What Chrome and Firefox accept in _locales/<lang>/messages.json and in the manifest fields.
const CHROME_KEY = /^[A-Za-z0-9_]+$/;
const MAX_NAME = 75;
const MAX_DESCRIPTION = 132;

const files = localeFiles();
const parsed = (language: string) => {
  const file = files.find((entry) => entry.relativeDest === `_locales/${language}/messages.json`);
  if (!file) throw new Error(`no messages.json for ${language}`);
  return JSON.parse(file.contents) as Record<string, unknown>;
};

describe('localeFiles', () => {
  it('writes one messages.json per UI language and nothing else', () => {
    expect(files.map((file) => file.relativeDest).sort()).toEqual(UI_LANGUAGES.map((l) => `_locales/${l}/messages.json`).sort());
  });

  it.each(UI_LANGUAGES)('%s: every entry is { message: non-empty string } under a Chrome-valid key', (language) => {
    const messages = parsed(language);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(MESSAGES[language]).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, key).toMatch(CHROME_KEY);
      expect(key.startsWith('@@'), key).toBe(false); // reserved for predefined messages
      expect(entry, key).toEqual({ message: MESSAGES[language][key as keyof (typeof MESSAGES)['en']] });
      expect((entry as { message: string }).message.length, key).toBeGreaterThan(0);
    }
  });

  it.each(UI_LANGUAGES)('%s: keys are unique ignoring case (Chrome compares them case-insensitively)', (language) => {
    const keys = Object.keys(parsed(language)).map((key) => key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(UI_LANGUAGES)('%s: has the manifest strings within the store limits', (language) => {
    const messages = parsed(language) as Record<string, { message: string }>;
    expect(messages.extName?.message.length).toBeLessThanOrEqual(MAX_NAME);
    expect(messages.extDescription?.message.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(messages.actionTitle?.message).toBeTruthy();
  });

  it.each(UI_LANGUAGES)('%s: has no "$" that Chrome would read as a placeholder', (language) => {
    for (const [key, entry] of Object.entries(parsed(language) as Record<string, { message: string }>)) {
      expect(entry.message, key).not.toMatch(/\$/);
    }
  });
});

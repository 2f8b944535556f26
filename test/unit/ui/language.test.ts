import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../lib/i18n';
import { localeFiles } from '../../../lib/i18n/locale-files';
import { createPackagedMessages } from '../../../lib/i18n/packaged';
import { loadUiLocale } from '../../../lib/ui/language';

const freshDocument = () => document.implementation.createHTMLDocument('test');

/** The page's packaged locale files, as the built extension serves them. */
const readMessages = createPackagedMessages((path) => {
  const file = localeFiles().find((entry) => `/${entry.relativeDest}` === path);
  return file ? Promise.resolve(JSON.parse(file.contents) as unknown) : Promise.reject(new Error(`no ${path}`));
});

describe('loadUiLocale', () => {
  it('uses the saved override, sets the document language and returns a matching translator', async () => {
    const doc = freshDocument();
    const locale = await loadUiLocale(() => Promise.resolve('el'), ['ru-RU'], doc, readMessages);
    expect(locale.language).toBe('el');
    expect(doc.documentElement.lang).toBe('el');
    expect(locale.t('panelNoClient')).toBe(MESSAGES.el.panelNoClient);
  });

  it("follows the browser's languages when there is no override", async () => {
    const doc = freshDocument();
    await expect(loadUiLocale(() => Promise.resolve(null), ['de-DE', 'uk-UA'], doc, readMessages)).resolves.toMatchObject({ language: 'uk' });
    expect(doc.documentElement.lang).toBe('uk');
  });

  it('still shows a UI when the settings cannot be read (background asleep or updating)', async () => {
    const doc = freshDocument();
    const locale = await loadUiLocale(() => Promise.reject(new Error('Receiving end does not exist')), ['ru'], doc, readMessages);
    expect(locale.language).toBe('ru');
    expect(locale.t('panelNoClient')).toBe(MESSAGES.ru.panelNoClient);
  });

  it('falls back to English', async () => {
    const doc = freshDocument();
    await expect(loadUiLocale(() => Promise.resolve('tlh'), ['ja-JP'], doc, readMessages)).resolves.toMatchObject({ language: 'en' });
    expect(doc.documentElement.lang).toBe('en');
  });

  it("defaults to the page's own document and navigator", async () => {
    const locale = await loadUiLocale(() => Promise.resolve('ru'), undefined, undefined, readMessages);
    expect(document.documentElement.lang).toBe(locale.language);
  });
});

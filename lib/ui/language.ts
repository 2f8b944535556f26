import { browser, type PublicPath } from 'wxt/browser';
import { resolveUiLanguage, translatorOver, type Translate, type UiLanguage } from '../i18n/languages';
import { createPackagedMessages } from '../i18n/packaged';
import type { Messages } from '../i18n/messages/en';

/**
 * The page's words from the packaged `_locales` file of its one language, not a bundle of all
 * four: each page opens faster (the side panel above all) and the words are the same.
 */
const packagedMessages = createPackagedMessages(async (path) => (await fetch(browser.runtime.getURL(path as PublicPath))).json());

export interface UiLocale {
  language: UiLanguage;
  t: Translate;
}

/**
 * The UI language for an extension page: the override saved in settings, else the browser's.
 * Pages call this once at start; the document's `lang` follows so screen readers pronounce it right.
 */
export async function loadUiLocale(
  getOverride: () => Promise<string | null>,
  browserLanguages: readonly string[] = navigator.languages,
  doc: Document = document,
  readMessages: (language: UiLanguage) => Promise<Messages> = packagedMessages,
): Promise<UiLocale> {
  const override = await getOverride().catch(() => null);
  const language = resolveUiLanguage(override, browserLanguages);
  doc.documentElement.lang = language;
  return { language, t: translatorOver(await readMessages(language)) };
}

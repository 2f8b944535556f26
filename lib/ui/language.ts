import { createTranslator, resolveUiLanguage, type Translate, type UiLanguage } from '../i18n';

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
): Promise<UiLocale> {
  const override = await getOverride().catch(() => null);
  const language = resolveUiLanguage(override, browserLanguages);
  doc.documentElement.lang = language;
  return { language, t: createTranslator(language) };
}

import { MESSAGES, UI_LANGUAGES } from './index';

/**
 * The `_locales/<lang>/messages.json` files, generated at build time from the same dictionaries the
 * UI uses, so the manifest strings and the in-page text can never drift apart.
 */
export function localeFiles(): Array<{ relativeDest: string; contents: string }> {
  return UI_LANGUAGES.map((language) => {
    const entries = Object.entries(MESSAGES[language]).map(([key, message]) => [key, { message }]);
    return {
      relativeDest: `_locales/${language}/messages.json`,
      contents: JSON.stringify(Object.fromEntries(entries), null, 2),
    };
  });
}

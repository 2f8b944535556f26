import { translatorOver, type Translate, type UiLanguage } from './languages';
import { el } from './messages/el';
import { en, type MessageKey, type Messages } from './messages/en';
import { ru } from './messages/ru';
import { uk } from './messages/uk';

export type { MessageKey, Messages };
export { isUiLanguage, resolveUiLanguage, translatorOver, UI_LANGUAGES, type Translate, type UiLanguage } from './languages';

export const MESSAGES: Record<UiLanguage, Messages> = { en, ru, uk, el };

/** A translator bound to one language; `{name}` in a message is replaced by `params.name`. */
export function createTranslator(language: UiLanguage): Translate {
  return translatorOver(MESSAGES[language], en);
}

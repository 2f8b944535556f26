import { formatMessage } from './format';
import { el } from './messages/el';
import { en, type MessageKey, type Messages } from './messages/en';
import { ru } from './messages/ru';
import { uk } from './messages/uk';

export type { MessageKey, Messages };

export const UI_LANGUAGES = ['en', 'ru', 'uk', 'el'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const MESSAGES: Record<UiLanguage, Messages> = { en, ru, uk, el };

/** Picks the UI language: the user's override if set, else the first supported browser language. */
export function resolveUiLanguage(override: string | null | undefined, browserLanguages: readonly string[]): UiLanguage {
  const candidates = override ? [override, ...browserLanguages] : browserLanguages;
  for (const tag of candidates) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator bound to one language; `{name}` in a message is replaced by `params.name`. */
export function createTranslator(language: UiLanguage): Translate {
  const messages = MESSAGES[language];
  return (key, params) => formatMessage(messages[key] ?? en[key], params);
}

import { formatMessage } from './format';
import type { MessageKey } from './messages/en';

/**
 * The UI languages and the translator, without the dictionaries: the worker reads its words from
 * the packaged `_locales` files (see packaged.ts) instead of carrying all four languages.
 */

export const UI_LANGUAGES = ['en', 'ru', 'uk', 'el'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

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

/** A translator over one language's words, falling back to `fallback` (then the key) for a gap. */
export function translatorOver(
  messages: Partial<Record<MessageKey, string>>,
  fallback: Partial<Record<MessageKey, string>> = {},
): Translate {
  return (key, params) => formatMessage(messages[key] ?? fallback[key] ?? key, params);
}

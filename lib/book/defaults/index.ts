import type { SalesBook } from '../schema';
import { elBook } from './el';
import { enBook } from './en';
import { ruBook } from './ru';
import { ukBook } from './uk';

/**
 * The books a manager gets before the team lead publishes one, one per UI language. They share
 * every id (see skeleton.ts), so answers, notes and planned touches survive a language switch.
 */

export const DEFAULT_BOOK_LANGUAGES = ['en', 'ru', 'uk', 'el'] as const;
export type DefaultBookLanguage = (typeof DEFAULT_BOOK_LANGUAGES)[number];

export const DEFAULT_BOOKS: Readonly<Record<DefaultBookLanguage, SalesBook>> = { en: enBook, ru: ruBook, uk: ukBook, el: elBook };

/** "uk-UA" -> "uk", "EL" -> "el", anything without a book -> "en". */
export function defaultBookLanguage(language: string | null | undefined): DefaultBookLanguage {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (DEFAULT_BOOK_LANGUAGES as readonly string[]).includes(primary) ? (primary as DefaultBookLanguage) : 'en';
}

export function defaultBookFor(language: string | null | undefined): SalesBook {
  return DEFAULT_BOOKS[defaultBookLanguage(language)];
}

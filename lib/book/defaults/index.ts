import { DEFAULT_BOOK_LANGUAGES, defaultBookLanguage, defaultBookPath, type DefaultBookLanguage } from '../default-language';
import type { SalesBook } from '../schema';
import { elBook } from './el';
import { enBook } from './en';
import { ruBook } from './ru';
import { ukBook } from './uk';

/**
 * The books a manager gets before the team lead publishes one, one per UI language. They share
 * every id (see skeleton.ts), so answers, notes and planned touches survive a language switch.
 */

export { DEFAULT_BOOK_LANGUAGES, defaultBookLanguage, type DefaultBookLanguage } from '../default-language';

export const DEFAULT_BOOKS: Readonly<Record<DefaultBookLanguage, SalesBook>> = { en: enBook, ru: ruBook, uk: ukBook, el: elBook };


export function defaultBookFor(language: string | null | undefined): SalesBook {
  return DEFAULT_BOOKS[defaultBookLanguage(language)];
}

/** The packaged `books/<lang>.json` files the worker reads (see default-book-loader.ts). */
export function defaultBookFiles(): Array<{ relativeDest: string; contents: string }> {
  return DEFAULT_BOOK_LANGUAGES.map((language) => ({
    relativeDest: defaultBookPath(language).slice(1),
    contents: JSON.stringify(DEFAULT_BOOKS[language]),
  }));
}

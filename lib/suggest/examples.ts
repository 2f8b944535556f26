import { DEFAULT_BOOK_LANGUAGES, type DefaultBookLanguage } from '../book/default-language';

/**
 * Example phrasings: many ways clients say each default objection (about 22 per objection and
 * language), written from the objections' meanings, not from the books. They give the search a
 * vocabulary far larger than a book's few phrasings; they are matched only, never shown (a result
 * shows the book's objection and phrasing). Keyed by default-book objection id, so a team book's
 * objection with a default id gets them and a custom id does not.
 *
 * One chunk per language, loaded on demand: about 10 KB gzipped each, which the side panel's
 * first paint must not wait for. Until it arrives the search runs on the book's phrasings alone.
 */
export type ExamplePhrasings = Readonly<Record<string, readonly string[]>>;

const LOADERS: Readonly<Record<DefaultBookLanguage, () => Promise<{ examples: ExamplePhrasings }>>> = {
  en: () => import('./search/examples/en'),
  ru: () => import('./search/examples/ru'),
  uk: () => import('./search/examples/uk'),
  el: () => import('./search/examples/el'),
};

/**
 * The language whose examples a book gets: its primary subtag, if there are examples in it.
 * A book in another language gets none: the manager is shown only their own language, and
 * examples in another one would only cross-talk.
 */
export function exampleLanguageOf(bookLanguage: string | null | undefined): DefaultBookLanguage | null {
  const primary = (bookLanguage ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (DEFAULT_BOOK_LANGUAGES as readonly string[]).includes(primary) ? (primary as DefaultBookLanguage) : null;
}

/** The example phrasings for a book of `bookLanguage`; `{}` when there are none. */
export async function loadExamplePhrasings(bookLanguage: string | null | undefined): Promise<ExamplePhrasings> {
  const language = exampleLanguageOf(bookLanguage);
  if (!language) return {};
  return (await LOADERS[language]()).examples;
}

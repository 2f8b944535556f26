/**
 * Which default book a UI language gets. Kept apart from the books themselves: the worker needs
 * the choice at every wake-up, the books only when no team book is in force (and then as a file).
 */

export const DEFAULT_BOOK_LANGUAGES = ['en', 'ru', 'uk', 'el'] as const;
export type DefaultBookLanguage = (typeof DEFAULT_BOOK_LANGUAGES)[number];

/** "uk-UA" -> "uk", "EL" -> "el", anything without a book -> "en". */
export function defaultBookLanguage(language: string | null | undefined): DefaultBookLanguage {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (DEFAULT_BOOK_LANGUAGES as readonly string[]).includes(primary) ? (primary as DefaultBookLanguage) : 'en';
}

/** Where the built extension keeps a default book, as a packaged file the worker fetches. */
export function defaultBookPath(language: DefaultBookLanguage): string {
  return `/books/${language}.json`;
}

import { defaultBookLanguage, defaultBookPath } from './default-language';
import type { SalesBook } from './schema';

/**
 * The worker reads a default book from the packaged file (built from lib/book/defaults, checked
 * against the schema by the unit tests) instead of carrying all four in its bundle: they were
 * most of its size, parsed at every wake-up though a team book usually stands in. One read per
 * language per worker life.
 */
export function createDefaultBookLoader(readPackagedJson: (path: string) => Promise<unknown>) {
  const loaded = new Map<string, Promise<SalesBook>>();
  return (language: string | null | undefined): Promise<SalesBook> => {
    const chosen = defaultBookLanguage(language);
    let book = loaded.get(chosen);
    if (!book) {
      book = readPackagedJson(defaultBookPath(chosen)).then((value) => value as SalesBook);
      // A failed read is not remembered: the next call tries the file again.
      book.catch(() => loaded.delete(chosen));
      loaded.set(chosen, book);
    }
    return book;
  };
}

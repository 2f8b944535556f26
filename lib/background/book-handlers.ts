import type { PanelBookCache } from './book-cache';
import type { BookService } from './books';
import type { UiHandlers } from './router';

type BookHandlers = Pick<UiHandlers, Extract<keyof UiHandlers, `ui/book.${string}`>>;

/**
 * The options page and side panel ask the book service through these. The book they are shown is
 * also kept for the side panel's next cold open (`panelBook`).
 */
export function createBookHandlers(books: BookService, afterConfigure: () => Promise<void>, panelBook?: Pick<PanelBookCache, 'store'>): BookHandlers {
  return {
    'ui/book.status': () => books.status(),
    'ui/book.get': () => (panelBook ? panelBook.store(() => books.layeredBook()) : books.layeredBook()),
    'ui/book.sync': () => books.sync(),
    'ui/book.import': ({ text }) => books.importBook(text),
    'ui/book.forget-imported': () => books.forgetImported(),
    'ui/book.configure': async ({ patch }) => {
      const result = await books.configure(patch);
      if (result.ok) await afterConfigure(); // the sync interval may have changed
      return result;
    },
    'ui/book.personal.get': () => books.personalLayer(),
    'ui/book.personal.save': ({ layer }) => books.savePersonalLayer(layer),
  };
}

import { signal, type ReadonlySignal } from '@preact/signals';
import type { BookStatus, ImportResult, LayeredBookReply } from '../background/books';
import type { BookConfig } from '../book/config';
import type { BookError } from '../book/errors';
import { addPersonalResponse, setSectionNote, type PersonalLayer } from '../book/layers';

export interface BookModelDeps {
  status: () => Promise<BookStatus>;
  book: () => Promise<LayeredBookReply>;
  sync: () => Promise<BookStatus>;
  importText: (text: string) => Promise<ImportResult>;
  forgetImported: () => Promise<BookStatus>;
  configure: (patch: Partial<BookConfig>) => Promise<{ ok: true; status: BookStatus } | { ok: false; errors: BookError[] }>;
  personal: () => Promise<PersonalLayer>;
  savePersonal: (layer: PersonalLayer) => Promise<{ ok: true } | { ok: false; errors: BookError[] }>;
  /**
   * Asks for access to the subscription's host, from the click: the worker fetches the book and
   * needs it. Resolves false when the person said no.
   */
  requestHostAccess: (url: string) => Promise<boolean>;
}

export interface BookModel {
  status: ReadonlySignal<BookStatus | null>;
  book: ReadonlySignal<LayeredBookReply | null>;
  personal: ReadonlySignal<PersonalLayer | null>;
  /** The errors of the last action (an import, a subscription), shown next to the form. */
  errors: ReadonlySignal<BookError[]>;
  busy: ReadonlySignal<boolean>;
  load: () => Promise<void>;
  sync: () => Promise<void>;
  importText: (text: string) => Promise<boolean>;
  forgetImported: () => Promise<void>;
  subscribe: (url: string, publicKey: string, syncMinutes: number) => Promise<boolean>;
  unsubscribe: () => Promise<void>;
  addPersonalResponse: (objectionId: string, text: string, why: string) => Promise<boolean>;
  removePersonalResponse: (objectionId: string, index: number) => Promise<void>;
  /** The manager's own note under a section of the book; an empty note removes it. */
  saveSectionNote: (sectionId: string, note: string) => Promise<boolean>;
  /** The book in force as a file a team lead can edit and publish. */
  exportJson: () => string | null;
}

export function createBookModel(deps: BookModelDeps): BookModel {
  const status = signal<BookStatus | null>(null);
  const book = signal<LayeredBookReply | null>(null);
  const personal = signal<PersonalLayer | null>(null);
  const errors = signal<BookError[]>([]);
  const busy = signal(false);

  const reload = async () => {
    const [nextStatus, nextBook, nextPersonal] = await Promise.all([deps.status(), deps.book(), deps.personal()]);
    status.value = nextStatus;
    book.value = nextBook;
    personal.value = nextPersonal;
  };

  /** Runs an action; its errors (returned or thrown) land in `errors`, the page stays usable. */
  const act = async (work: () => Promise<BookError[] | void>): Promise<boolean> => {
    busy.value = true;
    errors.value = [];
    try {
      const problems = (await work()) ?? [];
      errors.value = problems;
      await reload();
      return problems.length === 0;
    } catch (error) {
      errors.value = [{ path: '', message: error instanceof Error ? error.message : String(error) }];
      return false;
    } finally {
      busy.value = false;
    }
  };

  const savePersonal = async (next: PersonalLayer) => {
    const saved = await deps.savePersonal(next);
    return saved.ok ? [] : saved.errors;
  };

  return {
    status,
    book,
    personal,
    errors,
    busy,
    load: () => act(() => Promise.resolve()).then(() => undefined),
    sync: () => act(async () => void (await deps.sync())).then(() => undefined),
    importText: (text) =>
      act(async () => {
        const result = await deps.importText(text);
        return result.ok ? [] : result.errors;
      }),
    forgetImported: () => act(async () => void (await deps.forgetImported())).then(() => undefined),
    subscribe: (url, publicKey, syncMinutes) => {
      // Ask before anything asynchronous happens, while the click still counts as a user gesture.
      const access = url.trim() ? deps.requestHostAccess(url.trim()) : Promise.resolve(true);
      return act(async () => {
        if (!(await access)) return [{ path: 'subscriptionUrl', message: `access to ${url.trim()} was not granted` }];
        const result = await deps.configure({ subscriptionUrl: url.trim() || null, publicKey: publicKey.trim() || null, syncMinutes });
        if (!result.ok) return result.errors;
        return result.status.lastError?.errors ?? [];
      });
    },
    unsubscribe: () => act(async () => void (await deps.configure({ subscriptionUrl: null }))).then(() => undefined),
    addPersonalResponse: (objectionId, text, why) =>
      act(async () => {
        const layer = personal.value ?? (await deps.personal());
        const response = why.trim() ? { text: text.trim(), why: why.trim() } : { text: text.trim() };
        return savePersonal(addPersonalResponse(layer, objectionId, response));
      }),
    removePersonalResponse: (objectionId, index) =>
      act(async () => {
        const layer = personal.value ?? (await deps.personal());
        const remaining = (layer.responses[objectionId] ?? []).filter((_, position) => position !== index);
        const responses = { ...layer.responses, [objectionId]: remaining };
        if (remaining.length === 0) delete responses[objectionId];
        return savePersonal({ ...layer, responses });
      }).then(() => undefined),
    saveSectionNote: (sectionId, note) =>
      act(async () => savePersonal(setSectionNote(personal.value ?? (await deps.personal()), sectionId, note.trim()))),
    exportJson: () => (book.value ? `${JSON.stringify(withoutPersonal(book.value.book), null, 2)}\n` : null),
  };
}

/** An export is the team's book: personal answers stay with the manager who wrote them. */
function withoutPersonal(book: LayeredBookReply['book']) {
  return {
    ...book,
    objections: book.objections
      .filter((objection) => !objection.personal)
      .map((objection) => ({ ...objection, responses: objection.responses.filter((response) => !response.personal) })),
  };
}

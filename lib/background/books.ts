import { BookConfigSchema, DEFAULT_BOOK_CONFIG, type BookConfig } from '../book/config';
import type { BookError } from '../book/errors';
import { applyPersonalLayer, emptyPersonalLayer, validatePersonalLayer, type LayerResult, type PersonalLayer } from '../book/layers';
import type { SalesBook } from '../book/schema';
import {
  acceptCandidate,
  canChangeSource,
  canEditTeamContent,
  effectiveBook,
  emptySlot,
  pickActiveSource,
  readManagedPolicy,
  type ActiveSource,
  type BookSlot,
} from '../book/sources';
import { damagedSlotError, readBookSlot, type BookSourceSlot } from '../book/stored-slots';
import { checkBookUrl, checkSubscription, resolveIncomingBook, resolveIncomingValue, type BookCandidate } from '../book/subscription';
import type { TouchbookDb } from '../db/database';
import type { BookRecord, BookSlotName } from '../db/schema';
import { onTablesWritten } from '../db/table-changes';

/**
 * The background's side of the sales book: which source is in force, its last good book, syncing
 * it, imports, and the manager's personal layer. Everything is read from Dexie (the worker may be
 * stopped at any time), the team book kept in memory only until what it was read from changes;
 * every book that arrives is validated before it is stored, and a bad one only records its errors
 * next to the last good book.
 */

export const BOOK_SYNC_ALARM = 'touchbook-book-sync';

export interface BookServiceDeps {
  db: TouchbookDb;
  /** `storage.managed.get()`; Firefox rejects when no policy exists, which means "none". */
  readManagedStorage: () => Promise<unknown>;
  fetchImpl: typeof fetch;
  now: () => Date;
  uiLanguage: () => Promise<string>;
  /** The default book for a UI language, used while no source has delivered a good book. */
  defaultBook: (language: string) => Promise<SalesBook>;
  /** Called after the book in force changed (a new version, another source): re-plan touches. */
  onBookChanged: (book: SalesBook) => Promise<void>;
  /**
   * Subscribes to changes of the managed policy. Given, the service keeps the team book in memory
   * between reads (see `keptTeamBook`); absent (tests that swap the policy), it reads it each time.
   */
  onManagedPolicyChange?: (listener: () => void) => void;
}

/** What the options page shows about the book. */
export interface BookStatus {
  source: ActiveSource['key'];
  url: string | null;
  locked: boolean;
  canChangeSource: boolean;
  canEditTeamContent: boolean;
  /** False while the source has delivered nothing good yet and the default book stands in. */
  fromActiveSource: boolean;
  book: { id: string; title: string; version: string; language: string; updatedAt: string };
  acceptedAt: string | null;
  checkedAt: string | null;
  lastError: { at: string; errors: BookError[] } | null;
  policyErrors: BookError[];
  config: BookConfig;
  signedBy: string | null;
}

/** The book as the side panel and options show it: team content plus the manager's additions. */
export type LayeredBookReply = Pick<LayerResult, 'book' | 'notes' | 'orphaned'>;

export type ImportResult = { ok: true; status: BookStatus } | { ok: false; errors: BookError[] };

export function createBookService(deps: BookServiceDeps) {
  const { db } = deps;

  const read = async <T>(slot: BookSlotName, fallback: T): Promise<T> =>
    ((await db.books.get(slot))?.value as T | undefined) ?? fallback;

  /**
   * A source's slot, checked on every read: a restored backup or an old bug may have left
   * anything there. A damaged book is set aside (the default stands in) and the reason is shown.
   */
  const readSlot = async (slot: BookSourceSlot): Promise<BookSlot> => {
    const { slot: reading, damaged } = readBookSlot((await db.books.get(slot))?.value);
    if (!damaged) return reading;
    const error = damagedSlotError(slot, damaged);
    console.warn(`[touchbook] book slot "${slot}":`, error.message, damaged.slice(0, 5));
    return { ...reading, lastError: { at: deps.now().toISOString(), errors: [error, ...damaged].slice(0, 50) } };
  };
  const write = (slot: BookSlotName, value: unknown) => db.books.put({ slot, value, updatedAt: deps.now().getTime() });

  const readPolicy = async () => readManagedPolicy(await deps.readManagedStorage().catch(() => null));

  /** Where the book comes from now, and the slot holding that source's last good book. */
  const current = async () => {
    const [policyReading, config, imported, language] = await Promise.all([
      readPolicy(),
      readConfig(),
      readSlot('imported'),
      deps.uiLanguage(),
    ]);
    const source = pickActiveSource({
      policy: policyReading.policy,
      subscription: config.subscriptionUrl ? { url: config.subscriptionUrl, publicKey: config.publicKey } : null,
      // A damaged import stays the source, so the status can say what happened to it.
      hasImportedBook: imported.book !== null || imported.lastError !== null,
      uiLanguage: language,
    });
    const slotName: BookSourceSlot | null = source.key === 'default' ? null : source.key;
    const slot = slotName ? await readSlot(slotName) : emptySlot();
    return { source, slotName, slot, language, config, policyErrors: policyReading.errors };
  };

  const readConfig = async (): Promise<BookConfig> => {
    const parsed = BookConfigSchema.safeParse(await read<unknown>('config', DEFAULT_BOOK_CONFIG));
    return parsed.success ? parsed.data : DEFAULT_BOOK_CONFIG;
  };

  const status = async (): Promise<BookStatus> => {
    const { source, slot, language, config, policyErrors } = await current();
    const { book, fromActiveSource } = await effectiveBook(slot, language, deps.defaultBook);
    return {
      source: source.key,
      url: source.key === 'managed' || source.key === 'subscription' ? source.url : null,
      locked: source.locked,
      canChangeSource: canChangeSource(source),
      canEditTeamContent: canEditTeamContent(source),
      fromActiveSource,
      book: { id: book.id, title: book.title, version: book.version, language: book.language, updatedAt: book.updatedAt },
      acceptedAt: slot.acceptedAt,
      checkedAt: slot.checkedAt,
      lastError: slot.lastError,
      policyErrors,
      config,
      signedBy: slot.verifiedKeyId,
    };
  };

  /** The team book in force, without the personal layer (what planning uses). */
  const readTeamBook = async (): Promise<SalesBook> => {
    const { slot, language } = await current();
    return (await effectiveBook(slot, language, deps.defaultBook)).book;
  };
  const watchPolicy = deps.onManagedPolicyChange;
  const watchBookSources = (drop: () => void) => {
    onTablesWritten(db, ['books', 'settings'], drop);
    watchPolicy?.(drop);
  };
  const teamBook = watchPolicy ? keptTeamBook(readTeamBook, watchBookSources) : readTeamBook;

  /** Stores a candidate by the last-good rule and tells the planner when the book changed. */
  const settle = async (slotName: BookSourceSlot, candidate: BookCandidate) => {
    const before = await teamBook();
    const slot = await readSlot(slotName);
    await write(slotName, acceptCandidate(slot, candidate, deps.now()));
    const after = await teamBook();
    if (bookIdentity(before) !== bookIdentity(after)) await deps.onBookChanged(after);
  };

  return {
    status,
    teamBook,

    /** The book the side panel shows: the team book with the manager's own additions. */
    async layeredBook(): Promise<LayeredBookReply> {
      const [book, layer] = await Promise.all([teamBook(), personalLayer()]);
      const { book: layered, notes, orphaned } = applyPersonalLayer(book, layer);
      return { book: layered, notes, orphaned };
    },

    /** Fetches (or re-reads) the active source. Safe to call from the alarm at any time. */
    async sync(): Promise<BookStatus> {
      const { source, slot } = await current();
      if (source.key === 'managed') {
        if (source.inlineBook !== null && (source.url === null || slot.book === null)) {
          const inline =
            typeof source.inlineBook === 'string'
              ? await resolveIncomingBook(source.inlineBook)
              : await resolveIncomingValue(source.inlineBook);
          await settle('managed', inline.ok ? { status: 'valid', book: inline.book, etag: null, verifiedKeyId: null } : { status: 'invalid', errors: inline.errors });
        }
        if (source.url !== null) {
          await settle('managed', await fetchCandidate(source.url, slot.etag, source.publicKey));
        }
      } else if (source.key === 'subscription') {
        await settle('subscription', await fetchCandidate(source.url, slot.etag, source.publicKey));
      }
      return status();
    },

    /** A file or pasted JSON: validated (and signature-checked when a key is pinned) first. */
    async importBook(text: string): Promise<ImportResult> {
      const { source, config } = await current();
      if (source.key === 'managed' || source.locked) {
        return { ok: false, errors: [{ path: '', message: 'the book is managed by your administrator' }] };
      }
      const resolved = await resolveIncomingBook(text, { pinnedPublicKey: config.publicKey });
      if (!resolved.ok) return { ok: false, errors: resolved.errors };
      await settle('imported', { status: 'valid', book: resolved.book, etag: null, verifiedKeyId: resolved.verifiedKeyId });
      return { ok: true, status: await status() };
    },

    /** Goes back from an imported book to the default one. */
    async forgetImported(): Promise<BookStatus> {
      const before = await teamBook();
      await db.books.delete('imported');
      const after = await teamBook();
      if (bookIdentity(before) !== bookIdentity(after)) await deps.onBookChanged(after);
      return status();
    },

    async configure(patch: Partial<BookConfig>): Promise<{ ok: true; status: BookStatus } | { ok: false; errors: BookError[] }> {
      const { source } = await current();
      if (source.key === 'managed' || source.locked) {
        return { ok: false, errors: [{ path: '', message: 'the book is managed by your administrator' }] };
      }
      const next = { ...(await readConfig()), ...patch };
      if (next.subscriptionUrl) {
        const checked = checkBookUrl(next.subscriptionUrl);
        if (!checked.ok) return { ok: false, errors: [{ path: 'subscriptionUrl', message: checked.error }] };
        next.subscriptionUrl = checked.url.href;
      }
      const before = await readConfig();
      await write('config', BookConfigSchema.parse(next));
      // A new address starts from scratch: the old ETag and book belong to the old one.
      if (before.subscriptionUrl !== next.subscriptionUrl || before.publicKey !== next.publicKey) {
        await db.books.delete('subscription');
      }
      return { ok: true, status: await this.sync() };
    },

    personalLayer,

    /**
     * The book slots a restored backup must leave alone, with why. `backupBooks` are the file's
     * rows: a signing key its config pins binds the books it brings as much as a local one.
     */
    async slotsProtectedFromRestore(backupBooks: readonly BookRecord[] = []): Promise<Partial<Record<BookSlotName, string>>> {
      const { source, config } = await current();
      const held: Partial<Record<BookSlotName, string>> = {
        // A copy of what the policy delivers: only the policy may fill it, or its ETag pins it.
        managed: 'only your administrator\'s policy delivers this book',
      };
      if (source.key === 'managed' || source.locked) {
        for (const slot of ['config', 'subscription', 'imported'] as const) held[slot] = 'the book is managed by your administrator';
        return held;
      }
      const backupConfig = BookConfigSchema.safeParse(backupBooks.find((row) => row.slot === 'config')?.value);
      const pinned = (source.key === 'subscription' && source.publicKey) || config.publicKey || (backupConfig.success && backupConfig.data.publicKey);
      if (pinned) {
        // Books that had to be signed arrive without their signature; they come from the source again.
        for (const slot of ['subscription', 'imported'] as const) held[slot] = 'a signing key is pinned and a backup carries no signature';
      }
      return held;
    },

    async savePersonalLayer(input: unknown): Promise<{ ok: true } | { ok: false; errors: BookError[] }> {
      const validated = validatePersonalLayer(input);
      if (!validated.ok) return validated;
      await write('personal', validated.layer);
      return { ok: true };
    },

    syncMinutes: async () => (await readConfig()).syncMinutes,
  };

  async function personalLayer(): Promise<PersonalLayer> {
    const validated = validatePersonalLayer(await read<unknown>('personal', emptyPersonalLayer()));
    return validated.ok ? validated.layer : emptyPersonalLayer();
  }

  function fetchCandidate(url: string, etag: string | null, publicKey: string | null) {
    return checkSubscription({ url, etag, fetchImpl: deps.fetchImpl, pinnedPublicKey: publicKey });
  }
}

export type BookService = ReturnType<typeof createBookService>;

/**
 * The team book read once and kept until one of its sources changes: every record change in the
 * CRM reads it (the book's CRM profiles), which cost ~6 ms of the 100 ms the panel has (issue 17).
 * Its sources are the book slots and the settings (the language picks the default book), written
 * here or by any page of the extension, and the managed policy. A change drops the kept book, also
 * one still being read: a read that overlapped a change may have seen either side of it.
 */
export function keptTeamBook(read: () => Promise<SalesBook>, watchSources: (drop: () => void) => void): () => Promise<SalesBook> {
  let kept: Promise<SalesBook> | null = null;
  watchSources(() => {
    kept = null;
  });
  return () => {
    if (kept) return kept;
    const reading = read();
    kept = reading;
    reading.catch(() => {
      if (kept === reading) kept = null; // a failed read is not kept: the next call tries again
    });
    return reading;
  };
}

function bookIdentity(book: SalesBook): string {
  return `${book.id}@${book.version}@${book.updatedAt}`;
}

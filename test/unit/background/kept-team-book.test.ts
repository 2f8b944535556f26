// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { keptTeamBook } from '../../../lib/background/books';
import { validateBook } from '../../../lib/book/validate';
import type { SalesBook } from '../../../lib/book/schema';
import { updateSettings } from '../../../lib/db/settings';
import { openDatabase } from '../../../lib/db/database';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { validBookInput } from '../book/factories';
import { defaultBookFor } from '../../../lib/book/defaults';
import { makeBookService, makeDb } from '../factories';

function teamBook(overrides: Record<string, unknown> = {}): SalesBook {
  const validation = validateBook(validBookInput(overrides));
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return validation.book;
}

/** A book service that keeps the team book, counting how often it reads its sources. */
function keepingService(db = makeDb(), language = { value: 'en' }) {
  const policyListeners: Array<() => void> = [];
  let managed: unknown = {};
  const readManagedStorage = vi.fn(() => Promise.resolve(managed));
  const books = makeBookService(db, {
    readManagedStorage,
    uiLanguage: () => Promise.resolve(language.value),
    defaultBook: (chosen) => Promise.resolve(defaultBookFor(chosen)),
    onManagedPolicyChange: (listener) => policyListeners.push(listener),
  });
  return {
    books,
    db,
    reads: () => readManagedStorage.mock.calls.length,
    setPolicy(value: unknown) {
      managed = value;
      for (const listener of policyListeners) listener();
    },
  };
}

describe('the kept team book', () => {
  it('reads its sources once while nothing changes', async () => {
    const db = makeDb();
    await db.open(); // creating the database counts as a write of every table
    const { books, reads } = keepingService(db);
    const first = await books.teamBook();
    const second = await books.teamBook();
    expect(second).toBe(first);
    expect(reads()).toBe(1);
  });

  it('is read again after an import through the service, which sees the new book at once', async () => {
    const { books } = keepingService();
    expect((await books.teamBook()).id).toBe('touchbook-default-en');
    const result = await books.importBook(JSON.stringify(teamBook()));
    expect(result.ok).toBe(true);
    expect((await books.teamBook()).id).toBe('team-book');
    await books.forgetImported();
    expect((await books.teamBook()).id).toBe('touchbook-default-en');
  });

  it('is read again after another page of the extension writes a book slot (another connection)', async () => {
    const factory = new IDBFactory();
    const workerDb = openDatabase({ indexedDB: factory, IDBKeyRange });
    const pageDb = openDatabase({ indexedDB: factory, IDBKeyRange });
    const { books } = keepingService(workerDb);
    expect((await books.teamBook()).id).toBe('touchbook-default-en');
    await pageDb.books.put({ slot: 'imported', value: { book: teamBook(), acceptedAt: '2026-03-01T09:00:00.000Z', checkedAt: null, etag: null, lastError: null }, updatedAt: 1 });
    expect((await books.teamBook()).id).toBe('team-book');
  });

  it('is read again after the settings change (the language picks the default book)', async () => {
    const language = { value: 'en' };
    const { books, db } = keepingService(makeDb(), language);
    expect((await books.teamBook()).language).toBe('en');
    language.value = 'el';
    await updateSettings(db, { uiLanguage: 'el' });
    expect((await books.teamBook()).language).toBe('el');
  });

  it('is read again after the managed policy changes', async () => {
    const service = keepingService();
    await service.books.teamBook();
    service.setPolicy({ bookUrl: 'https://books.example.com/team.json' });
    await service.books.teamBook();
    expect(service.reads()).toBe(2);
  });

  it('does not keep a read that a change overlapped, nor a read that failed', async () => {
    const results: Array<() => Promise<SalesBook>> = [
      () => Promise.reject(new Error('database closed')),
      () => Promise.resolve(defaultBookFor('en')),
      () => Promise.resolve(defaultBookFor('uk')),
      () => Promise.resolve(defaultBookFor('ru')),
    ];
    const read = vi.fn(() => (results.shift() as () => Promise<SalesBook>)());
    let drop = () => {};
    const book = keptTeamBook(read, (listener) => {
      drop = listener;
    });
    await expect(book()).rejects.toThrow('database closed');
    const overlapped = book();
    drop(); // a source changed while it was read
    expect((await overlapped).language).toBe('en');
    expect((await book()).language).toBe('uk');
    expect((await book()).language).toBe('uk');
    expect(read).toHaveBeenCalledTimes(3);
  });
});

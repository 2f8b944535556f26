import { describe, expect, it, vi } from 'vitest';
import managedSchema from '../../../public/managed_schema.json';
import {
  acceptCandidate,
  canChangeSource,
  canEditTeamContent,
  effectiveBook,
  emptySlot,
  ManagedPolicySchema,
  pickActiveSource,
  readManagedPolicy,
  type BookSourcesState,
} from '../../../lib/book/sources';
import { createDefaultBookLoader } from '../../../lib/book/default-book-loader';
import { defaultBookFiles, defaultBookFor } from '../../../lib/book/defaults';
import { SalesBookSchema } from '../../../lib/book/schema';
import { editableDefaultBook } from './factories';

function state(overrides: Partial<BookSourcesState> = {}): BookSourcesState {
  return { policy: null, subscription: null, hasImportedBook: false, uiLanguage: 'uk-UA', ...overrides };
}

describe('pickActiveSource', () => {
  it('falls back to the default book in the UI language', () => {
    expect(pickActiveSource(state())).toEqual({ key: 'default', language: 'uk', locked: false });
    expect(pickActiveSource(state({ uiLanguage: 'pt-BR' }))).toMatchObject({ key: 'default', language: 'en' });
  });

  it('prefers an imported book over the default', () => {
    expect(pickActiveSource(state({ hasImportedBook: true }))).toEqual({ key: 'imported', locked: false });
  });

  it('prefers a subscription over an imported book, ignoring an address that breaks the rules', () => {
    expect(pickActiveSource(state({ hasImportedBook: true, subscription: { url: 'https://books.example.com/b.json', publicKey: ' KEY ' } }))).toEqual({
      key: 'subscription',
      url: 'https://books.example.com/b.json',
      publicKey: 'KEY',
      locked: false,
    });
    expect(pickActiveSource(state({ hasImportedBook: true, subscription: { url: 'http://books.example.com/b.json' } })).key).toBe('imported');
  });

  it('puts the managed policy above everything, and its key over the manager\'s', () => {
    const chosen = pickActiveSource(
      state({
        policy: { bookUrl: 'https://corp.example.com/book.json', publicKey: 'ADMIN', locked: true },
        subscription: { url: 'https://books.example.com/b.json', publicKey: 'MINE' },
        hasImportedBook: true,
      }),
    );
    expect(chosen).toEqual({ key: 'managed', url: 'https://corp.example.com/book.json', inlineBook: null, publicKey: 'ADMIN', locked: true });
    expect(canEditTeamContent(chosen)).toBe(false);
    expect(canChangeSource(chosen)).toBe(false);
  });

  it('uses a policy that only pins a key or locks, without making it a source', () => {
    const chosen = pickActiveSource(state({ policy: { publicKey: 'ADMIN', locked: true }, subscription: { url: 'https://books.example.com/b.json', publicKey: 'MINE' } }));
    expect(chosen).toMatchObject({ key: 'subscription', publicKey: 'ADMIN', locked: true });
    expect(canChangeSource(chosen)).toBe(false);
  });

  it('uses an inline policy book', () => {
    expect(pickActiveSource(state({ policy: { inlineBook: '{"schema":1}' } }))).toMatchObject({ key: 'managed', url: null, inlineBook: '{"schema":1}', locked: false });
  });
});

describe('readManagedPolicy', () => {
  it('treats nothing, {} and blank strings as "no policy"', () => {
    expect(readManagedPolicy(undefined)).toEqual({ policy: null, errors: [] });
    expect(readManagedPolicy({})).toEqual({ policy: null, errors: [] });
    expect(readManagedPolicy({ bookUrl: '  ', inlineBook: '', publicKey: '' })).toEqual({ policy: null, errors: [] });
  });

  it('keeps good settings, drops unknown ones with a note, and refuses non-HTTPS URLs', () => {
    const reading = readManagedPolicy({ bookURL: 'x', bookUrl: 'http://corp.example.com/b.json', locked: true, publicKey: ' K ' });
    expect(reading.policy).toEqual({ locked: true, publicKey: 'K' });
    expect(reading.errors.map((error) => error.path)).toEqual(['bookURL', 'bookUrl']);
  });

  it('rejects settings of the wrong type', () => {
    expect(readManagedPolicy({ locked: 'yes' })).toMatchObject({ policy: null, errors: [{ path: 'locked' }] });
  });

  it('matches the Chrome managed_schema.json shipped for administrators', () => {
    expect(managedSchema.type).toBe('object');
    expect(Object.keys(managedSchema.properties).sort()).toEqual(Object.keys(ManagedPolicySchema.shape).sort());
    // `team` (the team view's object) is checked by test/unit/team/settings.test.ts.
    for (const property of Object.values(managedSchema.properties)) expect(['string', 'boolean', 'object']).toContain(property.type);
  });
});

describe('acceptCandidate: a bad book never replaces a good one', () => {
  const now = new Date('2025-03-01T09:00:00Z');
  const good = editableDefaultBook();

  it('takes a valid book with its ETag and clears the last error', () => {
    const failed = acceptCandidate(emptySlot(), { status: 'invalid', errors: [{ path: '', message: 'offline' }] }, now);
    const slot = acceptCandidate(failed, { status: 'valid', book: good, etag: '"1"', verifiedKeyId: 'abc' }, now);
    expect(slot).toEqual({ book: good, etag: '"1"', verifiedKeyId: 'abc', acceptedAt: now.toISOString(), checkedAt: now.toISOString(), lastError: null });
  });

  it('keeps the book and its ETag when a candidate is invalid, and records exactly why', () => {
    const accepted = acceptCandidate(emptySlot(), { status: 'valid', book: good, etag: '"1"', verifiedKeyId: null }, now);
    const later = new Date('2025-03-02T09:00:00Z');
    const errors = [{ path: 'programmes[0].touches[0].after', message: 'expected an ISO-8601 duration' }];
    const slot = acceptCandidate(accepted, { status: 'invalid', errors }, later);
    expect(slot.book).toBe(good);
    expect(slot.etag).toBe('"1"');
    expect(slot.acceptedAt).toBe(now.toISOString());
    expect(slot.lastError).toEqual({ at: later.toISOString(), errors });
  });

  it('records a check when nothing changed', () => {
    const accepted = acceptCandidate(emptySlot(), { status: 'valid', book: good, etag: '"1"', verifiedKeyId: null }, now);
    const later = new Date('2025-03-03T09:00:00Z');
    expect(acceptCandidate(accepted, { status: 'not-modified' }, later)).toMatchObject({ book: good, checkedAt: later.toISOString(), lastError: null });
  });
});

describe('effectiveBook', () => {
  it('uses the source\'s last good book, else the default for the UI language, loaded only then', async () => {
    const good = editableDefaultBook();
    const load = vi.fn((language: string) => Promise.resolve(defaultBookFor(language)));
    await expect(effectiveBook({ ...emptySlot(), book: good }, 'ru', load)).resolves.toEqual({ book: good, fromActiveSource: true });
    expect(load).not.toHaveBeenCalled();
    await expect(effectiveBook(emptySlot(), 'ru', load)).resolves.toMatchObject({ fromActiveSource: false, book: { id: 'touchbook-default-ru' } });
    await expect(effectiveBook(undefined, 'xx', load)).resolves.toMatchObject({ book: { id: 'touchbook-default-en' } });
  });
});

describe('the packaged default books', () => {
  it('are the default books, one file per language, each a valid sales book', () => {
    const files = defaultBookFiles();
    expect(files.map((file) => file.relativeDest)).toEqual(['books/en.json', 'books/ru.json', 'books/uk.json', 'books/el.json']);
    for (const file of files) {
      const language = file.relativeDest.slice('books/'.length, -'.json'.length);
      const book: unknown = JSON.parse(file.contents);
      expect(book, language).toEqual(defaultBookFor(language));
      expect(SalesBookSchema.safeParse(book).success, language).toBe(true);
    }
  });

  it('the worker reads each file once, picks the language as the books do, and retries a failed read', async () => {
    const read = vi.fn((path: string) => Promise.resolve(JSON.parse(defaultBookFiles().find((file) => `/${file.relativeDest}` === path)!.contents) as unknown));
    const load = createDefaultBookLoader(read);
    await expect(load('uk-UA')).resolves.toMatchObject({ id: 'touchbook-default-uk' });
    await load('uk');
    await expect(load('de')).resolves.toMatchObject({ id: 'touchbook-default-en' });
    expect(read.mock.calls.map(([path]) => path)).toEqual(['/books/uk.json', '/books/en.json']);

    let fail = true;
    const flaky = createDefaultBookLoader((path) => (fail ? Promise.reject(new Error('worker stopping')) : read(path)));
    await expect(flaky('el')).rejects.toThrow('worker stopping');
    fail = false;
    await expect(flaky('el')).resolves.toMatchObject({ id: 'touchbook-default-el' });
  });
});

// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { emptySlot, type BookSlot } from '../../../lib/book/sources';
import { validateBook } from '../../../lib/book/validate';
import type { SalesBook } from '../../../lib/book/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, importBackup } from '../../../lib/db/backup';
import type { BookRecord } from '../../../lib/db/schema';
import { validBookInput } from '../book/factories';
import { makeBookService, makeDb } from '../factories';

/**
 * Issue 16, bullet 1: the books table is data from outside once a backup was restored. Every
 * slot is checked when a backup writes it and again whenever it is read; slots an administrator's
 * policy controls are not restored at all, and no restored slot keeps its ETag.
 */

const TEAM_URL = 'https://books.example.com/team.json';
const NOW = new Date('2026-03-01T09:00:00Z').getTime();

function teamBook(overrides: Record<string, unknown> = {}): SalesBook {
  const validation = validateBook(validBookInput(overrides));
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return validation.book;
}

const slotWith = (book: unknown, overrides: Partial<BookSlot> = {}) => ({ ...emptySlot(), book, acceptedAt: '2026-01-01T00:00:00.000Z', ...overrides });

/** A book that passes a glance (id, title) but would break the panel: objections is not a list. */
const brokenBook = () => ({ ...teamBook({ id: 'broken-book' }), objections: 'none' });

function backupWithBooks(books: BookRecord[]) {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: NOW,
    tables: { clients: [], events: [], touches: [], answers: [], books, sites: [], settings: [] },
  };
}

/** A fetch that records the If-None-Match it was sent and answers 304 (or what `answer` says). */
function recordingFetch(answer: () => Response = () => new Response(null, { status: 304 })) {
  const seen: Array<string | null> = [];
  const fetchImpl = vi.fn((input: string | URL, init?: RequestInit) => {
    seen.push(new Headers(init?.headers).get('if-none-match'));
    const response = answer();
    Object.defineProperty(response, 'url', { value: input.toString() });
    return Promise.resolve(response);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, seen };
}

describe('reading a stored book slot', () => {
  it('sets a damaged imported book aside: the panel gets the default book and the status says why', async () => {
    const db = makeDb();
    await db.books.put({ slot: 'imported', value: slotWith(brokenBook()), updatedAt: NOW });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const books = makeBookService(db);

    const layered = await books.layeredBook();
    expect(layered.book.id).toBe('touchbook-default-en');
    const status = await books.status();
    expect(status).toMatchObject({ fromActiveSource: false, book: { id: 'touchbook-default-en' } });
    expect(status.lastError?.errors[0]?.message).toMatch(/stored book .*damaged.*objections/);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('keeps a good book when only the bookkeeping around it is damaged', async () => {
    const db = makeDb();
    await db.books.put({ slot: 'imported', value: { ...slotWith(teamBook()), lastError: 'oops', etag: 42 }, updatedAt: NOW });
    const status = await makeBookService(db).status();
    expect(status).toMatchObject({ source: 'imported', fromActiveSource: true, book: { id: 'team-book' } });
  });

  it.each([
    ['not an object', 'hello'],
    ['an array', [1, 2, 3]],
    ['null', null],
  ])('treats a slot that is %s as empty', async (_what, value) => {
    const db = makeDb();
    await db.books.put({ slot: 'imported', value, updatedAt: NOW });
    const books = makeBookService(db);
    await expect(books.layeredBook()).resolves.toMatchObject({ book: { id: 'touchbook-default-en' } });
  });

  it('falls back to the policy\'s inline book when the stored managed book is damaged', async () => {
    const db = makeDb();
    await db.books.put({ slot: 'managed', value: slotWith(brokenBook()), updatedAt: NOW });
    const inline = JSON.stringify(teamBook({ id: 'company-book' }));
    const books = makeBookService(db, { readManagedStorage: () => Promise.resolve({ inlineBook: inline, locked: true }) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(books.layeredBook()).resolves.toMatchObject({ book: { id: 'touchbook-default-en' } });
    const synced = await books.sync();
    expect(synced.book.id).toBe('company-book');
    vi.restoreAllMocks();
  });
});

describe('restoring the books table from a backup', () => {
  it('skips a slot whose book is invalid and keeps the local one, saying why', async () => {
    const db = makeDb();
    const books = makeBookService(db);
    await books.importBook(JSON.stringify(teamBook({ version: '1.0.0' })));

    const summary = await importBackup(db, backupWithBooks([{ slot: 'imported', value: slotWith(brokenBook()), updatedAt: NOW + 10 }]), { mode: 'merge' });
    expect(summary.written.books).toBe(0);
    expect(summary.skipped).toEqual([
      expect.objectContaining({ table: 'books', reason: 'invalid-book', count: 1, examples: [expect.stringMatching(/^imported: .*objections/)] }),
    ]);
    await expect(books.status()).resolves.toMatchObject({ source: 'imported', book: { id: 'team-book', version: '1.0.0' } });
  });

  it('skips a bad config and a bad personal layer too', async () => {
    const db = makeDb();
    const summary = await importBackup(
      db,
      backupWithBooks([
        { slot: 'config', value: { subscriptionUrl: 'javascript:alert(1)', publicKey: null, syncMinutes: 1 }, updatedAt: NOW },
        { slot: 'personal', value: { notes: ['Call after 10'] }, updatedAt: NOW },
      ]),
      { mode: 'replace' },
    );
    expect(summary.written.books).toBe(0);
    expect(summary.skipped[0]).toMatchObject({ table: 'books', reason: 'invalid-book', count: 2 });
    await expect(db.books.count()).resolves.toBe(0);
  });

  it('restores a good imported book without its ETag', async () => {
    const db = makeDb();
    const summary = await importBackup(db, backupWithBooks([{ slot: 'imported', value: slotWith(teamBook(), { etag: '"old"' }), updatedAt: NOW }]), { mode: 'replace' });
    expect(summary.written.books).toBe(1);
    expect(((await db.books.get('imported'))?.value as BookSlot).etag).toBeNull();
    await expect(makeBookService(db).status()).resolves.toMatchObject({ source: 'imported', book: { id: 'team-book' } });
  });

  it('never restores the ETag of a subscription, so the next sync fetches the book afresh', async () => {
    const db = makeDb();
    await db.books.put({ slot: 'config', value: { subscriptionUrl: TEAM_URL, publicKey: null, syncMinutes: 60 }, updatedAt: NOW });
    await importBackup(db, backupWithBooks([{ slot: 'subscription', value: slotWith(teamBook({ id: 'from-the-file' }), { etag: '"current"' }), updatedAt: NOW }]), { mode: 'merge' });
    const { fetchImpl, seen } = recordingFetch(() => new Response(JSON.stringify(teamBook({ id: 'from-the-server' })), { status: 200, headers: { etag: '"current"' } }));
    const status = await makeBookService(db, { fetchImpl }).sync();
    expect(seen).toEqual([null]);
    expect(status.book.id).toBe('from-the-server');
  });
});

describe('slots an administrator controls are not restored', () => {
  async function lockedByPolicy(policy: Record<string, unknown>) {
    const db = makeDb();
    const { fetchImpl, seen } = recordingFetch(() => new Response(JSON.stringify(teamBook({ id: 'company-book' })), { status: 200, headers: { etag: '"company-v1"' } }));
    const books = makeBookService(db, { readManagedStorage: () => Promise.resolve(policy), fetchImpl });
    await books.sync();
    return { db, books, seen };
  }

  const hostileBooks = (): BookRecord[] => [
    { slot: 'managed', value: slotWith(teamBook({ id: 'from-the-file' }), { etag: '"company-v1"' }), updatedAt: NOW + 1_000 },
    { slot: 'subscription', value: slotWith(teamBook({ id: 'from-the-file' })), updatedAt: NOW + 1_000 },
    { slot: 'imported', value: slotWith(teamBook({ id: 'from-the-file' })), updatedAt: NOW + 1_000 },
    { slot: 'config', value: { subscriptionUrl: 'https://elsewhere.example.com/book.json', publicKey: null, syncMinutes: 60 }, updatedAt: NOW + 1_000 },
  ];

  it.each(['merge', 'replace'] as const)('under a locked policy (%s): the managed book and its ETag stay', async (mode) => {
    const { db, books, seen } = await lockedByPolicy({ bookUrl: TEAM_URL, locked: true });
    const managedBefore = await db.books.get('managed');
    const summary = await importBackup(db, backupWithBooks(hostileBooks()), { mode, protectedBookSlots: await books.slotsProtectedFromRestore() });

    expect(summary.written.books).toBe(0);
    expect(summary.skipped).toEqual([expect.objectContaining({ table: 'books', reason: 'policy-controlled', count: 4 })]);
    await expect(db.books.get('managed')).resolves.toEqual(managedBefore);
    await books.sync();
    expect(seen.at(-1)).toBe('"company-v1"');
    await expect(books.status()).resolves.toMatchObject({ source: 'managed', book: { id: 'company-book' } });
  });

  it('under a pinned signing key: the subscription and imported books are not restored, the personal layer is', async () => {
    const db = makeDb();
    const books = makeBookService(db);
    await db.books.put({ slot: 'config', value: { subscriptionUrl: TEAM_URL, publicKey: 'A'.repeat(43) + '=', syncMinutes: 60 }, updatedAt: NOW });
    const protectedSlots = await books.slotsProtectedFromRestore();
    expect(Object.keys(protectedSlots).sort()).toEqual(['imported', 'managed', 'subscription']);

    const personal = { schema: 1, objections: [], responses: {}, notes: { greeting: 'Smile' } };
    const summary = await importBackup(
      db,
      backupWithBooks([...hostileBooks().filter((row) => row.slot !== 'config'), { slot: 'personal', value: personal, updatedAt: NOW }]),
      { mode: 'merge', protectedBookSlots: protectedSlots },
    );
    expect(summary.written.books).toBe(1);
    expect(summary.skipped).toEqual([expect.objectContaining({ reason: 'policy-controlled', count: 3 })]);
    await expect(db.books.get('subscription')).resolves.toBeUndefined();
    await expect(books.personalLayer()).resolves.toMatchObject({ notes: { greeting: 'Smile' } });
  });

  it('a pinned key in the backup\'s own config also protects the books it would bring', async () => {
    const db = makeDb();
    const books = makeBookService(db);
    const config = { slot: 'config' as const, value: { subscriptionUrl: TEAM_URL, publicKey: 'A'.repeat(43) + '=', syncMinutes: 60 }, updatedAt: NOW };
    const protectedSlots = await books.slotsProtectedFromRestore([config]);
    expect(Object.keys(protectedSlots).sort()).toEqual(['imported', 'managed', 'subscription']);
  });

  it('without any policy only the managed slot (a copy of what a policy delivers) is held back', async () => {
    await expect(makeBookService(makeDb()).slotsProtectedFromRestore()).resolves.toEqual({ managed: expect.any(String) });
  });
});

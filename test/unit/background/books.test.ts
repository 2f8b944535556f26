// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { generateKeyPair, signBook } from '../../../lib/book/signature';
import { validateBook } from '../../../lib/book/validate';
import type { SalesBook } from '../../../lib/book/schema';
import { validBookInput } from '../book/factories';
import { makeBookService, makeDb } from '../factories';

const TEAM_URL = 'https://books.example.com/team.json';

function teamBook(overrides: Record<string, unknown> = {}): SalesBook {
  const validation = validateBook(validBookInput(overrides));
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return validation.book;
}

/** A fetch that answers from a script of responses, recording the requests it saw. */
function scriptedFetch(...responses: Array<() => Response>) {
  const requests: Array<{ url: string; ifNoneMatch: string | null }> = [];
  const fetchImpl = vi.fn((input: string | URL, init?: RequestInit) => {
    const url = input.toString();
    const headers = new Headers(init?.headers);
    requests.push({ url, ifNoneMatch: headers.get('if-none-match') });
    const next = responses.shift();
    if (!next) return Promise.reject(new Error('unexpected request'));
    const response = next();
    Object.defineProperty(response, 'url', { value: url });
    return Promise.resolve(response);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, requests };
}

const ok = (body: unknown, etag = '"v1"') => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { etag, 'content-type': 'application/json' } });

describe('book service', () => {
  it('uses the default book in the UI language when nothing else is set', async () => {
    const books = makeBookService(makeDb(), { uiLanguage: () => Promise.resolve('uk') });
    const status = await books.status();
    expect(status).toMatchObject({ source: 'default', canChangeSource: true, fromActiveSource: false });
    expect(status.book.id).toBe('touchbook-default-uk');
  });

  it('imports a valid book and tells the planner the book changed', async () => {
    const onBookChanged = vi.fn(() => Promise.resolve());
    const books = makeBookService(makeDb(), { onBookChanged });
    const result = await books.importBook(JSON.stringify(teamBook()));
    expect(result.ok).toBe(true);
    const status = await books.status();
    expect(status).toMatchObject({ source: 'imported', book: { id: 'team-book', version: '1.2.0' } });
    expect(onBookChanged).toHaveBeenCalledTimes(1);
  });

  it('rejects a broken import with every error and keeps the book it had', async () => {
    const books = makeBookService(makeDb());
    await books.importBook(JSON.stringify(teamBook()));
    const broken = await books.importBook(JSON.stringify({ ...validBookInput(), version: 7, programmes: 'none' }));
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.errors.map((error) => error.path)).toEqual(expect.arrayContaining(['version', 'programmes']));
    expect((await books.status()).book.id).toBe('team-book');
  });

  it('refuses an unsigned import once a public key is pinned', async () => {
    const books = makeBookService(makeDb());
    const { publicKey } = await generateKeyPair();
    await books.configure({ publicKey });
    const result = await books.importBook(JSON.stringify(teamBook()));
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('signature required') }] });
  });

  it('accepts a book signed with the pinned key and says who signed it', async () => {
    const books = makeBookService(makeDb());
    const keys = await generateKeyPair();
    await books.configure({ publicKey: keys.publicKey });
    const signed = await signBook(teamBook(), keys.privateKey);
    const result = await books.importBook(JSON.stringify(signed));
    expect(result.ok).toBe(true);
    expect((await books.status()).signedBy).toBe(keys.keyId);
  });

  it('subscribes, revalidates with the ETag, and keeps the last good book through failures', async () => {
    const { fetchImpl, requests } = scriptedFetch(
      ok(teamBook({ version: '2.0.0' })),
      () => new Response(null, { status: 304 }),
      () => new Response('oops', { status: 500 }),
      () => new Response('{ not json', { status: 200, headers: { etag: '"v3"' } }),
    );
    const books = makeBookService(makeDb(), { fetchImpl });

    const subscribed = await books.configure({ subscriptionUrl: TEAM_URL });
    expect(subscribed).toMatchObject({ ok: true, status: { source: 'subscription', book: { version: '2.0.0' }, lastError: null } });

    await books.sync();
    expect(requests[1]).toEqual({ url: TEAM_URL, ifNoneMatch: '"v1"' });

    const failed = await books.sync();
    expect(failed.book.version).toBe('2.0.0');
    expect(failed.lastError?.errors[0]?.message).toMatch(/500/);

    const invalid = await books.sync();
    expect(invalid.book.version).toBe('2.0.0');
    expect(invalid.lastError?.errors.length).toBeGreaterThan(0);
    // Only an accepted book's ETag is kept, so the broken one is fetched again next time.
    expect(requests[3]?.ifNoneMatch).toBe('"v1"');
  });

  it('shows a redirect loop on the book address as such, not as "Failed to fetch"', async () => {
    const fetchImpl = vi.fn((_input: string | URL, init?: RequestInit) => {
      if (init?.redirect !== 'manual') return Promise.reject(new TypeError('Failed to fetch'));
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      return Promise.resolve(response);
    }) as unknown as typeof fetch;
    const books = makeBookService(makeDb(), { fetchImpl });
    const result = await books.configure({ subscriptionUrl: TEAM_URL });
    expect(result.ok).toBe(true);
    const message = result.ok ? (result.status.lastError?.errors[0]?.message ?? '') : '';
    expect(message).toMatch(/redirect loop or more than 20 redirects/);
    expect(message).not.toMatch(/Failed to fetch/);
  });

  it('refuses a plain-http subscription address on another machine', async () => {
    const books = makeBookService(makeDb());
    const result = await books.configure({ subscriptionUrl: 'http://books.example.com/team.json' });
    expect(result.ok).toBe(false);
    expect((await books.status()).source).toBe('default');
  });

  it('lets an administrator policy win, and locks the source', async () => {
    const inline = JSON.stringify(teamBook({ id: 'company-book', version: '9.0.0' }));
    const books = makeBookService(makeDb(), { readManagedStorage: () => Promise.resolve({ inlineBook: inline, locked: true }) });
    const status = await books.sync();
    expect(status).toMatchObject({ source: 'managed', locked: true, canChangeSource: false, book: { id: 'company-book' } });
    await expect(books.importBook(JSON.stringify(teamBook()))).resolves.toMatchObject({ ok: false });
    await expect(books.configure({ subscriptionUrl: TEAM_URL })).resolves.toMatchObject({ ok: false });
  });

  it('treats Firefox rejecting managed storage as "no policy"', async () => {
    const books = makeBookService(makeDb(), {
      readManagedStorage: () => Promise.reject(new Error('Managed storage manifest not found')),
    });
    await expect(books.status()).resolves.toMatchObject({ source: 'default', policyErrors: [] });
  });

  it('shows a policy with an unknown key as an error without dropping the rest', async () => {
    const inline = JSON.stringify(teamBook({ id: 'company-book' }));
    const books = makeBookService(makeDb(), { readManagedStorage: () => Promise.resolve({ inlineBook: inline, bookURL: 'x' }) });
    const status = await books.sync();
    expect(status.book.id).toBe('company-book');
    expect(status.policyErrors.map((error) => error.path)).toEqual(['bookURL']);
  });

  it('keeps personal responses on top of the team book, and rejects a malformed layer', async () => {
    const books = makeBookService(makeDb());
    await books.importBook(JSON.stringify(teamBook()));
    const saved = await books.savePersonalLayer({
      schema: 1,
      objections: [],
      responses: { 'price-too-expensive': [{ text: 'My own answer', why: 'It works for me' }] },
      notes: {},
    });
    expect(saved).toEqual({ ok: true });
    const { book } = await books.layeredBook();
    const responses = book.objections.find((objection) => objection.id === 'price-too-expensive')?.responses ?? [];
    expect(responses.map((response) => response.text)).toContain('My own answer');

    await expect(books.savePersonalLayer({ responses: 'nope' })).resolves.toMatchObject({ ok: false });
    expect((await books.personalLayer()).responses['price-too-expensive']).toHaveLength(1);
  });

  it('goes back to the default book when the imported one is forgotten', async () => {
    const books = makeBookService(makeDb());
    await books.importBook(JSON.stringify(teamBook()));
    const status = await books.forgetImported();
    expect(status.source).toBe('default');
  });
});

// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enBook } from '../../../lib/book/defaults/en';
import { acceptCandidate, emptySlot } from '../../../lib/book/sources';
import { generateKeyPair, signBook } from '../../../lib/book/signature';
import { checkBookUrl, checkSubscription, fetchBook, resolveIncomingBook } from '../../../lib/book/subscription';

const BOOK_TEXT = JSON.stringify(enBook);
const ETAG = '"book-v1"';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

const routes: Record<string, Route> = {
  '/book.json': (request, response) => {
    if (request.headers['if-none-match'] === ETAG) {
      response.writeHead(304, { ETag: ETAG }).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json', ETag: ETAG }).end(BOOK_TEXT);
  },
  '/missing.json': (_request, response) => response.writeHead(404).end('not here'),
  '/broken.json': (_request, response) => response.writeHead(500).end('oops'),
  '/slow.json': (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('{"schema": 1,');
    setTimeout(() => response.end('}'), 3_000).unref();
  },
  '/huge-declared.json': (_request, response) => response.writeHead(200, { 'Content-Length': String(6_000_000) }).end(),
  '/huge-streamed.json': (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    const pump = (): void => {
      while (sent < 8_000_000) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    response.on('error', () => undefined);
    pump();
  },
  '/invalid.json': (_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"schema": 1,,}'),
  '/schema-invalid.json': (_request, response) => response.writeHead(200).end(JSON.stringify({ schema: 1, title: 5 })),
  '/login.html': (_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html>Sign in</html>'),
  '/not-utf8.json': (_request, response) => response.writeHead(200).end(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
  '/redirect-local.json': (_request, response) => response.writeHead(302, { Location: '/book.json' }).end(),
};

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('checkBookUrl', () => {
  it.each(['https://books.example.com/team.json', 'http://localhost:8080/book.json', 'http://127.0.0.1/book.json', 'http://[::1]:3000/b.json'])('accepts %s', (url) => {
    expect(checkBookUrl(url).ok).toBe(true);
  });

  it.each(['http://books.example.com/team.json', 'ftp://example.com/b.json', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'https://user:pw@example.com/b.json', 'http://127.0.0.2/b.json'])(
    'rejects %s',
    (url) => {
      expect(checkBookUrl(url).ok).toBe(false);
    },
  );
});

describe('fetchBook against a local server', () => {
  it('downloads a book with its ETag, then gets 304 with If-None-Match', async () => {
    const first = await fetchBook({ url: `${base}/book.json` });
    expect(first).toEqual({ status: 'updated', text: BOOK_TEXT, etag: ETAG });
    expect(await fetchBook({ url: `${base}/book.json`, etag: ETAG })).toEqual({ status: 'not-modified' });
  });

  it('reports HTTP errors with their status', async () => {
    expect(await fetchBook({ url: `${base}/missing.json` })).toEqual({ status: 'error', error: 'the server answered 404 Not Found' });
    expect(await fetchBook({ url: `${base}/broken.json` })).toEqual({ status: 'error', error: 'the server answered 500 Internal Server Error' });
  });

  it('gives up on a slow server after the timeout', async () => {
    const started = Date.now();
    const result = await fetchBook({ url: `${base}/slow.json`, timeoutMs: 300 });
    expect(result).toEqual({ status: 'error', error: 'no complete answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('refuses oversized books, declared or streamed, without reading them whole', async () => {
    expect(await fetchBook({ url: `${base}/huge-declared.json` })).toEqual({ status: 'error', error: 'the book is larger than 5 MB; it was not loaded' });
    expect(await fetchBook({ url: `${base}/huge-streamed.json`, maxBytes: 1_000_000 })).toEqual({ status: 'error', error: 'the book is larger than 1 MB; it was not loaded' });
  });

  it('refuses web pages and text that is not UTF-8', async () => {
    expect(await fetchBook({ url: `${base}/login.html` })).toMatchObject({ status: 'error', error: expect.stringContaining('text/html') });
    expect(await fetchBook({ url: `${base}/not-utf8.json` })).toEqual({ status: 'error', error: 'the book is not valid UTF-8 text' });
  });

  it('follows a redirect that stays on the local machine', async () => {
    expect(await fetchBook({ url: `${base}/redirect-local.json` })).toMatchObject({ status: 'updated', etag: ETAG });
  });

  it('reports an unreachable server', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchBook({ url: `http://127.0.0.1:${port}/book.json` })).toMatchObject({ status: 'error', error: expect.stringContaining('could not load the book from 127.0.0.1') });
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = fetchBook({ url: `${base}/slow.json`, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ status: 'error', error: 'cancelled' });
  });
});

/** A 200 response that claims to have ended up at `finalUrl` after redirects. */
function responseFrom(finalUrl: string): Response {
  const response = new Response(BOOK_TEXT, { status: 200 });
  Object.defineProperty(response, 'url', { value: finalUrl });
  return response;
}

describe('fetchBook rules that need no server', () => {
  it('never calls fetch for a plain-http remote address', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    expect(await fetchBook({ url: 'http://books.example.com/b.json', fetchImpl })).toMatchObject({ status: 'error' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('sends If-None-Match, omits credentials and does not use the HTTP cache', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(new Response(null, { status: 304 })));
    await fetchBook({ url: 'https://books.example.com/b.json', etag: 'W/"7"', fetchImpl });
    const init = fetchImpl.mock.calls[0]?.[1];
    expect(init).toMatchObject({ redirect: 'follow', credentials: 'omit', cache: 'no-store', headers: { 'If-None-Match': 'W/"7"' } });
  });

  it('refuses a book that a redirect moved off HTTPS', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(responseFrom('http://evil.example/book.json')));
    expect(await fetchBook({ url: 'https://books.example.com/b.json', fetchImpl })).toEqual({
      status: 'error',
      error: 'the server redirected to http://evil.example, which is not HTTPS; the book was not loaded',
    });
  });

  it('refuses a remote book redirected to the local machine over plain HTTP', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(responseFrom('http://127.0.0.1:9/book.json')));
    expect(await fetchBook({ url: 'https://books.example.com/b.json', fetchImpl })).toMatchObject({ status: 'error' });
  });
});

describe('resolveIncomingBook', () => {
  it('accepts a bare valid book when no key is pinned', async () => {
    expect(await resolveIncomingBook(BOOK_TEXT)).toMatchObject({ ok: true, verifiedKeyId: null, book: { id: 'touchbook-default-en' } });
  });

  it('reports JSON and schema errors', async () => {
    expect(await resolveIncomingBook('{"schema": 1,,}')).toMatchObject({ ok: false, errors: [{ path: '', message: expect.stringContaining('line 1, column 14') }] });
    const invalid = await resolveIncomingBook(JSON.stringify({ schema: 1, title: 5 }));
    expect(invalid.ok ? [] : invalid.errors.map((error) => error.path)).toEqual(expect.arrayContaining(['title', 'id']));
  });

  it('requires a good signature when a key is pinned', async () => {
    const keys = await generateKeyPair();
    const envelope = await signBook(enBook, keys.privateKey);
    expect(await resolveIncomingBook(JSON.stringify(envelope), { pinnedPublicKey: keys.publicKey })).toMatchObject({ ok: true, verifiedKeyId: keys.keyId });
    expect(await resolveIncomingBook(BOOK_TEXT, { pinnedPublicKey: keys.publicKey })).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringContaining('signature required') }],
    });
    const tampered = JSON.stringify(envelope).replace('Touchbook starter sales book', 'Touchbook started sales book');
    expect(await resolveIncomingBook(tampered, { pinnedPublicKey: keys.publicKey })).toMatchObject({
      ok: false,
      errors: [{ path: 'signature', message: expect.stringContaining('bad signature') }],
    });
  });

  it('reads a signed book without a pinned key, but does not call it verified', async () => {
    const keys = await generateKeyPair();
    const envelope = await signBook(enBook, keys.privateKey);
    expect(await resolveIncomingBook(JSON.stringify(envelope))).toMatchObject({ ok: true, verifiedKeyId: null });
  });

  it('points errors inside a signed file at "book."', async () => {
    const keys = await generateKeyPair();
    const envelope = await signBook({ ...enBook, title: '' }, keys.privateKey);
    const result = await resolveIncomingBook(JSON.stringify(envelope), { pinnedPublicKey: keys.publicKey });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'book.title' }] });
    expect(await resolveIncomingBook(JSON.stringify({ ...envelope, extra: 1 }))).toMatchObject({ ok: false, errors: [{ path: 'extra' }] });
  });
});

describe('checkSubscription and the last-good rule', () => {
  it('keeps the last good book when the next download is bad', async () => {
    const now = new Date('2025-03-01T09:00:00Z');
    let slot = acceptCandidate(emptySlot(), await checkSubscription({ url: `${base}/book.json` }), now);
    expect(slot).toMatchObject({ etag: ETAG, lastError: null, book: { id: 'touchbook-default-en' } });

    slot = acceptCandidate(slot, await checkSubscription({ url: `${base}/book.json`, etag: slot.etag }), now);
    expect(slot).toMatchObject({ etag: ETAG, book: { id: 'touchbook-default-en' } });

    for (const bad of ['/schema-invalid.json', '/invalid.json', '/missing.json']) {
      slot = acceptCandidate(slot, await checkSubscription({ url: `${base}${bad}`, etag: slot.etag }), now);
      expect(slot.book?.id).toBe('touchbook-default-en');
      expect(slot.etag).toBe(ETAG);
      expect(slot.lastError?.errors.length).toBeGreaterThan(0);
    }
    expect(slot.lastError?.errors).toEqual([{ path: '', message: 'the server answered 404 Not Found' }]);
  });
});

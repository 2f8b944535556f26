// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchBook } from '../../../lib/book/subscription';

/**
 * Issue 16, bullet 6: when the book cannot be fetched, the manager (or team lead) is told what
 * happened, not "Failed to fetch". Browsers hide the reason behind one TypeError, so fetchBook
 * probes again (redirect: 'manual', then mode: 'no-cors') to tell the cases apart.
 */

const URL_ = 'https://books.example.com/team.json';

type Answer = Response | Error;

/**
 * A fetch that answers by request kind: `follow` (the real request), `manual` (the redirect probe),
 * `no-cors` (the CORS probe); a function answers per URL.
 */
function browserFetch(answers: Partial<Record<'follow' | 'manual' | 'no-cors', Answer | ((url: string) => Answer)>>) {
  const calls: Array<{ url: string; kind: string }> = [];
  const fetchImpl = vi.fn((input: string | URL, init?: RequestInit) => {
    const url = input.toString();
    const kind = init?.mode === 'no-cors' ? 'no-cors' : init?.redirect === 'manual' ? 'manual' : 'follow';
    calls.push({ url, kind });
    const entry = answers[kind];
    const answer = typeof entry === 'function' ? entry(url) : entry;
    if (!answer) return Promise.reject(new TypeError('Failed to fetch'));
    if (answer instanceof Error) return Promise.reject(answer);
    Object.defineProperty(answer, 'url', { value: url });
    return Promise.resolve(answer);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, calls };
}

/** What a browser hands an extension for a redirect under redirect: 'manual': no status, no Location. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  return response;
}

function opaque(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaque' });
  Object.defineProperty(response, 'status', { value: 0 });
  return response;
}

const redirectTo = (location: string) => new Response(null, { status: 302, headers: { location } });

/** Node's fetch: "fetch failed", the real reason in `cause`. */
function nodeFailure(code: string, message = code): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('saying why the book could not be fetched (browser: probes)', () => {
  it('names a redirect the browser could not follow to its end', async () => {
    const { fetchImpl, calls } = browserFetch({ manual: opaqueRedirect() });
    const result = await fetchBook({ url: URL_, fetchImpl });
    expect(result).toMatchObject({ status: 'error', reason: 'redirect-loop' });
    if (result.status === 'error') {
      expect(result.error).toMatch(/redirect/);
      expect(result.error).toMatch(/loop|more than 20/);
      expect(result.error).not.toMatch(/Failed to fetch/);
    }
    expect(calls.map((call) => call.kind)).toEqual(['follow', 'manual']);
  });

  it('follows a readable redirect chain itself and shows the loop', async () => {
    const { fetchImpl } = browserFetch({
      manual: (url) => (url.endsWith('/team.json') ? redirectTo('/a') : url.endsWith('/a') ? redirectTo('https://books.example.com/b') : redirectTo('/a')),
    });
    const result = await fetchBook({ url: URL_, fetchImpl });
    expect(result).toMatchObject({
      status: 'error',
      reason: 'redirect-loop',
      error: expect.stringContaining('https://books.example.com/a → https://books.example.com/b → https://books.example.com/a'),
    });
  });

  it('says "more than 20 redirects" for a chain that never ends but never repeats', async () => {
    let hop = 0;
    const { fetchImpl } = browserFetch({ manual: () => redirectTo(`/hop-${++hop}`) });
    const result = await fetchBook({ url: URL_, fetchImpl });
    expect(result).toMatchObject({ status: 'error', reason: 'too-many-redirects', error: expect.stringContaining('more than 20 redirects') });
    expect(hop).toBeLessThanOrEqual(22);
  });

  it('recognises CORS: the server answers a no-cors request but not a readable one', async () => {
    const { fetchImpl } = browserFetch({ 'no-cors': opaque() });
    const result = await fetchBook({ url: URL_, fetchImpl });
    expect(result).toMatchObject({ status: 'error', reason: 'cors', error: expect.stringContaining('Access-Control-Allow-Origin') });
  });

  it('says the server could not be reached when every probe fails too', async () => {
    const { fetchImpl, calls } = browserFetch({});
    const result = await fetchBook({ url: URL_, fetchImpl });
    expect(result).toMatchObject({ status: 'error', reason: 'unreachable', error: expect.stringContaining('could not load the book from books.example.com: no connection to books.example.com') });
    if (result.status === 'error') expect(result.error).toMatch(/name|refused|certificate/);
    expect(calls.map((call) => call.kind)).toEqual(['follow', 'manual', 'no-cors']);
  });

  it('says the computer is offline when the browser knows it', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { fetchImpl } = browserFetch({});
    await expect(fetchBook({ url: URL_, fetchImpl })).resolves.toMatchObject({ status: 'error', reason: 'offline' });
    vi.unstubAllGlobals();
  });

  it('calls a failure the probe cannot reproduce a dropped connection', async () => {
    const { fetchImpl } = browserFetch({ manual: new Response('{}', { status: 200 }) });
    await expect(fetchBook({ url: URL_, fetchImpl })).resolves.toMatchObject({ status: 'error', reason: 'connection-lost' });
  });
});

describe('saying why (Node-style causes)', () => {
  it.each([
    ['ENOTFOUND', 'dns', /books\.example\.com was not found/],
    ['EAI_AGAIN', 'dns', /was not found/],
    ['ECONNREFUSED', 'refused', /refused the connection/],
    ['CERT_HAS_EXPIRED', 'tls', /certificate/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', /certificate/],
    ['ECONNRESET', 'connection-lost', /connection was cut/],
  ])('%s -> %s', async (code, reason, message) => {
    const failure = nodeFailure(code);
    const fetchImpl = vi.fn(() => Promise.reject(failure)) as unknown as typeof fetch;
    const result = await fetchBook({ url: URL_, fetchImpl });
    expect(result).toMatchObject({ status: 'error', reason, error: expect.stringMatching(message) });
  });
});

describe('a real server that redirects in a loop', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/ping') return void response.writeHead(302, { Location: '/pong' }).end();
      if (request.url === '/pong') return void response.writeHead(301, { Location: `${base}/ping` }).end();
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports the loop with its addresses instead of "fetch failed"', async () => {
    const result = await fetchBook({ url: `${base}/ping` });
    expect(result).toMatchObject({ status: 'error', reason: 'redirect-loop' });
    if (result.status === 'error') {
      expect(result.error).toContain(`${base}/ping → ${base}/pong → ${base}/ping`);
      expect(result.error).not.toMatch(/fetch failed/);
    }
  });

  it('reports a closed port as a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchBook({ url: `http://127.0.0.1:${port}/book.json` })).resolves.toMatchObject({ status: 'error', reason: 'refused' });
  });
});

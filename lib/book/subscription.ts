import { prefixErrors, type BookError } from './errors';
import { explainFetchFailure, type FetchFailureReason } from './fetch-failure';
import { checkJsonShape } from './json-shape';
import { DEFAULT_MAX_BOOK_BYTES, formatBytes, parseJsonText } from './json-text';
import type { SalesBook } from './schema';
import { looksLikeEnvelope, verifySignedBook } from './signature';
import { validateBook } from './validate';

/**
 * Subscribing to a team's sales book: a static JSON file on any HTTPS host, polled with ETag.
 *
 * Redirects: we let the browser follow them (`redirect: 'follow'`) and check where we ended up;
 * when that fails, fetch-failure.ts probes again to say whether it was a redirect loop.
 * `redirect: 'manual'` would let us count hops, but in extension pages and service workers it
 * yields an opaque response with no Location header, so a manual chain cannot be followed there.
 * The count is therefore not observable and not limited by us (browsers stop at 20); what we do
 * enforce is the rule that matters: the final URL must be HTTPS, or plain HTTP on the local
 * machine only when the subscription itself points at the local machine (a team lead testing).
 */

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

export interface FetchBookOptions {
  url: string;
  /** The ETag of the book we hold; the server answers 304 when it has not changed. */
  etag?: string | null;
  fetchImpl?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type FetchBookResult =
  | { status: 'updated'; text: string; etag: string | null }
  | { status: 'not-modified' }
  | { status: 'error'; error: string; reason?: FetchFailureReason };

const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

export type BookUrlCheck = { ok: true; url: URL } | { ok: false; error: string };

/** The address rule, exported for the options page to check a URL as it is typed. */
export function checkBookUrl(address: string): BookUrlCheck {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, error: 'not a valid web address; expected something like https://example.com/sales-book.json' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'the address must not contain a user name or password' };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLocal(url)) return { ok: true, url };
  if (url.protocol === 'http:') return { ok: false, error: 'the address must use https:// (plain http:// only for localhost)' };
  return { ok: false, error: `unsupported address type "${url.protocol}"; expected https://` };
}

function isLocal(url: URL): boolean {
  return LOCAL_HOSTS.has(url.hostname);
}

/** Where a redirect may land: HTTPS anywhere; local HTTP only if we started on the local machine. */
function finalUrlError(start: URL, finalAddress: string): string | null {
  let final: URL;
  try {
    final = new URL(finalAddress);
  } catch {
    return 'the server redirected to an invalid address';
  }
  if (final.protocol === 'https:') return null;
  if (final.protocol === 'http:' && isLocal(final) && isLocal(start)) return null;
  return `the server redirected to ${final.protocol}//${final.host}, which is not HTTPS; the book was not loaded`;
}

export async function fetchBook(options: FetchBookOptions): Promise<FetchBookResult> {
  const { etag, fetchImpl = fetch, maxBytes = DEFAULT_MAX_BOOK_BYTES, timeoutMs = DEFAULT_FETCH_TIMEOUT_MS, signal } = options;
  const checked = checkBookUrl(options.url);
  if (!checked.ok) return { status: 'error', error: checked.error };
  if (signal?.aborted) return { status: 'error', error: 'cancelled' };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = (): void => controller.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });

  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (etag) headers['If-None-Match'] = etag;
    const response = await fetchImpl(checked.url.href, {
      method: 'GET',
      headers,
      redirect: 'follow',
      credentials: 'omit', // the book host learns nothing about the manager
      cache: 'no-store', // we do the conditional request ourselves
      signal: controller.signal,
    });

    const redirectError = finalUrlError(checked.url, response.url || checked.url.href);
    if (redirectError) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'error', error: redirectError };
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'error', error: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    }
    if ((response.headers.get('content-type') ?? '').toLowerCase().includes('text/html')) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'error', error: 'the server sent a web page (text/html), not a JSON book; is the address right, or is it behind a login?' };
    }
    const body = await readCapped(response, maxBytes);
    if (!body.ok) return { status: 'error', error: body.error };
    return { status: 'updated', text: body.text, etag: response.headers.get('etag') };
  } catch (error) {
    const timeout = { status: 'error' as const, error: `no complete answer within ${Math.round(timeoutMs / 100) / 10} s` };
    if (timedOut) return timeout;
    if (signal?.aborted) return { status: 'error', error: 'cancelled' };
    if (!(error instanceof TypeError)) return { status: 'error', error: `could not load the book from ${checked.url.host}: ${networkMessage(error)}` };
    // "Failed to fetch" says nothing; ask again in ways that fail differently (fetch-failure.ts).
    const failure = await explainFetchFailure({ url: checked.url, error, fetchImpl, signal: controller.signal });
    if (timedOut) return timeout;
    if (signal?.aborted) return { status: 'error', error: 'cancelled' };
    return { status: 'error', reason: failure.reason, error: `could not load the book from ${checked.url.host}: ${failure.message}` };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/** Reads the body as a stream and stops as soon as it passes the size limit. */
async function readCapped(response: Response, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const tooLarge = { ok: false as const, error: `the book is larger than ${formatBytes(maxBytes)}; it was not loaded` };
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > maxBytes ? tooLarge : decode(decoder, [bytes]);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  return decode(decoder, chunks);
}

function decode(decoder: TextDecoder, chunks: readonly Uint8Array[]): { ok: true; text: string } | { ok: false; error: string } {
  try {
    let text = '';
    for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
    return { ok: true, text: text + decoder.decode() };
  } catch {
    return { ok: false, error: 'the book is not valid UTF-8 text' };
  }
}

function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed" and keeps the reason (ECONNREFUSED, …) in `cause`.
  const cause: unknown = error.cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

// ---- from downloaded text to a book we may use ---------------------------------------------------

export interface ResolveOptions {
  /** Base64 Ed25519 public key; when set, only books signed with it are accepted. */
  pinnedPublicKey?: string | null;
  maxBytes?: number;
}

export type IncomingBook =
  | { ok: true; book: SalesBook; verifiedKeyId: string | null }
  | { ok: false; errors: BookError[] };

/**
 * Text from a subscription, a policy or a file -> a validated book, or every reason it is not one.
 * The text is either a bare book or a signed envelope `{ book, signature }`. With a pinned key an
 * envelope with a good signature is required; without one a signature is ignored (not trusted).
 */
export async function resolveIncomingBook(text: string, options: ResolveOptions = {}): Promise<IncomingBook> {
  const parsed = parseJsonText(text, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BOOK_BYTES });
  if (!parsed.ok) return parsed;
  return resolveIncomingValue(parsed.value, options);
}

/** The same for data that is already parsed (a managed policy may carry the book as an object). */
export async function resolveIncomingValue(value: unknown, options: ResolveOptions = {}): Promise<IncomingBook> {
  const shapeErrors = checkJsonShape(value);
  if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };
  const pinned = options.pinnedPublicKey?.trim() || null;

  if (!looksLikeEnvelope(value)) {
    if (pinned) {
      return { ok: false, errors: [{ path: '', message: 'signature required: this source only accepts books signed by the team lead (sign it with `touchbook-book sign`)' }] };
    }
    const validation = validateBook(value);
    return validation.ok ? { ok: true, book: validation.book, verifiedKeyId: null } : validation;
  }

  const extraKeys = Object.keys(value).filter((key) => key !== 'book' && key !== 'signature');
  if (extraKeys.length > 0) {
    return { ok: false, errors: extraKeys.map((key) => ({ path: key, message: 'unknown field; a signed book file has only "book" and "signature"' })) };
  }
  let verifiedKeyId: string | null = null;
  if (pinned) {
    const check = await verifySignedBook(value, pinned);
    if (!check.ok) return { ok: false, errors: [{ path: 'signature', message: `${check.error}: ${check.detail}` }] };
    verifiedKeyId = check.keyId;
  }
  const validation = validateBook(value['book']);
  return validation.ok ? { ok: true, book: validation.book, verifiedKeyId } : { ok: false, errors: prefixErrors('book', validation.errors) };
}

// ---- one polling round, ready for the last-good rule in sources.ts --------------------------------

export type BookCandidate =
  | { status: 'valid'; book: SalesBook; etag: string | null; verifiedKeyId: string | null }
  | { status: 'not-modified' }
  | { status: 'invalid'; errors: BookError[] };

export interface CheckSubscriptionOptions extends FetchBookOptions {
  pinnedPublicKey?: string | null;
}

/** Fetch, verify, validate: what the background runs when the poll alarm fires. Never throws. */
export async function checkSubscription(options: CheckSubscriptionOptions): Promise<BookCandidate> {
  const fetched = await fetchBook(options);
  if (fetched.status === 'not-modified') return fetched;
  if (fetched.status === 'error') return { status: 'invalid', errors: [{ path: '', message: fetched.error }] };
  const resolveOptions: ResolveOptions = { pinnedPublicKey: options.pinnedPublicKey ?? null };
  if (options.maxBytes !== undefined) resolveOptions.maxBytes = options.maxBytes;
  const resolved = await resolveIncomingBook(fetched.text, resolveOptions);
  return resolved.ok
    ? { status: 'valid', book: resolved.book, etag: fetched.etag, verifiedKeyId: resolved.verifiedKeyId }
    : { status: 'invalid', errors: resolved.errors };
}

/**
 * Why a request for the book failed, as far as the browser lets us know (issue 16). A browser
 * reports a redirect loop, a DNS failure, a refused connection, a bad certificate and a CORS
 * refusal alike, as `TypeError: Failed to fetch` (Firefox: "NetworkError when attempting to fetch
 * resource"), so after such a failure we ask again in ways that fail differently:
 *   1. `redirect: 'manual'`: a redirect comes back (opaque in extensions, readable in Node), so
 *      the first request died in its redirects; where the Location is readable we follow the
 *      chain ourselves and show the loop;
 *   2. `mode: 'no-cors'`: an opaque answer means the server is there but refused to be read (CORS);
 *   3. both fail: the host cannot be reached (name, connection or certificate: the browser does not
 *      say which). Node's fetch does say, in `error.cause.code`, which is used when present.
 */

export type FetchFailureReason =
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'dns'
  | 'refused'
  | 'tls'
  | 'timeout'
  | 'connection-lost'
  | 'cors'
  | 'offline'
  | 'unreachable';

export interface FetchFailure {
  reason: FetchFailureReason;
  message: string;
}

/** Browsers give up after 20 redirects (Fetch standard); so do we when following by hand. */
export const MAX_REDIRECTS = 20;

export interface ExplainOptions {
  url: URL;
  error: unknown;
  fetchImpl: typeof fetch;
  signal: AbortSignal;
}

const PROBE_INIT: RequestInit = { method: 'GET', credentials: 'omit', cache: 'no-store' };

export async function explainFetchFailure({ url, error, fetchImpl, signal }: ExplainOptions): Promise<FetchFailure> {
  const known = fromNodeCause(url, error);
  if (known) return known;
  if (globalThis.navigator?.onLine === false) return { reason: 'offline', message: 'this computer is offline; the book is fetched again at the next sync' };

  const redirects = await followRedirects(url, fetchImpl, signal);
  if (redirects.kind === 'loop') return { reason: 'redirect-loop', message: `the server redirects in a loop: ${redirects.chain.join(' → ')}` };
  if (redirects.kind === 'too-many') {
    return { reason: 'too-many-redirects', message: `more than ${MAX_REDIRECTS} redirects without reaching the book (the last went to ${redirects.last})` };
  }
  if (redirects.kind === 'opaque') {
    return {
      reason: 'redirect-loop',
      message: `the server answers with a redirect the browser could not follow to its end: most likely a redirect loop or more than ${MAX_REDIRECTS} redirects; open ${url.href} in a tab to see where it leads`,
    };
  }
  if (redirects.kind === 'answered') {
    return { reason: 'connection-lost', message: 'the connection failed while the book was loading; it is fetched again at the next sync' };
  }

  if (await answersWithoutCors(url, fetchImpl, signal)) {
    return {
      reason: 'cors',
      message: `the server answered but does not let other sites read the book (CORS); it must send the header "Access-Control-Allow-Origin: *" with the file`,
    };
  }
  return {
    reason: 'unreachable',
    message: `no connection to ${url.host}: the name does not resolve, the server refuses the connection, or its HTTPS certificate is not trusted (the browser does not say which); open ${url.href} in a tab to see`,
  };
}

type RedirectProbe =
  | { kind: 'loop'; chain: string[] }
  | { kind: 'too-many'; last: string }
  | { kind: 'opaque' }
  | { kind: 'answered' }
  | { kind: 'failed' };

async function followRedirects(start: URL, fetchImpl: typeof fetch, signal: AbortSignal): Promise<RedirectProbe> {
  const chain = [start.href];
  let current = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    let response: Response;
    try {
      response = await fetchImpl(current.href, { ...PROBE_INIT, redirect: 'manual', signal });
    } catch {
      return { kind: hop === 0 ? 'failed' : 'answered' };
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.type === 'opaqueredirect') return { kind: 'opaque' };
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location === null) return { kind: 'answered' };
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return { kind: 'answered' };
    }
    if (next.protocol !== 'https:' && next.protocol !== 'http:') return { kind: 'answered' };
    const seen = chain.includes(next.href);
    chain.push(next.href);
    if (seen) return { kind: 'loop', chain };
    current = next;
  }
  return { kind: 'too-many', last: current.href };
}

async function answersWithoutCors(url: URL, fetchImpl: typeof fetch, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetchImpl(url.href, { ...PROBE_INIT, mode: 'no-cors', signal });
    await response.body?.cancel().catch(() => undefined);
    return response.type === 'opaque';
  } catch {
    return false;
  }
}

const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ERR_CERT)/;

/** Node's fetch (and tests) say "fetch failed" and keep the system error in `cause`. */
function fromNodeCause(url: URL, error: unknown): FetchFailure | null {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof Error)) return null;
  const raw = (cause as Error & { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: 'dns', message: `the name ${url.hostname} was not found (DNS); check the address` };
  if (code === 'ECONNREFUSED') return { reason: 'refused', message: `${url.host} refused the connection; is the server running on that port?` };
  if (TLS_CODE.test(code)) return { reason: 'tls', message: `the server's HTTPS certificate is not trusted (${cause.message})` };
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return { reason: 'timeout', message: `${url.host} did not answer the connection` };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return { reason: 'connection-lost', message: 'the connection was cut while the book was loading; it is fetched again at the next sync' };
  }
  // "redirect count exceeded" and the like: the probes find out the rest.
  return null;
}

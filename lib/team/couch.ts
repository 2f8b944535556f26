import { z } from 'zod';

/**
 * A small client of the CouchDB HTTP API, the part of it Touchbook needs and nothing more:
 * create a database, `_bulk_docs`, `_all_docs` (by keys or by range), `_changes` with `since`,
 * and `_local` documents for checkpoints. Plain `fetch`, so it runs in the service worker, the
 * lead's page and Node alike; every reply is parsed with zod before it is used.
 * Why not PouchDB: see docs/team-view.md (size, and a second local database beside Dexie).
 */

export interface CouchConfig {
  /** The database URL, e.g. `https://couch.example.com/team`. */
  url: string;
  user?: string | null;
  password?: string | null;
  fetchImpl?: typeof fetch;
  /** Per request; a stalled server must not hold a sync open forever. */
  timeoutMs?: number;
}

export class CouchError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

const ErrorBodySchema = z.object({ error: z.string().optional(), reason: z.string().optional() }).loose();

/** `{id, rev}` for a write, `{id, error, reason}` for a refusal ("conflict", "forbidden"). */
const BulkResultSchema = z.array(
  z.object({ id: z.string(), rev: z.string().optional(), error: z.string().optional(), reason: z.string().optional() }).loose(),
);
export type BulkResult = z.infer<typeof BulkResultSchema>[number];

const AllDocsSchema = z.object({
  total_rows: z.number().optional(),
  // A row without `value` is a key asked for that does not exist (`error: "not_found"`).
  rows: z.array(
    z.object({ id: z.string().optional(), key: z.string(), value: z.object({ rev: z.string(), deleted: z.boolean().optional() }).loose().optional(), doc: z.unknown().optional(), error: z.string().optional() }).loose(),
  ),
});

/** CouchDB 2+ sends opaque string sequences, PouchDB numbers: both are passed back as they came. */
const SeqSchema = z.union([z.string(), z.number()]);
export type Seq = z.infer<typeof SeqSchema>;

const ChangesSchema = z.object({
  results: z.array(
    z.object({ id: z.string(), seq: SeqSchema, deleted: z.boolean().optional(), doc: z.unknown().optional(), changes: z.array(z.object({ rev: z.string() }).loose()).optional() }).loose(),
  ),
  last_seq: SeqSchema,
  pending: z.number().optional(),
});
export type ChangesPage = z.infer<typeof ChangesSchema>;

export interface CouchClientApi {
  url: string;
  sibling(name: string): CouchClientApi;
  ensureDb(): Promise<void>;
  bulkDocs(docs: readonly object[]): Promise<BulkResult[]>;
  currentRevs(ids: readonly string[]): Promise<Map<string, string>>;
  allDocs(range: { startkey: string; endkey: string }): Promise<Array<{ id: string; doc?: unknown }>>;
  changes(since: Seq, limit?: number): Promise<ChangesPage>;
  getDoc(id: string): Promise<unknown>;
  getLocal(id: string): Promise<unknown>;
  putLocal(id: string, body: object): Promise<string>;
}
export type CouchClient = CouchClientApi;

export function createCouchClient(config: CouchConfig): CouchClientApi {
  const base = config.url.replace(/\/+$/, '');
  const fetchImpl = config.fetchImpl ?? ((input, init) => fetch(input, init));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (config.user) headers.Authorization = `Basic ${basicToken(config.user, config.password ?? '')}`;

  async function call(method: string, path: string, body?: unknown, query?: Record<string, string>): Promise<{ status: number; json: unknown }> {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs ?? 30_000);
    let response: Response;
    try {
      response = await fetchImpl(url.href, {
        method,
        headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        credentials: 'omit', // Basic auth only: no cookies of a CouchDB session a tab may have
      });
    } catch (error) {
      throw new CouchError(`cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}`, 0);
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, json };
  }

  function fail(what: string, status: number, json: unknown): never {
    const body = ErrorBodySchema.safeParse(json);
    const reason = body.success ? (body.data.reason ?? body.data.error ?? null) : null;
    throw new CouchError(`${what}: HTTP ${status}${reason ? ` (${reason})` : ''}`, status, body.success ? (body.data.error ?? null) : null);
  }

  function parsed<T>(schema: z.ZodType<T>, what: string, json: unknown): T {
    const result = schema.safeParse(json);
    if (!result.success) throw new CouchError(`${what}: unexpected reply from the server`, 502);
    return result.data;
  }

  return {
    url: base,

    /** A client of another database on the same server, with the same credentials. */
    sibling(name: string): CouchClientApi {
      return createCouchClient({ ...config, url: new URL(encodeURIComponent(name), base).href });
    },

    /** Creates the database when it is missing (412 "file_exists" is fine). */
    async ensureDb(): Promise<void> {
      const head = await call('GET', '');
      if (head.status === 200) return;
      if (head.status !== 404) fail('open the database', head.status, head.json);
      const created = await call('PUT', '');
      if (created.status !== 201 && created.status !== 202 && created.status !== 412) fail('create the database', created.status, created.json);
    },

    /** One result per document, in order: `{id, rev}` or `{id, error: 'conflict' | 'forbidden' ...}`. */
    async bulkDocs(docs: readonly object[]): Promise<BulkResult[]> {
      const reply = await call('POST', '/_bulk_docs', { docs });
      if (reply.status !== 201 && reply.status !== 200) fail('_bulk_docs', reply.status, reply.json);
      return parsed(BulkResultSchema, '_bulk_docs', reply.json);
    },

    /** The current revisions of `ids` (deleted ones too: a write over a deletion needs that rev). */
    async currentRevs(ids: readonly string[]): Promise<Map<string, string>> {
      const reply = await call('POST', '/_all_docs', { keys: ids });
      if (reply.status !== 200) fail('_all_docs', reply.status, reply.json);
      const revs = new Map<string, string>();
      for (const row of parsed(AllDocsSchema, '_all_docs', reply.json).rows) if (row.value) revs.set(row.id ?? row.key, row.value.rev);
      return revs;
    },

    /** Documents with ids in [startkey, endkey], with their bodies. */
    async allDocs(range: { startkey: string; endkey: string }): Promise<Array<{ id: string; doc?: unknown }>> {
      const reply = await call('GET', '/_all_docs', undefined, {
        include_docs: 'true',
        startkey: JSON.stringify(range.startkey),
        endkey: JSON.stringify(range.endkey),
      });
      if (reply.status !== 200) fail('_all_docs', reply.status, reply.json);
      return parsed(AllDocsSchema, '_all_docs', reply.json).rows.flatMap((row) => (row.value ? [{ id: row.id ?? row.key, doc: row.doc }] : []));
    },

    /** One page of the changes feed after `since`, with the documents. */
    async changes(since: Seq, limit = 500): Promise<ChangesPage> {
      const reply = await call('GET', '/_changes', undefined, { since: String(since), include_docs: 'true', limit: String(limit) });
      if (reply.status !== 200) fail('_changes', reply.status, reply.json);
      return parsed(ChangesSchema, '_changes', reply.json);
    },

    /** A document by id (not `_design/` or `_local/`), or null when there is none. */
    async getDoc(id: string): Promise<unknown> {
      const reply = await call('GET', `/${encodeURIComponent(id)}`);
      if (reply.status === 404) return null;
      if (reply.status !== 200) fail(`read ${id}`, reply.status, reply.json);
      return reply.json;
    },

    /** A `_local/` document, or null when there is none. */
    async getLocal(id: string): Promise<unknown> {
      const reply = await call('GET', `/${localPath(id)}`);
      if (reply.status === 404) return null;
      if (reply.status !== 200) fail(`read ${id}`, reply.status, reply.json);
      return reply.json;
    },

    async putLocal(id: string, body: object): Promise<string> {
      const reply = await call('PUT', `/${localPath(id)}`, body);
      if (reply.status !== 201 && reply.status !== 200) fail(`write ${id}`, reply.status, reply.json);
      return parsed(z.object({ rev: z.string() }).loose(), `write ${id}`, reply.json).rev;
    },
  };
}

function localPath(id: string): string {
  if (!id.startsWith('_local/')) throw new Error(`not a _local document id: ${id}`);
  return `_local/${encodeURIComponent(id.slice('_local/'.length))}`;
}

/** Base64 of `user:password` in UTF-8 (btoa alone fails on non-Latin-1 passwords). */
function basicToken(user: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

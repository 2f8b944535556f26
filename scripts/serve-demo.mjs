// Static server for the bundled demo CRM (demo/) and, for tests, extra fixture directories.
// Node built-ins only, so e2e tests and `npm start` can run it without a build step.
//
//   node scripts/serve-demo.mjs [--port N] [--host H]

import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOT = fileURLToPath(new URL('../demo/', import.meta.url));

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Starts the demo CRM server.
 *
 * Serves `root` (default: the repo's `demo/`) at `/`, and each `extraRoutes` directory under its URL
 * prefix. A path with no file extension that matches no file gets the mount's `index.html` (so the
 * demo's History API routes such as `/clients/c-101` work as deep links). Only GET and HEAD are
 * allowed; `..` segments (raw or percent-encoded), encoded slashes and NUL bytes are refused with 400.
 * Responses are sent with `Cache-Control: no-store`.
 *
 * @param {object} [options]
 * @param {string} [options.host='127.0.0.1'] Interface to listen on.
 * @param {number} [options.port=0] Port; 0 picks a free one.
 * @param {string} [options.root] Directory served at `/` (default: `demo/` next to this script's parent).
 * @param {Record<string, string>} [options.extraRoutes] URL prefix -> absolute directory, e.g.
 *   `{ '/fixtures/': '/abs/test/fixtures' }`. The longest matching prefix wins.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} `url` has no
 *   trailing slash, e.g. `http://127.0.0.1:4599`.
 */
export async function startDemoServer({ host = '127.0.0.1', port = 0, root = DEFAULT_ROOT, extraRoutes = {} } = {}) {
  const mounts = [
    ...Object.entries(extraRoutes).map(([prefix, dir]) => ({ segments: prefixSegments(prefix), dir: path.resolve(dir) })),
    { segments: [], dir: path.resolve(root) },
  ].sort((a, b) => b.segments.length - a.segments.length);

  const server = createServer((req, res) => {
    handle(req, res, mounts).catch((error) => {
      console.error('[serve-demo]', req.method, req.url, error);
      if (!res.headersSent) send(res, req, 500, 'Internal server error');
      else res.destroy();
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (browsers, fetch) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** @param {string} prefix */
function prefixSegments(prefix) {
  return prefix.split('/').filter(Boolean);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ segments: string[], dir: string }[]} mounts
 */
async function handle(req, res, mounts) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, req, 405, 'Method not allowed');
  }

  // Work on the raw target: the WHATWG URL parser would silently resolve "/../x" and "/%2e%2e/x".
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (!rawPath.startsWith('/')) return send(res, req, 400, 'Bad request');

  /** @type {string[]} */
  const segments = [];
  for (const raw of rawPath.split('/')) {
    let segment;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return send(res, req, 400, 'Bad request');
    }
    if (segment === '..' || /[/\\\0]/.test(segment)) return send(res, req, 400, 'Bad request');
    if (segment !== '' && segment !== '.') segments.push(segment);
  }

  const mount = mounts.find((m) => m.segments.every((s, i) => segments[i] === s));
  if (!mount) return send(res, req, 404, 'Not found');
  const rest = segments.slice(mount.segments.length);

  const target = path.resolve(mount.dir, ...rest);
  if (target !== mount.dir && !target.startsWith(mount.dir + path.sep)) return send(res, req, 400, 'Bad request');

  let file = await fileAt(target);
  if (!file && (await isDirectory(target))) file = await fileAt(path.join(target, 'index.html'));
  // History API routes: an unknown extensionless path is a page of the single-page app.
  if (!file && path.extname(rest.at(-1) ?? '') === '') file = await fileAt(path.join(mount.dir, 'index.html'));
  if (!file) return send(res, req, 404, 'Not found');

  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (path.extname(file).toLowerCase())] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** @param {string} p @returns {Promise<string | null>} */
async function fileAt(p) {
  try {
    return (await stat(p)).isFile() ? p : null;
  } catch {
    return null;
  }
}

/** @param {string} p */
async function isDirectory(p) {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {import('node:http').IncomingMessage} req
 * @param {number} status
 * @param {string} text
 */
function send(res, req, status, text) {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ port?: number, host?: string }} */
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = /** @type {[string, string | undefined]} */ (arg.split(/=(.*)/s, 2));
    if (flag !== '--port' && flag !== '--host') {
      throw new Error(`Unknown argument: ${arg}\nUsage: node scripts/serve-demo.mjs [--port N] [--host H]`);
    }
    const value = inline ?? argv[++i];
    if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${value}`);
      options.port = port;
    } else {
      if (!value) throw new Error('Missing value for --host');
      options.host = value;
    }
  }
  return options;
}

const runDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (runDirectly) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  const server = await startDemoServer(options);
  console.log(`Demo CRM: ${server.url}/`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../../scripts/serve-demo.mjs';

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

const STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

interface Client {
  id: string;
  name: string;
  company: string;
  jobTitle: string;
  phones: string[];
  emails: string[];
  stage: string;
  amount: number;
  currency: string;
  products: { name: string; category: string; purchasedAt: string }[];
  birthday: string;
  tags: string[];
  owner: string;
  nextContact: string | null;
  notes: { at: string; author: string; text: string }[];
}

/** fetch() normalises "/../" and "/%2e%2e/" away, so traversal attempts go out raw through node:http. */
function rawGet(base: string, rawPath: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve-demo', () => {
  let server: DemoServer;
  let fixturesDir: string;

  beforeAll(async () => {
    fixturesDir = await mkdtemp(path.join(tmpdir(), 'touchbook-fixtures-'));
    await writeFile(path.join(fixturesDir, 'index.html'), '<!doctype html><title>fixture index</title>');
    await writeFile(path.join(fixturesDir, 'page.html'), '<!doctype html><title>fixture page</title>');
    server = await startDemoServer({ port: 0, extraRoutes: { '/fixtures/': fixturesDir } });
  });

  afterAll(async () => {
    await server?.close();
    await rm(fixturesDir, { recursive: true, force: true });
  });

  it('listens on a free port and reports its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('serves the app shell at / and at deep links', async () => {
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await root.text();
    expect(html).toContain('<title>Acme CRM (demo)</title>');
    expect(html).toContain('src="/app.js"');

    for (const deepLink of ['/clients', '/clients/c-101', '/reports', '/no/such/page']) {
      const res = await fetch(`${server.url}${deepLink}`);
      expect(res.status, deepLink).toBe(200);
      expect(await res.text(), deepLink).toBe(html);
    }
  });

  it('serves assets with their content types and 404s missing files', async () => {
    const js = await fetch(`${server.url}/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    await js.body?.cancel();

    const css = await fetch(`${server.url}/styles.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    await css.body?.cancel();

    const missing = await fetch(`${server.url}/missing.js`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });

  it('serves 15 well-formed clients in clients.json', async () => {
    const res = await fetch(`${server.url}/clients.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const clients = (await res.json()) as Client[];

    expect(clients).toHaveLength(15);
    expect(new Set(clients.map((c) => c.id)).size).toBe(15);
    for (const c of clients) {
      expect(c.id, c.id).toMatch(/^c-\d+$/);
      expect(c.name.trim().split(/\s+/).length, c.id).toBeGreaterThanOrEqual(2);
      expect(typeof c.company, c.id).toBe('string');
      expect(c.jobTitle, c.id).toBeTruthy();
      expect(c.phones.length, c.id).toBeLessThanOrEqual(2);
      for (const phone of c.phones) expect(phone, c.id).toMatch(/^\+\d[\d ]+\d$/);
      expect(c.emails.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.emails.length, c.id).toBeLessThanOrEqual(2);
      for (const email of c.emails) expect(email, c.id).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      expect(STAGES, c.id).toContain(c.stage);
      expect(typeof c.amount, c.id).toBe('number');
      expect(['EUR', 'USD', 'UAH', 'GBP'], c.id).toContain(c.currency);
      expect(c.products.length, c.id).toBeLessThanOrEqual(4);
      for (const p of c.products) {
        expect(p.name && p.category, c.id).toBeTruthy();
        expect(p.purchasedAt, c.id).toMatch(/^202[56]-\d{2}-\d{2}$/);
      }
      expect(c.birthday, c.id).toMatch(DATE);
      expect(Array.isArray(c.tags), c.id).toBe(true);
      expect(c.owner, c.id).toBeTruthy();
      if (c.nextContact !== null) expect(c.nextContact, c.id).toMatch(DATE_TIME);
      expect(c.notes.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.notes.length, c.id).toBeLessThanOrEqual(3);
      for (const n of c.notes) {
        expect(n.at, c.id).toMatch(DATE_TIME);
        expect(n.author && n.text, c.id).toBeTruthy();
      }
    }

    // The edge cases the extension's extractor is tested against.
    expect(clients.some((c) => c.phones.length === 0)).toBe(true);
    expect(clients.some((c) => c.products.length === 0)).toBe(true);
    expect(clients.some((c) => c.nextContact === null)).toBe(true);
    expect(clients.some((c) => /['’]/.test(c.name) && /[^ -~]/.test(c.name))).toBe(true);
    expect(clients.some((c) => c.notes.some((n) => n.text.includes('<script>alert(1)</script>')))).toBe(true);
  });

  it('refuses path traversal, raw and encoded', async () => {
    for (const attempt of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/clients/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/fixtures/../../package.json',
      '/fixtures/%2e%2e/package.json',
    ]) {
      const res = await rawGet(server.url, attempt);
      expect([400, 404], attempt).toContain(res.status);
      expect(res.body, attempt).not.toContain('touchbook');
    }
  });

  it('allows only GET and HEAD', async () => {
    expect((await rawGet(server.url, '/', 'POST')).status).toBe(405);
    const head = await rawGet(server.url, '/clients.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('serves extra fixture directories under their prefix', async () => {
    const page = await fetch(`${server.url}/fixtures/page.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('fixture page');

    const fallback = await fetch(`${server.url}/fixtures/some/route`);
    expect(await fallback.text()).toContain('fixture index');

    const missing = await fetch(`${server.url}/fixtures/missing.html`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });
});

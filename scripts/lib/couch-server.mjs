import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A CouchDB-compatible server for the team-view tests: pouchdb-server (npm) in a child process on
 * 127.0.0.1, its data in a temporary folder (LevelDB), so a test can kill it with SIGKILL in the
 * middle of a sync and start it again on the same port with the same data, as a crashed CouchDB
 * node comes back. Apache CouchDB is not packaged for Debian; docs/team-view.md shows the same
 * set-up against it.
 *
 * @typedef {{ url: string, port: number, dir: string, kill: () => Promise<void>, start: () => Promise<void>, close: () => Promise<void> }} CouchServer
 */

const BIN = fileURLToPath(new URL('../../node_modules/pouchdb-server/bin/pouchdb-server', import.meta.url));

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `admin`: end the "admin party" (everyone an admin) by creating that server admin, so
 * `_security` and `validate_doc_update` apply to everyone else, as on a CouchDB in production. It
 * is kept in the data folder's config.json, so a restart keeps it.
 * @param {{ inMemory?: boolean, admin?: { name: string, password: string } }} [options]
 * @returns {Promise<CouchServer>}
 */
export async function startCouchServer({ inMemory = false, admin } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'touchbook-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;

  const start = async () => {
    if (child) return;
    const args = [BIN, '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs', ...(inMemory ? ['--in-memory'] : ['--dir', dir])];
    const started = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    started.once('exit', () => {
      if (child === started) child = null;
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child !== started) throw new Error(`pouchdb-server exited: ${stderr}`);
      const up = await fetch(url).then((response) => response.ok, () => false);
      if (up) return;
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not start on ${url}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const kill = async () => {
    const running = child;
    if (!running) return;
    child = null;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  await start();
  if (admin) {
    const made = await fetch(`${url}/_config/admins/${encodeURIComponent(admin.name)}`, { method: 'PUT', body: JSON.stringify(admin.password) });
    if (!made.ok) throw new Error(`pouchdb-server: creating the admin failed: HTTP ${made.status}`);
  }
  return {
    url,
    port,
    dir,
    start,
    kill,
    close: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

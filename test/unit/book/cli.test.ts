// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli, type CliIo } from '../../../lib/book/cli';
import { enBook } from '../../../lib/book/defaults/en';
import { salesBookJsonSchema } from '../../../lib/book/json-schema';
import { validBookInput } from './factories';

/** An in-memory disk and terminal for the CLI. */
function memoryIo(files: Record<string, string> = {}) {
  const disk = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  const privateFiles = new Set<string>();
  const io: CliIo = {
    readFile: (path) => {
      const text = disk.get(path);
      return text === undefined ? Promise.reject(new Error(`ENOENT: no such file, open '${path}'`)) : Promise.resolve(text);
    },
    writeFile: (path, text, options) => {
      disk.set(path, text);
      if (options?.private) privateFiles.add(path);
      return Promise.resolve();
    },
    makeDir: () => Promise.resolve(),
    exists: (path) => Promise.resolve(disk.has(path)),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { io, disk, out, err, privateFiles };
}

const run = (argv: string[], io: CliIo) => runCli(argv, io);

describe('validate', () => {
  it('exits 0 for a valid book and summarises it', async () => {
    const { io, out } = memoryIo({ 'book.json': JSON.stringify(enBook) });
    expect(await run(['validate', 'book.json'], io)).toBe(EXIT.ok);
    expect(out[0]).toBe('book.json: valid: "Touchbook starter sales book" (touchbook-default-en 1.0.0, en)');
    expect(out[1]).toMatch(/13 programmes, \d+ touches, 11 cross-sell rules/);
  });

  it('exits 1 and prints every error as "path: message"', async () => {
    const broken = { ...validBookInput(), title: 5, programmes: [{ ...(validBookInput().programmes as object[])[0], priority: 'high' }] };
    const { io, out, err } = memoryIo({ 'book.json': JSON.stringify(broken) });
    expect(await run(['validate', 'book.json'], io)).toBe(EXIT.invalid);
    expect(out).toEqual(['title: expected text, got the number 5', 'programmes[0].priority: expected a number, got text "high"']);
    expect(err).toEqual(['book.json: invalid, 2 errors']);
  });

  it('prints JSON syntax errors with their position', async () => {
    const { io, out } = memoryIo({ 'book.json': '{\n  "schema": 1\n  "id": "x"\n}' });
    expect(await run(['validate', 'book.json'], io)).toBe(EXIT.invalid);
    expect(out).toEqual(['$: invalid JSON at line 3, column 3: expected "," or "}" after the value (is a comma missing?)']);
  });

  it('prints warnings for a valid book that skips advice', async () => {
    const book = { ...validBookInput(), objections: [{ id: 'o', category: 'price', phrasings: ['Too much'], responses: [{ text: 'Why?' }] }] };
    const { io, out } = memoryIo({ 'book.json': JSON.stringify(book) });
    expect(await run(['validate', 'book.json'], io)).toBe(EXIT.ok);
    expect(out.at(-1)).toBe('warning: objections[0].phrasings: add a few more ways clients say this, so search finds it');
  });

  it('exits 2 for a missing file or wrong arguments', async () => {
    const { io, err } = memoryIo();
    expect(await run(['validate', 'nope.json'], io)).toBe(EXIT.usage);
    expect(err[0]).toContain('cannot read nope.json');
    expect(await run(['validate'], io)).toBe(EXIT.usage);
    expect(await run(['validate', 'a', 'b'], io)).toBe(EXIT.usage);
    expect(await run([], io)).toBe(EXIT.usage);
    expect(await run(['publish'], io)).toBe(EXIT.usage);
    expect(await run(['sign', 'book.json', '--colour', 'red'], io)).toBe(EXIT.usage);
    expect(await run(['help'], io)).toBe(EXIT.ok);
  });
});

describe('keygen, sign, verify', () => {
  it('makes keys, signs a book and verifies it; another key or a changed book fails', async () => {
    const { io, disk, out, privateFiles } = memoryIo({ 'book.json': JSON.stringify(validBookInput()) });
    expect(await run(['keygen', '--out', 'keys'], io)).toBe(EXIT.ok);
    expect([...disk.keys()]).toEqual(expect.arrayContaining(['keys/touchbook-book.key', 'keys/touchbook-book.pub']));
    expect(privateFiles).toEqual(new Set(['keys/touchbook-book.key']));
    expect(await run(['keygen', '--out', 'keys'], io)).toBe(EXIT.usage);

    expect(await run(['sign', 'book.json', '--key', 'keys/touchbook-book.key', '--out', 'book.signed.json'], io)).toBe(EXIT.ok);
    const envelope = JSON.parse(disk.get('book.signed.json') ?? '{}');
    expect(envelope.signature.alg).toBe('Ed25519');

    out.length = 0;
    expect(await run(['verify', 'book.signed.json', '--key=keys/touchbook-book.pub'], io)).toBe(EXIT.ok);
    expect(out[0]).toMatch(/^signature: valid \(key [0-9a-f]{16}\)$/);
    expect(await run(['validate', 'book.signed.json'], io)).toBe(EXIT.ok);

    await run(['keygen', '--out', 'other'], io);
    out.length = 0;
    expect(await run(['verify', 'book.signed.json', '--key', 'other/touchbook-book.pub'], io)).toBe(EXIT.invalid);
    expect(out[0]).toMatch(/^signature: wrong key/);

    disk.set('tampered.json', (disk.get('book.signed.json') ?? '').replace('Team book', 'Team boot'));
    out.length = 0;
    expect(await run(['verify', 'tampered.json', '--key', 'keys/touchbook-book.pub'], io)).toBe(EXIT.invalid);
    expect(out[0]).toMatch(/^signature: bad signature/);

    out.length = 0;
    expect(await run(['verify', 'book.json', '--key', 'keys/touchbook-book.pub'], io)).toBe(EXIT.invalid);
    expect(out[0]).toMatch(/^signature: missing signature/);
  });

  it('refuses to sign an invalid book', async () => {
    const { io, out } = memoryIo({ 'book.json': JSON.stringify({ ...validBookInput(), version: 'one' }) });
    await run(['keygen', '--out', 'keys'], io);
    out.length = 0;
    expect(await run(['sign', 'book.json', '--key', 'keys/touchbook-book.key'], io)).toBe(EXIT.invalid);
    expect(out).toEqual(['version: expected a version such as "1", "1.4" or "2.0.1"']);
  });

  it('prints the keys when no folder is given', async () => {
    const { io, out } = memoryIo();
    expect(await run(['keygen'], io)).toBe(EXIT.ok);
    expect(out.map((line) => line.split(':')[0])).toEqual(['key id', 'public key', 'private key']);
  });
});

describe('schema', () => {
  it('writes the JSON Schema, and docs/sales-book.schema.json is up to date', async () => {
    const { io, disk } = memoryIo();
    expect(await run(['schema', '--out', 'schema.json'], io)).toBe(EXIT.ok);
    const written = disk.get('schema.json') ?? '';
    expect(JSON.parse(written)).toEqual(salesBookJsonSchema());
    const committed = await readFile(new URL('../../../docs/sales-book.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(written); // regenerate with `npm run book:schema` after changing schema.ts
  });
});

describe('bin/touchbook-book.mjs', () => {
  it('runs the TypeScript CLI with the installed tools and passes exit codes through', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'touchbook-cli-'));
    try {
      await writeFile(join(folder, 'good.json'), JSON.stringify(validBookInput()));
      await writeFile(join(folder, 'bad.json'), JSON.stringify({ ...validBookInput(), schema: 2 }));
      const launcher = new URL('../../../bin/touchbook-book.mjs', import.meta.url).pathname;
      const exec = promisify(execFile);
      const good = await exec(process.execPath, [launcher, 'validate', join(folder, 'good.json')]);
      expect(good.stdout).toContain('valid: "Team book"');
      const bad = await exec(process.execPath, [launcher, 'validate', join(folder, 'bad.json')]).catch((error: { code: number; stdout: string }) => error);
      expect(bad).toMatchObject({ code: 1, stdout: 'schema: expected 1, got the number 2\n' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 30_000);
});

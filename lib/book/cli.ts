import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BookError } from './errors';
import { prefixErrors } from './errors';
import { salesBookJsonSchema } from './json-schema';
import { parseJsonText } from './json-text';
import type { SalesBook } from './schema';
import { generateKeyPair, looksLikeEnvelope, signBook, verifySignedBook } from './signature';
import { lintBook, validateBook, type BookValidation } from './validate';

/**
 * `touchbook-book`: the team lead's tool for the sales book file.
 *
 *   validate <file>                          exit 0 valid, 1 invalid (every error as "path: message")
 *   keygen [--out dir]                       make an Ed25519 key pair for signing
 *   sign <file> --key <private-key> [--out file]
 *   verify <file> --key <public-key>
 *   schema [--out file]                      JSON Schema for editors (docs/sales-book.schema.json)
 *
 * Exit code 2 means the command itself could not run: wrong arguments, a file that cannot be read.
 * All I/O goes through `CliIo` so the commands are tested without touching the disk.
 */

export interface CliIo {
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string, options?: { private?: boolean }): Promise<void>;
  makeDir(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  out(line: string): void;
  err(line: string): void;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export const USAGE = `Usage: touchbook-book <command>

  validate <file>                              check a sales book (bare or signed)
  keygen [--out <dir>]                         create touchbook-book.key and touchbook-book.pub
  sign <file> --key <private-key-file> [--out <file>]
  verify <file> --key <public-key-file>
  schema [--out <file>]                        print or write the JSON Schema

Exit codes: 0 ok, 1 invalid book or signature, 2 usage or file error.`;

export const PRIVATE_KEY_FILE = 'touchbook-book.key';
export const PUBLIC_KEY_FILE = 'touchbook-book.pub';

/** For bin/touchbook-book.mjs. */
export function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, nodeIo());
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.error);
  const { command, positional, flags } = parsed;
  try {
    switch (command) {
      case 'validate':
        return positional.length === 1 ? await validateCommand(io, positional[0] as string) : usageError(io, 'validate needs one file');
      case 'keygen':
        return positional.length === 0 ? await keygenCommand(io, flags.out) : usageError(io, 'keygen takes no file');
      case 'sign':
        if (positional.length !== 1 || !flags.key) return usageError(io, 'sign needs a file and --key <private-key-file>');
        return await signCommand(io, positional[0] as string, flags.key, flags.out);
      case 'verify':
        if (positional.length !== 1 || !flags.key) return usageError(io, 'verify needs a file and --key <public-key-file>');
        return await verifyCommand(io, positional[0] as string, flags.key);
      case 'schema':
        return positional.length === 0 ? await schemaCommand(io, flags.out) : usageError(io, 'schema takes no file');
      case 'help':
        io.out(USAGE);
        return EXIT.ok;
      default:
        return usageError(io, command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    io.err(`touchbook-book: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usage;
  }
}

// ---- arguments ----------------------------------------------------------------------------------

interface Flags {
  key?: string;
  out?: string;
}

type ParsedArgs = { ok: true; command: string; positional: string[]; flags: Flags } | { ok: false; error: string };

const KNOWN_FLAGS = new Set(['key', 'out']);

function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  const command = first === '--help' || first === '-h' ? 'help' : (first ?? '');
  const positional: string[] = [];
  const flags: Flags = {};
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!KNOWN_FLAGS.has(name)) return { ok: false, error: `unknown option --${name}` };
    const value = inline ?? rest[++index];
    if (value === undefined || value === '') return { ok: false, error: `--${name} needs a value` };
    flags[name as keyof Flags] = value;
  }
  return { ok: true, command, positional, flags };
}

function usageError(io: CliIo, message: string): number {
  io.err(`touchbook-book: ${message}`);
  io.err(USAGE);
  return EXIT.usage;
}

// ---- commands -----------------------------------------------------------------------------------

async function readText(io: CliIo, path: string): Promise<string | null> {
  try {
    return await io.readFile(path);
  } catch (error) {
    io.err(`touchbook-book: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function printErrors(io: CliIo, errors: readonly BookError[]): void {
  for (const error of errors) io.out(`${error.path === '' ? '$' : error.path}: ${error.message}`);
}

/** A file holds a bare book or a signed envelope; either way the book inside is validated. */
function validateFileText(text: string): { validation: BookValidation; signed: boolean } {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { validation: parsed, signed: false };
  if (!looksLikeEnvelope(parsed.value)) return { validation: validateBook(parsed.value), signed: false };
  const inner = validateBook(parsed.value['book']);
  return { validation: inner.ok ? inner : { ok: false, errors: prefixErrors('book', inner.errors) }, signed: true };
}

function describeBook(book: SalesBook): string[] {
  const touches = book.programmes.reduce((count, programme) => count + programme.touches.length, 0);
  return [
    `"${book.title}" (${book.id} ${book.version}, ${book.language})`,
    `  ${book.programmes.length} programmes, ${touches} touches, ${book.crossSell.length} cross-sell rules, ${book.questionnaires.length} questionnaires, ${book.objections.length} objections, ${book.sections.length} sections`,
  ];
}

async function validateCommand(io: CliIo, file: string): Promise<number> {
  const text = await readText(io, file);
  if (text === null) return EXIT.usage;
  const { validation, signed } = validateFileText(text);
  if (!validation.ok) {
    printErrors(io, validation.errors);
    io.err(`${file}: invalid, ${validation.errors.length} error${validation.errors.length === 1 ? '' : 's'}`);
    return EXIT.invalid;
  }
  const [title, counts] = describeBook(validation.book);
  io.out(`${file}: valid${signed ? ' (signed; run verify to check the signature)' : ''}: ${title}`);
  if (counts) io.out(counts);
  for (const warning of lintBook(validation.book)) io.out(`warning: ${warning.path}: ${warning.message}`);
  return EXIT.ok;
}

async function keygenCommand(io: CliIo, outDir: string | undefined): Promise<number> {
  const keys = await generateKeyPair();
  if (!outDir) {
    io.out(`key id:      ${keys.keyId}`);
    io.out(`public key:  ${keys.publicKey}`);
    io.out(`private key: ${keys.privateKey}`);
    io.err('Keep the private key secret; pin the public key in the managed policy ("publicKey") or the options.');
    return EXIT.ok;
  }
  const privatePath = join(outDir, PRIVATE_KEY_FILE);
  const publicPath = join(outDir, PUBLIC_KEY_FILE);
  if (await io.exists(privatePath)) {
    io.err(`touchbook-book: ${privatePath} already exists; refusing to overwrite a signing key`);
    return EXIT.usage;
  }
  await io.makeDir(outDir);
  await io.writeFile(privatePath, `${keys.privateKey}\n`, { private: true });
  await io.writeFile(publicPath, `${keys.publicKey}\n`);
  io.out(`key id ${keys.keyId}`);
  io.out(`wrote ${privatePath} (keep it secret, off the web server)`);
  io.out(`wrote ${publicPath} (publish or pin this one)`);
  return EXIT.ok;
}

async function signCommand(io: CliIo, file: string, keyFile: string, outFile: string | undefined): Promise<number> {
  const [text, privateKey] = [await readText(io, file), await readText(io, keyFile)];
  if (text === null || privateKey === null) return EXIT.usage;
  const parsed = parseJsonText(text);
  // Re-signing a signed file signs the book inside it.
  const raw = parsed.ok && looksLikeEnvelope(parsed.value) ? parsed.value['book'] : parsed.ok ? parsed.value : undefined;
  const validation = parsed.ok ? validateBook(raw) : parsed;
  if (!validation.ok) {
    printErrors(io, validation.errors);
    io.err(`${file}: invalid; fix the book before signing it`);
    return EXIT.invalid;
  }
  const envelope = await signBook(raw, privateKey);
  const json = `${JSON.stringify(envelope, null, 2)}\n`;
  if (outFile) {
    await io.writeFile(outFile, json);
    io.err(`signed with key ${envelope.signature.keyId}; wrote ${outFile}`);
  } else {
    io.out(json.trimEnd());
    io.err(`signed with key ${envelope.signature.keyId}`);
  }
  return EXIT.ok;
}

async function verifyCommand(io: CliIo, file: string, keyFile: string): Promise<number> {
  const [text, publicKey] = [await readText(io, file), await readText(io, keyFile)];
  if (text === null || publicKey === null) return EXIT.usage;
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    printErrors(io, parsed.errors);
    return EXIT.invalid;
  }
  const check = await verifySignedBook(parsed.value, publicKey);
  if (!check.ok) {
    io.out(`signature: ${check.error}: ${check.detail}`);
    return EXIT.invalid;
  }
  const validation = validateBook(check.book);
  if (!validation.ok) {
    io.out(`signature: valid (key ${check.keyId}), but the book is invalid:`);
    printErrors(io, prefixErrors('book', validation.errors));
    return EXIT.invalid;
  }
  io.out(`signature: valid (key ${check.keyId})`);
  for (const line of describeBook(validation.book)) io.out(line);
  return EXIT.ok;
}

async function schemaCommand(io: CliIo, outFile: string | undefined): Promise<number> {
  const json = `${JSON.stringify(salesBookJsonSchema(), null, 2)}\n`;
  if (!outFile) {
    io.out(json.trimEnd());
    return EXIT.ok;
  }
  await io.writeFile(outFile, json);
  io.err(`wrote ${outFile}`);
  return EXIT.ok;
}

// ---- the real world -----------------------------------------------------------------------------

export function nodeIo(): CliIo {
  return {
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text, options) => writeFile(path, text, { encoding: 'utf8', ...(options?.private ? { mode: 0o600 } : {}) }),
    makeDir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    exists: (path) => stat(path).then(
      () => true,
      () => false,
    ),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

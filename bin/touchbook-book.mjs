#!/usr/bin/env node
/**
 * Launcher for the team lead's sales-book tool (lib/book/cli.ts): validate, keygen, sign, verify,
 * schema. Node 20 cannot run TypeScript, and the CLI shares its code with the extension, so this
 * file compiles the TypeScript source on the fly with jiti instead of keeping a JavaScript copy.
 */
import { createJiti } from 'jiti';

const cliSource = new URL('../lib/book/cli.ts', import.meta.url).pathname;

try {
  /** @type {{ main: (argv: string[]) => Promise<number> }} */
  const cli = await createJiti(import.meta.url).import(cliSource);
  process.exitCode = await cli.main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`touchbook-book: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { throwingStandIn, zodWithoutJsonSchema } from '../../../lib/build/zod-without-json-schema';

const zodCore = join(dirname(createRequire(import.meta.url).resolve('zod/package.json')), 'v4', 'core');
const exportNames = (source: string) => [...source.matchAll(/^export const ([\w$]+)/gm)].map((match) => match[1]);

/** The module the bundler would get, evaluated: its exports by name. */
async function evaluated(source: string): Promise<Record<string, unknown>> {
  return (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, unknown>;
}

describe('zodWithoutJsonSchema (the worker bundle without the JSON-schema writer)', () => {
  const plugin = zodWithoutJsonSchema();
  const load = (id: string) => (plugin.load as (id: string) => string | null)(id);

  it("replaces only zod's writer modules, whatever query the bundler adds", () => {
    expect(load(join(zodCore, 'to-json-schema.js'))).toContain('unavailable');
    expect(load(`${join(zodCore, 'json-schema-processors.js')}?v=123`)).toContain('unavailable');
    expect(load(join(zodCore, 'schemas.js'))).toBeNull();
    expect(load('/work/lib/to-json-schema.js')).toBeNull();
  });

  it("keeps every export name of the installed writer, each one throwing with the reason", async () => {
    const original = readFileSync(join(zodCore, 'to-json-schema.js'), 'utf8');
    const standIn = load(join(zodCore, 'to-json-schema.js'))!;
    const names = exportNames(standIn);
    expect(names.length).toBeGreaterThan(0);
    for (const match of original.matchAll(/^export\s+(?:const|let|var|function|class)\s+([\w$]+)/gm)) expect(names).toContain(match[1]);
    const module = await evaluated(standIn);
    for (const name of names) expect(() => (module[name!] as () => unknown)()).toThrow(/JSON-schema writer is left out/);
  });

  it('reads export lists, renamed exports and a default export', () => {
    const standIn = throwingStandIn('export function a() {}\nexport class B {}\nconst c = 1, d = 2;\nexport { c, d as e };\nexport { f as default };\n');
    expect(exportNames(standIn).sort()).toEqual(['B', 'a', 'c', 'e']);
    expect(standIn).toContain('export default unavailable;');
  });
});

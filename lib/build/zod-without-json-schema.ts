import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Leaves zod's JSON-schema writer out of a bundle. zod's classic API imports it into every schema
 * type (for `.toJSONSchema()` and a few derived getters such as `.minLength`), so a bundle that
 * parses with `z.object(...)` carries about 6 KB gzipped it never runs; the service worker loads it
 * on every wake-up. Only the two writer modules are replaced, each export by one that throws, so a
 * bundle that did call it would say why instead of producing a wrong schema. The export list is
 * read from the installed zod, so an upgrade that adds a name keeps building.
 */
export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'touchbook:zod-without-json-schema',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0] ?? id;
      if (!WRITER_MODULES.test(file)) return null;
      return throwingStandIn(readFileSync(file, 'utf8'));
    },
  };
}

const WRITER_MODULES = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](?:json-schema-processors|to-json-schema|json-schema-generator)\.js$/;

/** A module with the same export names as `source`, every one a function that throws. */
export function throwingStandIn(source: string): string {
  const names = new Set<string>();
  for (const match of source.matchAll(/^export\s+(?:const|let|var|function|class)\s+([\w$]+)/gm)) names.add(match[1] ?? '');
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of (match[1] ?? '').split(',')) {
      const exported = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported) names.add(exported);
    }
  }
  names.delete('');
  const lines = [
    'function unavailable() { throw new Error("[touchbook] zod\'s JSON-schema writer is left out of this bundle"); }',
    ...[...names].map((name) => (name === 'default' ? 'export default unavailable;' : `export const ${name} = unavailable;`)),
  ];
  return `${lines.join('\n')}\n`;
}

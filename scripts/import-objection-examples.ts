// Imports a training corpus of client phrasings as the search's example phrasings
// (lib/suggest/search/examples/<lang>.ts), keeping the labelled test sets honest: an example that
// is a copy or a near-copy of any fixture phrasing (test/fixtures/objection-queries*.json, any
// language) is dropped, as are repeats and phrasings given for two objections.
//
//   npx vite-node scripts/import-objection-examples.ts -- <lang> <corpus.json> [<dropped id:phrasing>...]
//
// The corpus is {"<default objection id>": ["phrasing", ...]}. Extra arguments "<id>:<phrasing>"
// drop an example by hand (its meaning is wrong for the id); they are listed in the module.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_BOOK_LANGUAGES } from '../lib/book/defaults';
import { OBJECTIONS } from '../lib/book/defaults/skeleton';
import { fixtureSets, loadQueries } from '../test/unit/suggest/objection-accuracy';
import { foldedWords, nearCopy, sentence } from '../test/unit/suggest/near-copy';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const language = z.enum(DEFAULT_BOOK_LANGUAGES).parse(args[0]);
const corpusFile = z.string().min(1).parse(args[1]);
const byHand = new Set(args.slice(2));
const ids = Object.keys(OBJECTIONS) as [string, ...string[]];
const corpus = z.record(z.enum(ids), z.array(z.string().min(1))).parse(JSON.parse(readFileSync(corpusFile, 'utf8')));

const fixtures = fixtureSets().flatMap(({ file }) => loadQueries(file).map((query) => query.query));
const fixtureSentences = fixtures.map((text) => ({ text, folded: sentence(text) }));
const key = (text: string) => foldedWords(text).join(' ');

/** How often each folded phrasing is given, over all ids: one given for two objections says neither. */
const givenFor = new Map<string, Set<string>>();
for (const [id, phrasings] of Object.entries(corpus)) for (const text of phrasings) (givenFor.get(key(text)) ?? givenFor.set(key(text), new Set()).get(key(text))!).add(id);

const kept: Record<string, string[]> = {};
const dropped: string[] = [];
for (const id of ids) {
  const seen = new Set<string>();
  kept[id] = [];
  for (const raw of corpus[id] ?? []) {
    const text = raw.trim().replace(/\s+/g, ' ');
    const folded = key(text);
    if (folded === '' || seen.has(folded)) continue;
    seen.add(folded);
    if (byHand.has(`${id}:${text}`)) {
      dropped.push(`${id}: "${text}": wrong meaning (by hand)`);
      continue;
    }
    if (givenFor.get(folded)!.size > 1) {
      dropped.push(`${id}: "${text}": given for ${[...givenFor.get(folded)!].join(' and ')}`);
      continue;
    }
    const mine = sentence(text);
    const copy = fixtureSentences.find(({ folded: other }) => nearCopy(mine, other) !== '' || nearCopy(other, mine) !== '');
    if (copy) {
      dropped.push(`${id}: "${text}": a fixture has "${copy.text}"`);
      continue;
    }
    kept[id].push(text);
  }
}

const count = Object.values(kept).reduce((total, list) => total + list.length, 0);
const handDropped = [...byHand].map((entry) => ` *   ${entry}`).join('\n');
const module = `import type { ExamplePhrasings } from '../../examples';

/**
 * Example phrasings in "${language}", ${count} in all: how clients say each default objection, written from the
 * objections' meanings only (not from the books or the test sets). Imported by
 * scripts/import-objection-examples.ts, which dropped copies and near-copies of the labelled test
 * phrasings${byHand.size ? ` and, by hand, examples whose meaning is wrong for their id:\n${handDropped}` : ''}.
 * Loaded on demand (lib/suggest/examples.ts); matched, never shown.
 */
export const examples: ExamplePhrasings = ${JSON.stringify(kept, null, 2)};
`;
writeFileSync(join(import.meta.dirname, `../lib/suggest/search/examples/${language}.ts`), module);
console.log(`${language}: kept ${count}, dropped ${dropped.length}`);
for (const line of dropped) console.log(`  ${line}`);

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_BOOKS, DEFAULT_BOOK_LANGUAGES } from '../../../lib/book/defaults';
import type { Objection } from '../../../lib/book/schema';
import { buildBookObjectionIndex, loadExamplePhrasings, searchObjections, type ExamplePhrasings, type ObjectionIndex } from '../../../lib/suggest/objections';

/**
 * How well the objection search finds what a client meant, on a labelled set of client phrasings:
 * top-1 and top-3 by objection id, and top-1 by category, overall, per language and per category.
 * Shared by the unit tests (quality gate) and the benchmark (`npm run bench -- objections`).
 *
 * Each query is searched the way the side panel searches it: in the default book of the query's
 * language (the manager's language) with that language's example phrasings, see `indexForLanguage`.
 */

export const FIXTURES = {
  /** Frozen: never tune the search on it. */
  heldout: join(import.meta.dirname, '../../fixtures/objection-queries-heldout.json'),
  /** A second held-out set, written before the issue-13 tuning read the first one's misses. */
  fresh: join(import.meta.dirname, '../../fixtures/objection-queries-fresh.json'),
  /** Tuning sets. */
  dev: join(import.meta.dirname, '../../fixtures/objection-queries-dev.json'),
  original: join(import.meta.dirname, '../../fixtures/objection-queries.json'),
  /** Blind tuning set B1: written by someone who never saw the books or the code. */
  blindDev: join(import.meta.dirname, '../../fixtures/objection-queries-blind-dev.json'),
  /** Blind set B2: written the same way; held out until the example-phrasings round tuned on it, a tuning set since. */
  blindFinal: join(import.meta.dirname, '../../fixtures/objection-queries-blind-final.json'),
  /** Blind set B4: written from the meanings only, never tuned on; measured once per search version. */
  blindB4: join(import.meta.dirname, '../../fixtures/objection-queries-blind-b4.json'),
} as const;

const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures');

/**
 * Every labelled set present, `objection-queries-<name>.json` (the original set is "original"),
 * so a set dropped in later (such as a final blind set) is measured without a code change.
 */
export function fixtureSets(): Array<{ name: string; file: string }> {
  return readdirSync(FIXTURE_DIR)
    .map((file) => ({ file, match: /^objection-queries(?:-(.+))?\.json$/.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({ name: match[1] ?? 'original', file: join(FIXTURE_DIR, file) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const labelledQuery = z.object({
  lang: z.enum(DEFAULT_BOOK_LANGUAGES),
  query: z.string().min(1),
  expected: z.string().min(1),
  /** Optional in the original set, which predates categories: read from the skeleton then. */
  category: z.string().optional(),
  /** Other objection ids that answer the phrasing as well (blind sets): a hit on any counts. */
  alsoAccepted: z.array(z.string().min(1)).optional(),
  kind: z.string().optional(),
});
export type LabelledQuery = z.infer<typeof labelledQuery> & { category: string };

export function loadQueries(file: string): LabelledQuery[] {
  const parsed = z.object({ queries: z.array(labelledQuery) }).parse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.queries.map((query) => ({ ...query, category: query.category ?? categoryOf(query.expected) ?? 'unknown' }));
}

function categoryOf(id: string): string | undefined {
  return DEFAULT_BOOKS.en.objections.find((objection) => objection.id === id)?.category;
}

export type IndexFor = (language: LabelledQuery['lang']) => ObjectionIndex<Objection>;

/** Each default book's example phrasings, loaded as the side panel loads them (by the book's language). */
export const EXAMPLES: Readonly<Record<LabelledQuery['lang'], ExamplePhrasings>> = Object.fromEntries(
  await Promise.all(DEFAULT_BOOK_LANGUAGES.map(async (language) => [language, await loadExamplePhrasings(DEFAULT_BOOKS[language].language)] as const)),
) as Record<LabelledQuery['lang'], ExamplePhrasings>;

/**
 * The index the side panel searches for a manager whose book is the default book of `language`,
 * once the examples have arrived: `buildBookObjectionIndex`, the panel's own builder
 * (lib/panel/client-model.ts), with the book's objections and its language's examples.
 * `{ examples: false }` builds the index of the first moments, before they arrive.
 */
export function indexForLanguage(options: { examples?: boolean } = {}): IndexFor {
  const cache = new Map<string, ObjectionIndex<Objection>>();
  return (language) => {
    let index = cache.get(language);
    if (!index) cache.set(language, (index = buildBookObjectionIndex(DEFAULT_BOOKS[language].objections, options.examples === false ? {} : EXAMPLES[language])));
    return index;
  };
}

export interface Score {
  count: number;
  /** Shares, 0..1. */
  top1: number;
  top3: number;
  /** The first result is of the expected category (another objection of it may be fine). */
  categoryTop1: number;
}

export interface Miss {
  lang: string;
  query: string;
  expected: string;
  found: string[];
}

export interface Report {
  overall: Score;
  byLanguage: Record<string, Score>;
  byCategory: Record<string, Score>;
  /** Not first (by id). */
  misses: Miss[];
}

export function measure(queries: readonly LabelledQuery[], indexFor: IndexFor = indexForLanguage()): Report {
  const outcomes = queries.map((query) => {
    const found = searchObjections(indexFor(query.lang), query.query, { limit: 3 }).map((match) => match.objection);
    const accepted = new Set([query.expected, ...(query.alsoAccepted ?? [])]);
    const categories = new Set([query.category, ...[...accepted].map(categoryOf)]);
    return {
      query,
      found,
      top1: accepted.has(found[0]?.id ?? ''),
      top3: found.some((objection) => accepted.has(objection.id)),
      category: categories.has(found[0]?.category ?? ''),
    };
  });
  const score = (subset: typeof outcomes): Score => ({
    count: subset.length,
    top1: share(subset, (outcome) => outcome.top1),
    top3: share(subset, (outcome) => outcome.top3),
    categoryTop1: share(subset, (outcome) => outcome.category),
  });
  const groupBy = (key: (outcome: (typeof outcomes)[number]) => string) => {
    const groups: Record<string, typeof outcomes> = {};
    for (const outcome of outcomes) (groups[key(outcome)] ??= []).push(outcome);
    return Object.fromEntries(Object.entries(groups).map(([name, subset]) => [name, score(subset)]));
  };
  return {
    overall: score(outcomes),
    byLanguage: groupBy((outcome) => outcome.query.lang),
    byCategory: groupBy((outcome) => outcome.query.category),
    misses: outcomes
      .filter((outcome) => !outcome.top1)
      .map(({ query, found }) => ({ lang: query.lang, query: query.query, expected: query.expected, found: found.map((objection) => objection.id) })),
  };
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`.padStart(6);

/** A plain-text table of a report, for logs and commit messages. */
export function formatReport(title: string, report: Report): string {
  const line = (name: string, score: Score) =>
    `  ${name.padEnd(12)} n=${String(score.count).padStart(3)}  top-1 ${percent(score.top1)}  top-3 ${percent(score.top3)}  category top-1 ${percent(score.categoryTop1)}`;
  return [
    title,
    line('all', report.overall),
    ...Object.entries(report.byLanguage).map(([name, score]) => line(name, score)),
    ...Object.entries(report.byCategory).sort(([a], [b]) => a.localeCompare(b)).map(([name, score]) => line(name, score)),
  ].join('\n');
}

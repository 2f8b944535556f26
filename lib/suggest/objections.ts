import type { SalesBook, Section } from '../book/schema';
import type { SectionId } from '../book/defaults/skeleton';
import type { ExamplePhrasings } from './examples';
import { buildObjectionIndex, type ObjectionIndex, type SearchableObjection } from './search/build';
import { analyseQuery } from './search/query';
import { BOOST_SCORE, matchedWords, rank } from './search/rank';

/**
 * Finding the book's answer while the client is still talking: the manager types the client's
 * words, in any language of the book, with typos and half-finished words, and the side panel shows
 * the objections they most likely mean. Pure and deterministic; the index is built once per book
 * (`buildObjectionIndex`) and a keystroke costs well under the 5 ms budget on a 500-objection book
 * (see test/bench/objections.bench.ts). How it works: search/build.ts (index), search/query.ts
 * (query words), search/rank.ts (scores), search/concepts.ts (the synonyms table).
 *
 * Why hand-written: minisearch 7.2 and @orama/orama 3.1, fed the same folding, stemming, stop
 * and function words, end weighting and concept tokens, found fewer first (held-out set: 88.8%
 * and 82.0% top-1 against 93.3%; top-3 93.8% and 94.4% against 96.1%; December 2026). Their
 * scores know nothing of typing (a half word) or of near-miss ceilings; see the commit that
 * measured them.
 */

export { buildObjectionIndex };
export { exampleLanguageOf, loadExamplePhrasings, type ExamplePhrasings } from './examples';
export type { ObjectionIndex, ObjectionIndexOptions, SearchableObjection } from './search/build';
export { DEFAULT_CONCEPTS, type Concept } from './search/concepts';
export { hintsForClient, type ClientSignals, type ObjectionHints } from './search/client-hints';

/**
 * The side panel's index for a book: the book's objections plus the example phrasings of the
 * book's language (`loadExamplePhrasings(book.language)`, lib/suggest/examples.ts) once they are
 * loaded; before that `examples` is `{}` and only the book's phrasings are searched. The accuracy
 * harness (test/unit/suggest/objection-accuracy.ts) builds its indexes with this too.
 */
export function buildBookObjectionIndex<O extends SearchableObjection>(objections: readonly O[], examples: ExamplePhrasings = {}): ObjectionIndex<O> {
  return buildObjectionIndex(objections, { examples });
}

export interface ObjectionMatch<O extends SearchableObjection = SearchableObjection> {
  objection: O;
  /** About 0..1: how much of what was typed this objection explains (plus small boosts). */
  score: number;
  /**
   * The book phrasing that matched best (the index's own, so the book's language; never an
   * example phrasing), else the objection's first; '' for suggestions.
   */
  matched: string;
  /** Words of `matched` that the query matched, as written there, for highlighting. */
  matchedWords: string[];
}

export interface SearchOptions {
  limit?: number;
  /** Categories to favour (the client's churn reason or buyer type); see `hintsForClient`. */
  boostCategories?: readonly string[];
  /** Objection ids to favour, such as a churn reason's `suggestObjectionIds`. */
  boostIds?: readonly string[];
}

const DEFAULT_LIMIT = 5;

export function searchObjections<O extends SearchableObjection>(
  index: ObjectionIndex<O>,
  query: string,
  options: SearchOptions = {},
): Array<ObjectionMatch<O>> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const words = analyseQuery(index, query);
  if (words.length === 0) return boostedOnly(index, options, limit);
  const ranked = rank(index, words, {
    limit,
    boostCategories: new Set(options.boostCategories ?? []),
    boostIds: new Set(options.boostIds ?? []),
  });
  // The book phrasing, never an example: the manager reads what the team wrote.
  return ranked.map(({ objection, score, shown }) => ({
    objection: index.objections[objection]!.objection,
    score,
    matched: index.phrasings[shown]?.text ?? '',
    matchedWords: matchedWords(index, shown, words),
  }));
}

/** Nothing typed (or only "we", "у вас"): nothing to show, unless the client's profile hints. */
function boostedOnly<O extends SearchableObjection>(index: ObjectionIndex<O>, options: SearchOptions, limit: number): Array<ObjectionMatch<O>> {
  const hints = { categories: options.boostCategories ?? [], ids: options.boostIds ?? [] };
  return suggestedObjections(index, hints, limit).map((objection) => ({ objection, score: BOOST_SCORE, matched: '', matchedWords: [] }));
}

/**
 * A few objections to show before anything is typed: the given ids first, in their order, then
 * the objections of the given categories in book order.
 */
export function suggestedObjections<O extends SearchableObjection>(
  index: ObjectionIndex<O>,
  hints: { categories?: readonly string[]; ids?: readonly string[] },
  limit = 3,
): O[] {
  const byId = new Map(index.objections.map(({ objection }) => [objection.id, objection]));
  const picked = new Map<string, O>();
  for (const id of hints.ids ?? []) {
    const objection = byId.get(id);
    if (objection) picked.set(id, objection);
  }
  const categories = new Set(hints.categories ?? []);
  for (const { objection } of index.objections) if (categories.has(objection.category)) picked.set(objection.id, picked.get(objection.id) ?? objection);
  return [...picked.values()].slice(0, limit);
}

/**
 * Below this the best result is a guess: the UI should offer "record what the client said"
 * (a new personal objection) next to the results. Calibrated on test/fixtures/objection-queries.json
 * and on off-topic sentences (see the unit test).
 */
export const CONFIDENT_SCORE = 0.5;

export function isConfidentMatch(results: ReadonlyArray<Pick<ObjectionMatch, 'score' | 'matched'>>, threshold = CONFIDENT_SCORE): boolean {
  const best = results[0];
  return best !== undefined && best.matched !== '' && best.score >= threshold;
}

// ---- when the book has no answer ---------------------------------------------------------------

/** The default books' section with the five "don't know" steps (methodology, section 5). */
export const DONT_KNOW_SECTION_ID = 'dont-know-answer' satisfies SectionId;

/**
 * The "when you don't know the answer" section. A team book may have dropped or renamed it;
 * pass the default book of its language as `fallback` so the five steps are always at hand.
 */
export function dontKnowSteps(book: Pick<SalesBook, 'sections'>, fallback?: Pick<SalesBook, 'sections'>): Section | undefined {
  return findSection(book) ?? (fallback ? findSection(fallback) : undefined);
}

function findSection(book: Pick<SalesBook, 'sections'>): Section | undefined {
  return book.sections.find((section) => section.id === DONT_KNOW_SECTION_ID);
}

import type { ObjectionIndex, SearchableObjection } from './build';
import type { AnalysedWord, QueryWord } from './query';
import { wordWeight } from './stop-words';

/**
 * Scoring. Each query word is worth its idf (a rare word says more) times its weight (less for a
 * function word such as "after", and for the early words of a long paste; see query.ts). An objection earns, per
 * query word, the best of its matches in any of its phrasings: literal (similarity² x idf) or by
 * concept (the same, a little less). Squaring the similarity keeps a cloud of near-misses from
 * outweighing one exact word. Phrasings of one objection are alternative wordings of the same
 * thing, so a query word found in one and another word found in a second both count. The score
 * is mostly how much of the query the objection explains, partly how much of its best phrasing
 * the query covers (so "Дорого" beats a long phrasing that merely contains "дорого").
 * Scores run from 0 to about 1.
 */

const WEIGHTS = {
  /** A concept match is good, but the client's own word in the book is better. */
  conceptMatch: 0.9,
  /** A query word the book does not know at all still counts against coverage, a little. */
  unknownWord: 1,
  queryCoverage: 0.8,
  phrasingCoverage: 0.2,
  /** The query speaks of a concept of this objection's category ("budget" -> price). */
  categoryHint: 0.03,
  /** The client's churn reason or buyer type points at this objection. */
  boost: 0.08,
} as const;

/** Results below this are noise: one weak fuzzy match among many words. */
const MIN_SCORE = 0.12;

export const BOOST_SCORE = WEIGHTS.boost;

export interface RankOptions {
  limit: number;
  boostCategories: ReadonlySet<string>;
  boostIds: ReadonlySet<string>;
}

export interface Ranked {
  /** Position of the objection in the index. */
  objection: number;
  score: number;
  /** The phrasing that matched best. */
  phrasing: number;
}

interface Evidence {
  /** Per query word, the best it earned in any phrasing of the objection. */
  perWord: Float64Array;
  phrasing: number;
  phrasingScore: number;
  phrasingCoverage: number;
}

export function rank(index: ObjectionIndex<SearchableObjection>, query: readonly QueryWord[], options: RankOptions): Ranked[] {
  if (query.length === 0) return [];
  const { earned, ceilings } = collectMatches(index, query);
  const total = ceilings.reduce((sum, ceiling, word) => sum + (ceiling > 0 ? ceiling : WEIGHTS.unknownWord * query[word]!.weight), 0);
  const evidence = evidencePerObjection(index, earned, total, query.length);
  const hinted = categoriesOf(index, query);

  const ranked: Ranked[] = [];
  for (const [ordinal, { perWord, phrasing, phrasingCoverage }] of evidence) {
    const { objection } = index.objections[ordinal]!;
    let score = WEIGHTS.queryCoverage * (sum(perWord) / total) + WEIGHTS.phrasingCoverage * phrasingCoverage;
    if (hinted.has(objection.category)) score += WEIGHTS.categoryHint;
    if (options.boostCategories.has(objection.category) || options.boostIds.has(objection.id)) score += WEIGHTS.boost;
    if (score >= MIN_SCORE) ranked.push({ objection: ordinal, score, phrasing });
  }
  return ranked.sort((a, b) => b.score - a.score || a.objection - b.objection).slice(0, options.limit);
}

function evidencePerObjection(
  index: ObjectionIndex<SearchableObjection>,
  earned: ReadonlyMap<number, Float64Array>,
  total: number,
  wordCount: number,
): Map<number, Evidence> {
  const evidence = new Map<number, Evidence>();
  for (const [phrasingId, perWord] of earned) {
    const phrasing = index.phrasings[phrasingId]!;
    let found = evidence.get(phrasing.objection);
    if (!found) {
      found = { perWord: new Float64Array(wordCount), phrasing: phrasingId, phrasingScore: -1, phrasingCoverage: 0 };
      evidence.set(phrasing.objection, found);
    }
    for (let word = 0; word < wordCount; word++) found.perWord[word] = Math.max(found.perWord[word]!, perWord[word]!);
    const earnedHere = sum(perWord);
    const coverage = phrasing.weight > 0 ? Math.min(1, earnedHere / phrasing.weight) : 0;
    const score = WEIGHTS.queryCoverage * (earnedHere / total) + WEIGHTS.phrasingCoverage * coverage;
    if (score > found.phrasingScore || (score === found.phrasingScore && phrasingId < found.phrasing)) {
      Object.assign(found, { phrasing: phrasingId, phrasingScore: score, phrasingCoverage: coverage });
    }
  }
  return evidence;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Per phrasing, the best each query word earns in it; per query word, what full credit is. */
function collectMatches(index: ObjectionIndex<SearchableObjection>, query: readonly QueryWord[]) {
  const earned = new Map<number, Float64Array>();
  const bestCredit = query.map(() => 0);
  const bestSimilarity = query.map(() => 0);
  const credit = (phrasings: readonly number[], word: number, similarity: number, weight: number) => {
    const value = similarity * similarity * weight;
    if (value <= 0) return;
    bestCredit[word] = Math.max(bestCredit[word]!, value);
    bestSimilarity[word] = Math.max(bestSimilarity[word]!, similarity);
    for (const phrasing of phrasings) {
      let perWord = earned.get(phrasing);
      if (!perWord) earned.set(phrasing, (perWord = new Float64Array(query.length)));
      if (value > perWord[word]!) perWord[word] = value;
    }
  };
  query.forEach((word, position) => {
    for (const { entry, similarity } of word.literal) {
      const lexiconEntry = index.lexicon.entries[entry]!;
      // A book's function word counts as little when a query word lands on it ("πρώτη" on "πρώτα").
      credit(lexiconEntry.phrasings, position, similarity, Math.min(word.weight, wordWeight(lexiconEntry.form.text)) * lexiconEntry.idf);
    }
    for (const { concept, similarity } of word.concepts) {
      credit(index.conceptPhrasings[concept]!, position, similarity, word.weight * WEIGHTS.conceptMatch * index.conceptIdf[concept]!);
    }
  });
  // Full credit is what an exact match would earn, so a word whose best match is only a
  // near-miss ("thanks" ~ "think", similarity 0.85) is at most 85% explained.
  const ceilings = bestCredit.map((value, word) => (value > 0 ? value / bestSimilarity[word]! : 0));
  return { earned, ceilings };
}

/** Categories the query's concepts point at: a weak hint, used only to order near-ties. */
function categoriesOf(index: ObjectionIndex<SearchableObjection>, query: readonly AnalysedWord[]): Set<string> {
  const categories = new Set<string>();
  for (const word of query) {
    for (const { concept } of word.concepts) {
      const category = index.concepts.concepts[concept]?.category;
      if (category) categories.add(category);
    }
  }
  return categories;
}

/** The words of a phrasing the query matched, as written there, for highlighting. */
export function matchedWords(index: ObjectionIndex<SearchableObjection>, phrasingId: number, query: readonly AnalysedWord[]): string[] {
  const entries = new Set(query.flatMap((word) => word.literal.map((candidate) => candidate.entry)));
  const concepts = new Set(query.flatMap((word) => word.concepts.map((match) => match.concept)));
  const phrasing = index.phrasings[phrasingId];
  if (!phrasing) return [];
  const matched = phrasing.words.filter(
    ({ entry }) => entries.has(entry) || index.lexicon.entries[entry]!.concepts.some((concept) => concepts.has(concept)),
  );
  return [...new Set(matched.map((word) => word.original))];
}

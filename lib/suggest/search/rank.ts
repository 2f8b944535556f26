import type { ObjectionIndex, SearchableObjection } from './build';
import type { AnalysedWord, QueryWord } from './query';
import { wordWeight } from './stop-words';

/**
 * Scoring. Each query word is worth its idf (a rare word says more) times its weight (less for a
 * function word such as "after", and for the early words of a long paste; see query.ts). An objection earns, per
 * query word, the best of its matches in any of its phrasings: literal (similarity² x idf) or by
 * concept (the same, a little less). Squaring the similarity keeps a cloud of near-misses from
 * outweighing one exact word. Phrasings of one objection are alternative wordings of the same
 * thing, so a query word found in one and another word found in a second both count, but partly
 * (`bestFewShare`) the objection is judged by its best few phrasings alone, so one with many
 * phrasings (book plus examples) does not win by sheer number. The score
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
  /**
   * How much of the query explained is judged by the objection's best few phrasings each on its
   * own, not only by all its phrasings together: with the example phrasings an objection has 25
   * or more, and together they would explain almost any stray word (measured over the fixture
   * sets, December 2026: 0.4 with the best 4 beat the union alone by 1.6 points top-1).
   */
  bestFewShare: 0.4,
  phrasingCoverage: 0.2,
  /**
   * An example phrasing (lib/suggest/examples.ts) is good evidence, the team's own phrasing is
   * better: it was written for this book.
   */
  exampleMatch: 0.9,
  /**
   * A word only in an example's lead-in (its sentences before the last: "Hi, good to hear from
   * you. ...") counts less: as in a pasted message (query.ts), what the client means comes last.
   */
  exampleLeadIn: 0.5,
  /** The query speaks of a concept of this objection's category ("budget" -> price). */
  categoryHint: 0.03,
  /** The client's churn reason or buyer type points at this objection. */
  boost: 0.08,
} as const;

/** The best few phrasings: an objection with fewer has the missing ones count as nothing. */
const BEST_FEW = 4;

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
  /** The phrasing that matched best (perhaps an example). */
  phrasing: number;
  /**
   * The book phrasing to show: the best-matching one, else the objection's first; -1 if it has
   * none (an objection whose only words are stop words).
   */
  shown: number;
}

interface Evidence {
  /** Per query word, the best it earned in any phrasing of the objection. */
  perWord: Float64Array;
  phrasing: number;
  phrasingScore: number;
  phrasingCoverage: number;
  shown: number;
  shownScore: number;
  /** The best few (`BEST_FEW`) phrasings' shares of the query explained, best first. */
  best: number[];
}

export function rank(index: ObjectionIndex<SearchableObjection>, query: readonly QueryWord[], options: RankOptions): Ranked[] {
  if (query.length === 0) return [];
  const { earned, ceilings } = collectMatches(index, query);
  const total = ceilings.reduce((sum, ceiling, word) => sum + (ceiling > 0 ? ceiling : WEIGHTS.unknownWord * query[word]!.weight), 0);
  const evidence = evidencePerObjection(index, earned, total, query.length);
  const hinted = categoriesOf(index, query);

  const ranked: Ranked[] = [];
  for (const [ordinal, { perWord, phrasing, phrasingCoverage, shown }] of evidence) {
    const { objection, bookPhrasings } = index.objections[ordinal]!;
    const { best } = evidence.get(ordinal)!;
    let bestFew = 0;
    for (let place = 0; place < BEST_FEW; place++) bestFew += best[place] ?? 0;
    const share = bookPhrasings.length < index.objections[ordinal]!.phrasings.length ? WEIGHTS.bestFewShare : 0;
    const explained = (1 - share) * (sum(perWord) / total) + share * (bestFew / BEST_FEW);
    let score = WEIGHTS.queryCoverage * explained + WEIGHTS.phrasingCoverage * phrasingCoverage;
    if (hinted.has(objection.category)) score += WEIGHTS.categoryHint;
    if (options.boostCategories.has(objection.category) || options.boostIds.has(objection.id)) score += WEIGHTS.boost;
    if (score >= MIN_SCORE) ranked.push({ objection: ordinal, score, phrasing, shown: shown >= 0 ? shown : (bookPhrasings[0] ?? -1) });
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
      found = { perWord: new Float64Array(wordCount), phrasing: phrasingId, phrasingScore: -1, phrasingCoverage: 0, shown: -1, shownScore: -1, best: [] };
      evidence.set(phrasing.objection, found);
    }
    for (let word = 0; word < wordCount; word++) found.perWord[word] = Math.max(found.perWord[word]!, perWord[word]!);
    const earnedHere = sum(perWord);
    const coverage = phrasing.weight > 0 ? Math.min(1, earnedHere / phrasing.weight) : 0;
    const score = WEIGHTS.queryCoverage * (earnedHere / total) + WEIGHTS.phrasingCoverage * coverage;
    if (score > found.phrasingScore || (score === found.phrasingScore && phrasingId < found.phrasing)) {
      Object.assign(found, { phrasing: phrasingId, phrasingScore: score, phrasingCoverage: coverage });
    }
    const share = earnedHere / total;
    if (found.best.length < BEST_FEW || share > found.best[found.best.length - 1]!) {
      found.best.push(share);
      found.best.sort((a, b) => b - a);
      if (found.best.length > BEST_FEW) found.best.pop();
    }
    if (!phrasing.example && (score > found.shownScore || (score === found.shownScore && phrasingId < found.shown))) {
      Object.assign(found, { shown: phrasingId, shownScore: score });
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
  const credit = (phrasings: readonly number[], word: number, similarity: number, weight: number, entry: number) => {
    const value = similarity * similarity * weight;
    if (value <= 0) return;
    bestCredit[word] = Math.max(bestCredit[word]!, value);
    bestSimilarity[word] = Math.max(bestSimilarity[word]!, similarity);
    for (const phrasing of phrasings) {
      let perWord = earned.get(phrasing);
      if (!perWord) earned.set(phrasing, (perWord = new Float64Array(query.length)));
      const { example, leadIn } = index.phrasings[phrasing]!;
      const here = example ? value * WEIGHTS.exampleMatch * (entry >= 0 && leadIn?.has(entry) ? WEIGHTS.exampleLeadIn : 1) : value;
      if (here > perWord[word]!) perWord[word] = here;
    }
  };
  query.forEach((word, position) => {
    for (const { entry, similarity } of word.literal) {
      const lexiconEntry = index.lexicon.entries[entry]!;
      // A book's function word counts as little when a query word lands on it ("πρώτη" on "πρώτα").
      credit(lexiconEntry.phrasings, position, similarity, Math.min(word.weight, wordWeight(lexiconEntry.form.text)) * lexiconEntry.idf, entry);
    }
    for (const { concept, similarity } of word.concepts) {
      credit(index.conceptPhrasings[concept]!, position, similarity, word.weight * WEIGHTS.conceptMatch * index.conceptIdf[concept]!, -1);
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

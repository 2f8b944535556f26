/**
 * How alike two words are, from 1 (the same) down to 0, allowing for what happens when a manager
 * types a client's words live: other word forms ("подумать"/"подумал"), a word cut short while
 * typing ("guaran"), one or two typos ("expnsive"). The figures are hand-set so that a same-stem
 * match beats a typo match. Words that merely start alike are not similar: "прошли" (passed) is
 * not "прошлый" (last), "погода" (weather) is not "погодити" (to approve); word families that do
 * share a start belong in the concept table as prefixes ("дорож*").
 */

export interface WordForm {
  text: string;
  stem: string;
}

/** Below this a pair of words is not considered a match at all. */
export const MIN_SIMILARITY = 0.5;

const SIMILARITY = {
  sameStem: 0.95,
  stemPrefixMax: 0.9,
  typingPrefixBase: 0.62,
  typingPrefixRange: 0.3,
  oneTypo: 0.85,
  twoTypos: 0.7,
  trigramScale: 0.8,
} as const;

/**
 * `query` is what the manager typed, `term` a word of the book. `partial` says the manager is
 * still typing this word, so "guara" may become "guarantees"; a finished "late" is not "later".
 */
export function wordSimilarity(query: WordForm, term: WordForm, partial = false): number {
  if (query.text === term.text) return 1;
  if (query.stem === term.stem) return SIMILARITY.sameStem;
  return Math.max(
    stemPrefix(query.stem, term.stem),
    partial ? typingSimilarity(query.text, term.text) : 0,
    typos(query, term),
  );
}

/** "подума" / "подумал": one stem continues the other. Four letters are too few ("прош" from
 *  "прошли" is not "прошл" from "прошлый"). */
function stemPrefix(a: string, b: string): number {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  // A Greek aorist adds a sigma to the present's stem: "ακουω" / "ακουσει", "πληρωνω" / "πληρωσει".
  if (shorter.length >= 4 && longer === `${shorter}σ`) return SIMILARITY.stemPrefixMax;
  if (shorter.length < 5 || !longer.startsWith(shorter)) return 0;
  return Math.max(0.75, SIMILARITY.stemPrefixMax - 0.05 * (longer.length - shorter.length));
}

/** The manager is still typing: "guara" is the start of "guarantees". */
export function typingSimilarity(query: string, term: string): number {
  if (query.length < 2 || !term.startsWith(query)) return 0;
  return SIMILARITY.typingPrefixBase + SIMILARITY.typingPrefixRange * (query.length / term.length);
}

function typos(query: WordForm, term: WordForm): number {
  return Math.max(typoScore(query.text, term.text), typoScore(query.stem, term.stem), trigramScore(query.text, term.text));
}

/** One typo in a five-letter word, two from seven letters; four letters are too few ("nice", "price"). */
function typoScore(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return 0;
  const allowed = shorter >= 7 ? 2 : 1;
  const distance = editDistance(a, b, allowed);
  if (distance > allowed) return 0;
  return distance <= 1 ? SIMILARITY.oneTypo : SIMILARITY.twoTypos;
}

function trigramScore(a: string, b: string): number {
  if (Math.min(a.length, b.length) < 4) return 0;
  const dice = trigramDice(a, b);
  return dice >= 0.6 ? SIMILARITY.trigramScale * dice : 0;
}

/** Trigrams of the word padded with a space each side, so beginnings and endings count. */
export function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const result: string[] = [];
  for (let index = 0; index + 3 <= padded.length; index++) result.push(padded.slice(index, index + 3));
  return result;
}

/** Dice coefficient of the two words' trigram multisets: 1 = the same trigrams. */
export function trigramDice(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  const unmatched = new Map<string, number>();
  for (const gram of right) unmatched.set(gram, (unmatched.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const count = unmatched.get(gram) ?? 0;
    if (count > 0) {
      shared++;
      unmatched.set(gram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * Optimal-string-alignment distance (a swap of two neighbours counts as one typo), giving up as
 * soon as it must exceed `limit`: only "is it one or two typos" matters here.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

import { foldWord } from '../../../lib/text/normalize';
import { stem } from '../../../lib/text/stem';

/**
 * Whether two sentences are (nearly) the same, as the search sees them: shared by the checks that
 * keep the test sets, the books and the example phrasings apart, and by the script that imports
 * the examples (scripts/import-objection-examples.ts), which drops an example a test set has.
 */

/** A sentence as the search's folded words. */
export function foldedWords(text: string): string[] {
  return (text.match(/[\p{L}\p{M}\p{N}'’ʼ]+/gu) ?? []).map(foldWord).filter(Boolean);
}

export interface Sentence {
  /** Folded words joined by single spaces, with a space each side. */
  readonly text: string;
  readonly stems: ReadonlySet<string>;
}

export function sentence(text: string): Sentence {
  const folded = foldedWords(text);
  return { text: ` ${folded.join(' ')} `, stems: new Set(folded.map(stem)) };
}

/**
 * Why a client phrasing of a test set and a book phrasing are too alike to keep both ('' if they
 * are not): the same words, the query inside the phrasing, or nearly the same word stems (3+).
 */
export function nearCopy(query: Sentence, phrasing: Sentence): string {
  if (phrasing.text.includes(query.text)) return 'the query is in the book';
  if (query.stems.size < 3) return '';
  let shared = 0;
  for (const word of query.stems) if (phrasing.stems.has(word)) shared++;
  const jaccard = shared / (query.stems.size + phrasing.stems.size - shared);
  return jaccard >= 0.8 ? `the same stems (${jaccard.toFixed(2)})` : '';
}

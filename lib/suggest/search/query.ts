import type { ObjectionIndex, SearchableObjection } from './build';
import { candidatesFor, type Candidate } from './lexicon';
import type { WordForm } from './similarity';
import { stem } from '../../text/stem';
import { isStopWord, wordWeight } from './stop-words';
import { transliterations } from './transliterate';
import { searchWords } from './words';

/**
 * A query word, understood: which book words it may be (literal matches) and which concepts it
 * expresses, each with a similarity. Computed once per distinct word and remembered, because
 * typing sends the same words again on every keystroke.
 */
export interface AnalysedWord {
  readonly text: string;
  /** Lexicon entries that occur in phrasings, with similarity, best first. */
  readonly literal: readonly Candidate[];
  readonly concepts: ReadonlyArray<{ concept: number; similarity: number }>;
  /** An unknown Latin word that is a stop word once transliterated: "einai" is "είναι". */
  readonly isStopWord: boolean;
}

/** Below this a fuzzy match is too loose to carry its word's concepts over. */
const CONCEPT_SIMILARITY = 0.7;
/** A transliterated word is a guess at what was meant; it never quite equals the real thing. */
const TRANSLITERATION_FACTOR = 0.9;
/** When a Latin word matches this well as written, it is English, not transliteration. */
const GOOD_ENOUGH_AS_WRITTEN = 0.9;
const MIN_WORD_LENGTH = 2;
/**
 * A pasted e-mail or chat is searched whole, but it usually ends with what the client wants
 * ("... so call me after the holidays"): the last `FULL_WEIGHT_WORDS` words (about a sentence) count fully, earlier
 * ones less the further back they are, down to `EARLY_WORD_WEIGHT`. A typed objection is far
 * shorter than that, so typing is unaffected.
 */
const FULL_WEIGHT_WORDS = 15;
const EARLIER_WORDS_HALF_LIFE = 12;
const EARLY_WORD_WEIGHT = 0.15;
/** Only against pathological input (a whole document pasted): its end is what is kept. */
const MAX_QUERY_LENGTH = 20_000;

const ENDS_IN_WORD = /[\p{L}\p{M}\p{N}'’ʼ]$/u;

/** A query word with how much it counts here: its function-word weight times its place weight. */
export interface QueryWord extends AnalysedWord {
  readonly weight: number;
}

/** The query's meaningful words: no stop words, no repeats (the latest place counts), no single letters. */
export function analyseQuery(index: ObjectionIndex<SearchableObjection>, query: string): QueryWord[] {
  const text = query.length > MAX_QUERY_LENGTH ? query.slice(-MAX_QUERY_LENGTH) : query;
  const all = searchWords(text);
  // The last word is still being typed unless a space or punctuation closed it.
  const lastIsPartial = ENDS_IN_WORD.test(text);
  const seen = new Map<string, number>();
  const analysed: QueryWord[] = [];
  all.forEach((word, position) => {
    if (word.text.length < MIN_WORD_LENGTH || isStopWord(word.text)) return;
    const weight = wordWeight(word.text) * placeWeight(all.length - 1 - position);
    const known = seen.get(word.text);
    if (known !== undefined) {
      if (known >= 0 && weight > analysed[known]!.weight) analysed[known] = { ...analysed[known]!, weight };
      return;
    }
    const analysedWord = analyseWord(index, word.text, lastIsPartial && position === all.length - 1);
    seen.set(word.text, analysedWord.isStopWord ? -1 : analysed.length);
    if (!analysedWord.isStopWord) analysed.push({ ...analysedWord, weight });
  });
  return analysed;
}

function placeWeight(wordsAfter: number): number {
  if (wordsAfter < FULL_WEIGHT_WORDS) return 1;
  return Math.max(EARLY_WORD_WEIGHT, 0.5 ** ((wordsAfter - FULL_WEIGHT_WORDS + 1) / EARLIER_WORDS_HALF_LIFE));
}

function analyseWord(index: ObjectionIndex<SearchableObjection>, text: string, partial: boolean): AnalysedWord {
  const key = `${partial ? '…' : ' '}${text}`;
  const cached = index.wordCache.get(key);
  if (cached) return cached;
  const analysed = analyseFresh(index, text, partial);
  remember(index, key, analysed);
  return analysed;
}

function remember(index: ObjectionIndex<SearchableObjection>, key: string, analysed: AnalysedWord): void {
  if (index.wordCacheSize <= 0) return;
  // A Map keeps insertion order, so its first key is the oldest.
  if (index.wordCache.size >= index.wordCacheSize) index.wordCache.delete(index.wordCache.keys().next().value!);
  index.wordCache.set(key, analysed);
}

function analyseFresh(index: ObjectionIndex<SearchableObjection>, text: string, partial: boolean): AnalysedWord {
  const form: WordForm = { text, stem: stem(text) };
  const readings = [{ form, factor: 1, candidates: candidatesFor(index.lexicon, form, partial) }];
  if ((readings[0]!.candidates[0]?.similarity ?? 0) < GOOD_ENOUGH_AS_WRITTEN) {
    for (const respelt of transliterations(text)) {
      const variant = { text: respelt, stem: stem(respelt) };
      readings.push({ form: variant, factor: TRANSLITERATION_FACTOR, candidates: candidatesFor(index.lexicon, variant, partial) });
    }
  }

  const literal = new Map<number, number>();
  const concepts = new Map<number, number>();
  for (const reading of readings) {
    for (const concept of index.concepts.conceptsOf(reading.form)) raise(concepts, concept, reading.factor);
    for (const { entry, similarity } of reading.candidates) {
      const value = similarity * reading.factor;
      const lexiconEntry = index.lexicon.entries[entry]!;
      if (lexiconEntry.phrasings.length > 0) raise(literal, entry, value);
      if (value >= CONCEPT_SIMILARITY) for (const concept of lexiconEntry.concepts) raise(concepts, concept, value);
    }
  }
  return {
    text,
    isStopWord: literal.size === 0 && concepts.size === 0 && transliterations(text).some(isStopWord),
    literal: [...literal].map(([entry, similarity]) => ({ entry, similarity })).sort((a, b) => b.similarity - a.similarity || a.entry - b.entry),
    concepts: [...concepts].map(([concept, similarity]) => ({ concept, similarity })).sort((a, b) => a.concept - b.concept),
  };
}

function raise(map: Map<number, number>, key: number, value: number): void {
  if (value > (map.get(key) ?? 0)) map.set(key, value);
}

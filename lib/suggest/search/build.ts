import type { Objection } from '../../book/schema';
import type { ExamplePhrasings } from '../examples';
import { compileConcepts, DEFAULT_CONCEPTS, type Concept, type ConceptMatcher } from './concepts';
import { LexiconBuilder, type Lexicon } from './lexicon';
import type { Word } from '../../text/normalize';
import { searchWords } from './words';
import type { AnalysedWord } from './query';
import { isStopWord, wordWeight } from './stop-words';

/**
 * The search index over a book's objections, built once per book. Objections with the same id
 * are one objection (the four default books share ids), so an index over several books finds
 * the objection whatever language the manager types in; the first objection seen with an id is
 * the one results return, the others lend it their phrasings.
 */

/** What the search needs of an objection; team, personal and layered objections all qualify. */
export type SearchableObjection = Pick<Objection, 'id' | 'category' | 'phrasings'>;

export interface ObjectionIndexOptions {
  /** The synonyms table; `DEFAULT_CONCEPTS` unless a team brings its own words. */
  concepts?: readonly Concept[];
  /**
   * How many analysed query words to remember. Typing re-sends every word but the last one, so a
   * small memory makes a keystroke cost one new word. 0 turns it off (the benchmark's cold case).
   */
  wordCacheSize?: number;
  /**
   * More ways clients say an objection, by objection id (lib/suggest/examples.ts): matched like
   * the book's phrasings, never shown (a result shows its best book phrasing).
   */
  examples?: ExamplePhrasings;
}

export interface IndexedPhrasing {
  readonly objection: number;
  readonly text: string;
  /** The phrasing's words as written, each with its lexicon entry (stop words left out). */
  readonly words: ReadonlyArray<{ original: string; entry: number }>;
  /** The sum of its distinct words' idf (function words count less): how much there is to match. */
  readonly weight: number;
  /** An example phrasing (`ObjectionIndexOptions.examples`), not the book's: never shown. */
  readonly example: boolean;
  /** An example's words found only in its sentences before the last (see rank.ts `exampleLeadIn`). */
  readonly leadIn?: ReadonlySet<number>;
}

export interface IndexedObjection<O extends SearchableObjection> {
  readonly objection: O;
  readonly phrasings: readonly number[];
  /** Its book phrasings (no examples), in book order: what a result may show. */
  readonly bookPhrasings: readonly number[];
}

export interface ObjectionIndex<O extends SearchableObjection = SearchableObjection> {
  readonly objections: ReadonlyArray<IndexedObjection<O>>;
  readonly phrasings: readonly IndexedPhrasing[];
  readonly lexicon: Lexicon;
  readonly concepts: ConceptMatcher;
  /** Per concept: the phrasings that express it, and its idf over objections. */
  readonly conceptPhrasings: ReadonlyArray<readonly number[]>;
  readonly conceptIdf: readonly number[];
  /** Analysed query words, by word and "still being typed"; see `wordCacheSize`. */
  readonly wordCache: Map<string, AnalysedWord>;
  readonly wordCacheSize: number;
}

const DEFAULT_WORD_CACHE_SIZE = 512;

export function buildObjectionIndex<O extends SearchableObjection>(
  objections: readonly O[],
  options: ObjectionIndexOptions = {},
): ObjectionIndex<O> {
  const concepts = compileConcepts(options.concepts ?? DEFAULT_CONCEPTS);
  const lexicon = new LexiconBuilder(concepts);
  const merged = mergeById(objections);
  const indexed: Array<IndexedObjection<O>> = [];
  const drafts: Array<{ objection: number; text: string; words: Array<{ original: string; entry: number }>; example: boolean; leadIn?: Set<number> }> = [];

  merged.forEach(({ objection, phrasings }, ordinal) => {
    const ids: number[] = [];
    const bookIds: number[] = [];
    const add = (text: string, example: boolean) => {
      const id = drafts.length;
      const phrasingWords = contentWords(text).map((word) => ({ original: word.original, entry: lexicon.addOccurrence(word.text, id) }));
      if (phrasingWords.length === 0) return;
      const leadIn = example ? leadInEntries(text, lexicon) : undefined;
      drafts.push({ objection: ordinal, text, words: phrasingWords, example, ...(leadIn ? { leadIn } : {}) });
      ids.push(id);
      if (!example) bookIds.push(id);
    };
    for (const text of phrasings) add(text, false);
    const examples = options.examples && Object.hasOwn(options.examples, objection.id) ? options.examples[objection.id]! : [];
    for (const text of examples) if (!phrasings.includes(text)) add(text, true);
    indexed.push({ objection, phrasings: ids, bookPhrasings: bookIds });
  });

  const built = lexicon.build();
  const objectionCount = indexed.length;
  // One idf per word family: "need", "needs" and "needed" say the same, and a rarer form must not
  // earn more than the word the client typed ("we don't need this" is not "nothing is needed").
  const familyObjections = new Map<string, Set<number>>();
  for (const entry of built.entries) {
    const family = familyObjections.get(entry.form.stem) ?? new Set<number>();
    for (const id of entry.phrasings) family.add(drafts[id]!.objection);
    familyObjections.set(entry.form.stem, family);
  }
  for (const entry of built.entries) entry.idf = entry.phrasings.length === 0 ? 0 : idf(objectionCount, familyObjections.get(entry.form.stem)!.size);
  const conceptPhrasings = phrasingsPerConcept(concepts, built);
  const conceptIdf = conceptPhrasings.map((ids) => (ids.length === 0 ? 0 : idf(objectionCount, distinctObjections(ids, drafts))));
  const phrasings = drafts.map((draft) => ({ ...draft, weight: weightOf(draft.words, built) }));

  return {
    objections: indexed,
    phrasings,
    lexicon: built,
    concepts,
    conceptPhrasings,
    conceptIdf,
    wordCache: new Map(),
    wordCacheSize: options.wordCacheSize ?? DEFAULT_WORD_CACHE_SIZE,
  };
}

/** A phrasing's words minus stop words; all of them when that leaves nothing ("Any will do"). */
function contentWords(text: string): Word[] {
  const all = searchWords(text);
  const content = all.filter((word) => !isStopWord(word.text));
  return content.length > 0 ? content : all;
}

/** Sentence ends, Greek question mark (";") included. */
const SENTENCE_END = /[.!?;…]+\s+/u;

/** The words of a text's sentences before its last that its last sentence does not repeat; undefined if none. */
function leadInEntries(text: string, lexicon: LexiconBuilder): Set<number> | undefined {
  const sentences = text.trim().split(SENTENCE_END).filter((sentence) => sentence.trim() !== '');
  if (sentences.length < 2) return undefined;
  const last = new Set(contentWords(sentences.at(-1)!).map((word) => word.text));
  const early = new Set<number>();
  for (const sentence of sentences.slice(0, -1)) {
    for (const word of contentWords(sentence)) if (!last.has(word.text)) early.add(lexicon.add(word.text));
  }
  return early.size > 0 ? early : undefined;
}

/** Same id = same objection: phrasings are pooled (duplicates dropped), book order is kept. */
function mergeById<O extends SearchableObjection>(objections: readonly O[]): Array<{ objection: O; phrasings: string[] }> {
  const byId = new Map<string, { objection: O; phrasings: Set<string> }>();
  for (const objection of objections) {
    const known = byId.get(objection.id);
    if (known) for (const phrasing of objection.phrasings) known.phrasings.add(phrasing);
    else byId.set(objection.id, { objection, phrasings: new Set(objection.phrasings) });
  }
  return [...byId.values()].map(({ objection, phrasings }) => ({ objection, phrasings: [...phrasings] }));
}

/** BM25's idf: rare words say more about which objection it is; never negative. */
function idf(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}

function distinctObjections(phrasingIds: readonly number[], drafts: ReadonlyArray<{ objection: number }>): number {
  return new Set(phrasingIds.map((id) => drafts[id]!.objection)).size;
}

function phrasingsPerConcept(concepts: ConceptMatcher, lexicon: Lexicon): number[][] {
  const perConcept = concepts.concepts.map(() => new Set<number>());
  for (const entry of lexicon.entries) for (const concept of entry.concepts) for (const id of entry.phrasings) perConcept[concept]!.add(id);
  return perConcept.map((ids) => [...ids].sort((a, b) => a - b));
}

function weightOf(phrasingWords: ReadonlyArray<{ entry: number }>, lexicon: Lexicon): number {
  let weight = 0;
  for (const entry of new Set(phrasingWords.map((word) => word.entry))) {
    const { idf, form } = lexicon.entries[entry]!;
    weight += idf * wordWeight(form.text);
  }
  return weight;
}

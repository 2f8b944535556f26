import type { ConceptMatcher } from './concepts';
import { MIN_SIMILARITY, trigrams, typingSimilarity, wordSimilarity, type WordForm } from './similarity';
import { stem } from '../../text/stem';

/**
 * Every word the search knows: the words of the book's phrasings (with the phrasings they occur
 * in) and the words of the concept table (with no phrasings, but a concept each). A query word is
 * matched against this list, never against the phrasings directly, so the cost of a keystroke
 * depends on the number of distinct words, not on the size of the book.
 */
export interface LexiconEntry {
  readonly form: WordForm;
  /** Ids of the phrasings the word occurs in, ascending; empty for concept-table words. */
  readonly phrasings: number[];
  /** Concepts the word expresses (indexes into the concept table). */
  readonly concepts: readonly number[];
  /**
   * How a query word matches it: `word` by similarity (book words, plain concept-table words);
   * `prefix` by starting with it ("дорож*"); `exact` only when equal ("=чем").
   */
  readonly match: 'word' | 'prefix' | 'exact';
  /** Inverse document frequency over objections; 0 for words in no phrasing. */
  idf: number;
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  readonly byText: ReadonlyMap<string, number>;
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  /** Entry ids sorted by text, for "every word starting with ..." ranges. */
  readonly sorted: readonly number[];
  readonly byTrigram: ReadonlyMap<string, readonly number[]>;
}

/** A lexicon entry a query word may mean, and how alike the two are (0..1). */
export interface Candidate {
  entry: number;
  similarity: number;
}

export class LexiconBuilder {
  private readonly entries: LexiconEntry[] = [];
  private readonly byText = new Map<string, number>();

  constructor(private readonly concepts: ConceptMatcher) {
    for (const pattern of concepts.patterns) {
      const id = this.add(pattern.form.text);
      const entry = this.entries[id]!;
      const concepts = entry.concepts.includes(pattern.concept) ? entry.concepts : [...entry.concepts, pattern.concept].sort((a, b) => a - b);
      this.entries[id] = { ...entry, concepts, match: entry.match === 'word' && pattern.kind !== 'stem' ? pattern.kind : entry.match };
    }
  }

  /** The entry id of a folded word, adding it if new. */
  add(text: string): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const form = { text, stem: stem(text) };
    const id = this.entries.length;
    this.entries.push({ form, phrasings: [], concepts: this.concepts.conceptsOf(form), match: 'word', idf: 0 });
    this.byText.set(text, id);
    return id;
  }

  addOccurrence(text: string, phrasing: number): number {
    const id = this.add(text);
    const list = this.entries[id]!.phrasings;
    if (list.at(-1) !== phrasing) list.push(phrasing);
    return id;
  }

  build(): Lexicon {
    const byStem = new Map<string, number[]>();
    const byTrigram = new Map<string, number[]>();
    this.entries.forEach((entry, id) => {
      push(byStem, entry.form.stem, id);
      for (const gram of new Set(trigrams(entry.form.text))) push(byTrigram, gram, id);
    });
    const sorted = this.entries.map((_, id) => id).sort((a, b) => compareText(this.entries[a]!.form.text, this.entries[b]!.form.text));
    return { entries: this.entries, byText: this.byText, byStem, sorted, byTrigram };
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- looking words up --------------------------------------------------------------------------

const PREFIX_RANGE_LENGTH = 3;
const MIN_FUZZY_LENGTH = 4;
/** Trigrams a one- or two-typo word still shares with the word meant (a typo breaks up to three). */
const TRIGRAMS_A_TYPO_MAY_BREAK = 5;

/** The entries a (folded) query word may mean, each with its similarity; best first. */
export function candidatesFor(lexicon: Lexicon, query: WordForm, partial: boolean): Candidate[] {
  const ids = new Set<number>();
  const exact = lexicon.byText.get(query.text);
  if (exact !== undefined) ids.add(exact);
  for (const id of lexicon.byStem.get(query.stem) ?? []) ids.add(id);
  if (query.text.length >= PREFIX_RANGE_LENGTH || partial) for (const id of prefixRange(lexicon, query.text.slice(0, PREFIX_RANGE_LENGTH))) ids.add(id);
  if (query.text.length >= MIN_FUZZY_LENGTH) for (const id of sharingTrigrams(lexicon, query.text)) ids.add(id);

  const candidates: Candidate[] = [];
  for (const id of ids) {
    const similarity = similarityTo(lexicon.entries[id]!, query, partial);
    if (similarity >= MIN_SIMILARITY) candidates.push({ entry: id, similarity });
  }
  return candidates.sort((a, b) => b.similarity - a.similarity || a.entry - b.entry);
}

/**
 * Concept-table prefixes and exact words match as written, or as the start of a word still
 * being typed; a book word (it has phrasings) always matches by similarity.
 */
function similarityTo(entry: LexiconEntry, query: WordForm, partial: boolean): number {
  if (entry.match === 'word' || entry.phrasings.length > 0) return wordSimilarity(query, entry.form, partial);
  const matches = entry.match === 'prefix' ? query.text.startsWith(entry.form.text) : query.text === entry.form.text;
  if (matches) return 1;
  return partial ? typingSimilarity(query.text, entry.form.text) : 0;
}

function prefixRange(lexicon: Lexicon, prefix: string): number[] {
  const { sorted, entries } = lexicon;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entries[sorted[middle]!]!.form.text < prefix) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let index = low; index < sorted.length && entries[sorted[index]!]!.form.text.startsWith(prefix); index++) found.push(sorted[index]!);
  return found;
}

function sharingTrigrams(lexicon: Lexicon, text: string): number[] {
  const grams = new Set(trigrams(text));
  const needed = Math.max(1, grams.size - TRIGRAMS_A_TYPO_MAY_BREAK);
  const counts = new Map<number, number>();
  for (const gram of grams) for (const id of lexicon.byTrigram.get(gram) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  const found: number[] = [];
  for (const [id, count] of counts) if (count >= needed) found.push(id);
  return found;
}

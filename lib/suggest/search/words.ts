import { words, type Word } from '../../text/normalize';

/**
 * The words the search reads, for the book and the query alike: `words` plus English clitics.
 * Folding drops apostrophes, so "don't" would be "dont", a word no phrasing with "not" shares,
 * and "year's" would be "years", the word of long relationships. Here a negated auxiliary stays
 * a negation ("doesn't" -> "does not"; typed without the apostrophe too), a possessive is its
 * noun ("boss's" -> "boss") and "they've", "we're", "I'll" lose the verb part (stop words anyway);
 * see also `SPOKEN_FORMS`.
 */
export function searchWords(text: string): Word[] {
  const result: Word[] = [];
  for (const word of words(text)) {
    const split = splitClitic(word);
    if (split) result.push(...split);
    else result.push({ original: word.original, text: SPOKEN_FORMS.get(word.text) ?? word.text });
  }
  return result;
}

/**
 * Spoken forms of the words that say "no" or "there is none", which a book writes out: "нема"
 * is "немає", "нету" is "нет", "nope" is "no". Negations are not stop words, so they must meet.
 */
const SPOKEN_FORMS = new Map<string, string>([
  ['нема', 'немає'], ['нету', 'нет'], ['неа', 'нет'], ['nope', 'no'], ['nah', 'no'],
]);

const APOSTROPHE = /['’ʼ]/;
const LATIN_WORD = /^[a-z]+$/;
/** Negated auxiliaries as typed without an apostrophe, and their irregular bases. */
const NEGATED = new Map<string, string>([
  ['dont', 'do'], ['doesnt', 'does'], ['didnt', 'did'], ['cant', 'can'], ['cannot', 'can'], ['wont', 'will'], ['isnt', 'is'],
  ['arent', 'are'], ['wasnt', 'was'], ['werent', 'were'], ['havent', 'have'], ['hasnt', 'has'], ['hadnt', 'had'],
  ['couldnt', 'could'], ['wouldnt', 'would'], ['shouldnt', 'should'], ['mustnt', 'must'], ['aint', 'is'],
]);
const CLITICS = ['s', 've', 're', 'll', 'd', 'm'];

function splitClitic(word: Word): Word[] | undefined {
  if (!LATIN_WORD.test(word.text)) return undefined;
  const negated = NEGATED.get(word.text);
  if (negated) return [{ original: word.original, text: negated }, { original: word.original, text: 'not' }];
  const parts = word.original.toLowerCase().split(APOSTROPHE);
  if (parts.length !== 2) return undefined;
  const [base = '', clitic = ''] = parts;
  if (base.endsWith('n') && clitic === 't') return [{ original: word.original, text: base.slice(0, -1) }, { original: word.original, text: 'not' }];
  if (CLITICS.includes(clitic) && LATIN_WORD.test(base) && base.length > 0) return [{ original: word.original, text: base }];
  return undefined;
}

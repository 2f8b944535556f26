/**
 * Text to comparable words. A manager types fast, on whatever keyboard layout is active, often
 * without Greek accents or the Russian "ё"; a book is written carefully. Both sides go through
 * the same folding so "Ακριβά" and "ακριβα", "нашёл" and "нашел", "Don't" and "dont" meet.
 */

export type Script = 'latin' | 'cyrillic' | 'greek' | 'other';

/** A word as written (for highlighting) and its folded form (for matching). */
export interface Word {
  original: string;
  text: string;
}

// Apostrophes belong inside words ("don't", Ukrainian "п'ять", Greek elision "γι’"), so the word
// pattern keeps them and folding removes them.
const WORD = /[\p{L}\p{M}\p{N}'’ʼ]+/gu;
const APOSTROPHES = /['’ʼ]/g;
const COMBINING_MARKS = /\p{M}/gu;

/** Letters that a plain NFKD-and-strip would get wrong or miss. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ς: 'σ', // Greek final sigma is the same letter
  ґ: 'г', // Ukrainian ґ is often typed as г
  ß: 'ss',
};

/** Latin letters that look like Cyrillic ones: a word typed half on the wrong layout. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', i: 'і', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const GREEK_LETTER = /\p{Script=Greek}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Lower case, accents off (Greek tonos, diaeresis, "ё", "ї"), apostrophes out; "й" survives. */
export function foldWord(word: string): string {
  const decomposed = word
    .toLowerCase()
    .normalize('NFKD')
    // "й" is a letter of its own in Russian and Ukrainian, not "и" with an accent.
    .replace(/и\u0306/g, 'й')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '');
  let folded = '';
  for (const letter of decomposed) folded += LETTER_FOLDS[letter] ?? letter;
  return fixMixedLayout(folded);
}

function fixMixedLayout(word: string): string {
  if (!CYRILLIC_LETTER.test(word) || !LATIN_LETTER.test(word)) return word;
  let fixed = '';
  for (const letter of word) fixed += LATIN_LOOKALIKES[letter] ?? letter;
  return fixed;
}

/** The words of a text, in order, each with its folded form; empty folds are dropped. */
export function words(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded !== '') result.push({ original: match[0], text: folded });
  }
  return result;
}

/** The script of a folded word, by its first letter: it picks the stemmer and stop words. */
export function scriptOf(word: string): Script {
  for (const letter of word) {
    if (CYRILLIC_LETTER.test(letter)) return 'cyrillic';
    if (GREEK_LETTER.test(letter)) return 'greek';
    if (LATIN_LETTER.test(letter)) return 'latin';
  }
  return 'other';
}

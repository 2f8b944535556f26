/**
 * Latin spellings of Russian/Ukrainian ("slishkom dorogo") and Greek ("greeklish": "einai akrivo"),
 * for a manager whose keyboard has no Cyrillic or Greek layout. One common scheme per script, not
 * every variant people use: the similarity measure forgives the odd letter.
 */

const TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'],
  ['yu', 'ю'], ['ju', 'ю'], ['ya', 'я'], ['ja', 'я'], ['yo', 'е'], ['ye', 'е'], ['je', 'е'], ['iy', 'ий'], ['yi', 'ї'],
  ['a', 'а'], ['b', 'б'], ['v', 'в'], ['w', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'], ['i', 'и'],
  ['j', 'й'], ['y', 'ы'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'],
  ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['c', 'ц'], ['x', 'кс'], ['q', 'к'],
];

const TO_GREEK: ReadonlyArray<readonly [string, string]> = [
  ['th', 'θ'], ['ch', 'χ'], ['ps', 'ψ'], ['ks', 'ξ'], ['ou', 'ου'], ['mp', 'μπ'], ['nt', 'ντ'],
  ['a', 'α'], ['b', 'β'], ['v', 'β'], ['g', 'γ'], ['d', 'δ'], ['e', 'ε'], ['z', 'ζ'], ['h', 'η'], ['i', 'ι'],
  ['k', 'κ'], ['l', 'λ'], ['m', 'μ'], ['n', 'ν'], ['x', 'χ'], ['o', 'ο'], ['p', 'π'], ['r', 'ρ'], ['s', 'σ'],
  ['t', 'τ'], ['y', 'υ'], ['u', 'υ'], ['f', 'φ'], ['w', 'ω'], ['c', 'κ'], ['j', 'τζ'], ['q', 'κ'],
];

const LATIN_WORD = /^[a-z]+$/;

/** The word respelt in Cyrillic and in Greek; nothing for words that are not plain a-z. */
export function transliterations(foldedWord: string): string[] {
  if (!LATIN_WORD.test(foldedWord)) return [];
  return [respell(foldedWord, TO_CYRILLIC), respell(foldedWord, TO_GREEK)];
}

function respell(word: string, table: ReadonlyArray<readonly [string, string]>): string {
  let result = '';
  let index = 0;
  while (index < word.length) {
    const rule = table.find(([latin]) => word.startsWith(latin, index));
    if (rule) {
      result += rule[1];
      index += rule[0].length;
    } else {
      result += word[index];
      index++;
    }
  }
  return result;
}

import type { Gender } from '../../lifecycle/holidays';

/**
 * The Greek vocative of a first name: "Γιώργο", "Αλέξανδρε", "Κώστα", "Γιάννη". Masculine names
 * change their ending; feminine ones (Μαρία, Ελένη, Δέσποινα) are said as they are written.
 *
 * For names in -ος the stress decides (the school grammar's rule): stressed on the third
 * syllable from the end the name takes -ε (Αλέξανδρε, Δημήτριε, Νικόλαε); two-syllable names,
 * three-syllable ones stressed on the second from the end and diminutives in -άκος take -ο
 * (Γιώργο, Νίκο, Πέτρο, Αλέκο). The long learned names stressed on the second from the end take
 * -ε (Κωνσταντίνε). Names in -ας and -ης drop the ς (Κώστα, Μιχάλη).
 *
 * A name written without accents (CRMs often store "ΓΙΩΡΓΟΣ") is read with the stress of the
 * common name it spells; an unknown one of three syllables or more stays as written, because
 * its stress, and so its vocative, cannot be told.
 *
 * Works on one lower-case word; `index.ts` restores the card's capitalisation.
 */

/** Said against the rule in everyday speech: Στέλιος is two syllables when spoken (Στέλιο). */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  στέλιος: 'στέλιο',
};

/** The stress of common names of three syllables or more, for cards that drop the accents. */
const COMMON_NAMES = [
  'Αλέξανδρος', 'Αλέκος', 'Άγγελος', 'Ευάγγελος', 'Απόστολος', 'Θεόδωρος', 'Θόδωρος', 'Στέφανος', 'Φίλιππος', 'Χαράλαμπος',
  'Δημήτριος', 'Νικόλαος', 'Γεώργιος', 'Αντώνιος', 'Γρηγόριος', 'Βασίλειος', 'Αναστάσιος', 'Αθανάσιος', 'Ευστάθιος',
  'Σωτήριος', 'Ευγένιος', 'Μάριος', 'Σέργιος', 'Ιάκωβος', 'Κωνσταντίνος', 'Νικηφόρος', 'Χριστόφορος', 'Πρόδρομος',
  'Ανάργυρος', 'Αργύριος', 'Στέλιος',
].map((name) => name.toLowerCase());
const COMMON_BY_FOLDED = new Map(COMMON_NAMES.map((name) => [fold(name), name]));

const GREEK_WORD = /^[\p{Script=Greek}]+$/u;
const ACCENTED = 'άέήίόύώΐΰ';
const VOWEL = /[αεηιουωάέήίόύώϊϋΐΰ]/;

export function greekVocative(word: string, gender: Gender | null = null): string {
  const name = word.normalize('NFC');
  if (!GREEK_WORD.test(name) || gender === 'female') return word;
  const exception = EXCEPTIONS[name] ?? EXCEPTIONS[COMMON_BY_FOLDED.get(fold(name)) ?? ''];
  if (exception) return sameAccents(name, exception);

  // -ας, -ης: Κώστας, Ηλίας, Μιχάλης, Γιάννης -> Κώστα, Ηλία, Μιχάλη, Γιάννη.
  if (/[αάηή]ς$/.test(name)) return name.slice(0, -1);
  if (!/[οό]ς$/.test(name)) return word;

  const stressed = hasAccent(name) ? name : COMMON_BY_FOLDED.get(fold(name));
  const syllables = nuclei(stressed ?? name);
  if (syllables.length === 2) return `${name.slice(0, -2)}${name.at(-2) === 'ό' ? 'ό' : 'ο'}`;
  if (!stressed) return word;
  const fromEnd = syllables.length - syllables.findIndex((nucleus) => nucleus.stressed);
  if (fromEnd > syllables.length) return word; // no stress mark found: not a name we can read
  let ending: 'ε' | 'ο' | null = null;
  if (fromEnd === 3) ending = 'ε';
  else if (fromEnd === 2) ending = /άκος$/.test(stressed) || syllables.length === 3 ? 'ο' : 'ε';
  // Stressed on the last syllable (Νικολός) the name is rare and regional: left alone.
  if (!ending) return word;
  return sameAccents(name, `${stressed.slice(0, -2)}${ending}`);
}

interface Nucleus {
  stressed: boolean;
}

/**
 * The vowel groups of a word, one a syllable: the digraphs αι, ει, οι, υι, ου, αυ, ευ, ηυ are one
 * sound unless a diaeresis or an accent on the first letter splits them, and the ι of "γι" before
 * a vowel at the start is the consonant's softness (Γιώργος has two syllables, Γεώργιος four).
 */
function nuclei(word: string): Nucleus[] {
  const found: Nucleus[] = [];
  for (let index = 0; index < word.length; index++) {
    const char = word[index]!;
    if (!VOWEL.test(char)) continue;
    const next = word[index + 1] ?? '';
    if (char === 'ι' && index === 1 && word[0] === 'γ' && VOWEL.test(next)) continue;
    const digraph = (/[αεου]/.test(char) && /[ιί]/.test(next)) || (/[αεηο]/.test(char) && /[υύ]/.test(next));
    if (digraph) {
      found.push({ stressed: ACCENTED.includes(next) });
      index++;
    } else {
      found.push({ stressed: ACCENTED.includes(char) });
    }
  }
  return found;
}

function hasAccent(word: string): boolean {
  return [...word].some((char) => ACCENTED.includes(char));
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** The card wrote the name without accents: the vocative is written without them too. */
function sameAccents(original: string, form: string): string {
  return hasAccent(original) ? form : fold(form);
}

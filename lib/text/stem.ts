import { foldWord, scriptOf, type Script } from './normalize';

/**
 * Light stemming: cut one inflectional ending so "цены", "цена", "ценами" and "prices", "priced"
 * land on one stem. It is deliberately crude (a table of endings, longest first, a minimum stem
 * length): over-stemming is harmless because queries and the book are cut the same way, and the
 * similarity in `similarity.ts` catches what the table misses. Words arrive folded (`foldWord`),
 * and so are the endings below.
 */

const MIN_STEM = 3;

/** Russian and Ukrainian share one table: a word's language is not known, only its script. */
const CYRILLIC_ENDINGS = [
  // verbs
  'ться', 'тися', 'ется', 'ются', 'ится', 'ятся', 'ешься', 'ується', 'ється',
  'ать', 'ять', 'еть', 'ить', 'уть', 'ють', 'ати', 'яти', 'ити', 'ути', 'ти',
  'ешь', 'ишь', 'ете', 'ите', 'емо', 'имо', 'ет', 'ит', 'ют', 'ут', 'ят', 'ат', 'ує', 'ює',
  'ала', 'ало', 'али', 'яла', 'яли', 'ела', 'ели', 'ило', 'ила', 'или', 'ал', 'ял', 'ел', 'ил',
  'ла', 'ли', 'ло', 'ся', 'сь',
  // nouns and adjectives
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ові', 'еві', 'ість', 'ості', 'ость', 'ости',
  'ой', 'ей', 'ий', 'ый', 'ій', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ої', 'ою', 'ею',
  'ом', 'ем', 'ам', 'ям', 'им', 'ым', 'ім', 'ах', 'ях', 'их', 'ых', 'іх', 'ов', 'ев', 'ів', 'ью',
  // comparatives and "-ish" adverbs: "дорожче", "дешевше", "дороговато"
  'овато', 'евато', 'іше', 'ше', 'че', 'ще',
  'ы', 'и', 'і', 'а', 'я', 'о', 'е', 'у', 'ю', 'ь', 'є', 'в',
];

const GREEK_ENDINGS = [
  'ουμαστε', 'ομαστε', 'ιεστε', 'ονται', 'ουνται', 'ομουν', 'ουμαι', 'ομαι', 'εσαι', 'εται', 'ουμε', 'ουνε',
  'ετε', 'ειτε', 'ατε', 'ουν', 'ους', 'εις', 'ειο', 'εια', 'ων', 'ος', 'ου', 'ες', 'ει', 'ης', 'ας', 'οι',
  'ια', 'ιο', 'α', 'ο', 'η', 'ι', 'ω', 'ε', 'υ',
];

// No "-ly" or "-y": "costly" and "pricey" are not "cost" and "price" in tone, and the
// similarity measure already joins "quick" and "quickly". A "-y" after a consonant is the
// singular of "-ies" ("accessory", "accessories"), which `stem` handles apart.
const ENGLISH_ENDINGS = ['ness', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 's', 'e'];

/** Folded like the words they cut (Greek "ς" becomes "σ"), longest first. */
function longestFirst(endings: readonly string[]): readonly string[] {
  return [...new Set(endings.map(foldWord))].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const ENDINGS: Readonly<Record<Script, readonly string[]>> = {
  cyrillic: longestFirst(CYRILLIC_ENDINGS),
  greek: longestFirst(GREEK_ENDINGS),
  latin: longestFirst(ENGLISH_ENDINGS),
  other: [],
};

/** The stem of a folded word. */
export function stem(word: string): string {
  const script = scriptOf(word);
  const cut = cutEnding(word, ENDINGS[script]);
  return script === 'latin' ? singularOfIes(undoubleConsonant(cut)) : cut;
}

/** "accessory" -> "accessor", to meet "accessories" -> "accessor"; "key" and "toy" stay. */
function singularOfIes(word: string): string {
  if (word.length - 1 < MIN_STEM || !word.endsWith('y') || 'aeiouy'.includes(word.at(-2) ?? 'a')) return word;
  return word.slice(0, -1);
}

/**
 * Every stem the table allows for a folded word, longest ending first (so `stem` comes first).
 * The table is crude: "автомобили" loses the verb ending "-или" while "автомобиль" loses "-ь";
 * two words are forms of one word when they share any of these stems.
 */
export function stemVariants(word: string): string[] {
  const script = scriptOf(word);
  const cuts = ENDINGS[script]
    .filter((ending) => word.length - ending.length >= MIN_STEM && word.endsWith(ending))
    .map((ending) => word.slice(0, -ending.length));
  const variants = cuts.length ? cuts : [word];
  return [...new Set(script === 'latin' ? variants.map((variant) => singularOfIes(undoubleConsonant(variant))) : variants)];
}

function cutEnding(word: string, endings: readonly string[]): string {
  for (const ending of endings) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** "stopped" -> "stopp" -> "stop", so it meets "stops" -> "stop". */
function undoubleConsonant(word: string): string {
  const last = word.at(-1);
  if (word.length > MIN_STEM + 1 && last === word.at(-2) && last !== undefined && !'aeiouls'.includes(last)) return word.slice(0, -1);
  return word;
}

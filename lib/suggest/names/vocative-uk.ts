import type { Gender } from '../../lifecycle/holidays';

/**
 * The Ukrainian vocative of a first name: "Олександре", "Маріє", "Миколо". Ukrainian speech
 * addresses a person in it, and the nominative in "Добрий день, Олександр!" reads as a form letter.
 * Only patterns whose ending is beyond doubt are changed; a name whose ending the rules do not
 * know (a sibilant stem, a foreign name, a Russian spelling) is returned unchanged, since an
 * unusual nominative is polite and a mangled name is not.
 *
 * Works on one lower-case word; `index.ts` restores the card's capitalisation.
 */

/** Names whose vocative the endings cannot tell: a soft -р, an і that turns to о, a feminine -в. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  ігор: 'ігорю',
  лазар: 'лазарю',
  федір: 'федоре',
  сидір: 'сидоре',
  антін: 'антоне',
  тиміш: 'тимоше',
  яків: 'якове',
  лев: 'леве',
  ілля: 'ілле',
  любов: 'любове',
};

/** Women's names that end in a consonant; the masculine rules must not touch them. */
const FEMININE_IN_CONSONANT = new Set(['любов', 'нінель', 'есфір', 'юдіф', 'руф']);

const UKRAINIAN_WORD = /^[а-щьюяєіїґ'’ʼ]+$/;
/** Letters Ukrainian does not use: the name is spelt in Russian, and its vocative would be invented. */
const RUSSIAN_ONLY = /[ыэёъ]/;

const HARD = 'бвдзлмнпрстф';
const VELAR = 'гґкх';
const VOWELS = 'аеиіїоуюяє';

export function ukrainianVocative(word: string, gender: Gender | null = null): string {
  if (!UKRAINIAN_WORD.test(word) || RUSSIAN_ONLY.test(word) || word.length < 2) return word;
  const exception = EXCEPTIONS[word];
  if (exception) return exception;

  const last = word.slice(-1);
  const stem = word.slice(0, -1);
  const beforeLast = stem.slice(-1);

  if (last === 'а') {
    // Hard and velar stems: Ольга, Оксана, Микола -> Ольго, Оксано, Миколо. Sibilant stems
    // (Саша, Маша) are said either way; they stay as written.
    return HARD.includes(beforeLast) || VELAR.includes(beforeLast) ? `${stem}о` : word;
  }
  if (last === 'я') {
    // Марія, Зоя -> Маріє, Зоє; Оля, Таня -> Олю, Таню. "Наталья" is Russian spelling: left alone.
    if ('іїоеау'.includes(beforeLast)) return `${stem}є`;
    return HARD.includes(beforeLast) ? `${stem}ю` : word;
  }

  // What follows are masculine endings; a woman's name that ends so is not declined by them.
  if (gender === 'female' || FEMININE_IN_CONSONANT.has(word)) return word;

  if (last === 'о') {
    // Петро, Дмитро, Павло, Михайло -> Петре, Дмитре, Павле, Михайле; Юрко, Марко -> Юрку, Марку.
    if (beforeLast === 'р' || beforeLast === 'л') return `${stem}е`;
    if (beforeLast === 'к') return `${stem}у`;
    return word;
  }
  if (last === 'й') {
    // Андрій, Сергій, Юрій -> Андрію, Сергію, Юрію; Миколай -> Миколаю. "Сергей", "Дмитрий" are Russian.
    return beforeLast === 'і' || beforeLast === 'ї' || beforeLast === 'а' ? `${stem}ю` : word;
  }
  if (last === 'ь') return VOWELS.includes(beforeLast) ? word : `${stem}ю`; // Василь, Олесь -> Василю, Олесю
  if (HARD.includes(last)) return `${word}е`; // Олександр, Іван, Тарас -> Олександре, Іване, Тарасе
  if (VELAR.includes(last)) return `${word}у`; // Олег, Марк -> Олегу, Марку
  return word;
}

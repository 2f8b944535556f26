/**
 * Russian business speech addresses a client by name and patronymic ("Иван Сергеевич"); the
 * first name alone is for people one already knows well. Russian has no vocative: both words
 * stay in the nominative.
 *
 * The patronymic is the card's own middle-name field when it has one ("Отчество"); else it is
 * read from a three-word full name in either order, "Фамилия Имя Отчество" or "Имя Отчество
 * Фамилия", next to the first name the card gives. A two-word name is not read: "Ольга Карпович"
 * is a first name and a surname.
 */

const PATRONYMIC = /^[а-яё-]+(ович|евич|ич|овна|евна|ична|инична)$/i;

export function looksLikePatronymic(word: string): boolean {
  return word.length >= 5 && PATRONYMIC.test(word);
}

export interface RussianNameParts {
  firstName: string | null;
  middleName?: string | null;
  fullName?: string | null;
}

/** "Имя Отчество" when the patronymic is known, else the first name; null without a first name. */
export function russianAddress({ firstName, middleName, fullName }: RussianNameParts): string | null {
  const words = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  const first = firstName?.trim() || (words.length === 3 ? firstOfThree(words) : null);
  if (!first) return null;
  const patronymic = cardPatronymic(middleName) ?? (words.length === 3 ? patronymicAfter(words, first) : null);
  return patronymic && !first.includes(patronymic) ? `${first} ${patronymic}` : first;
}

/** The card's middle-name field, when it holds a Cyrillic name (not an initial, not "J."). */
function cardPatronymic(middleName: string | null | undefined): string | null {
  const value = middleName?.trim() ?? '';
  return /^[а-яё]{2,}(-[а-яё]+)?( [а-яё]+)?$/i.test(value) ? value : null;
}

/** The word after the first name, in a three-word name, when it is a patronymic. */
function patronymicAfter(words: readonly string[], first: string): string | null {
  const at = words.findIndex((word) => word.toLowerCase() === first.toLowerCase());
  const next = at >= 0 ? words[at + 1] : undefined;
  return next && looksLikePatronymic(next) ? next : null;
}

/** Without a first-name field: "Иванов Иван Иванович" or "Иван Иванович Иванов". */
function firstOfThree(words: readonly string[]): string | null {
  if (looksLikePatronymic(words[2]!)) return words[1]!;
  if (looksLikePatronymic(words[1]!)) return words[0]!;
  return null;
}

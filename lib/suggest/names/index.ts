import { splitPersonName } from '../../crm/parse/names';
import type { Gender } from '../../lifecycle/holidays';
import { russianAddress } from './patronymic-ru';
import { greekVocative } from './vocative-el';
import { ukrainianVocative } from './vocative-uk';

/**
 * How a script addresses the client by name, in the script's language (methodology, section 3:
 * address the client by name, and a letter must not read like a template). Ukrainian and Greek
 * call a person in the vocative ("Олександре", "Γιώργο"); Russian business speech uses the name
 * and patronymic when the card has one ("Иван Сергеевич"); English and any other language say the
 * first name as the card writes it. A name the rules do not know stays as written: an unusual
 * nominative is polite, a mangled name is not.
 */

export interface PersonName {
  firstName?: string | null;
  /** The card's middle name or patronymic field ("Отчество", "По батькові"). */
  middleName?: string | null;
  /** The full name as the CRM shows it; Russian reads the patronymic from it. */
  fullName?: string | null;
}

export interface AddressOptions {
  /** From the card or the client's names (`clientGender`); never guessed here. */
  gender?: Gender | null;
}

/** The form to address the client with, or null when the card gives no first name. */
export function addressName(name: string | PersonName, language: string, options: AddressOptions = {}): string | null {
  const parts: PersonName = typeof name === 'string' ? { fullName: name, firstName: splitPersonName(name).firstName } : name;
  const firstName = parts.firstName?.trim() || null;
  const gender = options.gender ?? null;
  switch (baseLanguage(language)) {
    case 'ru':
      return russianAddress({ firstName, middleName: parts.middleName ?? null, fullName: parts.fullName ?? null });
    case 'uk':
      return firstName && declineEachPart(firstName, (word) => ukrainianVocative(word, gender));
    case 'el':
      return firstName && declineEachPart(firstName, (word) => greekVocative(word, gender));
    default:
      return firstName;
  }
}

function baseLanguage(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * A one-word name, or a double name whose parts are each declined ("Анна-Марія" -> "Анно-Маріє").
 * A first-name field of several words ("Олександр Петрович") is said as written.
 */
function declineEachPart(firstName: string, decline: (lowerCaseWord: string) => string): string {
  if (/\s/.test(firstName)) return firstName;
  return firstName
    .split('-')
    .map((part) => (part ? inCaseOf(part, decline(part.toLowerCase())) : part))
    .join('-');
}

/** The card's capitalisation on the new form: "ОЛЕКСАНДР" -> "ОЛЕКСАНДРЕ", "Ольга" -> "Ольго". */
function inCaseOf(original: string, form: string): string {
  if (form === original.toLowerCase()) return original;
  const allCaps = original === original.toUpperCase() && original !== original.toLowerCase() && original.length > 1;
  if (allCaps) return form.toUpperCase();
  const first = original[0] ?? '';
  return first !== first.toLowerCase() ? `${form[0]?.toUpperCase() ?? ''}${form.slice(1)}` : form;
}

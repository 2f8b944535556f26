/**
 * Splits a person's full name into first and last. Handles "Last, First", honorifics, and the
 * Eastern Slavic "Surname Name Patronymic" order (recognised by the patronymic ending).
 */
export interface NameParts {
  firstName: string | null;
  lastName: string | null;
}

const HONORIFICS = /^(mr|mrs|ms|miss|mx|dr|prof|sir|herr|frau|m|mme|mlle|sr|sra|srta|pan|pani|г-н|г-жа|κ|κα)\.?\s+/i;
const PATRONYMIC = /(вич|вна|ична|инична|ич|івна|ївна|ович|евич|ьевич)$/i;
/** Endings of East Slavic family names: "Бондаренко Микола" is written surname first. */
const SLAVIC_SURNAME = /(енко|ов|ова|ев|ева|ёв|ёва|ский|ская|ський|ська|цкий|цкая|цький|цька|ук|юк|чук|як)$/i;
const CYRILLIC = /^\p{Script=Cyrillic}+(-\p{Script=Cyrillic}+)?$/u;

export function splitPersonName(fullName: string): NameParts {
  const name = fullName.trim().replace(HONORIFICS, '');
  if (name.includes(',')) {
    const [last = '', first = ''] = name.split(',', 2).map((part) => part.trim());
    if (last && first) return { firstName: first.split(/\s+/)[0] ?? null, lastName: last };
  }
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: words[0]!, lastName: null };
  if (words.length === 3 && PATRONYMIC.test(words[2]!)) return { firstName: words[1]!, lastName: words[0]! };
  if (words.length === 3 && PATRONYMIC.test(words[1]!)) return { firstName: words[0]!, lastName: words[2]! };
  if (words.length === 2 && words.every((word) => CYRILLIC.test(word)) && SLAVIC_SURNAME.test(words[0]!) && !SLAVIC_SURNAME.test(words[1]!)) {
    return { firstName: words[1]!, lastName: words[0]! };
  }
  return { firstName: words[0]!, lastName: words.slice(1).join(' ') };
}

const ORGANIZATION_WORDS =
  /(^|[\s,("«])(llc|ltd|inc|gmbh|ag|sa|sas|sarl|srl|spa|bv|plc|corp|company|ооо|оао|зао|пао|ип|тов|фоп|ltda|s\.a|sp\. z o\.o|ε\.π\.ε|α\.ε)\.?(?=$|[\s,)"»])/i;

/** Company-looking names ("Northwind Ltd", "ООО «Ромашка»") are not split into first and last. */
export function looksLikeOrganization(name: string): boolean {
  return ORGANIZATION_WORDS.test(name) || /[«»"]/.test(name);
}

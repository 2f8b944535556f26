import { foldCase } from '../text';

/**
 * How job titles begin, per language, for reading the unlabelled line under a record's name
 * ("Head of Sales", "Генеральный директор", "Vertriebsleiterin"). Lower case as written; matching
 * folds accents, so a stem serves every language that shares it ("presiden": president,
 * presidente, président) and is listed once. A word matches when it begins with a stem (which
 * covers feminine and case endings: "directora", "директора"), or contains one of six letters or
 * more (compounds: "Vertriebsleiter", "гендиректор"). Words that are statuses or labels on their
 * own ("lead", "owner", "partner") are left out.
 */
const TITLE_STEMS: Readonly<Record<string, string>> = {
  en: 'director manager founder chairm executiv officer consult specialist assistant accountant buyer represent',
  ru: 'директор руковод начальни менеджер заместител бухгалтер специалист консультант основател владел председател закупщ',
  uk: 'керівни заступни спеціаліст засновни власник голова',
  el: 'διευθυντ υπευθυν προεδρ ιδρυτ λογιστ συμβουλ στελεχ πωλητ',
  de: 'geschäftsführ leiter direktor vorstand inhaber gründer berater einkäufer',
  es: 'gerente jefe jefa responsable fundador presiden coordinad asesor comprador ejecutiv',
  fr: 'directeur directrice gerant chef fondat acheteu',
  pl: 'dyrektor prezes kierowni menedżer specjalist właściciel założyciel przedstawiciel',
  pt: 'diretor gestor coordenad',
};

/** Short titles that must match whole: "cto" begins "ctor", "vp" begins "vpn". */
const TITLE_ACRONYMS = new Set('ceo cto cfo coo cmo cio cpo cro vp svp evp pdg'.split(' '));

/** What follows "VP, " when it is a department, not a company ("VP, Sales & Marketing"). */
const DEPARTMENTS = new Set('sales marketing engineering finance operations product it hr procurement purchasing and'.split(' '));

/** Folded once, on the first subtitle read: most pages have none. */
let stems: string[] | null = null;

/** The words of a text in comparable form: folded case, split at spaces and punctuation. */
function foldedWords(text: string): string[] {
  return foldCase(text)
    .split(/[\s,.;:!?()«»"'’/&|·•–—-]+/)
    .filter(Boolean);
}

/** Does a word name a job: an acronym, a word that begins with a stem, or a compound with a long one? */
function isTitleWord(word: string): boolean {
  stems ??= foldCase(Object.values(TITLE_STEMS).join(' ')).split(' ');
  return TITLE_ACRONYMS.has(word) || stems.some((stem) => word.startsWith(stem) || (stem.length >= 6 && word.includes(stem)));
}

/** Does the text name a job: a title word in it, or "head of"? */
export function namesJob(text: string): boolean {
  return /\bhead of\b/i.test(text) || foldedWords(text).some(isTitleWord);
}

/** Is every word a job or a department ("Founder", "CEO & Founder", "Sales and Marketing")? */
export function isJobOrDepartment(text: string): boolean {
  const words = foldedWords(text);
  return words.length > 0 && words.every((word) => isTitleWord(word) || DEPARTMENTS.has(word));
}

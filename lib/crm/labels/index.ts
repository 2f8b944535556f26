import { normalizeLabel } from '../text';
import { LANGUAGES } from './languages';
import { buildLabelTables, CHECKED_FIELDS, labelMap, type LabelTables } from './tables';
import type { COLUMN_FIELDS, LABEL_FIELDS } from '../../book/constants';
import type { ColumnField, LabelField, LanguageLabels } from './types';

export type { ColumnField, LabelField, LanguageLabels } from './types';
export { LANGUAGES } from './languages';

declare const __TOUCHBOOK_LABEL_TABLES__: LabelTables;

// Built into the extension by wxt.config.ts (see tables.ts); tests build them here.
const TABLES: LabelTables = import.meta.env.PROD ? __TOUCHBOOK_LABEL_TABLES__ : buildLabelTables(LANGUAGES);
const FIELD_BY_LABEL = labelMap(TABLES.fields);
const COLUMN_BY_LABEL = labelMap(TABLES.columns);
const WORDS_OF_CHECKED_FIELDS: ReadonlyArray<[LabelField, string]> = CHECKED_FIELDS.flatMap((field) =>
  (TABLES.fields[field] ?? []).map((label): [LabelField, string] => [field, ` ${label} `]),
);

export interface LabelMatch {
  field: LabelField;
  /** True when the whole label is a dictionary entry; false for a word inside a longer label. */
  exact: boolean;
}

// The book's list of label fields and this type must name the same fields.
const _sameLabelFields: [LabelField, ColumnField] extends [(typeof LABEL_FIELDS)[number], (typeof COLUMN_FIELDS)[number]]
  ? [(typeof LABEL_FIELDS)[number], (typeof COLUMN_FIELDS)[number]] extends [LabelField, ColumnField]
    ? true
    : never
  : never = true;
void _sameLabelFields;

/** A sales book's extra label words (`crmLabels`), in lookup form, while one reading runs. */
interface BookWords {
  fields: Map<string, LabelField>;
  columns: Map<string, ColumnField>;
  /** The fields' words lower-cased as written and in comparable form, for `isKnownLabel`'s cheap test. */
  lowercase: Set<string>;
  checked: Array<[LabelField, string]>;
}

let bookWords: BookWords | null = null;

/**
 * Runs one reading with a sales book's label words next to the built-in dictionaries; a book word
 * wins over a built-in meaning (the team lead's explicit word for their CRM). The reader is
 * synchronous, so the words apply to exactly this reading.
 */
export function withBookLabels<T>(labels: LanguageLabels | undefined, read: () => T): T {
  if (!labels) return read();
  const previous = bookWords;
  bookWords = bookWordsOf(labels);
  try {
    return read();
  } finally {
    bookWords = previous;
  }
}

function bookWordsOf(labels: LanguageLabels): BookWords {
  const fields = new Map<string, LabelField>();
  const lowercase = new Set<string>();
  const checked: Array<[LabelField, string]> = [];
  for (const [field, words] of Object.entries(labels.fields) as Array<[LabelField, readonly string[] | undefined]>) {
    for (const word of words ?? []) {
      const normalized = normalizeLabel(word);
      if (!normalized) continue;
      fields.set(normalized, field);
      lowercase.add(normalized).add(word.trim().toLowerCase());
      if (CHECKED_FIELDS.includes(field) && !normalized.includes(' ')) checked.push([field, ` ${normalized} `]);
    }
  }
  const columns = new Map<string, ColumnField>();
  for (const [column, words] of Object.entries(labels.columns) as Array<[ColumnField, readonly string[] | undefined]>) {
    for (const word of words ?? []) {
      const normalized = normalizeLabel(word);
      if (normalized) columns.set(normalized, column);
    }
  }
  return { fields, columns, lowercase, checked };
}

/** The field a page label names, in any of the dictionary languages, or null. */
export function fieldForLabel(label: string): LabelMatch | null {
  const normalized = normalizeLabel(label);
  if (!normalized || normalized.length > 60) return null;
  const booked = bookWords?.fields.get(normalized);
  if (booked) return { field: booked, exact: true };
  const field = FIELD_BY_LABEL.get(normalized);
  if (field) return { field, exact: true };
  const padded = ` ${normalized} `;
  for (const [checked, word] of bookWords?.checked ?? []) {
    if (padded.includes(word)) return { field: checked, exact: false };
  }
  for (const [checked, word] of WORDS_OF_CHECKED_FIELDS) {
    if (padded.includes(word)) return { field: checked, exact: false };
  }
  return null;
}

/** Labels lower-cased as written, for a lookup without the cost of full normalisation. */
const LOWERCASE_LABELS = new Set<string>([...FIELD_BY_LABEL.keys(), ...TABLES.lowercaseOnly]);

/** A single word of a checked field ("phone", "телефон", "e-mail") anywhere in a label, as written or folded. */
const CHECKED_WORD = new RegExp(TABLES.checkedWord);

/**
 * Cheap test used while walking the page, on every short text: is it a label? A known label
 * exactly, or one naming a phone or email in other words ("Home phone", "Телефон рабочий").
 * Full normalisation only runs when the text has something to normalise away.
 */
export function isKnownLabel(text: string): boolean {
  const lower = text.trim().toLowerCase();
  if (LOWERCASE_LABELS.has(lower) || CHECKED_WORD.test(lower)) return true;
  if (bookWords && isBookLabel(bookWords, text, lower)) return true;
  return /[(*'’ʼ]/.test(lower) && FIELD_BY_LABEL.has(normalizeLabel(text));
}

/** A book word as written, with a trailing colon or asterisk, or (only when it has something to fold) normalised. */
function isBookLabel(words: BookWords, text: string, lower: string): boolean {
  if (words.lowercase.has(lower) || words.lowercase.has(lower.replace(/[\s:*]+$/, ''))) return true;
  const padded = ` ${lower.replace(/[\s:*]+$/, '')} `;
  if (words.checked.some(([, word]) => padded.includes(word))) return true;
  return /[(*'’ʼ]/.test(lower) && words.fields.has(normalizeLabel(text));
}

export function columnForHeader(header: string): ColumnField | null {
  const normalized = normalizeLabel(header);
  return bookWords?.columns.get(normalized) ?? COLUMN_BY_LABEL.get(normalized) ?? null;
}

/** All normalized labels with their fields: for tests that guard against conflicting entries. */
export function labelEntries(): Array<{ language: string; label: string; field: LabelField }> {
  return Object.entries(LANGUAGES).flatMap(([language, labels]) =>
    (Object.entries(labels.fields) as Array<[LabelField, readonly string[]]>).flatMap(([field, entries]) =>
      entries.map((label) => ({ language, label: normalizeLabel(label), field })),
    ),
  );
}

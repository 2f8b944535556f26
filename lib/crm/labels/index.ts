import { normalizeLabel } from '../text';
import { LANGUAGES } from './languages';
import { buildLabelTables, CHECKED_FIELDS, labelMap, type LabelTables } from './tables';
import type { ColumnField, LabelField } from './types';

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

/** The field a page label names, in any of the dictionary languages, or null. */
export function fieldForLabel(label: string): LabelMatch | null {
  const normalized = normalizeLabel(label);
  if (!normalized || normalized.length > 60) return null;
  const field = FIELD_BY_LABEL.get(normalized);
  if (field) return { field, exact: true };
  const padded = ` ${normalized} `;
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
  return /[(*'’ʼ]/.test(lower) && FIELD_BY_LABEL.has(normalizeLabel(text));
}

export function columnForHeader(header: string): ColumnField | null {
  return COLUMN_BY_LABEL.get(normalizeLabel(header)) ?? null;
}

/** All normalized labels with their fields: for tests that guard against conflicting entries. */
export function labelEntries(): Array<{ language: string; label: string; field: LabelField }> {
  return Object.entries(LANGUAGES).flatMap(([language, labels]) =>
    (Object.entries(labels.fields) as Array<[LabelField, readonly string[]]>).flatMap(([field, entries]) =>
      entries.map((label) => ({ language, label: normalizeLabel(label), field })),
    ),
  );
}

import { normalizeLabel } from '../text';
import { de } from './de';
import { el } from './el';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';
import type { ColumnField, LabelField, LanguageLabels } from './types';
import { uk } from './uk';

export type { ColumnField, LabelField, LanguageLabels } from './types';

/** Every language the generic extractor understands; add a file and a line here for another. */
export const LANGUAGES: Readonly<Record<string, LanguageLabels>> = { en, ru, uk, el, de, es, fr, pl, pt };

function indexLabels<F extends string>(pick: (language: LanguageLabels) => Partial<Record<F, readonly string[]>>): Map<string, F> {
  const index = new Map<string, F>();
  for (const language of Object.values(LANGUAGES)) {
    for (const [field, labels] of Object.entries(pick(language)) as Array<[F, readonly string[]]>) {
      for (const label of labels) index.set(normalizeLabel(label), field);
    }
  }
  return index;
}

const FIELD_BY_LABEL = indexLabels<LabelField>((language) => language.fields);
const COLUMN_BY_LABEL = indexLabels<ColumnField>((language) => language.columns);

/**
 * Fields whose values a parser can check (an email must contain an address, a phone digits), so a
 * label that merely contains one of their words ("Mobile phone 2", "Телефон рабочий") is trusted.
 * Free-text fields (company, owner...) need an exact label: "Company size" is not a company.
 */
const CHECKED_FIELDS: readonly LabelField[] = ['email', 'telegram', 'whatsapp', 'viber', 'phone'];
const WORDS_OF_CHECKED_FIELDS: ReadonlyArray<[LabelField, string]> = [...FIELD_BY_LABEL]
  .filter(([, field]) => CHECKED_FIELDS.includes(field))
  .sort(([, a], [, b]) => CHECKED_FIELDS.indexOf(a) - CHECKED_FIELDS.indexOf(b))
  .map(([label, field]) => [field, ` ${label} `]);

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
const LOWERCASE_LABELS = new Set<string>(
  Object.values(LANGUAGES).flatMap((language) => Object.values(language.fields).flatMap((labels) => labels.map((label) => label.toLowerCase()))),
);

/** A single word of a checked field ("phone", "телефон", "e-mail") anywhere in a label, as written or folded. */
const CHECKED_WORD = new RegExp(
  `(^|\\s)(${Object.values(LANGUAGES)
    .flatMap((language) => CHECKED_FIELDS.flatMap((field) => language.fields[field] ?? []))
    .filter((label) => !label.includes(' '))
    .flatMap((label) => [label.toLowerCase(), normalizeLabel(label)])
    .map((word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('|')})(\\s|$|:)`,
);

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

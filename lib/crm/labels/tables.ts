import { normalizeLabel } from '../text';
import type { ColumnField, LabelField, LanguageLabels } from './types';

/**
 * The dictionaries as lookup tables: labels in their comparable form (`normalizeLabel`) with the
 * field each names. Building them normalises every entry of every language, several milliseconds
 * of regular expressions that each CRM page would pay at start-up, so the extension gets them
 * built (wxt.config.ts puts them in the bundle) and only tests build them at run time.
 */
export interface LabelTables {
  /** Field -> its labels in comparable form (each label under one field: the last language's). */
  fields: Partial<Record<LabelField, string[]>>;
  /** Column of a products table -> its headers in comparable form. */
  columns: Partial<Record<ColumnField, string[]>>;
  /** Labels lower-cased as written where that differs from the comparable form ("e-mail:"). */
  lowercaseOnly: string[];
  /** Source of the regular expression that finds a single word of a checked field in a label. */
  checkedWord: string;
}

/**
 * Fields whose values a parser can check (an email must contain an address, a phone digits), so a
 * label that merely contains one of their words ("Mobile phone 2", "Телефон рабочий") is trusted.
 * Free-text fields (company, owner...) need an exact label: "Company size" is not a company.
 */
export const CHECKED_FIELDS: readonly LabelField[] = ['email', 'telegram', 'whatsapp', 'viber', 'phone'];

export function buildLabelTables(languages: Readonly<Record<string, LanguageLabels>>): LabelTables {
  const all = Object.values(languages);
  const index = <F extends string>(pick: (language: LanguageLabels) => Partial<Record<F, readonly string[]>>) => {
    const entries = new Map<string, F>();
    for (const language of all) {
      for (const [field, labels] of Object.entries(pick(language)) as Array<[F, readonly string[]]>) {
        for (const label of labels) entries.set(normalizeLabel(label), field);
      }
    }
    return entries;
  };
  const fields = index<LabelField>((language) => language.fields);
  const comparable = new Set(fields.keys());
  const lowercase = new Set(all.flatMap((language) => Object.values(language.fields).flatMap((labels) => labels.map((label) => label.toLowerCase()))));
  const checkedWords = all
    .flatMap((language) => CHECKED_FIELDS.flatMap((field) => language.fields[field] ?? []))
    .filter((label) => !label.includes(' '))
    .flatMap((label) => [label.toLowerCase(), normalizeLabel(label)]);
  return {
    fields: byField(fields),
    columns: byField(index<ColumnField>((language) => language.columns)),
    lowercaseOnly: [...lowercase].filter((label) => !comparable.has(label)),
    checkedWord: `(^|\\s)(${[...new Set(checkedWords)].map((word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(\\s|$|:)`,
  };
}

function byField<F extends string>(labels: Map<string, F>): Partial<Record<F, string[]>> {
  const grouped: Partial<Record<F, string[]>> = {};
  for (const [label, field] of labels) (grouped[field] ??= []).push(label);
  return grouped;
}

/** The other way round: label -> field, for lookups. */
export function labelMap<F extends string>(grouped: Partial<Record<F, string[]>>): Map<string, F> {
  return new Map((Object.entries(grouped) as Array<[F, string[]]>).flatMap(([field, labels]) => labels.map((label): [string, F] => [label, field])));
}

/** The record fields a page label can name; a few (messengers) are read but merged. */
export type LabelField =
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'middleName'
  | 'company'
  | 'jobTitle'
  | 'phone'
  | 'email'
  | 'stage'
  | 'amount'
  | 'birthday'
  | 'tags'
  | 'owner'
  | 'lastPurchase'
  | 'nextContact'
  | 'telegram'
  | 'whatsapp'
  | 'viber';

/** Column headers of a table of purchased products. */
export type ColumnField = 'product' | 'category' | 'purchasedAt' | 'amount';

/**
 * One language's words. Write labels as they appear on screen; matching folds case and accents
 * and ignores trailing colons, asterisks and parenthesised hints, so "E-mail*:" finds "e-mail".
 */
export interface LanguageLabels {
  fields: Partial<Record<LabelField, readonly string[]>>;
  columns: Partial<Record<ColumnField, readonly string[]>>;
}

/**
 * The book format's fixed lists and ceilings, apart from its zod schemas (schema.ts re-exports
 * them): the side panel needs these to show a book, and importing schema.ts would build every
 * schema of the format while the panel opens (issue 17).
 */

export const BOOK_LIMITS = {
  id: 64,
  name: 200,
  title: 500,
  text: 5_000,
  script: 20_000,
  matchValues: 200,
  programmes: 200,
  touches: 100,
  crossSell: 500,
  // The methodology asks for at least three (standard, professional, premium; fewer is a lint
  // warning); more is allowed, up to a handful a manager can still read out on a call.
  options: 6,
  questionnaires: 50,
  questions: 200,
  choices: 20,
  objections: 1_000,
  phrasings: 50,
  phrasing: 500,
  responses: 20,
  sections: 300,
  steps: 50,
  churnReasons: 100,
  campaigns: 100,
  ideas: 300,
  segments: 50,
  segmentMeasures: 5,
  segmentGroups: 20,
  cardLabels: 20,
  references: 50,
  mappingOrigins: 200,
  mappingsPerOrigin: 100,
  selector: 1_000,
  crmAdapters: 50,
  crmHosts: 20,
  crmRecords: 20,
  selectorsPerField: 10,
  labelWordsPerField: 100,
} as const;

/** A book id: lowercase letters, digits, ".", "_", "-" (see IdSchema). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The record fields a book can point at on a CRM page (field mappings, CRM profiles), as the label dictionaries name them. */
export const MAPPED_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'phone',
  'email',
  'stage',
  'amount',
  'birthday',
  'tags',
  'owner',
  'lastPurchase',
  'nextContact',
  'product',
] as const;

/** What a page label can name (lib/crm/labels/types.ts LabelField, which must stay the same list). */
export const LABEL_FIELDS = [
  'name', 'firstName', 'lastName', 'middleName', 'company', 'jobTitle', 'phone', 'email', 'stage', 'amount', 'birthday', 'tags',
  'owner', 'lastPurchase', 'nextContact', 'telegram', 'whatsapp', 'viber',
] as const;

/** Column headers of a table of purchased products (lib/crm/labels/types.ts ColumnField). */
export const COLUMN_FIELDS = ['product', 'category', 'purchasedAt', 'amount'] as const;

export const BUYER_TYPE_IDS = ['advocate', 'loyal', 'defector', 'concession-seeker', 'mercenary', 'hostage'] as const;
export const OPTION_TIERS = ['standard', 'professional', 'premium'] as const;
export const QUESTION_LEVELS = ['opening', 'core', 'closing'] as const;

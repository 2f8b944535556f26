import { z } from 'zod';
import { HOST_PATTERN, pathPatternNames, pathPatternProblem, MAX_PATH_PATTERN_CHARS } from '../crm/adapters/path-pattern';
import { BOOK_LIMITS, COLUMN_FIELDS, ID_PATTERN, LABEL_FIELDS, MAPPED_FIELDS } from './constants';

/**
 * CRM profiles: a team lead's declarative adapter for a CRM Touchbook has no code for ("on
 * crm.example.com, records are /clients/:id and the phone is `.client-phone`"), and extra label
 * words for the generic extractor. The book carries data only: hosts are hostname patterns, paths
 * are segment patterns compiled by lib/crm/adapters/path-pattern.ts, selectors are CSS run by the
 * reader inside try/catch (a selector the browser refuses is skipped, see lib/crm/adapters/profile.ts).
 *
 * Apart from schema.ts so the off-page reader can check what the worker sends it without the whole book format.
 */

const RECORD_TYPES = ['contact', 'company', 'deal', 'lead', 'unknown'] as const;

const text = (max: number) => z.string().max(max, { abort: true });
const requiredText = (max: number) => text(max).refine((value) => value.trim() !== '', { error: 'expected some text; this must not be empty' });

const HostSchema = z
  .string()
  .max(300, { abort: true })
  .regex(HOST_PATTERN, { error: 'expected a hostname such as "crm.example.com" or "*.example.com" (lowercase, no scheme, no port)' });

const PathPatternSchema = z
  .string()
  .max(MAX_PATH_PATTERN_CHARS, { abort: true })
  .superRefine((pattern, context) => {
    const problem = pathPatternProblem(pattern);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .describe(
    'A record page\'s path (or hash route), segment by segment: a literal word, "*" for any one segment, ":name" for a named segment, ":name(digits)" for a named segment of digits only, "(word|word)" or ":name(word|word)" for one of 2 to 20 literal words; it matches the start of the path. No regular expressions.',
  );

const SegmentNameSchema = z.string().max(32, { abort: true }).regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, { error: 'expected the name of a segment of the path, without ":"' });

const RecordTypeSchema = z.enum(RECORD_TYPES);

const SelectorSchema = requiredText(BOOK_LIMITS.selector).describe('A CSS selector; one the browser cannot parse is skipped.');
const SelectorListSchema = z.array(SelectorSchema).min(1).max(BOOK_LIMITS.selectorsPerField).describe('Tried in order; list fields (phones, emails, tags, products) take every match.');

export const CrmRecordPathSchema = z
  .strictObject({
    path: PathPatternSchema,
    recordType: z
      .union([
        RecordTypeSchema,
        z.strictObject({
          segment: SegmentNameSchema,
          values: z
            .record(text(100), RecordTypeSchema)
            .refine((values) => Object.keys(values).length <= 50, { error: 'expected at most 50 segment values' }),
          otherwise: RecordTypeSchema.optional(),
        }),
      ])
      .describe('The record type, fixed ("contact") or read from a named segment: { "segment": "type", "values": { "person": "contact" } }.'),
    idSegment: SegmentNameSchema.optional().describe('The named segment holding the record id; "id" when the path has one.'),
  })
  .superRefine((record, context) => {
    if (pathPatternProblem(record.path) !== null) return;
    const names = pathPatternNames(record.path);
    if (typeof record.recordType === 'object' && !names.includes(record.recordType.segment)) {
      context.addIssue({ code: 'custom', path: ['recordType', 'segment'], message: `the path has no segment ":${record.recordType.segment}"` });
    }
    if (record.idSegment !== undefined && !names.includes(record.idSegment)) {
      context.addIssue({ code: 'custom', path: ['idSegment'], message: `the path has no segment ":${record.idSegment}"` });
    }
  });

const fieldSelectors = Object.fromEntries(MAPPED_FIELDS.map((field) => [field, SelectorListSchema.optional()])) as {
  [F in (typeof MAPPED_FIELDS)[number]]: z.ZodOptional<typeof SelectorListSchema>;
};

export const CrmProfileSchema = z.strictObject({
  id: z.string().max(BOOK_LIMITS.id, { abort: true }).regex(ID_PATTERN, { error: 'expected an id: lowercase letters a-z, digits, ".", "_" or "-"' }),
  name: requiredText(BOOK_LIMITS.name),
  hosts: z.array(HostSchema).min(1).max(BOOK_LIMITS.crmHosts).describe('Where this CRM runs; the profile is only used there.'),
  records: z.array(CrmRecordPathSchema).min(1).max(BOOK_LIMITS.crmRecords).describe('Record page shapes, tried in order.'),
  scope: SelectorSchema.optional().describe('The element holding the record; when set and missing, the page is read as if there were no profile (unless scopeOptional).'),
  scopeOptional: z
    .boolean()
    .optional()
    .describe('When true and the scope is missing, the record type and id still come from the path and the fields are read from the whole page.'),
  title: SelectorListSchema.optional().describe('The record\'s name as its heading shows it.'),
  fields: z.strictObject(fieldSelectors).default({}),
});

const labelWords = z.array(requiredText(BOOK_LIMITS.name)).max(BOOK_LIMITS.labelWordsPerField);

export const CrmLabelsSchema = z
  .strictObject({
    fields: z.strictObject(Object.fromEntries(LABEL_FIELDS.map((field) => [field, labelWords.optional()])) as { [F in (typeof LABEL_FIELDS)[number]]: z.ZodOptional<typeof labelWords> }).default({}),
    columns: z.strictObject(Object.fromEntries(COLUMN_FIELDS.map((field) => [field, labelWords.optional()])) as { [F in (typeof COLUMN_FIELDS)[number]]: z.ZodOptional<typeof labelWords> }).default({}),
  })
  .describe('Label words the generic extractor reads on every CRM, next to its own dictionaries: { "fields": { "phone": ["Handy"] } }. A word here wins over the built-in meaning.');

export const CrmAdaptersSchema = z.array(CrmProfileSchema).max(BOOK_LIMITS.crmAdapters).describe('Declarative adapters for CRMs Touchbook has no code for; tried before the built-in ones on their hosts.');

export type CrmProfile = z.output<typeof CrmProfileSchema>;
export type CrmLabels = z.output<typeof CrmLabelsSchema>;

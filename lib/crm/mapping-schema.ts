import { z } from 'zod';
import type { FieldMapping } from './mappings';
import { SNAPSHOT_FIELDS } from './snapshot';

/**
 * Taught field mappings as they cross a boundary (storage, a message to the content script, an
 * import). The content script itself imports only the `FieldMapping` type, never this schema.
 */
export const FieldMappingSchema = z
  .object({
    field: z.enum(SNAPSHOT_FIELDS),
    selector: z.string().trim().min(1).max(1000).optional(),
    label: z.string().trim().min(1).max(200).optional(),
  })
  .refine((mapping) => mapping.selector !== undefined || mapping.label !== undefined, 'a mapping needs a selector or a label');

export const FieldMappingsSchema = z.array(FieldMappingSchema).max(100);

// Keeps the schema and the engine's type in step: this fails to compile if they drift apart.
export type ParsedFieldMapping = z.output<typeof FieldMappingSchema>;
const _sameShape: (mapping: ParsedFieldMapping) => FieldMapping = (mapping) => mapping;
void _sameShape;

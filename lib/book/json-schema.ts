import { z } from 'zod';
import { SalesBookSchema } from './schema';

/**
 * The sales book format as JSON Schema (draft 2020-12), for editors: with
 * `"$schema": "./sales-book.schema.json"` at the top of a book, VS Code completes field names and
 * flags wrong types while the team lead types. Rules that span fields (one timing per touch,
 * unique ids, known placeholders) are only in `validateBook`; run `touchbook-book validate`.
 */
export const SALES_BOOK_SCHEMA_ID = 'https://touchbook.app/schema/sales-book-1.json';

export function salesBookJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(SalesBookSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema,
    $id: SALES_BOOK_SCHEMA_ID,
    title: 'Touchbook sales book',
    description:
      'A team sales book: lifecycle programmes, cross-sell rules, questionnaires, objections and numbered technique sections. Validate with `touchbook-book validate <file>`.',
    ...generated,
  };
}

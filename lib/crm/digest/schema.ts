import { z } from 'zod';
import { MAX_DIGEST_CHARS, MAX_VISIBLE_TEXT_CHARS } from './collect';

/** A page's digest as the background accepts it (`cs/digest`). */
export const PageDigestSchema = z.object({
  url: z.string().url().max(4096),
  // The head and the body's markup may add a little to the record area's cap.
  html: z.string().max(MAX_DIGEST_CHARS + 1_000_000),
  values: z.array(z.union([z.string().max(2_000), z.number().int().min(-1), z.null()])).max(10_000),
  partial: z.boolean(),
  visibleText: z.string().max(MAX_VISIBLE_TEXT_CHARS).nullable(),
  visibleTextPartial: z.boolean(),
});

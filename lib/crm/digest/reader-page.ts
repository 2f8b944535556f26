import { z } from 'zod';
import { CrmAdaptersSchema, CrmLabelsSchema } from '../../book/crm-profile-schema';
import { markStage } from '../../perf/stages';
import { FieldMappingsSchema } from '../mapping-schema';
import { analyseDigest, parseInert } from './analyse';
import { READER_MESSAGE } from './host';
import { PageDigestSchema } from './schema';

// The worker sends the book's CRM profiles and label words it already validated; parsed again here
// all the same (every message is), the same schema the book is checked with.
const ReaderMessageSchema = z.object({
  type: z.literal(READER_MESSAGE),
  digest: PageDigestSchema,
  mappings: FieldMappingsSchema,
  profiles: CrmAdaptersSchema.default([]),
  labels: CrmLabelsSchema.optional(),
});

/**
 * The offscreen reader's answer: only the worker's own question, parsed; every other message
 * (a content script's, meant for the worker) gets no answer from here.
 */
export function readerReply(message: unknown, fromExtension: boolean): Promise<{ snapshot: unknown }> | undefined {
  if (!fromExtension || (message as { type?: unknown } | null)?.type !== READER_MESSAGE) return undefined;
  markStage('reader-received');
  const parsed = ReaderMessageSchema.safeParse(message);
  if (!parsed.success) return Promise.resolve({ snapshot: null });
  markStage('reader-validated');
  try {
    const { digest, mappings, profiles, labels } = parsed.data;
    const snapshot = analyseDigest(digest, parseInert, mappings, { profiles, ...(labels ? { labels } : {}) });
    markStage('reader-analysed');
    return Promise.resolve({ snapshot });
  } catch (error) {
    console.debug('[touchbook] reading a digest failed', error);
    return Promise.resolve({ snapshot: null });
  }
}

import { z } from 'zod';
import { FieldMappingsSchema } from '../mapping-schema';
import { analyseDigest, parseInert } from './analyse';
import { READER_MESSAGE } from './host';
import { PageDigestSchema } from './schema';

const ReaderMessageSchema = z.object({ type: z.literal(READER_MESSAGE), digest: PageDigestSchema, mappings: FieldMappingsSchema });

/**
 * The offscreen reader's answer: only the worker's own question, parsed; every other message
 * (a content script's, meant for the worker) gets no answer from here.
 */
export function readerReply(message: unknown, fromExtension: boolean): Promise<{ snapshot: unknown }> | undefined {
  if (!fromExtension || (message as { type?: unknown } | null)?.type !== READER_MESSAGE) return undefined;
  const parsed = ReaderMessageSchema.safeParse(message);
  if (!parsed.success) return Promise.resolve({ snapshot: null });
  try {
    return Promise.resolve({ snapshot: analyseDigest(parsed.data.digest, parseInert, parsed.data.mappings) });
  } catch (error) {
    console.debug('[touchbook] reading a digest failed', error);
    return Promise.resolve({ snapshot: null });
  }
}

import { browser } from 'wxt/browser';
import type { BookCrmReading } from '../extract';
import type { FieldMapping } from '../mappings';
import { markStage } from '../../perf/stages';
import type { ClientSnapshotInput } from '../snapshot';
import type { PageDigest } from './collect';

/**
 * Where the background reads page digests. Firefox's background is a page with a DOM: the
 * reader runs there, loaded on the first digest. Chrome's service worker has no DOM parser: an
 * offscreen document (entrypoints/reader, its own bundle) reads, kept open while the browser
 * allows and reopened when it is gone.
 */
export type DigestAnalyser = (digest: PageDigest, mappings: readonly FieldMapping[], book?: BookCrmReading) => Promise<ClientSnapshotInput | null>;

export const READER_MESSAGE = 'reader/analyse';
const READER_PAGE = 'reader.html';

/**
 * Branches on the build-time constant `import.meta.env.FIREFOX` right here (not a parameter): the
 * bundler drops the branch not taken only when it sees the constant, so Chrome's worker carries
 * no reader code. (Chrome's worker is one file: a dynamic import there is inlined, not lazy.)
 */
export function createDigestAnalyser(): DigestAnalyser {
  if (import.meta.env.FIREFOX) {
    return async (digest, mappings, book) => {
      const { analyseDigest, parseInert } = await import('./analyse');
      return analyseDigest(digest, parseInert, mappings, book);
    };
  }
  return createOffscreenAnalyser();
}

/** The worker's side of Chrome's offscreen reader; `offscreen` and `send` are Chrome's by default (tests pass their own). */
export function createOffscreenAnalyser(
  offscreen: () => OffscreenApi | undefined = () => (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen,
  send: (message: unknown) => Promise<unknown> = (message) => browser.runtime.sendMessage(message),
): DigestAnalyser {
  let opening: Promise<void> | null = null;
  const ask = async (digest: PageDigest, mappings: readonly FieldMapping[], book: BookCrmReading | undefined): Promise<unknown> => {
    opening ??= openReaderDocument(offscreen()).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    await opening;
    markStage('reader-asked');
    const reply = await send({ type: READER_MESSAGE, digest, mappings, ...(book?.profiles?.length ? { profiles: book.profiles } : {}), ...(book?.labels ? { labels: book.labels } : {}) });
    markStage('reader-replied');
    return reply;
  };
  return async (digest, mappings, book) => {
    let reply = await ask(digest, mappings, book).catch(() => null);
    if (!isReply(reply)) {
      // The document was closed (the browser closes offscreen documents; a restarted worker finds
      // none, or one its last life opened): open it again and ask once more.
      opening = null;
      reply = await ask(digest, mappings, book);
    }
    if (!isReply(reply)) {
      opening = null;
      throw new Error('the reader document did not answer');
    }
    return reply.snapshot as ClientSnapshotInput | null;
  };
}

function isReply(reply: unknown): reply is { snapshot: unknown } {
  return typeof reply === 'object' && reply !== null && 'snapshot' in reply;
}

export interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

async function openReaderDocument(offscreen: OffscreenApi | undefined): Promise<void> {
  if (!offscreen) throw new Error('no DOM to read page digests in');
  if (offscreen.hasDocument && (await offscreen.hasDocument())) return;
  try {
    await offscreen.createDocument({ url: READER_PAGE, reasons: ['DOM_PARSER'], justification: 'Reads the CRM record from the page digest the content script sends.' });
  } catch (error) {
    // Another wake-up opened it first: one offscreen document per extension.
    if (!String(error).includes('single offscreen')) throw error;
  }
}

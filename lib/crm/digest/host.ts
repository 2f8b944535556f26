import { browser } from 'wxt/browser';
import type { FieldMapping } from '../mappings';
import type { ClientSnapshotInput } from '../snapshot';
import type { PageDigest } from './collect';

/**
 * Where the background reads page digests. Firefox's background is a page with a DOM: the
 * reader runs there. Chrome's service worker has no DOM parser: an offscreen document
 * (entrypoints/reader) reads, kept open while the browser allows; the worker's own bundle stays
 * without the reader either way in Chrome (the import below is only taken in Firefox).
 */
export type DigestAnalyser = (digest: PageDigest, mappings: readonly FieldMapping[]) => Promise<ClientSnapshotInput | null>;

export const READER_MESSAGE = 'reader/analyse';
const READER_PAGE = 'reader.html';

export function createDigestAnalyser(): DigestAnalyser {
  if (typeof DOMParser === 'function') {
    return async (digest, mappings) => {
      const { analyseDigest, parseInert } = await import('./analyse');
      return analyseDigest(digest, parseInert, mappings);
    };
  }
  let opening: Promise<void> | null = null;
  return async (digest, mappings) => {
    opening ??= openReaderDocument().catch((error: unknown) => {
      opening = null;
      throw error;
    });
    await opening;
    const reply: unknown = await browser.runtime.sendMessage({ type: READER_MESSAGE, digest, mappings });
    if (!reply || typeof reply !== 'object' || !('snapshot' in reply)) {
      opening = null; // the document may have been closed: open it again next time
      throw new Error('the reader document did not answer');
    }
    return reply.snapshot as ClientSnapshotInput | null;
  };
}

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

async function openReaderDocument(): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  if (!offscreen) throw new Error('no DOM to read page digests in');
  if (offscreen.hasDocument && (await offscreen.hasDocument())) return;
  try {
    await offscreen.createDocument({ url: READER_PAGE, reasons: ['DOM_PARSER'], justification: 'Reads the CRM record from the page digest the content script sends.' });
  } catch (error) {
    // Another wake-up opened it first: one offscreen document per extension.
    if (!String(error).includes('single offscreen')) throw error;
  }
}

import { extractSnapshot, type BookCrmReading, type FieldMapping } from '../extract';
import type { ClientSnapshotInput } from '../snapshot';
import { setRenderedText } from '../dom/visibility';
import { markStage } from '../../perf/stages';
import { controlsOf, type PageDigest } from './collect';

/**
 * The analysis side of the off-page reader: the digest parsed back into an inert document (no
 * script runs, nothing loads), the controls' current values restored, then the same reader the
 * page used to run. Needs a DOM: an extension page (Chrome's offscreen document, Firefox's
 * background page), or happy-dom in tests.
 */
export function analyseDigest(
  digest: PageDigest,
  parse: (html: string) => Document,
  mappings?: readonly FieldMapping[],
  book?: BookCrmReading,
): ClientSnapshotInput | null {
  const doc = parse(digest.html);
  markStage('reader-parsed');
  restoreValues(doc, digest.values);
  // No layout here: what the page showed as text tells the class-hidden copies apart.
  if (digest.visibleText !== null) setRenderedText(doc, digest.visibleText, digest.visibleTextPartial);
  return extractSnapshot(doc, digest.url, mappings, book);
}

function restoreValues(doc: Document, values: PageDigest['values']): void {
  if (!doc.body) return;
  const controls = controlsOf(doc);
  // A parser that rebuilt the tree differently (markup a script made that HTML cannot say) would
  // shift the values onto the wrong controls: then keep the serialised ones.
  if (controls.length !== values.length) return;
  controls.forEach((control, index) => {
    const value = values[index];
    if (value === null || value === undefined) return;
    if (control.localName === 'select' && typeof value === 'number') (control as HTMLSelectElement).selectedIndex = value;
    else if (typeof value === 'string') (control as HTMLInputElement).value = value;
  });
}

/**
 * A document the browser parses without running or fetching anything, declarative shadow roots
 * attached. It has no window and is never attached to a live page or shown: the reader only
 * queries it and takes text out of it (the snapshot's fields are plain strings).
 */
export function parseInert(html: string): Document {
  const parseUnsafe = (Document as unknown as { parseHTMLUnsafe?: (html: string) => Document }).parseHTMLUnsafe;
  if (typeof parseUnsafe === 'function') return parseUnsafe.call(Document, html);
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * Visible by computed style: classes and stylesheets hide what attributes do not say. Browsers
 * without `checkVisibility` (older than 2023) count everything as visible.
 *
 * A parsed page digest is never laid out. There the page's rendered text (its `innerText`, which
 * the browser computes honouring display and visibility) stands in for layout: an element whose
 * text the person could not see is not rendered. See `setRenderedText`.
 */
export function isComputedVisible(element: Element): boolean {
  const rendered = renderedTexts.get(element.ownerDocument);
  if (rendered) return isInRenderedText(element, rendered);
  if (!('checkVisibility' in element) || typeof element.checkVisibility !== 'function') return true;
  // No window, no rendered text: attributes and inline styles decide (see RecordContext).
  if (element.ownerDocument.defaultView === null) return true;
  try {
    return element.checkVisibility({ visibilityProperty: true });
  } catch {
    return true;
  }
}

interface RenderedText {
  /** Lower case, no white space: innerText's line breaks and tabs fall where textContent has none. */
  text: string;
  /** The page's text was capped: text not found may lie past the cap. */
  partial: boolean;
}

const renderedTexts = new WeakMap<Document, RenderedText>();

/**
 * Tells the reader what the page showed, for a document parsed from its digest (no layout).
 * `partial`: the text was capped, so text not found proves nothing.
 */
export function setRenderedText(doc: Document, innerText: string, partial: boolean): void {
  renderedTexts.set(doc, { text: squash(innerText), partial });
}

/**
 * True when visibility in this document is judged by the page's rendered text: then each element
 * is judged by its own text (cheap; a parent's text would share labels with shown copies).
 */
export function judgesByRenderedText(doc: Document): boolean {
  return renderedTexts.has(doc);
}

/** A subtree's text nodes looked at, at most: a holder can be a large part of the page. */
const MAX_TEXT_NODES = 64;
const NOT_RENDERED_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option']);

/**
 * Rendered when the element's text is in the page's rendered text. Whole, in one piece, for the
 * common case; else piece by piece, rendered when most of its text was seen: a shown row may hold a
 * hidden tooltip, while a hidden copy of a record shows its labels elsewhere but not its values.
 */
function isInRenderedText(element: Element, rendered: RenderedText): boolean {
  // Text in shadow roots: whether innerText includes it differs between browsers; never judged.
  if (element.getRootNode() !== element.ownerDocument) return true;
  // A control or an image has no text: its nearest ancestors with text say whether it is shown.
  let judged: Element | null = element;
  let whole = squash(element.textContent ?? '');
  for (let climbed = 0; !whole && climbed < 2 && judged.parentElement; climbed += 1) {
    judged = judged.parentElement;
    whole = squash(judged.textContent ?? '');
  }
  if (!whole) return true; // nothing to judge by: attributes decide
  if (rendered.text.includes(whole)) return true;
  // Past the cap nothing is known: as without layout, attributes and inline styles decide.
  if (rendered.partial) return true;
  let seen = 0;
  let total = 0;
  const walker = element.ownerDocument.createTreeWalker(judged, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(), count = 0; node && count < MAX_TEXT_NODES; node = walker.nextNode()) {
    if (node.parentElement && NOT_RENDERED_TEXT.has(node.parentElement.localName)) continue;
    const piece = squash(node.nodeValue ?? '');
    if (!piece) continue;
    count += 1;
    total += piece.length;
    if (rendered.text.includes(piece)) seen += piece.length;
  }
  if (total === 0) return true;
  return seen * 2 > total;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

import { readValue, type ReadValue } from './dom/read';
import { elementByIdNear, openTrees } from './dom/tree';
import type { SnapshotDraft } from './draft';
import { applyFieldValue } from './field-values';
import { valueAfterLabel, type FieldPair } from './generic/pairs';
import type { LabelField } from './labels';
import type { PageHints } from './page-hints';
import type { SnapshotField } from './snapshot';
import { LABEL_FIELD_OF, type FieldMapping } from './mapping-fields';
import { normalizeLabel } from './text';

export { LABEL_FIELD_OF, type FieldMapping } from './mapping-fields';

export function applyTaughtMappings(
  doc: Document,
  mappings: readonly FieldMapping[],
  pairs: readonly FieldPair[],
  draft: SnapshotDraft,
  hints: PageHints,
): void {
  for (const mapping of mappings.slice(0, 100)) {
    const field = (LABEL_FIELD_OF as Partial<Record<SnapshotField, LabelField>>)[mapping.field];
    if (!field) continue;
    const value = valueBySelector(doc, mapping.selector) ?? valueByLabel(doc, pairs, mapping.label);
    if (value) applyFieldValue(draft, field, value, { via: 'taught', confidence: 1, hints, replaceLists: true });
  }
}

function valueBySelector(doc: Document, selector: string | undefined) {
  if (!selector) return null;
  const element = queryThroughShadows(doc, selector);
  return element ? readValue(element) : null;
}

/**
 * The value next to a taught label. The generic extractor's pairs come first; a label it did not
 * know ("Customer tier") is looked for on the page, in the same layouts the pairs are read from.
 */
function valueByLabel(doc: Document, pairs: readonly FieldPair[], label: string | undefined): ReadValue | null {
  if (!label) return null;
  const wanted = normalizeLabel(label);
  if (!wanted) return null;
  const paired = pairs.find((pair) => normalizeLabel(pair.label) === wanted);
  if (paired) return paired.value;
  const labelElement = findLabelElement(doc, wanted);
  return labelElement ? valueOfLabelElement(labelElement) : null;
}

function findLabelElement(doc: Document, wanted: string): Element | null {
  if (!doc.body) return null;
  for (const tree of openTrees(doc.body)) {
    const walker = doc.createTreeWalker(tree, 1);
    for (let node = walker.nextNode(), visited = 0; node && visited < 60_000; node = walker.nextNode(), visited += 1) {
      const element = node as Element;
      if (element.firstElementChild !== null) continue;
      const text = element.textContent ?? '';
      if (text.length <= 120 && normalizeLabel(text) === wanted) return element;
    }
  }
  return null;
}

function valueOfLabelElement(label: Element): ReadValue | null {
  const holder = label.closest('dt, th, td, label') ?? label;
  if (holder.localName === 'dt' || holder.localName === 'th' || holder.localName === 'td') {
    const next = holder.nextElementSibling;
    return next ? readValue(next) : null;
  }
  if (holder.localName === 'label') {
    const target = holder.getAttribute('for');
    const control = target ? elementByIdNear(holder, target) : holder.querySelector('input, select, textarea');
    if (control) return readValue(control);
  }
  return valueAfterLabel(label)?.value ?? null;
}

/** Runs a selector whose ` >>> ` steps cross into open shadow roots; a broken selector finds nothing. */
export function queryThroughShadows(doc: Document, selector: string): Element | null {
  let root: Document | ShadowRoot = doc;
  const steps = selector.split(/\s*>>>\s*/);
  for (let index = 0; index < steps.length; index += 1) {
    let element: Element | null;
    try {
      element = root.querySelector(steps[index]!);
    } catch {
      return null;
    }
    if (!element || index === steps.length - 1) return element;
    if (!element.shadowRoot) return null;
    root = element.shadowRoot;
  }
  return null;
}

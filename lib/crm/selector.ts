import { visibleText } from './dom/read';
import { elementByIdNear, isShadowRoot } from './dom/tree';
import { isKnownLabel } from './labels';
import { collapseSpaces } from './text';

/**
 * Selectors for taught fields. When the user points at "this is the phone" on one record, the
 * selector must find the phone on every other record of that CRM: so it is built from what stays
 * the same between records (field ids, `data-*` hooks, `name`, stable class names) and never from
 * what changes (the value itself, generated ids and class hashes, long `nth-child` chains).
 * A step into an open shadow root is written ` >>> ` (see `queryThroughShadows`).
 */

/** Attributes CRMs use to name a field, most telling first. */
const FIELD_ATTRIBUTES = [
  'data-field',
  'data-field-name',
  'data-field-id',
  'data-cid',
  'data-profile-property',
  'data-selenium-test',
  'data-test-id',
  'data-testid',
  'data-test',
  'data-qa',
  'data-name',
  'data-target-selection-name',
  'field-label',
  'name',
  'itemprop',
  'data-pei-code',
  'data-id',
  'aria-label',
] as const;

const MAX_STEPS = 6;

export function stableSelectorFor(element: Element): string {
  const root = element.getRootNode();
  const local = selectorWithinRoot(element, root as Document | ShadowRoot);
  if (isShadowRoot(root)) return `${stableSelectorFor(root.host)} >>> ${local}`;
  return local;
}

function selectorWithinRoot(element: Element, root: Document | ShadowRoot): string {
  const path: Element[] = [];
  for (let current: Element | null = element; current && path.length < MAX_STEPS; current = current.parentElement) {
    path.unshift(current);
    const anchor = anchorOf(current, element);
    if (!anchor) continue;
    // An anchored path: the anchor, then tag/class steps down to the element.
    const selector = [anchor, ...path.slice(1).map((step) => stepSelector(step))].join(' > ');
    if (isUnique(root, selector, element)) return selector;
    const withPositions = [anchor, ...path.slice(1).map((step) => stepSelector(step, true))].join(' > ');
    if (isUnique(root, withPositions, element)) return withPositions;
  }
  return positionalPath(element, root);
}

/** A selector for an element by an attribute that names a field, or null. */
function anchorOf(candidate: Element, target: Element): string | null {
  const ownText = collapseSpaces(visibleText(target, 200)).toLowerCase();
  const id = candidate.id;
  if (id && isStableToken(id)) return `#${cssEscape(id)}`;
  for (const attribute of FIELD_ATTRIBUTES) {
    const value = candidate.getAttribute(attribute);
    if (!value || value.length > 120 || !isStableToken(value)) continue;
    // A value that repeats what the field shows is the record's data, not the field's name.
    if (ownText && value.toLowerCase().includes(ownText)) continue;
    return `${candidate.localName}[${attribute}="${cssString(value)}"]`;
  }
  return null;
}

/** `tag.stable-class`, plus `:nth-of-type` when asked and needed among its siblings. */
function stepSelector(element: Element, withPosition = false): string {
  const classes = Array.from(element.classList).filter(isStableToken).slice(0, 2);
  let step = element.localName + classes.map((name) => `.${cssEscape(name)}`).join('');
  if (withPosition && element.parentElement) {
    const sameTag = Array.from(element.parentElement.children).filter((sibling) => sibling.localName === element.localName);
    if (sameTag.length > 1) step += `:nth-of-type(${sameTag.indexOf(element) + 1})`;
  }
  return step;
}

/** The last resort: a positional path from the root. It still avoids generated class names. */
function positionalPath(element: Element, root: Document | ShadowRoot): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    steps.unshift(stepSelector(current, true));
    if (current.localName === 'body' || current.parentNode === root) break;
    if (steps.length >= 12) break;
  }
  return steps.join(' > ');
}

function isUnique(root: Document | ShadowRoot, selector: string, element: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/**
 * Generated names change between builds or records: styled-components and emotion hashes,
 * framework ids ("ember123", ":r3:", "uid-ctrl-5"), long numbers and hex, counters ("name_0").
 */
export function isStableToken(token: string): boolean {
  if (!token || token.length > 80) return false;
  if (/^(css|sc|jsx|emotion|styled|svelte|makeStyles)-|-sc-|__sc-/i.test(token)) return false;
  if (/^(ember|ext-gen|yui_|react-|:r|j_id|mui-|radix-|headlessui-|uid-|gwt-|ng-tns-|_ngcontent|aura-|lgt-|globalId)/i.test(token)) return false;
  if (/\d{4,}/.test(token) || /^[a-f0-9]{8,}$/i.test(token) || /[_-]\d+$/.test(token) || /^\d/.test(token)) return false;
  if (/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(token)) return false;
  // Short mixed-case hashes: "kYRhfQ", "eWpJq".
  if (/^[a-zA-Z]{5,8}$/.test(token) && (token.slice(1).match(/[A-Z]/g)?.length ?? 0) >= 2) return false;
  return true;
}

/**
 * The label a person reads for a value on the page: the form label, the definition term, the
 * table header or first cell, an aria label, a field-label attribute, or short text just before it.
 */
export function labelFor(element: Element): string | null {
  return clean(
    formLabel(element) ??
      ariaLabel(element) ??
      attributeLabel(element) ??
      definitionTerm(element) ??
      tableLabel(element) ??
      precedingLabel(element),
  );
}

function formLabel(element: Element): string | null {
  if (!/^(input|select|textarea)$/.test(element.localName)) return null;
  const id = element.id;
  if (id) {
    const root = element.getRootNode() as Document | ShadowRoot;
    for (const label of root.querySelectorAll('label[for]')) {
      if (label.getAttribute('for') === id) return visibleText(label, 200);
    }
  }
  const wrapping = element.closest('label');
  return wrapping ? visibleText(wrapping, 200) : null;
}

function ariaLabel(element: Element): string | null {
  const ids = element.getAttribute('aria-labelledby');
  if (ids) {
    const text = ids
      .split(/\s+/)
      .map((id) => elementByIdNear(element, id))
      .filter((labelElement): labelElement is Element => labelElement !== null)
      .map((labelElement) => visibleText(labelElement, 200))
      .join(' ');
    if (text.trim()) return text;
  }
  return element.getAttribute('aria-label');
}

function attributeLabel(element: Element): string | null {
  const holder = element.closest('[field-label], [data-label], [data-field-label]');
  return holder?.getAttribute('field-label') ?? holder?.getAttribute('data-label') ?? holder?.getAttribute('data-field-label') ?? null;
}

function definitionTerm(element: Element): string | null {
  const definition = element.closest('dd');
  if (!definition) return null;
  for (let previous = definition.previousElementSibling; previous; previous = previous.previousElementSibling) {
    if (previous.localName === 'dt') return visibleText(previous, 200);
  }
  return null;
}

function tableLabel(element: Element): string | null {
  const cell = element.closest('td');
  const row = cell?.parentElement;
  if (!cell || !row) return null;
  const cells = Array.from(row.children);
  const index = cells.indexOf(cell);
  // Data tables: the column's header. Label/value rows: the cell before.
  const header = row.closest('table')?.querySelector('thead tr') ?? null;
  const headerCell = header && header !== row ? header.children[index] : undefined;
  if (headerCell) return visibleText(headerCell, 200);
  if (index % 2 === 1 && cells.length % 2 === 0) return visibleText(cells[index - 1]!, 200);
  return null;
}

/** Short text before the value that reads as a label: a sibling label, or one beside the value's wrapper. */
function precedingLabel(element: Element): string | null {
  let current: Element | null = element;
  for (let level = 0; current && level < 4; level += 1, current = current.parentElement) {
    const previousText = textBefore(current);
    if (previousText) return previousText;
    const previous = current.previousElementSibling;
    if (previous) return readsAsLabel(previous) ? visibleText(previous, 100) : null;
  }
  return null;
}

/** A label: short text ending in a colon, a known field name, or an element named like a label. */
function readsAsLabel(element: Element): boolean {
  const text = visibleText(element, 100);
  if (!text || text.length > 40) return false;
  if (/[:：]$/.test(text) || isKnownLabel(text)) return true;
  const hint = `${element.localName} ${element.getAttribute('class') ?? ''}`;
  return /(^|[\s_-])(label|caption|key|name|title|term)([\s_-]|$)|^(label|dt|th|legend)\b/i.test(hint);
}

function textBefore(element: Element): string | null {
  const node = element.previousSibling;
  if (!node || node.nodeType !== 3) return null;
  const text = collapseSpaces((node as Text).data);
  return text && text.length <= 60 && /[:：]$/.test(text) ? text : null;
}

function clean(label: string | null): string | null {
  const text = label ? collapseSpaces(label).replace(/[\s:：*]+$/, '') : '';
  return text ? text.slice(0, 200) : null;
}

/** CSS.escape where it exists (browsers); a conservative escape elsewhere. */
function cssEscape(value: string): string {
  const native = (globalThis as { CSS?: { escape?: (text: string) => string } }).CSS?.escape;
  if (native) return native(value);
  return value.replace(/^(\d)/, '\\3$1 ').replace(/[^\w-]/g, (char) => `\\${char}`);
}

function cssString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

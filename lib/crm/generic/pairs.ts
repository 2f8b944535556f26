import type { RecordContext } from '../dom/context';
import { isFormControl, readValue, visibleText, type ReadValue } from '../dom/read';
import type { PageScan } from '../dom/scan';
import { elementByIdNear, hasSingleChild } from '../dom/tree';
import { isKnownLabel } from '../labels';
import { cleanText, collapseSpaces } from '../text';

/**
 * Label/value pairs in every layout CRMs use: definition lists, two-column table rows, form
 * labels with their controls, aria labelling, a label element followed by its value, and
 * "Label: value" text. Each pair keeps the element the value came from.
 */
export interface FieldPair {
  label: string;
  value: ReadValue;
  valueElement: Element;
  labelElement: Element | null;
}

const MAX_LABEL = 80;

export function collectPairs(scan: PageScan, context: RecordContext): FieldPair[] {
  const pairs: FieldPair[] = [];
  const claimed = new Set<Element>(); // value elements already paired, so a later rule cannot pair them again
  const add = (labelText: string | null | undefined, valueElement: Element | null, labelElement: Element | null, value?: ReadValue | null) => {
    if (!valueElement || claimed.has(valueElement)) return;
    const label = cleanLabel(labelText);
    if (!label) return;
    if (!context.includes(valueElement)) return;
    const read = value ?? readValue(valueElement);
    if (!read || read.text === label) return;
    claimed.add(valueElement);
    if (labelElement) claimed.add(labelElement);
    pairs.push({ label, value: read, valueElement, labelElement });
  };

  for (const term of scan.terms) {
    const values = definitionsAfter(term);
    if (values.length === 1) add(visibleText(term), values[0]!, term);
    else if (values.length > 1) add(visibleText(term), values[0]!, term, combine(values));
  }
  for (const row of scan.rows) {
    // Two cells are a label and its value; older CRMs lay out four or six: label, value, label, value.
    const cells = row.children;
    if (row.parentElement?.localName === 'thead' || cells.length % 2 !== 0 || cells.length > 6) continue;
    // Rows of other records' tables are most rows on a busy page: rule them out before reading text.
    if (!context.includes(row) || (cells.length > 2 && !looksLikeLabelCell(cells[0]!))) continue;
    for (let index = 0; index + 1 < cells.length; index += 2) add(visibleText(cells[index]!), cells[index + 1]!, cells[index]!);
  }
  for (const label of scan.labels) {
    const control = controlOf(label);
    if (control) add(visibleText(label), control, label);
    else {
      const after = valueAfterLabel(label);
      if (after) add(visibleText(label), after.element, label, after.value);
    }
  }
  for (const control of scan.controls) add(ariaLabelOf(control), control, null);
  for (const element of scan.ariaLabelled) {
    const label = ariaLabelOf(element);
    // A labelled region ("Details", "Activity") is not a field; only small labelled values are.
    if (label && isKnownLabel(label) && visibleText(element, 301).length <= 300) add(label, element, null);
  }
  for (const labelText of scan.labelTexts) {
    // Microdata marks values; a job title that reads "Owner" is not the label "Owner".
    if (claimed.has(labelText) || labelText.hasAttribute('itemprop')) continue;
    const after = valueAfterLabel(labelText);
    if (after) add(visibleText(labelText), after.element, labelText, after.value);
  }
  for (const element of scan.inlinePairs) {
    const inline = splitInline(element);
    if (inline) add(inline.label, element, null, inline.value);
  }
  return pairs;
}

/** "Phone:", "E-mail *", "  Stage " -> the label as shown, without the decoration. */
function cleanLabel(text: string | null | undefined): string | null {
  const label = cleanText(text, 200)?.replace(/[\s:：*]+$/, '').trim();
  return label && label.length <= MAX_LABEL ? label : null;
}

/** The `dd` elements after a `dt`, up to the next `dt`. */
function definitionsAfter(term: Element): Element[] {
  const values: Element[] = [];
  for (let next = term.nextElementSibling; next && next.localName !== 'dt'; next = next.nextElementSibling) {
    if (next.localName === 'dd') values.push(next);
    if (values.length >= 10) break;
  }
  return values;
}

/** "Tags: <span>SaaS</span> <span>decision maker</span>": the chips after an inline label. */
function chipsOf(element: Element): string[] {
  const chips = Array.from(element.children);
  if (chips.length < 2 || chips.some((chip) => chip.localName !== chips[0]!.localName || chip.firstElementChild !== null)) return [];
  return chips.map((chip) => visibleText(chip, 100)).filter(Boolean);
}

function combine(elements: Element[]): ReadValue | null {
  const reads = elements.map(readValue).filter((read): read is ReadValue => read !== null);
  if (!reads.length) return null;
  return {
    text: reads.map((read) => read.text).join(', '),
    machine: reads[0]!.machine,
    parts: reads.flatMap((read) => (read.parts.length ? read.parts : [read.text])),
  };
}

function controlOf(label: Element): Element | null {
  const target = label.getAttribute('for');
  if (target) {
    const control = elementByIdNear(label, target);
    return control && isFormControl(control) ? control : null;
  }
  return label.querySelector('input, select, textarea');
}

export function ariaLabelOf(element: Element): string | null {
  const ids = element.getAttribute('aria-labelledby');
  if (ids) {
    const text = ids
      .split(/\s+/)
      .slice(0, 5)
      .map((id) => {
        const labelElement = id ? elementByIdNear(element, id) : null;
        return labelElement ? visibleText(labelElement, 200) : '';
      })
      .join(' ');
    if (text.trim()) return text;
  }
  return element.getAttribute('aria-label');
}

/**
 * Where the value of a label element is: text right after it ("<b>Email:</b> a@b.c"), its next
 * element sibling, or - when the label is wrapped alone in a container - the container's next
 * sibling (climbing at most three levels).
 */
export function valueAfterLabel(label: Element): { element: Element; value: ReadValue | null } | null {
  let anchor = label;
  for (let level = 0; level < 3; level += 1) {
    const trailing = textAfter(anchor);
    if (trailing && anchor.parentElement) return { element: anchor.parentElement, value: { text: trailing, machine: null, parts: [] } };
    const next = anchor.nextElementSibling;
    if (next) return looksLikeLabel(next) ? null : { element: next, value: readValue(next) };
    const parent = anchor.parentElement;
    if (!parent || !hasSingleChild(parent)) return null;
    anchor = parent;
  }
  return null;
}

function looksLikeLabelCell(cell: Element): boolean {
  const text = visibleText(cell, 80);
  return cell.localName === 'th' || text.endsWith(':') || isKnownLabel(text);
}

function looksLikeLabel(element: Element): boolean {
  if (element.firstElementChild !== null) return false;
  const text = (element.textContent ?? '').trim();
  return text.endsWith(':') || (text.length <= 40 && isKnownLabel(text));
}

/** The text written directly after an element, up to the next block (br or element with a block tag). */
function textAfter(element: Element): string | null {
  const first = element.nextSibling;
  if (!first || first.nodeType !== 3 || !(first as Text).data.trim()) return null;
  let text = '';
  for (let node: Node | null = first; node && text.length < 500; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (tag === 'br' || tag === 'div' || tag === 'p' || tag === 'li') break;
      text += ` ${visibleText(node as Element, 300)} `;
    }
  }
  const value = collapseSpaces(text);
  // A label is followed by its value, not by a comma: "<b>Owner</b>, Acme" is prose.
  return value && !/^[,;.)]/.test(value) ? value : null;
}

/** "Birthday: 12 March 1984" written in one element. */
function splitInline(element: Element): { label: string; value: ReadValue } | null {
  const text = visibleText(element, 400);
  const lead = element.firstChild?.nodeType === 3 ? collapseSpaces((element.firstChild as Text).data) : '';
  // With no colon, the label is the known label the element starts with (see the scan).
  const colon = text.includes(':') ? text.indexOf(':') : isKnownLabel(lead) && text.startsWith(lead) ? lead.length : -1;
  if (colon <= 0 || colon > 40) return null;
  const label = text.slice(0, colon).trim();
  const value = text.slice(colon + 1).trim();
  if (!label || !value || /\d$/.test(label)) return null; // "10:30" is a time, not a label
  const machine = element.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  return { label, value: { text: value, machine, parts: chipsOf(element) } };
}

import { collapseSpaces } from '../text';
import { countChildren } from './tree';

/**
 * Reading what a person sees in an element: its text without scripts, hidden parts, screen-reader
 * hints and icon ligatures; a form control's current value; a `<time>`'s machine-readable date.
 */

const SILENT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'select', 'textarea', 'input', 'iframe', 'object']);
/** Text that is on the page for screen readers or icon fonts, not for the eye. */
const OFFSCREEN_CLASS = /(^|\s)(sr-only|visually-hidden|visuallyhidden|screen-reader-text|slds-assistive-text|assistive-text|a11y-hidden|material-icons|material-symbols[\w-]*)(\s|$)/;
const BLOCK_TAGS = new Set(['div', 'p', 'li', 'dd', 'dt', 'td', 'th', 'tr', 'br', 'section', 'article', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'label', 'table', 'tbody']);

const MAX_TEXT = 2000;
const MAX_NODES = 600;

/** Visible text of an element, whitespace collapsed, with spaces between blocks and chips. */
export function visibleText(element: Element, max = MAX_TEXT): string {
  const chunks: string[] = [];
  let length = 0;
  let budget = MAX_NODES;
  const visit = (node: Node): void => {
    // An explicit stack would be faster, but values are small: the budget bounds the recursion.
    if (budget-- <= 0 || length >= max) return;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      chunks.push(data);
      length += data.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (isSilent(element)) return;
    const spaced = BLOCK_TAGS.has(element.localName) || element.firstElementChild === null;
    if (spaced) chunks.push(' ');
    visitChildren(element);
    if (spaced) chunks.push(' ');
  };
  // What renders: a shadow tree in place of the light children (slots bring those back in).
  const visitChildren = (element: Element): void => {
    if (element.localName === 'slot') {
      const assigned = (element as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length) {
        for (const node of assigned) visit(node);
        return;
      }
    }
    const parent: ParentNode = element.shadowRoot ?? element;
    for (let child = parent.firstChild; child; child = child.nextSibling) visit(child);
  };
  visitChildren(element);
  return collapseSpaces(chunks.join('')).slice(0, max);
}

function isSilent(element: Element): boolean {
  if (SILENT_TAGS.has(element.localName)) return true;
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const className = element.getAttribute('class');
  return className !== null && OFFSCREEN_CLASS.test(className);
}

export interface ReadValue {
  text: string;
  /** A machine-readable form when the page offers one: `<time datetime>`, `<data value>`, `content`. */
  machine: string | null;
  /** Separate chips or list items ("VIP", "fleet"), when the value is made of several. */
  parts: string[];
}

const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);
const UNREADABLE_INPUT_TYPES = new Set(['hidden', 'password', 'checkbox', 'radio', 'submit', 'button', 'reset', 'file', 'image', 'range', 'color']);

export function isFormControl(element: Element): boolean {
  return CONTROL_TAGS.has(element.localName);
}

/** The value a person reads in an element: a control's value, else its visible text. */
export function readValue(element: Element): ReadValue | null {
  if (isBusy(element)) return null; // a placeholder such as "Loading…" is not the value
  if (isFormControl(element)) return controlValue(element);
  const control = soleControl(element);
  if (control) return controlValue(control);
  const text = visibleText(element);
  if (!text) return null;
  return { text, machine: machineValue(element), parts: partsOf(element) };
}

function controlValue(control: Element): ReadValue | null {
  let text = '';
  if (control.localName === 'select') {
    const select = control as HTMLSelectElement;
    text = select.selectedIndex >= 0 ? (select.options[select.selectedIndex]?.text ?? '') : '';
  } else if (control.localName === 'textarea') {
    text = (control as HTMLTextAreaElement).value;
  } else {
    const input = control as HTMLInputElement;
    if (UNREADABLE_INPUT_TYPES.has((control.getAttribute('type') ?? 'text').toLowerCase())) return null;
    text = input.value;
  }
  const cleaned = collapseSpaces(text).slice(0, MAX_TEXT);
  if (!cleaned) return null;
  const type = control.getAttribute('type');
  return { text: cleaned, machine: type === 'date' || type === 'datetime-local' ? cleaned : null, parts: [] };
}

/** A wrapper around exactly one readable control with no other text (edit-in-place fields). */
function soleControl(element: Element): Element | null {
  const children = countChildren(element, 6);
  if (children === 0 || children > 6) return null;
  const controls = element.querySelectorAll('input, select, textarea');
  if (controls.length !== 1) return null;
  const control = controls[0]!;
  if (control.localName === 'input' && UNREADABLE_INPUT_TYPES.has((control.getAttribute('type') ?? 'text').toLowerCase())) return null;
  return visibleText(element).length === 0 ? control : null;
}

function machineValue(element: Element): string | null {
  const holder = element.localName === 'time' || element.localName === 'data' ? element : element.querySelector('time[datetime], data[value]');
  if (!holder) return null;
  return holder.getAttribute('datetime') ?? holder.getAttribute('value');
}

/** Texts of repeated child elements (tag chips), when an element holds two or more alike. */
function partsOf(element: Element): string[] {
  const count = countChildren(element, 60);
  if (count < 2 || count > 60) return [];
  const first = element.firstElementChild!;
  const parts: string[] = [];
  for (let child: Element | null = first; child; child = child.nextElementSibling) {
    if (child.localName !== first.localName) return [];
    const text = visibleText(child, 200);
    if (text) parts.push(text);
  }
  return parts.length >= 2 ? parts : [];
}

function isBusy(element: Element): boolean {
  return element.getAttribute('aria-busy') === 'true' || element.parentElement?.getAttribute('aria-busy') === 'true';
}

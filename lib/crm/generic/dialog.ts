import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
import type { PageScan } from '../dom/scan';
import { isComputedVisible } from '../dom/visibility';
import { fieldForLabel } from '../labels';

/**
 * A record opened in a modal over a list (Pipedrive, HubSpot previews, amoCRM and many others):
 * the modal is the record, the list behind it is other records. The scan files the dialogs it
 * walks past (`dialog[open]`, `role=dialog`, `aria-modal`) and never enters hidden ones.
 */

/** Pages keep many popovers and menus as dialogs; the topmost come last in the document. */
const MAX_CHECKED = 20;
const MIN_DETAILS = 2;

/**
 * The topmost shown dialog that holds a record: a title, and two or more contact links or field
 * labels. Cookie notices (one "privacy@" link at most), pickers and confirmations do not, and
 * leave the page to `<main>`.
 */
export function recordDialog(scan: PageScan, page: RecordContext): Element | null {
  const { dialogs } = scan;
  for (let index = dialogs.length - 1; index >= Math.max(0, dialogs.length - MAX_CHECKED); index -= 1) {
    const dialog = dialogs[index]!;
    // `includes` sees hidden, inert and closed ancestors; a class can hide the dialog itself.
    if (page.includes(dialog) && holdsRecord(dialog, scan) && isComputedVisible(dialog)) return dialog;
  }
  return null;
}

function holdsRecord(dialog: Element, scan: PageScan): boolean {
  const inside = (element: Element) => dialog.contains(element);
  if (!scan.headings.some(inside) && !scan.subheadings.some(inside) && !scan.minorHeadings.some(inside)) return false;
  let details = 0;
  for (const link of scan.contactLinks) if (inside(link) && ++details >= MIN_DETAILS) return true;
  for (const list of [scan.terms, scan.labels, scan.labelTexts]) {
    for (const label of list) if (inside(label) && fieldForLabel(visibleText(label, 80)) && ++details >= MIN_DETAILS) return true;
  }
  return false;
}

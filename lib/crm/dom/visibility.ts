/**
 * Visible by computed style: classes and stylesheets hide what attributes do not say. Browsers
 * without `checkVisibility` (older than 2023) count everything as visible.
 */
export function isComputedVisible(element: Element): boolean {
  if (!('checkVisibility' in element) || typeof element.checkVisibility !== 'function') return true;
  // A parsed page digest is never laid out (no window): attributes and inline styles decide there.
  if (element.ownerDocument.defaultView === null) return true;
  try {
    return element.checkVisibility({ visibilityProperty: true });
  } catch {
    return true;
  }
}

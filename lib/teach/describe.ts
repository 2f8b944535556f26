import { labelFor, stableSelectorFor } from '../crm/selector';

/** Where a clicked value will be found again on other records: a stable selector and its label. */
export function describeForTeaching(element: Element): { selector?: string; label?: string } {
  const selector = stableSelectorFor(element);
  const label = labelFor(element);
  return { ...(selector ? { selector } : {}), ...(label ? { label } : {}) };
}

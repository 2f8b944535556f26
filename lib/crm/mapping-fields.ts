import type { LabelField } from './labels';
import type { SnapshotField } from './snapshot';

// Kept apart from mappings.ts (which reads the page): the worker needs these names, not the reader.

/**
 * Field mappings the user taught for one CRM origin ("this is the phone"), applied after the
 * heuristics and overriding them. A mapping finds its value by a selector made by
 * `stableSelectorFor` (` >>> ` steps into a shadow root) or by the label shown next to it.
 */
export interface FieldMapping {
  field: SnapshotField;
  selector?: string;
  label?: string;
}

/**
 * Snapshot fields by their singular names (as the label dictionaries and the sales book's field
 * mappings name them); products cannot be taught (yet).
 */
export const LABEL_FIELD_OF = {
  name: 'name',
  firstName: 'firstName',
  lastName: 'lastName',
  company: 'company',
  jobTitle: 'jobTitle',
  phones: 'phone',
  emails: 'email',
  stage: 'stage',
  amount: 'amount',
  birthday: 'birthday',
  tags: 'tags',
  owner: 'owner',
  lastPurchase: 'lastPurchase',
  nextContact: 'nextContact',
} as const satisfies Partial<Record<SnapshotField, LabelField>>;

import type { RecordType } from '../draft';
import type { PageHints } from '../page-hints';
import type { ClientSnapshotInput } from '../snapshot';

/**
 * A CRM adapter knows one CRM's record pages: which URLs are records (and of what type, with
 * what id), and where that CRM puts its fields. What it cannot read, the generic extractor
 * fills in, inside the adapter's `scope` when it gives one.
 */
export interface CrmAdapter {
  /** Also the snapshot's `source`. */
  id: string;
  /** Hostnames where this CRM is hosted: a strong hint, never a requirement (custom domains exist). */
  hosts: RegExp;
  /** Is this URL shaped like one of this CRM's record pages? */
  matches(url: URL): boolean;
  /**
   * Reads the page. Null when the page does not carry this CRM's hooks (the generic extractor
   * then reads it alone); NOT_A_RECORD when the adapter knows there is no record here to read.
   */
  extract(doc: Document, url: URL, hints: PageHints): AdapterReading | typeof NOT_A_RECORD | null;
  /**
   * What this adapter had to skip while reading (a book profile's selector the browser refuses),
   * in words for the manager: the panel's "what was read" shows it beside the snapshot.
   */
  readonly problems?: readonly string[];
}

/** What an adapter read: a partial snapshot, plus where the record is on the page. */
export type AdapterReading = Partial<
  Pick<
    ClientSnapshotInput,
    'name' | 'firstName' | 'middleName' | 'lastName' | 'company' | 'jobTitle' | 'phones' | 'emails' | 'stage' | 'amount' | 'birthday'
    | 'lastPurchase' | 'nextContact' | 'tags' | 'owner' | 'products' | 'messengers' | 'fields'
  >
> & {
  recordType: RecordType;
  recordId: string | null;
  /** The element holding the visible record, to keep the generic extractor away from the rest. */
  scope?: Element | null;
};

/** Said by an adapter that recognises a page of its CRM that shows no record (a list, a board). */
export const NOT_A_RECORD = 'not-a-record';

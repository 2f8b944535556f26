import type { ClientSnapshotInput } from './snapshot';

/**
 * When a page's read is worth telling the background, as the page knows it: the background,
 * which reads the page's digest, applies the same rules and reports the client at once, saving
 * the page's second message on a record change (issue 17). The page applies them itself when
 * the background did not report (an older worker, a snapshot it could not take).
 */
export interface ReportTerms {
  /** The read follows a record change in the page. */
  navigation: boolean;
  /** The client the page last reported (its identity), or null. */
  previous: { recordId?: string | null | undefined; name?: string | null | undefined; emails?: string[] | undefined } | null;
  /** The page's last report, as `reportKey` wrote it ('' for none): the same again says nothing new. */
  lastSent: string;
}

export function reportKey(snapshot: ClientSnapshotInput): string {
  return JSON.stringify({ type: 'cs/snapshot', snapshot });
}

/**
 * A new record id with the previous record's name and addresses: right after a record change
 * the CRM may still show the previous record; reporting it would give the new record the old
 * person's details.
 */
export function showsPreviousRecord(previous: NonNullable<ReportTerms['previous']>, next: ClientSnapshotInput): boolean {
  return previous.recordId !== next.recordId && previous.name === next.name && (previous.emails ?? []).join() === (next.emails ?? []).join();
}

/** Whether a read's client is to be reported under the page's terms. */
export function worthReporting(snapshot: ClientSnapshotInput, terms: ReportTerms): boolean {
  if (terms.navigation && terms.previous && showsPreviousRecord(terms.previous, snapshot)) return false;
  return reportKey(snapshot) !== terms.lastSent;
}

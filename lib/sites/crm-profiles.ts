import type { SalesBook } from '../book/schema';
import { hostMatches } from '../crm/adapters/path-pattern';
import type { BookCrmReading } from '../crm/extract';

/**
 * What the team book says about reading a page, beyond field mappings: its CRM profiles for the
 * page's host (the reader compiles and runs them, lib/crm/adapters/profile.ts) and its extra label
 * words. Only the profiles for this host travel with the digest.
 */
export function bookCrmReadingFor(book: Pick<SalesBook, 'crmAdapters' | 'crmLabels'>, pageUrl: string): BookCrmReading | undefined {
  const hostname = new URL(pageUrl).hostname;
  const profiles = (book.crmAdapters ?? []).filter((profile) => profile.hosts.some((host) => hostMatches(host, hostname)));
  if (!profiles.length && !book.crmLabels) return undefined;
  return { ...(profiles.length ? { profiles } : {}), ...(book.crmLabels ? { labels: book.crmLabels } : {}) };
}

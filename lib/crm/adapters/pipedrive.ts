import type { RecordType } from '../draft';
import { matchPath } from './helpers';
import type { CrmAdapter } from './types';

/**
 * Pipedrive. Its markup has no stable field hooks (generated class names, no test ids in the
 * detail view), so the adapter only says what the record is; the generic extractor reads the
 * fields. Pipedrive runs on `<company>.pipedrive.com` only, so off that host the URL shape alone
 * (`/person/12`) proves nothing and the generic extractor reads the page by itself.
 */
const SELECTORS = {
  /** The detail view; the activity flow beside it is excluded by the generic extractor. */
  detail: '[data-testid="detail-view"], .detailView, main',
};

const HOSTS = /(^|\.)pipedrive\.com$/;
const RECORD_TYPES: Readonly<Record<string, RecordType>> = { person: 'contact', organization: 'company', deal: 'deal', lead: 'lead' };
const RECORD_PATH = /^\/(?<type>person|organization|deal)\/(?<id>\d+)|^\/leads\/inbox\/(?<lead>[\w-]{8,})/;

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  hosts: HOSTS,
  matches: (url) => RECORD_PATH.test(url.pathname),
  extract(doc, url) {
    const route = matchPath(url, RECORD_PATH);
    if (!route || !HOSTS.test(url.hostname)) return null;
    return {
      recordType: route.lead ? 'lead' : (RECORD_TYPES[route.type ?? ''] ?? 'unknown'),
      recordId: route.id ?? route.lead ?? null,
      scope: doc.querySelector(SELECTORS.detail),
    };
  },
};

// Tested on: test/fixtures/crm/pipedrive/person.html, test/fixtures/crm/pipedrive/deal.html

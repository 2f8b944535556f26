import type { RecordType } from '../draft';
import { matchPath } from './helpers';
import type { CrmAdapter } from './types';

/**
 * Zoho CRM. Its Lyte components carry no field hooks worth trusting, so the adapter reads the
 * record's module and id from the URL (`/crm/org<org>/tab/<Module>/<id>`) and leaves the fields
 * to the generic extractor. The path is distinctive enough to trust on any host.
 */
const SELECTORS = {
  /** The detail view; the related lists and timeline below it are excluded by the generic extractor. */
  detail: '#detailView, [data-zcqa="detailView"], .detailViewContainer',
};

/** Module API names in URLs; deals are still `Potentials` in older orgs. */
const MODULES: Readonly<Record<string, RecordType>> = {
  Contacts: 'contact',
  Accounts: 'company',
  Deals: 'deal',
  Potentials: 'deal',
  Leads: 'lead',
};
const RECORD_PATH = /^\/crm\/(?:org\d+\/)?tab\/(?<module>[A-Za-z_]\w*)\/(?<id>\d{6,25})(?:\/|$)/;

export const zoho: CrmAdapter = {
  id: 'zoho',
  hosts: /^crm\.zoho(cloud)?\.[a-z.]+$/,
  matches: (url) => RECORD_PATH.test(url.pathname),
  extract(doc, url) {
    const route = matchPath(url, RECORD_PATH);
    if (!route) return null;
    return {
      recordType: MODULES[route.module ?? ''] ?? 'unknown',
      recordId: route.id ?? null,
      scope: doc.querySelector(SELECTORS.detail),
    };
  },
};

// Tested on: test/fixtures/crm/zoho/contact.html, test/fixtures/crm/zoho/deal.html

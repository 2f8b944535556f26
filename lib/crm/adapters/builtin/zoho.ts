import type { CrmProfile } from '../../../book/crm-profile-schema';
import type { RecordType } from '../../draft';

/**
 * Zoho CRM, as a profile. Its Lyte components carry no field hooks worth trusting, so the profile
 * reads the record's module and id from the URL (`/crm/org<org>/tab/<Module>/<id>`, the org part
 * missing in some data centres) and leaves the fields to the generic extractor. The path is
 * distinctive enough to trust on any host (`anyHost` in index.ts); the hosts only rank it first.
 */
const MODULES: Record<string, RecordType> = { Contacts: 'contact', Accounts: 'company', Deals: 'deal', Potentials: 'deal', Leads: 'lead' }; // deals are still `Potentials` in older orgs

export const ZOHO_PROFILE: CrmProfile = {
  id: 'zoho',
  name: 'Zoho CRM',
  hosts: [
    'crm.zoho.com',
    'crm.zoho.eu',
    'crm.zoho.in',
    'crm.zoho.com.au',
    'crm.zoho.com.cn',
    'crm.zoho.jp',
    'crm.zoho.uk',
    'crm.zoho.sa',
    'crm.zohocloud.ca',
  ],
  records: [
    { path: '/crm/*/tab/:module/:id(digits)', recordType: { segment: 'module', values: MODULES } },
    { path: '/crm/tab/:module/:id(digits)', recordType: { segment: 'module', values: MODULES } },
  ],
  /** The detail view; the related lists and timeline below it are excluded by the generic extractor. */
  scope: '#detailView, [data-zcqa="detailView"], .detailViewContainer',
  scopeOptional: true,
  fields: {},
};

// Tested on: test/fixtures/crm/zoho/contact.html, test/fixtures/crm/zoho/deal.html

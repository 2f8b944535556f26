import type { CrmProfile } from '../../../book/crm-profile-schema';

/**
 * Pipedrive, as a profile. Its markup has no stable field hooks (generated class names, no test
 * ids in the detail view), so the profile only says what the record is; the generic extractor
 * reads the fields. Pipedrive runs on `<company>.pipedrive.com` only, so off that host the URL
 * shape alone (`/person/12`) proves nothing: the profile is not used there (no `anyHost`).
 */
export const PIPEDRIVE_PROFILE: CrmProfile = {
  id: 'pipedrive',
  name: 'Pipedrive',
  hosts: ['*.pipedrive.com'],
  records: [
    {
      path: '/:type(person|organization|deal)/:id(digits)',
      recordType: { segment: 'type', values: { person: 'contact', organization: 'company', deal: 'deal' } },
    },
    { path: '/leads/inbox/:lead', recordType: 'lead', idSegment: 'lead' },
  ],
  /** The detail view; the activity flow beside it is excluded by the generic extractor. */
  scope: '[data-testid="detail-view"], .detailView, main',
  scopeOptional: true,
  fields: {},
};

// Tested on: test/fixtures/crm/pipedrive/person.html, test/fixtures/crm/pipedrive/deal.html

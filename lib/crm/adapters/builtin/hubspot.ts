import type { CrmProfile } from '../../../book/crm-profile-schema';

/**
 * HubSpot record pages, as a profile. Class names are generated and change with every release;
 * the `data-selenium-test` / `data-test-id` hooks HubSpot keeps for its own UI tests do not, and
 * each property input is named after the property's internal name ("property-input-jobtitle"),
 * the same in every portal and language. A property without an input shows its value right
 * after its label.
 */
const property = (...names: string[]) =>
  names.flatMap((name) => [
    `[data-selenium-test="property-input-${name}"], [data-profile-property="${name}"] [data-field="${name}"]`,
    `[data-profile-property="${name}"] label + *`,
  ]);

/** `0-1` contact, `0-2` company, `0-3` deal: HubSpot's object type ids in record URLs. */
export const HUBSPOT_PROFILE: CrmProfile = {
  id: 'hubspot',
  name: 'HubSpot',
  hosts: ['*.hubspot.com'],
  records: [
    {
      path: '/contacts/:portal(digits)/record/:objectType/:id(digits)',
      recordType: { segment: 'objectType', values: { '0-1': 'contact', '0-2': 'company', '0-3': 'deal' }, otherwise: 'unknown' },
    },
    {
      path: '/contacts/:portal(digits)/:type(contact|company|deal)/:id(digits)',
      recordType: { segment: 'type', values: { contact: 'contact', company: 'company', deal: 'deal' } },
    },
  ],
  /** The left column: the highlight card and "About this contact"; the middle pane is the timeline. */
  scope: '[data-test-id="left-sidebar"]',
  title: ['[data-selenium-test="highlightTitle"], [data-test-id="highlight-title"]'],
  fields: {
    name: property('name', 'dealname'),
    firstName: property('firstname'),
    lastName: property('lastname'),
    email: property('email', 'hs_additional_emails'),
    phone: property('phone', 'mobilephone'),
    jobTitle: property('jobtitle'),
    company: property('company'),
    stage: property('dealstage', 'lifecyclestage', 'hs_lead_status'),
    amount: property('amount'),
    owner: property('hubspot_owner_id'),
    birthday: property('date_of_birth'),
    nextContact: property('notes_next_activity_date'),
    tags: property('hs_tag_ids'),
  },
};

// Tested on: test/fixtures/crm/hubspot/contact.html, test/fixtures/crm/hubspot/deal.html

import type { RecordType } from '../draft';
import { dateOf, dateTimeOf, emailsOf, matchPath, moneyOf, phonesOf, tagsOf, textOf } from './helpers';
import type { AdapterReading, CrmAdapter } from './types';

/**
 * HubSpot record pages. Class names are generated and change with every release; the
 * `data-selenium-test` / `data-test-id` hooks HubSpot keeps for its own UI tests do not, and each
 * property input is named after the property's internal name ("property-input-jobtitle").
 */
const SELECTORS = {
  /** The left column: the highlight card and "About this contact"; the middle pane is the timeline. */
  sidebar: '[data-test-id="left-sidebar"]',
  title: '[data-selenium-test="highlightTitle"], [data-test-id="highlight-title"]',
  property: (name: string) => `[data-selenium-test="property-input-${name}"], [data-profile-property="${name}"] [data-field="${name}"]`,
  propertyContainer: (name: string) => `[data-profile-property="${name}"]`,
};

/** Internal property names per object type (they are the same in every portal and language). */
const PROPERTIES = {
  firstName: ['firstname'],
  lastName: ['lastname'],
  name: ['name', 'dealname'],
  email: ['email', 'hs_additional_emails'],
  phone: ['phone', 'mobilephone'],
  jobTitle: ['jobtitle'],
  company: ['company'],
  stage: ['dealstage', 'lifecyclestage', 'hs_lead_status'],
  amount: ['amount'],
  owner: ['hubspot_owner_id'],
  birthday: ['date_of_birth'],
  nextContact: ['notes_next_activity_date'],
  tags: ['hs_tag_ids'],
} as const;

/** `0-1` contact, `0-2` company, `0-3` deal: HubSpot's object type ids in record URLs. */
const OBJECT_TYPES: Readonly<Record<string, RecordType>> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', contact: 'contact', company: 'company', deal: 'deal' };
const RECORD_PATH = /^\/contacts\/(?<portal>\d+)\/(?:record\/(?<objectType>0-\d+)|(?<legacyType>contact|company|deal))\/(?<id>\d+)/;

export const hubspot: CrmAdapter = {
  id: 'hubspot',
  hosts: /(^|\.)hubspot\.com$/,
  matches: (url) => RECORD_PATH.test(url.pathname),
  extract(doc, url, hints) {
    const route = matchPath(url, RECORD_PATH);
    const sidebar = doc.querySelector(SELECTORS.sidebar);
    const title = doc.querySelector(SELECTORS.title);
    if (!route || (!sidebar && !title)) return null;
    const root = sidebar ?? doc;
    const property = (names: readonly string[]) => firstProperty(root, names);
    const reading: AdapterReading = {
      recordType: OBJECT_TYPES[route.objectType ?? route.legacyType ?? ''] ?? 'unknown',
      recordId: route.id ?? null,
      scope: sidebar,
      name: textOf(title) ?? textOf(property(PROPERTIES.name)),
      firstName: textOf(property(PROPERTIES.firstName)),
      lastName: textOf(property(PROPERTIES.lastName)),
      company: textOf(property(PROPERTIES.company)),
      jobTitle: textOf(property(PROPERTIES.jobTitle)),
      stage: textOf(property(PROPERTIES.stage)),
      amount: moneyOf(property(PROPERTIES.amount)),
      owner: textOf(property(PROPERTIES.owner)),
      birthday: dateOf(property(PROPERTIES.birthday), hints),
      nextContact: dateTimeOf(property(PROPERTIES.nextContact), hints),
      tags: tagsOf(property(PROPERTIES.tags)),
      emails: emailsOf(allProperties(root, PROPERTIES.email)),
      phones: phonesOf(allProperties(root, PROPERTIES.phone), hints),
    };
    return reading;
  },
};

function firstProperty(root: ParentNode, names: readonly string[]): Element | null {
  for (const name of names) {
    const element = root.querySelector(SELECTORS.property(name)) ?? valueIn(root.querySelector(SELECTORS.propertyContainer(name)));
    if (element) return element;
  }
  return null;
}

function allProperties(root: ParentNode, names: readonly string[]): Element[] {
  return names.map((name) => firstProperty(root, [name])).filter((element): element is Element => element !== null);
}

/** A property container without an input: its value is what follows the label. */
function valueIn(container: Element | null): Element | null {
  if (!container) return null;
  const label = container.querySelector('label');
  return label?.nextElementSibling ?? null;
}

// Tested on: test/fixtures/crm/hubspot/contact.html, test/fixtures/crm/hubspot/deal.html

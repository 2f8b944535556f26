import type { RecordType } from '../draft';
import { fieldForLabel } from '../labels';
import { openTrees, queryAllIn, queryIn } from '../dom/tree';
import { dateOf, emailsOf, firstVisible, matchPath, moneyOf, phonesOf, textOf } from './helpers';
import type { AdapterReading, CrmAdapter } from './types';

/**
 * Salesforce Lightning Experience. Lightning keeps several record pages in the DOM (the tabs and
 * the pages you came from) and shows one; parts render inside open shadow roots. Fields are
 * `records-record-layout-item` elements; their API name is in `data-target-selection-name`
 * ("sfdc:RecordField.Contact.Email") and their label, in the user's language, in `field-label`.
 */
const SELECTORS = {
  /** One per cached record page; the visible one is the current record. */
  page: 'one-record-home-flexipage2, records-lwc-record-layout, .oneContent, .tabContent',
  activePage: '.oneContent.active one-record-home-flexipage2, .tabContent.active one-record-home-flexipage2, .oneContent.active, .tabContent.active',
  name: 'records-highlights2 [slot="primaryField"], records-entity-label ~ [slot="primaryField"], [slot="primaryField"]',
  item: 'records-record-layout-item[field-label]',
  output: '[data-output-element-id="output-field"]',
};

/** API field names -> what they hold; the label is only a fallback (it is translated). */
const API_FIELDS: Readonly<Record<string, 'name' | 'email' | 'phone' | 'jobTitle' | 'company' | 'birthday' | 'owner' | 'stage' | 'amount'>> = {
  Name: 'name',
  Email: 'email',
  Phone: 'phone',
  MobilePhone: 'phone',
  HomePhone: 'phone',
  OtherPhone: 'phone',
  Title: 'jobTitle',
  AccountId: 'company',
  Company: 'company',
  Birthdate: 'birthday',
  OwnerId: 'owner',
  StageName: 'stage',
  Status: 'stage',
  Amount: 'amount',
};

const OBJECT_TYPES: Readonly<Record<string, RecordType>> = { Contact: 'contact', Account: 'company', Opportunity: 'deal', Lead: 'lead' };
/** Record id prefixes of the standard objects, for `/lightning/r/<id>/view` URLs without the object. */
const ID_PREFIXES: Readonly<Record<string, RecordType>> = { '003': 'contact', '001': 'company', '006': 'deal', '00Q': 'lead' };
const RECORD_PATH = /^\/lightning\/r\/(?:(?<object>[A-Za-z][\w]*)\/)?(?<id>[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view/;

export const salesforce: CrmAdapter = {
  id: 'salesforce',
  hosts: /\.(lightning\.force|my\.salesforce|salesforce)\.com$/,
  matches: (url) => RECORD_PATH.test(url.pathname),
  extract(doc, url, hints) {
    const route = matchPath(url, RECORD_PATH);
    if (!route) return null;
    const page = currentPage(doc);
    if (!page) return null;
    const trees = openTrees(page);
    const items = queryAllIn(trees, SELECTORS.item);
    const nameElement = queryIn(trees, SELECTORS.name);
    if (!items.length && !nameElement) return null;

    const byField = groupItems(items);
    const first = (field: string) => byField.get(field)?.[0] ?? null;
    const id = route.id ?? null;
    const reading: AdapterReading = {
      recordType: OBJECT_TYPES[route.object ?? ''] ?? ID_PREFIXES[id?.slice(0, 3) ?? ''] ?? 'unknown',
      recordId: id,
      scope: page,
      name: textOf(nameElement) ?? textOf(first('name')),
      company: textOf(first('company')),
      jobTitle: textOf(first('jobTitle')),
      stage: textOf(first('stage')),
      owner: textOf(first('owner')),
      amount: moneyOf(first('amount')),
      birthday: dateOf(first('birthday'), hints),
      emails: emailsOf(byField.get('email') ?? []),
      phones: phonesOf(byField.get('phone') ?? [], hints),
    };
    return reading;
  },
};

/** The record page a person is looking at: the active tab's, else the first visible, else the newest. */
function currentPage(doc: Document): Element | null {
  const active = doc.querySelector(SELECTORS.activePage);
  if (active) return active;
  const pages = Array.from(doc.querySelectorAll(SELECTORS.page));
  return firstVisible(pages) ?? pages[pages.length - 1] ?? null;
}

/** Layout items by the field they hold; each entry is the item's output element. */
function groupItems(items: readonly Element[]): Map<string, Element[]> {
  const byField = new Map<string, Element[]>();
  for (const item of items) {
    const field = fieldOfItem(item);
    if (!field) continue;
    const output = openTrees(item).map((tree) => tree.querySelector(SELECTORS.output)).find((element) => element !== null) ?? item;
    byField.set(field, [...(byField.get(field) ?? []), output]);
  }
  return byField;
}

function fieldOfItem(item: Element): string | null {
  const target = item.getAttribute('data-target-selection-name') ?? '';
  const apiName = /RecordField\.\w+\.(\w+)$/.exec(target)?.[1];
  if (apiName && API_FIELDS[apiName]) return API_FIELDS[apiName];
  const match = fieldForLabel(item.getAttribute('field-label') ?? '');
  return match?.field ?? null;
}

// Tested on: test/fixtures/crm/salesforce/contact.html (two cached pages, shadow roots),
// test/fixtures/crm/salesforce/opportunity.html

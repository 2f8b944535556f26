import type { RecordType } from '../draft';
import { emailsOf, matchPath, moneyOf, phonesOf, textOf, dateOf } from './helpers';
import { NOT_A_RECORD, type AdapterReading, type CrmAdapter } from './types';

/**
 * Bitrix24 CRM. A record opens in a side slider whose content is an iframe with the same path
 * (plus `?IFRAME=Y`); the content script runs in every frame, and this adapter reads the card in
 * the frame that has it. Fields are entity-editor blocks named by their field id in `data-cid`.
 */
const SELECTORS = {
  field: (id: string) => `[data-cid="${id}"]`,
  /** The value inside a field block: plain text, or one of several values of a multi-field. */
  value: '.crm-entity-widget-content-block-mutlifield-value, .ui-entity-editor-content-block-text, .crm-entity-widget-content-block-inner-text',
  title: '#pagetitle',
  fieldTitle: '.ui-entity-editor-block-title',
  /** The slider that shows a card from another frame: this frame has no record of its own. */
  sliderFrame: 'iframe.side-panel-iframe',
  /** The entity editor, without the timeline (`.crm-entity-stream-container`) beside it. */
  editor: '.ui-entity-editor-column-content, .crm-entity-card-container, .ui-entity-editor-content',
  dealClient: '[data-cid="CLIENT"]',
  clientName: 'a.crm-entity-widget-client-box-name',
  clientPhone: '.crm-entity-widget-client-contact-phone',
  clientEmail: '.crm-entity-widget-client-contact-email',
};

/** Field ids: system fields have fixed ids in every portal; custom fields are UF_CRM_*. */
const FIELDS = {
  title: ['TITLE'],
  firstName: ['NAME'],
  middleName: ['SECOND_NAME'],
  lastName: ['LAST_NAME'],
  jobTitle: ['POST'],
  company: ['COMPANY', 'COMPANY_TITLE'],
  phone: ['PHONE'],
  email: ['EMAIL'],
  stage: ['STAGE_ID', 'STATUS_ID'],
  amount: ['OPPORTUNITY_WITH_CURRENCY', 'OPPORTUNITY'],
  owner: ['ASSIGNED_BY_ID'],
  birthday: ['BIRTHDATE'],
} as const;

const RECORD_PATH = /^\/crm\/(?<type>contact|company|deal|lead)\/details\/(?<id>\d+)\/?/;
const RECORD_TYPES: Readonly<Record<string, RecordType>> = { contact: 'contact', company: 'company', deal: 'deal', lead: 'lead' };

export const bitrix24: CrmAdapter = {
  id: 'bitrix24',
  hosts: /\.bitrix24\.[a-z.]+$/,
  matches: (url) => RECORD_PATH.test(url.pathname),
  extract(doc, url, hints) {
    const route = matchPath(url, RECORD_PATH);
    if (!route) return null;
    const hasCard = doc.querySelector('[data-cid]') !== null;
    // The list page behind the slider shares the record URL; the card is read in the slider's frame.
    if (!hasCard) return doc.querySelector(SELECTORS.sliderFrame) || route.id === '0' ? NOT_A_RECORD : null;

    const block = (ids: readonly string[]) => ids.map((id) => doc.querySelector(SELECTORS.field(id))).find((element) => element !== null) ?? null;
    const valueOf = (ids: readonly string[]) => {
      const found = block(ids);
      return found ? (found.querySelector(SELECTORS.value) ?? besideTitle(found)) : null;
    };
    const recordType = RECORD_TYPES[route.type ?? ''] ?? 'unknown';
    const firstName = textOf(valueOf(FIELDS.firstName));
    const lastName = textOf(valueOf(FIELDS.lastName));
    const title = textOf(doc.querySelector(SELECTORS.title)) ?? textOf(valueOf(FIELDS.title));
    const client = doc.querySelector(SELECTORS.dealClient);
    const reading: AdapterReading = {
      recordType,
      recordId: route.id ?? null,
      scope: doc.querySelector(SELECTORS.editor),
      name: title ?? ([firstName, lastName].filter(Boolean).join(' ') || null),
      firstName,
      middleName: textOf(valueOf(FIELDS.middleName)),
      lastName,
      jobTitle: textOf(valueOf(FIELDS.jobTitle)),
      company: textOf(valueOf(FIELDS.company)) ?? (client ? companyOfClient(client) : null),
      stage: textOf(valueOf(FIELDS.stage)),
      amount: moneyOf(valueOf(FIELDS.amount)),
      owner: textOf(valueOf(FIELDS.owner)),
      birthday: dateOf(valueOf(FIELDS.birthday), hints),
      // A deal's contact data is its client's: the CLIENT block lists their phones and emails.
      phones: phonesOf(fieldValues(block(FIELDS.phone), client, SELECTORS.clientPhone), hints),
      emails: emailsOf(fieldValues(block(FIELDS.email), client, SELECTORS.clientEmail)),
    };
    return reading;
  },
};

/** A block's value when it is not plain text (a link to a company or an employee): all but the title. */
function besideTitle(block: Element): Element | null {
  for (let child = block.firstElementChild; child; child = child.nextElementSibling) {
    if (!child.matches(SELECTORS.fieldTitle)) return child;
  }
  return null;
}

/** The values of a multi-field block, or of the matching entries in a deal's CLIENT block. */
function fieldValues(block: Element | null, client: Element | null, clientSelector: string): Element[] {
  if (block) {
    const values = Array.from(block.querySelectorAll('.crm-entity-widget-content-block-mutlifield-value'));
    return values.length ? values : [block];
  }
  return client ? Array.from(client.querySelectorAll(clientSelector)) : [];
}

function companyOfClient(client: Element): string | null {
  const company = Array.from(client.querySelectorAll(SELECTORS.clientName)).find((link) => /\/crm\/company\//.test(link.getAttribute('href') ?? ''));
  return textOf(company);
}

// Tested on: test/fixtures/crm/bitrix24/contact.html (the slider's iframe document),
// test/fixtures/crm/bitrix24/deal.html, test/fixtures/crm/bitrix24/slider-host.html (top frame: no record)

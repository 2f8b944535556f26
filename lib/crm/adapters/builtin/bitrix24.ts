import type { CrmProfile } from '../../../book/crm-profile-schema';
import type { RecordType } from '../../draft';

/**
 * Bitrix24 CRM's record paths and field hooks, as a profile; lib/crm/adapters/bitrix24.ts adds what
 * a profile cannot say (the page behind the slider is no record, the middle name, the name from
 * its parts). Fields are entity-editor blocks named by their field id in `data-cid` (system fields
 * have fixed ids in every portal); a block's value is its text or multi-field element, else, for a
 * link to a company or an employee, everything but the block's title. A deal's contact data is
 * its client's: the CLIENT block lists their phones, emails and company.
 */
const VALUE = ['.crm-entity-widget-content-block-mutlifield-value', '.ui-entity-editor-content-block-text', '.crm-entity-widget-content-block-inner-text'];
export const BITRIX24_FIELD_TITLE = '.ui-entity-editor-block-title';

/** Selectors for the first of these blocks' value, in the order of the ids. */
export const bitrix24Value = (...ids: string[]) =>
  ids.flatMap((id) => [VALUE.map((value) => `[data-cid="${id}"] ${value}`).join(', '), `[data-cid="${id}"] > :not(${BITRIX24_FIELD_TITLE})`]);

const RECORD_TYPES: Record<string, RecordType> = { contact: 'contact', company: 'company', deal: 'deal', lead: 'lead' };

export const BITRIX24_PROFILE: CrmProfile = {
  id: 'bitrix24',
  name: 'Bitrix24',
  hosts: ['bitrix24.ru', 'bitrix24.com', 'bitrix24.de', 'bitrix24.eu', 'bitrix24.es', 'bitrix24.fr', 'bitrix24.pl', 'bitrix24.it', 'bitrix24.uk', 'bitrix24.in', 'bitrix24.com.br', 'bitrix24.com.tr', 'bitrix24.kz', 'bitrix24.by', 'bitrix24.ua', 'bitrix24.cn', 'bitrix24.jp', 'bitrix24.id', 'bitrix24.vn'].map((domain) => `*.${domain}`),
  records: [{ path: '/crm/:type(contact|company|deal|lead)/details/:id(digits)', recordType: { segment: 'type', values: RECORD_TYPES } }],
  // No `scope`: the title (#pagetitle) sits above the entity editor; the adapter scopes the generic extractor itself.
  title: ['#pagetitle', ...bitrix24Value('TITLE')],
  fields: {
    firstName: bitrix24Value('NAME'),
    lastName: bitrix24Value('LAST_NAME'),
    jobTitle: bitrix24Value('POST'),
    company: [...bitrix24Value('COMPANY', 'COMPANY_TITLE'), '[data-cid="CLIENT"] a.crm-entity-widget-client-box-name[href*="/crm/company/"]'],
    phone: ['[data-cid="PHONE"] .crm-entity-widget-content-block-mutlifield-value', '[data-cid="CLIENT"] .crm-entity-widget-client-contact-phone'],
    email: ['[data-cid="EMAIL"] .crm-entity-widget-content-block-mutlifield-value', '[data-cid="CLIENT"] .crm-entity-widget-client-contact-email'],
    stage: bitrix24Value('STAGE_ID', 'STATUS_ID'),
    amount: bitrix24Value('OPPORTUNITY_WITH_CURRENCY', 'OPPORTUNITY'),
    owner: bitrix24Value('ASSIGNED_BY_ID'),
    birthday: bitrix24Value('BIRTHDATE'),
  },
};

/** Hooks the adapter's own code reads. */
export const BITRIX24_SELECTORS = {
  /** The entity editor, without the timeline (`.crm-entity-stream-container`) beside it. */
  editor: '.ui-entity-editor-column-content, .crm-entity-card-container, .ui-entity-editor-content',
  /** Any field block: a frame without one shows no card of its own. */
  anyField: '[data-cid]',
  /** The slider that shows a card from another frame: this frame has no record of its own. */
  sliderFrame: 'iframe.side-panel-iframe',
  middleName: bitrix24Value('SECOND_NAME'),
};

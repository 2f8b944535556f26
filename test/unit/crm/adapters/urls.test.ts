import { describe, expect, it } from 'vitest';
import { adaptersFor, ADAPTERS, NOT_A_RECORD } from '../../../../lib/crm/adapters';
import { readPageHints } from '../../../../lib/crm/page-hints';
import { loadPage } from '../page';

/** Which adapter claims a URL, and what record type and id it reads from it on a page with its hooks. */
const CASES: Array<[string, string, string, string]> = [
  ['https://app.hubspot.com/contacts/26123456/record/0-1/51234567', 'hubspot', 'contact', '51234567'],
  ['https://app-eu1.hubspot.com/contacts/26123456/record/0-2/7712/', 'hubspot', 'company', '7712'],
  ['https://app.hubspot.com/contacts/26123456/record/0-3/9012345678/view/1', 'hubspot', 'deal', '9012345678'],
  ['https://app.hubspot.com/contacts/26123456/deal/901', 'hubspot', 'deal', '901'],
  ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZabAAB/view', 'salesforce', 'contact', '0035g00000XyZabAAB'],
  ['https://acme.lightning.force.com/lightning/r/Account/0015g00000QrStU/view', 'salesforce', 'company', '0015g00000QrStU'],
  ['https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000AbCdE/view', 'salesforce', 'lead', '00Q5g00000AbCdE'],
  ['https://acme.lightning.force.com/lightning/r/0065g00000AbCdEAAZ/view', 'salesforce', 'deal', '0065g00000AbCdEAAZ'],
  ['https://acme.pipedrive.com/person/1234', 'pipedrive', 'contact', '1234'],
  ['https://acme.pipedrive.com/organization/88', 'pipedrive', 'company', '88'],
  ['https://acme.pipedrive.com/deal/567', 'pipedrive', 'deal', '567'],
  ['https://acme.pipedrive.com/leads/inbox/2f1c9c80-1a2b-11ef-8000-0123456789ab', 'pipedrive', 'lead', '2f1c9c80-1a2b-11ef-8000-0123456789ab'],
  ['https://crm.zoho.eu/crm/org20071234567/tab/Contacts/4876876000000123456', 'zoho', 'contact', '4876876000000123456'],
  ['https://crm.zoho.com/crm/tab/Leads/3652397000000111111', 'zoho', 'lead', '3652397000000111111'],
  ['https://crm.zoho.in/crm/org1/tab/Accounts/3652397000000222222/', 'zoho', 'company', '3652397000000222222'],
  ['https://acme.bitrix24.ru/crm/contact/details/42/', 'bitrix24', 'contact', '42'],
  ['https://acme.bitrix24.de/crm/deal/details/314/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER', 'bitrix24', 'deal', '314'],
  ['https://crm.my-company.ru/crm/lead/details/7/', 'bitrix24', 'lead', '7'],
  ['https://acme.amocrm.ru/leads/detail/7788', 'amocrm', 'deal', '7788'],
  ['https://acme.amocrm.com/contacts/detail/12345', 'amocrm', 'contact', '12345'],
  ['https://acme.kommo.com/companies/detail/555', 'amocrm', 'company', '555'],
  ['https://acme.odoo.com/odoo/contacts/42', 'odoo', 'contact', '42'],
  ['https://acme.odoo.com/odoo/crm/7', 'odoo', 'deal', '7'],
  ['https://erp.example.com/web#id=7&model=crm.lead&view_type=form', 'odoo', 'deal', '7'],
  ['https://erp.example.com/web#id=42&cids=1&model=res.partner&view_type=form', 'odoo', 'contact', '42'],
];

/** The smallest page with each CRM's hooks, so `extract` gets past its "is this my CRM" check. */
const HOOKS: Record<string, string> = {
  hubspot: '<div data-test-id="left-sidebar"><span data-selenium-test="highlightTitle">X</span></div>',
  salesforce: '<one-record-home-flexipage2><records-highlights2><span slot="primaryField">X</span></records-highlights2></one-record-home-flexipage2>',
  pipedrive: '<main><h1>X</h1></main>',
  zoho: '<div id="detailView"></div>',
  bitrix24: '<div data-cid="NAME"><div class="ui-entity-editor-content-block-text">X</div></div>',
  amocrm: '<form id="edit_card"><textarea id="person_name">X</textarea></form>',
  odoo: '<div class="o_form_view"><div class="o_form_sheet"><div class="oe_title"><h1>X</h1></div></div></div>',
};

describe('adapters read the record type and id from the URL', () => {
  it.each(CASES)('%s -> %s %s %s', (href, adapterId, recordType, recordId) => {
    const url = new URL(href);
    const adapter = adaptersFor(url)[0];
    expect(adapter?.id).toBe(adapterId);
    const page = loadPage(`<!doctype html><html><body>${HOOKS[adapterId]}</body></html>`, href);
    const reading = adapter!.extract(page.document, url, readPageHints(page.document, url));
    expect(reading).not.toBeNull();
    expect(reading).not.toBe(NOT_A_RECORD);
    expect(reading).toMatchObject({ recordType, recordId });
  });

  it.each([
    'https://app.hubspot.com/contacts/26123456/objects/0-1/views/all/list',
    'https://acme.lightning.force.com/lightning/o/Contact/list',
    'https://acme.pipedrive.com/deals/list',
    'https://crm.zoho.com/crm/org1/tab/Contacts/custom-view/123/list',
    'https://acme.bitrix24.ru/crm/contact/list/',
    'https://acme.amocrm.ru/leads/pipeline/1',
    'https://acme.odoo.com/odoo/contacts',
    'https://erp.example.com/web#model=crm.lead&view_type=kanban',
  ])('claims no list page: %s', (href) => {
    expect(adaptersFor(new URL(href))).toEqual([]);
  });

  it('prefers the adapter whose host matches, but matches custom domains by path shape', () => {
    expect(adaptersFor(new URL('https://crm.example.com/crm/contact/details/5/'))[0]?.id).toBe('bitrix24');
    expect(adaptersFor(new URL('https://sales.example.com/lightning/r/Contact/0035g00000XyZab/view'))[0]?.id).toBe('salesforce');
  });

  it('leaves pages without the CRM hooks to the generic extractor', () => {
    const href = 'https://crm.example.com/crm/contact/details/5/';
    const page = loadPage('<!doctype html><html><body><main><h1>Someone</h1></main></body></html>', href);
    const url = new URL(href);
    for (const adapter of adaptersFor(url)) expect(adapter.extract(page.document, url, readPageHints(page.document, url))).toBeNull();
  });

  it('says "not a record" for Odoo new-record forms and the Bitrix24 page behind its slider', () => {
    const odooNew = new URL('https://acme.odoo.com/odoo/contacts/new');
    const page = loadPage('<html><body><div class="o_form_view"></div></body></html>', odooNew.href);
    expect(adaptersFor(odooNew)[0]!.extract(page.document, odooNew, readPageHints(page.document, odooNew))).toBe(NOT_A_RECORD);
  });

  it('lists one adapter per CRM with selectors named after the CRM', () => {
    expect(ADAPTERS.map((adapter) => adapter.id).sort()).toEqual(['amocrm', 'bitrix24', 'hubspot', 'odoo', 'pipedrive', 'salesforce', 'zoho']);
  });
});

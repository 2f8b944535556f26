import { visibleText } from '../dom/read';
import type { RecordType } from '../draft';
import { parseAmount } from '../parse/amounts';
import { emailsOf, firstVisible, phonesOf, tagsOf, textOf } from './helpers';
import { NOT_A_RECORD, type AdapterReading, type CrmAdapter } from './types';

/**
 * Odoo (Community and Enterprise, 16 to 18). Every field widget is `.o_field_widget[name=<field>]`
 * with the model's field name; forms are editable in place, so values are mostly in inputs.
 * Record URLs come in two shapes: `/web#id=7&model=crm.lead&view_type=form` (up to 16) and
 * `/odoo/<action>/<id>` (17.2+), where the model is not in the URL and is told by the form.
 */
const SELECTORS = {
  form: '.o_form_view',
  sheet: '.o_form_sheet_bg, .o_form_sheet',
  field: (name: string) => `.o_field_widget[name="${name}"]`,
  title: '.oe_title [name="name"], .oe_title h1',
  stage: '.o_field_widget[name="stage_id"] [aria-checked="true"], .o_field_widget[name="stage_id"] .o_arrow_button_current',
  tag: '.o_tag, .badge',
};

const MODELS: Readonly<Record<string, RecordType>> = {
  'res.partner': 'contact',
  'crm.lead': 'deal',
  'sale.order': 'deal',
};
/** `/odoo/<action>` paths of the standard apps. */
const ACTIONS: Readonly<Record<string, string>> = { contacts: 'res.partner', crm: 'crm.lead', sales: 'sale.order', 'res.partner': 'res.partner', 'crm.lead': 'crm.lead' };

const NEW_PATH = /^\/odoo\/(?:[\w.-]+\/)*new\/?$/;
const ODOO_PATH = /^\/odoo\/(?<action>[\w.-]+)\/(?<id>\d+)\/?$/;
const LEGACY_PATH = /^\/web\/?$/;

export const odoo: CrmAdapter = {
  id: 'odoo',
  hosts: /(^|\.)odoo\.com$/,
  matches: (url) => routeOf(url) !== null || NEW_PATH.test(url.pathname),
  extract(doc, url, hints) {
    if (NEW_PATH.test(url.pathname)) return NOT_A_RECORD;
    const route = routeOf(url);
    const form = firstVisible(doc.querySelectorAll(SELECTORS.form));
    if (!route || !form) return null;
    const field = (name: string) => form.querySelector(SELECTORS.field(name));
    const model = route.model ?? modelFromForm(form);
    const isCompany = model === 'res.partner' && isCompanyPartner(form);
    const reading: AdapterReading = {
      recordType: isCompany ? 'company' : (MODELS[model ?? ''] ?? 'unknown'),
      recordId: route.id,
      scope: form.querySelector(SELECTORS.sheet) ?? form,
      name: textOf(form.querySelector(SELECTORS.title)),
      jobTitle: textOf(field('function')),
      company: model === 'crm.lead' ? (textOf(field('partner_name')) ?? textOf(field('partner_id'))) : textOf(field('parent_id')),
      stage: textOf(form.querySelector(SELECTORS.stage)),
      owner: textOf(field('user_id')),
      amount: amountOf(field('expected_revenue') ?? field('amount_total')),
      tags: tagsIn(field('category_id') ?? field('tag_ids')),
      emails: emailsOf(present(field('email'), field('email_from'))),
      // The phone widget's link says "Call"; the number as written is in its input.
      phones: phonesOf(present(field('phone'), field('mobile')).map(inputOf), hints),
      fields: model === 'crm.lead' ? contactOfLead(form) : [],
    };
    return reading;
  },
};

function routeOf(url: URL): { id: string; model: string | null } | null {
  const modern = ODOO_PATH.exec(url.pathname);
  if (modern?.groups) return { id: modern.groups.id!, model: ACTIONS[modern.groups.action!] ?? null };
  if (!LEGACY_PATH.test(url.pathname)) return null;
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const id = params.get('id');
  if (!id || !/^\d+$/.test(id) || (params.get('view_type') ?? 'form') !== 'form') return null;
  return { id, model: params.get('model') };
}

/** Which model a form edits, from fields only that model has. */
function modelFromForm(form: Element): string | null {
  if (form.querySelector(SELECTORS.field('expected_revenue')) || form.querySelector(SELECTORS.field('probability'))) return 'crm.lead';
  if (form.querySelector(SELECTORS.field('order_line'))) return 'sale.order';
  if (form.querySelector(SELECTORS.field('parent_id')) || form.querySelector(SELECTORS.field('company_type'))) return 'res.partner';
  return null;
}

function isCompanyPartner(form: Element): boolean {
  const radio = form.querySelector(`${SELECTORS.field('company_type')} input[value="company"]`);
  return (radio as HTMLInputElement | null)?.checked === true;
}

/** Monetary widgets print the currency sign beside the input holding the number. */
function amountOf(widget: Element | null) {
  if (!widget) return null;
  const input = widget.querySelector('input');
  const number = input ? input.value : '';
  return parseAmount(`${visibleText(widget, 80)} ${number}`.trim());
}

function tagsIn(widget: Element | null): string[] {
  if (!widget) return [];
  const tags = Array.from(widget.querySelectorAll(SELECTORS.tag)).map((tag) => tagsOf(tag)[0]).filter((tag): tag is string => !!tag);
  return tags.length ? tags : tagsOf(widget);
}

function inputOf(widget: Element): Element {
  return widget.querySelector('input, textarea') ?? widget;
}

function present(...elements: Array<Element | null>): Element[] {
  return elements.filter((element): element is Element => element !== null);
}

/** A lead's contact person, kept as a raw field so the panel can show who the deal is with. */
function contactOfLead(form: Element): Array<{ label: string; value: string }> {
  const contact = textOf(form.querySelector(SELECTORS.field('contact_name'))) ?? textOf(form.querySelector(SELECTORS.field('partner_id')));
  return contact ? [{ label: 'Contact', value: contact }] : [];
}

// Tested on: test/fixtures/crm/odoo/contact.html (/odoo/contacts/<id>),
// test/fixtures/crm/odoo/deal.html (/web#id=<id>&model=crm.lead)

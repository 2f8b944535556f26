import type { RecordType } from '../draft';
import { fieldForLabel } from '../labels';
import { parseAmount, type Money } from '../parse/amounts';
import { emailsOf, matchPath, phonesOf, textOf } from './helpers';
import type { AdapterReading, CrmAdapter } from './types';

/**
 * amoCRM and Kommo (the same product under two names). A card is a `linked-form`: the record's
 * own fields on top, then one sub-form per linked contact or company. Field containers carry the
 * field id in `data-id`, their label in a `title`, and values in inputs; phone and email are
 * multi-fields marked with `data-pei-code`. What amoCRM calls a "lead" is a deal in a pipeline.
 */
const SELECTORS = {
  card: '#edit_card, .card-holder',
  name: '#person_name, .linked-form__field__value-name input, .js-card-name, textarea[name="lead[NAME]"]',
  field: '.linked-form__field[data-id]',
  label: '.linked-form__field__label',
  value: '.linked-form__field__value',
  phone: '[data-pei-code="phone"]',
  email: '[data-pei-code="email"]',
  /** Multi-field values are inputs; one per number or address. */
  multiValue: 'input.control-phone__formatted, input.text-input, .js-linked-has-value',
  budget: 'input[name="lead[PRICE]"], .card-budget__value, .js-control-price',
  budgetCurrency: '.card-budget__currency, .linked-form__field-price-currency',
  status: '.linked-form__field_status .pipeline-select__caption, .linked-form__field_status .control--select--button-inner',
  owner: '.linked-form__field_reassign .linked-form__field__value',
  /** On a deal card: the linked contacts, the first one being the main contact. */
  linkedContact: '.linked-forms__item, .linked-form[data-type="contact"]',
  company: '#company_name, .linked-form__field__value-name input[name*="company" i]',
};

const RECORD_PATH = /^\/(?<type>leads|contacts|companies|customers)\/detail\/(?<id>\d+)/;
const RECORD_TYPES: Readonly<Record<string, RecordType>> = { leads: 'deal', contacts: 'contact', companies: 'company', customers: 'contact' };

export const amocrm: CrmAdapter = {
  id: 'amocrm',
  hosts: /(^|\.)(amocrm\.(ru|com)|kommo\.com)$/,
  matches: (url) => RECORD_PATH.test(url.pathname),
  extract(doc, url, hints) {
    const route = matchPath(url, RECORD_PATH);
    const card = doc.querySelector(SELECTORS.card);
    if (!route || !card) return null;
    const recordType = RECORD_TYPES[route.type ?? ''] ?? 'unknown';
    // On a deal card the contact data belongs to the main linked contact, not to every form on it.
    const contactForm = recordType === 'deal' ? card.querySelector(SELECTORS.linkedContact) : card;
    const labelled = labelledFields(card);
    const reading: AdapterReading = {
      recordType,
      recordId: route.id ?? null,
      scope: card,
      name: textOf(card.querySelector(SELECTORS.name)),
      company: textOf(card.querySelector(SELECTORS.company)) ?? labelled.get('company') ?? null,
      jobTitle: labelled.get('jobTitle') ?? null,
      stage: textOf(card.querySelector(SELECTORS.status)),
      owner: textOf(card.querySelector(SELECTORS.owner)),
      amount: budgetOf(card),
      phones: contactForm ? phonesOf(multiValues(contactForm, SELECTORS.phone), hints) : [],
      emails: contactForm ? emailsOf(multiValues(contactForm, SELECTORS.email)) : [],
    };
    return reading;
  },
};

function multiValues(form: Element, field: string): Element[] {
  return Array.from(form.querySelectorAll(field)).flatMap((container) => {
    const inputs = Array.from(container.querySelectorAll(SELECTORS.multiValue));
    return inputs.length ? inputs : [container];
  });
}

/** Custom fields by their label (labels are the account's own words, in its language). */
function labelledFields(card: Element): Map<string, string> {
  const fields = new Map<string, string>();
  for (const container of Array.from(card.querySelectorAll(SELECTORS.field)).slice(0, 200)) {
    const label = container.querySelector(SELECTORS.label);
    const match = fieldForLabel(label?.getAttribute('title') ?? label?.textContent ?? '');
    const value = textOf(container.querySelector(SELECTORS.value));
    if (match && value && !fields.has(match.field)) fields.set(match.field, value);
  }
  return fields;
}

/** The budget input holds digits; the currency sign sits next to it. */
function budgetOf(card: Element): Money | null {
  const value = textOf(card.querySelector(SELECTORS.budget), 80);
  if (!value) return null;
  const sign = textOf(card.querySelector(SELECTORS.budgetCurrency), 20) ?? '';
  return parseAmount(`${value} ${sign}`);
}

// Tested on: test/fixtures/crm/amocrm/contact.html, test/fixtures/crm/amocrm/deal.html (Kommo domain)

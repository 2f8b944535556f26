import { fieldForLabel } from '../labels';
import { parseAmount, type Money } from '../parse/amounts';
import { AMOCRM_PROFILE, AMOCRM_SELECTORS as SELECTORS } from './builtin/amocrm';
import { emailsOf, phonesOf, textOf } from './helpers';
import { profileAdapter } from './profile';
import { NOT_A_RECORD, type CrmAdapter } from './types';

/**
 * amoCRM and Kommo: paths and the card's own fields are the profile in ./builtin/amocrm.ts; this
 * code reads what a profile cannot say: custom fields by their label (the account's own words),
 * the budget with the currency sign beside it, and, on a deal, the contact data of its main
 * linked contact rather than of every form on the card. The path is trusted on any host.
 */
const profile = profileAdapter(AMOCRM_PROFILE, { source: 'amocrm', anyHost: true });

export const amocrm: CrmAdapter = {
  id: 'amocrm',
  hosts: profile.hosts,
  matches: (url) => profile.matches(url),
  extract(doc, url, hints) {
    const reading = profile.extract(doc, url, hints);
    const card = reading && reading !== NOT_A_RECORD ? reading.scope : null;
    if (!reading || reading === NOT_A_RECORD || !card) return null;
    const contactForm = reading.recordType === 'deal' ? card.querySelector(SELECTORS.linkedContact) : card;
    const labelled = labelledFields(card);
    return {
      ...reading,
      company: reading.company ?? labelled.get('company') ?? null,
      jobTitle: labelled.get('jobTitle') ?? null,
      amount: budgetOf(card),
      phones: contactForm ? phonesOf(multiValues(contactForm, SELECTORS.phone), hints) : [],
      emails: contactForm ? emailsOf(multiValues(contactForm, SELECTORS.email)) : [],
    };
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

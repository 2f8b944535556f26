import type { CrmProfile } from '../../../book/crm-profile-schema';

/**
 * amoCRM and Kommo (the same product under two names): record paths and the card's own field
 * hooks, as a profile; lib/crm/adapters/amocrm.ts adds what a profile cannot say (labelled custom
 * fields, the budget beside its currency, a deal's contact data taken from its main contact).
 * A card is a `linked-form`: the record's own fields on top, then one sub-form per linked contact
 * or company. What amoCRM calls a "lead" is a deal in a pipeline.
 */
export const AMOCRM_PROFILE: CrmProfile = {
  id: 'amocrm',
  name: 'amoCRM / Kommo',
  hosts: ['*.amocrm.ru', '*.amocrm.com', '*.kommo.com'],
  records: [
    {
      path: '/:type(leads|contacts|companies|customers)/detail/:id(digits)',
      recordType: { segment: 'type', values: { leads: 'deal', contacts: 'contact', companies: 'company', customers: 'contact' } },
    },
  ],
  scope: '#edit_card, .card-holder',
  title: ['#person_name, .linked-form__field__value-name input, .js-card-name, textarea[name="lead[NAME]"]'],
  fields: {
    company: ['#company_name, .linked-form__field__value-name input[name*="company" i]'],
    stage: ['.linked-form__field_status .pipeline-select__caption, .linked-form__field_status .control--select--button-inner'],
    owner: ['.linked-form__field_reassign .linked-form__field__value'],
  },
};

/** Hooks the adapter's own code reads. */
export const AMOCRM_SELECTORS = {
  /** Field containers carry the field id in `data-id`, their label in a `title`, values in inputs. */
  field: '.linked-form__field[data-id]',
  label: '.linked-form__field__label',
  value: '.linked-form__field__value',
  /** Phone and email are multi-fields marked with `data-pei-code`, one input per number or address. */
  phone: '[data-pei-code="phone"]',
  email: '[data-pei-code="email"]',
  multiValue: 'input.control-phone__formatted, input.text-input, .js-linked-has-value',
  budget: 'input[name="lead[PRICE]"], .card-budget__value, .js-control-price',
  budgetCurrency: '.card-budget__currency, .linked-form__field-price-currency',
  /** On a deal card: the linked contacts, the first one being the main contact. */
  linkedContact: '.linked-forms__item, .linked-form[data-type="contact"]',
};

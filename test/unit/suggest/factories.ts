/**
 * Factories for the suggestion tests: realistic clients of a car dealer, a builders' merchant and
 * an office-supplies shop, the English default book, and small book parts with overrides, so each
 * test spells out only what it is about.
 */
import { enBook } from '../../../lib/book/defaults/en';
import type { CrossSellRule, Question, Questionnaire, SalesBook } from '../../../lib/book/schema';
import type { Product } from '../../../lib/crm/snapshot';
import type { AnswerRecord, ClientRecord, TouchRecord } from '../../../lib/db/schema';
import { DAY_MS, formatLocalDate, localDateOf } from '../../../lib/lifecycle/time';
import { makeClient as makeBaseClient } from '../factories';

/** Monday 2 March 2026, 09:00 UTC: "today" in every test here. */
export const NOW = Date.UTC(2026, 2, 2, 9, 0);

/** The calendar day `days` before NOW, as a CRM card shows a purchase date. */
export function daysAgo(days: number): string {
  return formatLocalDate(localDateOf(NOW - days * DAY_MS, 'UTC'));
}

/** The English default book; frozen, so tests that change it take `editableBook()`. */
export const book: SalesBook = enBook;

export function editableBook(overrides: Partial<SalesBook> = {}): SalesBook {
  return { ...structuredClone(enBook), ...overrides };
}

export function makeProduct(overrides: Partial<Product> = {}): Product {
  return { name: 'Toyota RAV4 Hybrid', category: 'Car (new)', purchasedAt: daysAgo(90), ...overrides };
}

/** Anna bought a new car three months ago; no tags, no buyer type, no churn reason. */
export function makeClient(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return makeBaseClient({
    id: 'client-anna',
    tags: [],
    stage: 'Customer',
    products: [makeProduct()],
    buyerType: null,
    churnReason: null,
    ...overrides,
  });
}

export function makeRule(overrides: Partial<CrossSellRule> = {}): CrossSellRule {
  return {
    id: 'test-rule',
    title: 'Roof box for an SUV',
    core: { categories: ['car'] },
    offers: { categories: ['roof box'] },
    benefit: 'Room for the holiday luggage without a bigger car.',
    options: [
      { tier: 'standard', title: 'Roof bars', whatDiffers: 'Bars only' },
      { tier: 'professional', title: 'Bars and a 400 l box', whatDiffers: 'Adds a lockable box' },
      { tier: 'premium', title: 'Aero box, fitted', whatDiffers: 'Quiet aero box, fitted by our service' },
    ],
    script: '{{client.firstName}}, planning a holiday drive?',
    ...overrides,
  };
}

/** A book with only the given cross-sell rules (and the default's everything else). */
export function bookWithRules(rules: CrossSellRule[]): SalesBook {
  return editableBook({ crossSell: rules });
}

export function makeQuestion(overrides: Partial<Question> = {}): Question {
  return {
    id: 'current-suppliers',
    level: 'core',
    text: 'Which suppliers do you work with now?',
    important: false,
    answer: { type: 'text' },
    ...overrides,
  };
}

export function makeQuestionnaire(overrides: Partial<Questionnaire> = {}): Questionnaire {
  return {
    id: 'negotiation',
    title: 'Negotiation questionnaire',
    kind: 'negotiation',
    questions: [makeQuestion()],
    ...overrides,
  };
}

/** A questionnaire of the default English book, by id. */
export function defaultQuestionnaire(id: 'negotiation' | 'feedback'): Questionnaire {
  const questionnaire = book.questionnaires.find((candidate) => candidate.id === id);
  if (!questionnaire) throw new Error(`the default book has no questionnaire "${id}"`);
  return questionnaire;
}

export function questionIn(questionnaire: Questionnaire, id: string): Question {
  const question = questionnaire.questions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`questionnaire "${questionnaire.id}" has no question "${id}"`);
  return question;
}

export function makeAnswer(questionId: string, value: AnswerRecord['value'], overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return { clientId: 'client-anna', questionnaireId: 'negotiation', questionId, value, updatedAt: NOW, ...overrides };
}

export function makeTouch(overrides: Partial<TouchRecord> = {}): TouchRecord {
  return {
    id: 'client-anna:durable-goods:satisfaction-call:purchase-1',
    clientId: 'client-anna',
    programmeId: 'durable-goods',
    templateId: 'satisfaction-call',
    state: 'planned',
    dueAt: NOW + DAY_MS,
    goal: 'Check that the client is happy with the purchase and fix any early problem',
    role: 'Sales manager',
    channel: 'call',
    script: 'Good afternoon, {{client.firstName}}!',
    outcome: null,
    note: null,
    updatedAt: NOW,
    programmeName: 'Durable goods: the first year after the purchase',
    priority: 10,
    roleId: 'sales-manager',
    anchorEventId: 'purchase-1',
    occurrence: 'purchase-1',
    source: 'plan',
    expiresAt: null,
    snoozedUntil: null,
    outcomeAt: null,
    skipReason: null,
    createdAt: NOW - 90 * DAY_MS,
    ...overrides,
  };
}

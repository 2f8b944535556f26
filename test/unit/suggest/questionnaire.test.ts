import { describe, expect, it } from 'vitest';
import { defaultBookFor } from '../../../lib/book/defaults';
import {
  AnswerValueSchema,
  answersAsText,
  followUpFor,
  orderedQuestions,
  progress,
  questionnaireFor,
  splitChoices,
} from '../../../lib/suggest/questionnaire';
import {
  book,
  defaultQuestionnaire,
  editableBook,
  makeAnswer,
  makeClient,
  makeProduct,
  makeQuestion,
  makeQuestionnaire,
  questionIn,
} from './factories';

const negotiation = defaultQuestionnaire('negotiation');
const feedback = defaultQuestionnaire('feedback');

describe('questionnaireFor', () => {
  it('picks the default book\'s negotiation questionnaire, or the feedback one when asked', () => {
    expect(questionnaireFor(book, makeClient())?.id).toBe('negotiation');
    expect(questionnaireFor(book, makeClient(), 'feedback')?.id).toBe('feedback');
    expect(questionnaireFor(book, makeClient(), 'other')).toBeNull();
  });

  it('prefers the questionnaire written for the client, and falls back to the general one', () => {
    const equipment = makeQuestionnaire({ id: 'equipment-deal', appliesTo: { categories: ['equipment'] } });
    const equipmentInNegotiation = makeQuestionnaire({ id: 'equipment-negotiation', appliesTo: { categories: ['equipment'], stages: ['negotiation'] } });
    const teamBook = editableBook({ questionnaires: [equipment, ...book.questionnaires, equipmentInNegotiation] });
    const press = makeProduct({ name: 'Hydraulic press HP-40', category: 'Industrial equipment' });

    expect(questionnaireFor(teamBook, makeClient({ products: [press], stage: 'Negotiation' }))?.id).toBe('equipment-negotiation');
    expect(questionnaireFor(teamBook, makeClient({ products: [press], stage: 'Proposal' }))?.id).toBe('equipment-deal');
    expect(questionnaireFor(teamBook, makeClient())?.id).toBe('negotiation');
  });

  it('finds nothing when every questionnaire of the kind is for other clients', () => {
    const farmsOnly = makeQuestionnaire({ id: 'farm-visit', appliesTo: { tags: ['farm'] } });

    expect(questionnaireFor(editableBook({ questionnaires: [farmsOnly] }), makeClient())).toBeNull();
    expect(questionnaireFor(editableBook({ questionnaires: [farmsOnly] }), makeClient({ tags: ['Farm, group A'] }))?.id).toBe('farm-visit');
  });
});

describe('orderedQuestions', () => {
  it('asks opening, then core, then closing questions, keeping the book\'s order within each level', () => {
    const questionnaire = makeQuestionnaire({
      questions: [
        makeQuestion({ id: 'core-1', level: 'core' }),
        makeQuestion({ id: 'closing-1', level: 'closing' }),
        makeQuestion({ id: 'opening-1', level: 'opening' }),
        makeQuestion({ id: 'core-2', level: 'core' }),
        makeQuestion({ id: 'opening-2', level: 'opening' }),
        makeQuestion({ id: 'closing-2', level: 'closing' }),
      ],
    });

    expect(orderedQuestions(questionnaire).map((question) => question.id)).toEqual(['opening-1', 'opening-2', 'core-1', 'core-2', 'closing-1', 'closing-2']);
  });

  it('leaves the default negotiation questionnaire as written: easy first, "yes" questions last', () => {
    const ordered = orderedQuestions(negotiation);

    expect(ordered.map((question) => question.id)).toEqual(negotiation.questions.map((question) => question.id));
    expect(ordered[0]?.id).toBe('business-today');
    expect(ordered.at(-1)?.id).toBe('next-step');
  });
});

describe('progress', () => {
  it('counts the answered questions and lists the important ones still open, in asking order', () => {
    const answers = [
      makeAnswer('business-today', 'Busy: two new shops opened in spring'),
      makeAnswer('current-suppliers', 'BuildMart and a local yard'),
      makeAnswer('order-size', 0),
      makeAnswer('payment-method', '   '),
      makeAnswer('decision-makers', null),
    ];

    const result = progress(negotiation, answers);

    expect(result.answered).toBe(3);
    expect(result.total).toBe(15);
    expect(result.missingImportant.map((question) => question.id)).toEqual([
      'items-and-volumes',
      'decision-makers',
      'priority-deadlines',
      'payment-method',
      'send-offer',
    ]);
  });

  it('ignores answers given to another questionnaire', () => {
    const answers = [makeAnswer('current-suppliers', 'BuildMart', { questionnaireId: 'feedback' })];

    expect(progress(negotiation, answers).answered).toBe(0);
  });

  it('is complete when every question has an answer', () => {
    const questionnaire = makeQuestionnaire({ questions: [makeQuestion({ important: true })] });

    expect(progress(questionnaire, [makeAnswer('current-suppliers', 'BuildMart')])).toEqual({ answered: 1, total: 1, missingImportant: [] });
  });
});

describe('followUpFor', () => {
  const professionalism = questionIn(feedback, 'service-professionalism');
  const overall = questionIn(feedback, 'overall-rating');
  const recommend = questionIn(feedback, 'would-recommend');

  it('asks what was missing for a 5 after a 4, as the book says', () => {
    expect(followUpFor(professionalism, 4)).toBe('Thank you! What was missing for a 5?');
    expect(followUpFor(professionalism, '4')).toBe('Thank you! What was missing for a 5?');
  });

  it('asks nothing after a 5', () => {
    expect(followUpFor(professionalism, 5)).toBeNull();
    expect(followUpFor(overall, 5)).toBeNull();
  });

  it('uses the book\'s follow-up for low ratings and the general one for a rating the book leaves open', () => {
    expect(followUpFor(overall, 2)).toBe('What went wrong? We would like to fix it.');
    expect(followUpFor(overall, 4)).toBe('What would make it a 5?');
    expect(followUpFor(professionalism, 3)).toBe('What would make it a 5?');
  });

  it('speaks the UI language when given its labels', () => {
    expect(followUpFor(overall, 4, { notAnswered: '[без ответа]', whyNotTop: 'Что нужно, чтобы было 5?' })).toBe('Что нужно, чтобы было 5?');
  });

  it('follows up on a choice whatever its case', () => {
    expect(followUpFor(recommend, 'No')).toBe('What would have to change for you to recommend us?');
    expect(followUpFor(recommend, 'no')).toBe('What would have to change for you to recommend us?');
    expect(followUpFor(recommend, 'Probably')).toBeNull();
  });

  it('asks nothing before there is an answer, or for questions without a follow-up', () => {
    expect(followUpFor(professionalism, null)).toBeNull();
    expect(followUpFor(professionalism, undefined)).toBeNull();
    expect(followUpFor(questionIn(feedback, 'what-to-change'), 'Faster delivery')).toBeNull();
  });
});

describe('answersAsText', () => {
  it('writes one note: the title, each question numbered in asking order, answers indented, open ones marked', () => {
    const questionnaire = makeQuestionnaire({
      title: 'Meeting with Acme',
      questions: [
        makeQuestion({ id: 'volumes', level: 'core', text: 'What volume per order?', answer: { type: 'number', unit: 'pallets' } }),
        makeQuestion({ id: 'season', level: 'opening', text: 'How is the season going?' }),
        makeQuestion({ id: 'criteria', level: 'core', text: 'What matters most?', answer: { type: 'choice', choices: ['Price', 'Delivery time', 'Quality'], multiple: true } }),
        makeQuestion({ id: 'service', level: 'closing', text: 'Rate our service', answer: { type: 'rating' } }),
      ],
    });
    const answers = [
      makeAnswer('season', 'Busy.\nTwo new shops opened.'),
      makeAnswer('criteria', 'Price\nQuality'),
      makeAnswer('service', 4),
    ];

    expect(answersAsText(questionnaire, answers)).toBe(
      [
        'Meeting with Acme',
        '1. How is the season going?',
        '   Busy.',
        '   Two new shops opened.',
        '2. What volume per order?',
        '   [not answered]',
        '3. What matters most?',
        '   Price, Quality',
        '4. Rate our service',
        '   4/5',
      ].join('\n'),
    );
  });

  it('exports the default negotiation questionnaire with units and the given "not answered" label', () => {
    const text = answersAsText(negotiation, [makeAnswer('order-size', 40), makeAnswer('payment-method', 'Bank transfer')], {
      notAnswered: '—',
      whyNotTop: '',
    });

    expect(text.split('\n')[0]).toBe('Negotiation questionnaire');
    expect(text).toContain('7. What is the approximate size of one order?\n   40 per order');
    expect(text).toContain('11. How do you prefer to pay?\n   Bank transfer');
    expect(text).toContain('1. How is the season going for you so far?\n   —');
    expect(text.match(/\n {3}—/g)).toHaveLength(13);
  });
});

describe('AnswerValueSchema', () => {
  const errorOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;

  it('clears the answer on empty input', () => {
    const schema = AnswerValueSchema(questionIn(negotiation, 'current-suppliers'));

    expect(schema.parse('  ')).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
  });

  it('trims text and refuses text longer than a page of notes', () => {
    const schema = AnswerValueSchema(questionIn(negotiation, 'current-suppliers'));

    expect(schema.parse('  BuildMart  ')).toBe('BuildMart');
    expect(errorOf(schema.safeParse('x'.repeat(5_001)))).toBe('expected at most 5000 characters');
    expect(errorOf(schema.safeParse(42))).toBe('expected text');
  });

  it('reads numbers typed with a decimal comma or spaces between thousands', () => {
    const schema = AnswerValueSchema(questionIn(negotiation, 'order-size'));

    expect(schema.parse(40)).toBe(40);
    expect(schema.parse('1 200')).toBe(1200);
    expect(schema.parse('12,5')).toBe(12.5);
    expect(schema.parse('12.5')).toBe(12.5);
  });

  it('refuses numbers it would have to guess', () => {
    const schema = AnswerValueSchema(questionIn(negotiation, 'order-size'));

    expect(errorOf(schema.safeParse('1,200'))).toBe('expected a number');
    expect(errorOf(schema.safeParse('about forty'))).toBe('expected a number');
    expect(errorOf(schema.safeParse(Number.NaN))).toBe('expected a number');
  });

  it('accepts whole ratings from 1 to 5 only', () => {
    const schema = AnswerValueSchema(questionIn(feedback, 'overall-rating'));

    expect(schema.parse(4)).toBe(4);
    expect(schema.parse('5')).toBe(5);
    expect(errorOf(schema.safeParse(0))).toBe('expected a rating from 1 to 5');
    expect(errorOf(schema.safeParse(6))).toBe('expected a rating from 1 to 5');
    expect(errorOf(schema.safeParse(4.5))).toBe('expected a whole rating from 1 to 5');
  });

  it('accepts one of the choices, spelt as the book spells it', () => {
    const schema = AnswerValueSchema(questionIn(negotiation, 'payment-method'));

    expect(schema.parse('bank transfer')).toBe('Bank transfer');
    expect(errorOf(schema.safeParse('Cash'))).toBe('expected one of: Bank transfer, Prepayment, Deferred payment, Card');
  });

  it('stores several choices one per line, in the book\'s order and without repeats', () => {
    const schema = AnswerValueSchema(questionIn(negotiation, 'choice-criteria'));

    const stored = schema.parse(['Quality', 'price', 'Price']);

    expect(stored).toBe('Price\nQuality');
    expect(splitChoices(stored as string)).toEqual(['Price', 'Quality']);
    expect(schema.parse('Delivery time\nPrice')).toBe('Price\nDelivery time');
    expect(schema.parse([])).toBeNull();
  });

  it('names the choices it does not know', () => {
    const schema = AnswerValueSchema(questionIn(negotiation, 'choice-criteria'));

    expect(errorOf(schema.safeParse(['Price', 'Friendly staff']))).toBe(
      'not among the choices: Friendly staff; expected some of: Price, Delivery time, Quality, Service and support, Payment terms',
    );
  });
});

describe('a 4 on any rating asks why not 5, in every default book', () => {
  for (const language of ['en', 'ru', 'uk', 'el'] as const) {
    it(language, () => {
      const ratings = defaultBookFor(language).questionnaires.flatMap((questionnaire) => questionnaire.questions.filter((question) => question.answer.type === 'rating'));
      expect(ratings.length).toBeGreaterThanOrEqual(2);
      const labels = { notAnswered: '-', whyNotTop: `why-not-5 (${language})` };
      for (const question of ratings) {
        const asked = followUpFor(question, 4, labels);
        expect(asked, question.id).not.toBeNull();
        // Either the book's own question about the missing point, or the panel's "what would make it a 5?".
        expect(/5|пят|п’ят|πέντε/i.test(asked!) || asked === labels.whyNotTop, `${question.id}: ${asked}`).toBe(true);
        expect(followUpFor(question, 5, labels), question.id).toBeNull();
      }
    });
  }
});

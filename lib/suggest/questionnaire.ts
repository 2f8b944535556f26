import { z } from 'zod';
import { BOOK_LIMITS, QUESTION_LEVELS } from '../book/constants';
import type {
  AppliesTo,
  Question,
  Questionnaire,
  QuestionnaireKind,
  SalesBook,
} from '../book/schema';
import { foldCase } from '../crm/text';
import type { AnswerRecord, ClientRecord } from '../db/schema';
import { appliesToClient } from '../lifecycle/matching';

/**
 * The questionnaire a manager uses openly at a meeting, or when asking for feedback (methodology,
 * sections 6 and 7): which one fits the client, the order to ask in, what is still missing, the
 * follow-up a rating calls for, and the answers as one note to paste into the CRM.
 *
 * Answers are stored as `AnswerRecord.value`: text, a number, a rating 1-5, a choice, or for a
 * multiple choice the chosen options one per line. Null (or nothing stored) is "not answered".
 */

export type AnswerValue = AnswerRecord['value'];

/** What the functions here need of a stored answer; records of other questionnaires are skipped. */
export type StoredAnswer = Pick<AnswerRecord, 'questionId' | 'value'> & { questionnaireId?: string };

/** Words the text export and follow-ups need, for the UI to pass in its language. */
export interface QuestionnaireLabels {
  notAnswered: string;
  /** Asked after any rating below the top when the book gives no follow-up of its own. */
  whyNotTop: string;
}

export const ENGLISH_LABELS: QuestionnaireLabels = {
  notAnswered: '[not answered]',
  whyNotTop: 'What would make it a 5?',
};

export const TOP_RATING = 5;

/** Longest free-text answer: a page of notes, well inside what a backup accepts. */
export const ANSWER_TEXT_MAX = BOOK_LIMITS.text;

/** Multiple choices are stored one per line: readable in the database and in a CRM note. */
export const CHOICE_SEPARATOR = '\n';

// ---- which questionnaire -----------------------------------------------------------------------

/**
 * The questionnaire of this kind written most specifically for the client. A questionnaire for
 * "stage: negotiation, bought: equipment" fits better than one for everybody, so it wins; with
 * none of them fitting, the general one (no `appliesTo`) applies to every client and is the
 * fallback. Ties go to the one listed first in the book. Null when the book has none that fits.
 */
export function questionnaireFor(book: SalesBook, client: ClientRecord, kind: QuestionnaireKind = 'negotiation'): Questionnaire | null {
  let best: Questionnaire | null = null;
  let bestScore = -1;
  for (const questionnaire of book.questionnaires) {
    if (questionnaire.kind !== kind || !appliesToClient(questionnaire.appliesTo, client)) continue;
    const score = specificity(questionnaire.appliesTo);
    if (score > bestScore) [best, bestScore] = [questionnaire, score];
  }
  return best;
}

/** How many kinds of filter the client had to pass: tags, stage, something bought. */
function specificity(appliesTo: AppliesTo | undefined): number {
  if (!appliesTo) return 0;
  const bought = Boolean(appliesTo.products?.length || appliesTo.categories?.length);
  return Number(Boolean(appliesTo.tags?.length)) + Number(Boolean(appliesTo.stages?.length)) + Number(bought);
}

// ---- order and progress ------------------------------------------------------------------------

/**
 * Easy opening questions first, the ones that need discussion in the middle, and closing ones
 * that lead to a "yes" last. Within a level the book's order stands: the team lead chose it.
 */
export function orderedQuestions(questionnaire: Questionnaire): Question[] {
  const rank = (question: Question) => QUESTION_LEVELS.indexOf(question.level);
  return [...questionnaire.questions].sort((a, b) => rank(a) - rank(b));
}

export interface Progress {
  answered: number;
  total: number;
  /** Important questions still open, in the order to ask them: "I forgot to ask" is the failure. */
  missingImportant: Question[];
}

export function progress(questionnaire: Questionnaire, answers: readonly StoredAnswer[]): Progress {
  const values = answerMap(questionnaire, answers);
  const questions = orderedQuestions(questionnaire);
  const isAnswered = (question: Question) => hasValue(values.get(question.id));
  return {
    answered: questions.filter(isAnswered).length,
    total: questions.length,
    missingImportant: questions.filter((question) => question.important && !isAnswered(question)),
  };
}

/** The questionnaire's answers by question id; a later record of the same question wins. */
function answerMap(questionnaire: Questionnaire, answers: readonly StoredAnswer[]): Map<string, AnswerValue> {
  const mine = answers.filter((answer) => answer.questionnaireId === undefined || answer.questionnaireId === questionnaire.id);
  return new Map(mine.map((answer) => [answer.questionId, answer.value]));
}

function hasValue(value: AnswerValue | undefined): value is string | number {
  return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '';
}

// ---- follow-ups --------------------------------------------------------------------------------

/**
 * The question to ask next after this answer, or null. The book's own follow-up comes first
 * ("if 4, ask what was missing for a 5"); a rating below the top with no follow-up from the book
 * still gets one, because every answer short of "excellent" has a reason worth hearing.
 */
export function followUpFor(question: Question, value: AnswerValue | undefined, labels: QuestionnaireLabels = ENGLISH_LABELS): string | null {
  if (!hasValue(value)) return null;
  if (question.followUp && followUpApplies(question, value)) return question.followUp.text;
  const rating = question.answer.type === 'rating' ? ratingOf(value) : null;
  return rating !== null && rating < TOP_RATING ? labels.whyNotTop : null;
}

function followUpApplies(question: Question, value: string | number): boolean {
  const { ratingBelow, ratingEquals, choiceIs } = question.followUp?.when ?? {};
  const rating = ratingOf(value);
  if (ratingBelow !== undefined) return rating !== null && rating < ratingBelow;
  if (ratingEquals !== undefined) return rating === ratingEquals;
  if (choiceIs !== undefined) return typeof value === 'string' && splitChoices(value).some((choice) => sameWords(choice, choiceIs));
  return false;
}

function ratingOf(value: string | number): number | null {
  const rating = typeof value === 'number' ? value : Number(value.trim());
  return Number.isInteger(rating) && rating >= 1 && rating <= TOP_RATING ? rating : null;
}

function sameWords(a: string, b: string): boolean {
  return foldCase(a.trim()) === foldCase(b.trim());
}

/** The options of a stored multiple choice, as the UI shows them ticked. */
export function splitChoices(value: string): string[] {
  return value
    .split(CHOICE_SEPARATOR)
    .map((choice) => choice.trim())
    .filter((choice) => choice !== '');
}

// ---- the note for the CRM ----------------------------------------------------------------------

/**
 * One plain-text block for the CRM's notes field: the title, then each question in the order it
 * is asked, numbered, with its answer indented below; an open question says so, so the note
 * shows what is still to find out rather than hiding it.
 */
export function answersAsText(questionnaire: Questionnaire, answers: readonly StoredAnswer[], labels: QuestionnaireLabels = ENGLISH_LABELS): string {
  const values = answerMap(questionnaire, answers);
  const blocks = orderedQuestions(questionnaire).map((question, index) => {
    const value = values.get(question.id);
    const answer = hasValue(value) ? displayAnswer(question, value) : labels.notAnswered;
    return `${index + 1}. ${question.text}\n${indent(answer)}`;
  });
  return [questionnaire.title, ...blocks].join('\n');
}

function displayAnswer(question: Question, value: string | number): string {
  const answer = question.answer;
  switch (answer.type) {
    case 'number':
      return answer.unit ? `${String(value)} ${answer.unit}` : String(value);
    case 'rating':
      return `${String(value)}/${TOP_RATING}`;
    case 'choice':
      return typeof value === 'string' ? splitChoices(value).join(', ') : String(value);
    case 'text':
      return String(value).trim();
  }
}

function indent(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `   ${line}`)
    .join('\n');
}

// ---- validating an answer ----------------------------------------------------------------------

/**
 * The schema an answer to this question must pass before it is stored, turning what the UI
 * gives (a number typed as text, the ticked options of a multiple choice) into the stored form.
 * Empty input clears the answer (null). Choices are matched ignoring case and accents and come
 * back spelt as the book spells them, so follow-ups and exports compare like with like.
 */
export function AnswerValueSchema(question: Question): z.ZodType<AnswerValue> {
  return z.preprocess(blankToNull, typedAnswer(question).nullable());
}

function blankToNull(input: unknown): unknown {
  if (input === undefined || (typeof input === 'string' && input.trim() === '')) return null;
  if (Array.isArray(input) && input.every((item) => typeof item === 'string' && item.trim() === '')) return null;
  return input;
}

function typedAnswer(question: Question): z.ZodType<string | number> {
  const answer = question.answer;
  switch (answer.type) {
    case 'text':
      return z
        .string({ error: 'expected text' })
        .trim()
        .max(ANSWER_TEXT_MAX, { error: `expected at most ${ANSWER_TEXT_MAX} characters` });
    case 'number':
      return z.preprocess(numberFromText, z.number({ error: 'expected a number' }).finite({ error: 'expected a number' }));
    case 'rating':
      return z.preprocess(
        numberFromText,
        z
          .number({ error: `expected a rating from 1 to ${TOP_RATING}` })
          .int({ error: `expected a whole rating from 1 to ${TOP_RATING}` })
          .min(1, { error: `expected a rating from 1 to ${TOP_RATING}` })
          .max(TOP_RATING, { error: `expected a rating from 1 to ${TOP_RATING}` }),
      );
    case 'choice':
      return answer.multiple ? multipleChoice(answer.choices) : singleChoice(answer.choices);
  }
}

/**
 * "12.5", "12,5" and "1 200" are numbers; "1,200" is refused, because it reads as 1.2 in
 * Kyiv and as 1200 in London, and guessing wrong would put a wrong volume into the offer.
 */
const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;
const AMBIGUOUS_THOUSANDS = /^[+-]?\d{1,3},\d{3}$/;

function numberFromText(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const compact = input.replace(/[\s\u00a0\u202f]/g, '');
  if (!NUMBER_TEXT.test(compact) || AMBIGUOUS_THOUSANDS.test(compact)) return input;
  return Number(compact.replace(',', '.'));
}

function singleChoice(choices: readonly string[]): z.ZodType<string> {
  return z.string({ error: 'expected one of the choices' }).transform((value, context) => {
    const choice = bookSpelling(choices, value);
    if (choice !== null) return choice;
    context.issues.push({ code: 'custom', input: value, message: `expected one of: ${choices.join(', ')}` });
    return z.NEVER;
  });
}

function multipleChoice(choices: readonly string[]): z.ZodType<string> {
  const picked = z.union([z.array(z.string()), z.string().transform(splitChoices)], { error: 'expected a list of choices' });
  return picked.transform((picks, context) => {
    const values = picks.map((value) => value.trim()).filter((value) => value !== '');
    const unknown = values.filter((value) => bookSpelling(choices, value) === null);
    if (unknown.length) {
      context.issues.push({ code: 'custom', input: values, message: `not among the choices: ${unknown.join(', ')}; expected some of: ${choices.join(', ')}` });
      return z.NEVER;
    }
    // In the book's order and without repeats, so the same ticks always store the same text.
    return choices.filter((choice) => values.some((value) => sameWords(value, choice))).join(CHOICE_SEPARATOR);
  });
}

function bookSpelling(choices: readonly string[], value: string): string | null {
  return choices.find((choice) => sameWords(choice, value)) ?? null;
}

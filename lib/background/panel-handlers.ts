import { answersOf, offerStatusesOf } from '../db/panel-data';
import { AnswerValueSchema } from '../suggest/questionnaire';
import { idText } from '../lifecycle/events';
import type { BackgroundDeps } from './handlers';
import type { UiHandlers } from './router';

type PanelUiHandlers = Pick<
  UiHandlers,
  | 'ui/answers.get'
  | 'ui/answer.save'
  | 'ui/offers.get'
  | 'ui/offer.mark'
  | 'ui/unmatched.add'
  | 'ui/unmatched.list'
  | 'ui/unmatched.clear'
>;

/**
 * What the side panel stores besides touches: questionnaire answers (validated against the
 * question in the book in force), cross-sell outcomes, and client words the book had no answer for.
 */
export function createPanelHandlers({ db, books, now }: BackgroundDeps): PanelUiHandlers {
  return {
    'ui/answers.get': ({ clientId }) => answersOf(db, clientId),
    'ui/answer.save': async ({ clientId, questionnaireId, questionId, value }) => {
      const book = await books.teamBook();
      const question = book.questionnaires
        .find((questionnaire) => questionnaire.id === questionnaireId)
        ?.questions.find((candidate) => candidate.id === questionId);
      if (!question) throw new Error(`the book has no question ${questionnaireId}/${questionId}`);
      const parsed = AnswerValueSchema(question).safeParse(value);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid answer');
      const record = { clientId, questionnaireId, questionId, value: parsed.data, updatedAt: now() };
      await db.answers.put(record);
      return record;
    },
    'ui/offers.get': ({ clientId }) => offerStatusesOf(db, clientId),
    'ui/offer.mark': async ({ clientId, ruleId, status }) => {
      if (status === null) await db.offers.delete([clientId, ruleId]);
      else await db.offers.put({ clientId, ruleId, status, updatedAt: now() });
      return null;
    },
    'ui/unmatched.add': async ({ text, clientId }) => {
      const book = await books.teamBook();
      const createdAt = now();
      const record = { id: `${createdAt}-${idText(text).slice(0, 40)}`, text, clientId, bookId: book.id, createdAt };
      await db.unmatchedObjections.put(record);
      return record;
    },
    'ui/unmatched.list': () => db.unmatchedObjections.orderBy('createdAt').reverse().toArray(),
    'ui/unmatched.clear': async () => {
      await db.unmatchedObjections.clear();
      return null;
    },
  };
}

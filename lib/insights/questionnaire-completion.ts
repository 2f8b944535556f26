import type { Questionnaire, SalesBook } from '../book/schema';
import type { AnswerRecord } from '../db/schema';
import type { DateRange } from './range';
import { inRange, todayIn } from './dated-purchases';

/**
 * How completely managers fill the book's questionnaires: per questionnaire, the clients with at
 * least one answer given in the range, those who have every important question answered (the
 * ones a manager must not leave the meeting without), and those with every question answered.
 * A null or blank value is no answer. A questionnaire with no important question counts every
 * question as important.
 */
export interface QuestionnaireFigures {
  questionnaireId: string;
  title: string;
  questions: number;
  /** Clients with at least one answer in the range. */
  started: number;
  /** Of those, the ones with every important question answered (any time). */
  essentialsAnswered: number;
  /** Of those, the ones with every question answered. */
  completed: number;
  /** completed / started; null when none started. */
  completion: number | null;
  /** Per question id: clients of `started` who answered it. */
  answeredPerQuestion: Record<string, number>;
}

export function questionnaireCompletion({
  answers,
  range,
  timeZone,
  book,
}: {
  answers: readonly AnswerRecord[];
  range: DateRange;
  timeZone: string;
  book: Pick<SalesBook, 'questionnaires'>;
}): QuestionnaireFigures[] {
  // questionnaire -> client -> answered question ids (any time), and who answered in the range.
  const answered = new Map<string, Map<string, Set<string>>>();
  const active = new Map<string, Set<string>>();
  for (const answer of answers) {
    if (answer.value === null || (typeof answer.value === 'string' && !answer.value.trim())) continue;
    let clients = answered.get(answer.questionnaireId);
    if (!clients) answered.set(answer.questionnaireId, (clients = new Map<string, Set<string>>()));
    let questions = clients.get(answer.clientId);
    if (!questions) clients.set(answer.clientId, (questions = new Set()));
    questions.add(answer.questionId);
    if (inRange(todayIn(answer.updatedAt, timeZone), range)) {
      let started = active.get(answer.questionnaireId);
      if (!started) active.set(answer.questionnaireId, (started = new Set()));
      started.add(answer.clientId);
    }
  }
  return book.questionnaires.map((questionnaire) => figuresOf(questionnaire, answered.get(questionnaire.id), active.get(questionnaire.id)));
}

function figuresOf(questionnaire: Questionnaire, answered: Map<string, Set<string>> | undefined, started: Set<string> | undefined): QuestionnaireFigures {
  const all = questionnaire.questions.map((question) => question.id);
  const flagged = questionnaire.questions.filter((question) => question.important).map((question) => question.id);
  const important = flagged.length ? flagged : all;
  const answeredPerQuestion = Object.fromEntries(all.map((id) => [id, 0]));
  let essentialsAnswered = 0;
  let completed = 0;
  for (const clientId of started ?? []) {
    const questions = answered?.get(clientId) ?? new Set<string>();
    for (const id of all) if (questions.has(id)) answeredPerQuestion[id]! += 1;
    if (important.every((id) => questions.has(id))) essentialsAnswered += 1;
    if (all.every((id) => questions.has(id))) completed += 1;
  }
  const count = started?.size ?? 0;
  return {
    questionnaireId: questionnaire.id,
    title: questionnaire.title,
    questions: all.length,
    started: count,
    essentialsAnswered,
    completed,
    completion: count ? completed / count : null,
    answeredPerQuestion,
  };
}

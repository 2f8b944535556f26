import { useSignal } from '@preact/signals';
import type { Question } from '../../lib/book/schema';
import type { MessageKey, Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import { answersAsText, CHOICE_SEPARATOR, followUpFor, orderedQuestions, splitChoices } from '../../lib/suggest/questionnaire';
import { CopyButton } from './Script';

const LEVEL_LABELS: Record<Question['level'], MessageKey> = {
  opening: 'levelOpening',
  core: 'levelCore',
  closing: 'levelClosing',
};

/** The negotiation questionnaire: questions in order, answers saved as they are typed. */
export function Questionnaire({ model, t }: { model: ClientPanelModel; t: Translate }) {
  const questionnaire = model.questionnaire.value;
  const progress = model.questionnaireProgress.value;
  const checking = useSignal(false);
  const kindPicker = (
    <label class="tb-inline-field">
      <span>{t('questionnaireKind')}</span>
      <select
        class="tb-input"
        data-testid="questionnaire-kind"
        value={model.questionnaireKind.value}
        onChange={(event) => (model.questionnaireKind.value = event.currentTarget.value === 'feedback' ? 'feedback' : 'negotiation')}
      >
        <option value="negotiation">{t('questionnaireKindNegotiation')}</option>
        <option value="feedback">{t('questionnaireKindFeedback')}</option>
      </select>
    </label>
  );
  if (!questionnaire || !progress) {
    return (
      <div class="tb-stack">
        {kindPicker}
        <p class="tb-muted">{t('questionnaireNone')}</p>
      </div>
    );
  }
  const labels = { notAnswered: t('questionnaireNotAnswered'), whyNotTop: t('questionnaireWhyNotTop') };
  const answerOf = (id: string) => model.answers.value.find((answer) => answer.questionId === id)?.value ?? null;
  const missing = new Set(progress.missingImportant.map((question) => question.id));
  return (
    <section class="tb-stack" aria-labelledby="questionnaire-title" data-testid="questionnaire">
      {kindPicker}
      <h2 id="questionnaire-title">{questionnaire.title}</h2>
      <p>
        <progress max={progress.total} value={progress.answered} aria-label={t('questionnaireProgress', { answered: progress.answered, total: progress.total })} />{' '}
        <span data-testid="questionnaire-progress">{t('questionnaireProgress', { answered: progress.answered, total: progress.total })}</span>
      </p>
      <ol class="tb-questions">
        {orderedQuestions(questionnaire).map((question) => (
          <QuestionField
            question={question}
            value={answerOf(question.id)}
            highlight={checking.value && missing.has(question.id)}
            followUp={followUpFor(question, answerOf(question.id) ?? undefined, labels)}
            onAnswer={(value) => model.answer(question.id, value)}
            t={t}
          />
        ))}
      </ol>
      {checking.value && missing.size > 0 && (
        <p class="tb-notice" role="alert" data-testid="questionnaire-missing">
          {t('questionnaireMissing', { count: missing.size })}
        </p>
      )}
      <div class="tb-row">
        <button class="tb-button" type="button" onClick={() => (checking.value = true)} data-testid="questionnaire-check">
          {t('questionnaireFinish')}
        </button>
        <CopyButton text={answersAsText(questionnaire, model.answers.value, labels)} t={t} label={t('questionnaireCopy')} />
      </div>
    </section>
  );
}

function QuestionField({
  question,
  value,
  highlight,
  followUp,
  onAnswer,
  t,
}: {
  question: Question;
  value: string | number | null;
  highlight: boolean;
  followUp: string | null;
  onAnswer: (value: string | number | null) => Promise<string | null>;
  t: Translate;
}) {
  const error = useSignal<string | null>(null);
  const save = (next: string | number | null) => void onAnswer(next).then((message) => (error.value = message));
  const id = `q-${question.id}`;
  const answer = question.answer;
  return (
    <li class={`tb-question${highlight ? ' tb-missing' : ''}`} data-question-id={question.id}>
      <label for={id} id={`${id}-label`}>
        <span class="tb-muted tb-small-text">{t(LEVEL_LABELS[question.level])}</span>
        {question.important && <span class="tb-tag">{t('questionImportant')}</span>} {question.text}
      </label>
      {question.hint && <p class="tb-muted tb-small-text">{question.hint}</p>}
      {answer.type === 'rating' ? (
        <div class="tb-row" role="radiogroup" aria-labelledby={`${id}-label`}>
          {[1, 2, 3, 4, 5].map((score) => (
            <label>
              <input type="radio" name={id} checked={value === score} onChange={() => save(score)} /> {score}
            </label>
          ))}
        </div>
      ) : answer.type === 'choice' && answer.multiple ? (
        // Several options may apply: one box each, stored one per line (see CHOICE_SEPARATOR).
        <div class="tb-row" role="group" aria-labelledby={`${id}-label`}>
          {answer.choices.map((choice) => {
            const picked = typeof value === 'string' ? splitChoices(value) : [];
            const others = picked.filter((other) => other !== choice);
            return (
              <label>
                <input type="checkbox" checked={picked.includes(choice)} onChange={(event) => save((event.currentTarget.checked ? [...others, choice] : others).join(CHOICE_SEPARATOR))} />{' '}
                {choice}
              </label>
            );
          })}
        </div>
      ) : answer.type === 'choice' ? (
        <select id={id} class="tb-input" value={value === null ? '' : String(value)} onChange={(event) => save(event.currentTarget.value || null)}>
          <option value="" />
          {answer.choices.map((choice) => (
            <option value={choice}>{choice}</option>
          ))}
        </select>
      ) : (
        <textarea
          id={id}
          class="tb-input"
          rows={answer.type === 'number' ? 1 : 2}
          inputMode={answer.type === 'number' ? 'decimal' : undefined}
          value={value === null ? '' : String(value)}
          // Saved when the manager moves on: one write per answer, not per keystroke.
          onChange={(event) => save(event.currentTarget.value)}
        />
      )}
      {error.value && (
        <p class="tb-error" role="alert">
          {error.value}
        </p>
      )}
      {followUp && <p class="tb-followup">↳ {followUp}</p>}
    </li>
  );
}

import { useSignal } from '@preact/signals';
import type { Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import { CopyButton } from './Script';

/** Type what the client said; the book's answers appear as you type, in any of its languages. */
export function Objections({ model, t }: { model: ClientPanelModel; t: Translate }) {
  const showSteps = useSignal(false);
  const recorded = useSignal(false);
  const results = model.objectionResults.value;
  const query = model.query.value.trim();
  const steps = model.dontKnow.value;
  return (
    <section class="tb-stack" aria-labelledby="objections-title" data-testid="objections">
      <h2 id="objections-title">{t('objectionsTitle')}</h2>
      <input
        class="tb-input"
        type="search"
        role="searchbox"
        aria-label={t('objectionsSearch')}
        placeholder={t('objectionsSearch')}
        value={model.query.value}
        data-testid="objection-search"
        onInput={(event) => {
          (model.query as { value: string }).value = event.currentTarget.value;
          recorded.value = false;
        }}
      />
      <ul class="tb-plain-list tb-results" aria-live="polite">
        {results.map(({ objection, matched }) => (
          <li class="tb-card tb-stack" data-objection-id={objection.id} data-testid="objection-result">
            <h3>{objection.phrasings[0]}</h3>
            {matched && matched !== objection.phrasings[0] && <p class="tb-muted tb-small-text">“{matched}”</p>}
            {objection.responses.map((response) => (
              <div class="tb-response">
                <p data-testid="objection-response">
                  {response.personal && <span class="tb-tag">{t('objectionMine')}</span>} {response.text}
                </p>
                {response.why && <p class="tb-muted tb-small-text">{t('objectionWhy', { why: response.why })}</p>}
                <CopyButton text={response.text} t={t} />
              </div>
            ))}
          </li>
        ))}
      </ul>
      {query.length > 2 && !model.confident.value && (
        <div class="tb-notice tb-stack" data-testid="objection-unmatched">
          <p>{t('objectionsNoMatch')}</p>
          {recorded.value ? (
            <p role="status">{t('objectionsRecorded')}</p>
          ) : (
            <button
              class="tb-button"
              type="button"
              onClick={() => void model.recordUnmatched().then((saved) => (recorded.value = saved))}
            >
              {t('objectionsRecord')}
            </button>
          )}
        </div>
      )}
      {steps && (
        <div>
          <button class="tb-button" type="button" aria-expanded={showSteps.value} onClick={() => (showSteps.value = !showSteps.value)} data-testid="dont-know">
            {t('objectionsDontKnow')}
          </button>
          {showSteps.value && (
            <ol class="tb-steps" data-testid="dont-know-steps">
              {steps.steps.map((step) => (
                <li>
                  <strong>{step.title}</strong>
                  {step.script && <p>{step.script}</p>}
                  {step.why && <p class="tb-muted tb-small-text">{step.why}</p>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}

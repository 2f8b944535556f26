import { useSignal } from '@preact/signals';
import type { Translate } from '../lib/i18n';
import type { SitesModel, SitesProblem } from '../lib/sites/sites-model';

export function problemText(problem: SitesProblem, t: Translate): string {
  return 'text' in problem ? t('errorGeneric', { error: problem.text }) : t(problem.key, problem.params);
}

/** The options page's list of enabled CRM sites, with a form to add one. */
export function SitesEditor({ model, t }: { model: SitesModel; t: Translate }) {
  const draft = useSignal('');
  const sites = model.sites.value;
  return (
    <section class="tb-card tb-stack" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('optionsSitesTitle')}</h2>
      <p class="tb-muted">{t('optionsSitesHint')}</p>
      <form
        class="tb-row"
        onSubmit={(event) => {
          event.preventDefault();
          void model.enable(draft.value).then((ok) => {
            if (ok) draft.value = '';
          });
        }}
      >
        <label for="site-origin">{t('optionsSiteOriginLabel')}</label>
        <input
          id="site-origin"
          name="origin"
          class="tb-input"
          type="text"
          inputMode="url"
          autoComplete="url"
          placeholder={t('optionsSiteOriginPlaceholder')}
          value={draft.value}
          onInput={(event) => (draft.value = event.currentTarget.value)}
        />
        <button class="tb-button primary" type="submit" disabled={model.busy.value} data-testid="enable-site">
          {t('optionsEnableSite')}
        </button>
      </form>
      {model.problem.value && (
        <p class="tb-error" role="alert">
          {problemText(model.problem.value, t)}
        </p>
      )}
      {sites.length === 0 ? (
        <p class="tb-muted">{t('optionsNoSites')}</p>
      ) : (
        <ul class="tb-list" data-testid="site-list">
          {sites.map((site) => (
            <li key={site.origin}>
              <span data-testid="site-origin">{site.origin}</span>
              <button class="tb-button" type="button" onClick={() => void model.disable(site.origin)}>
                {t('optionsDisableSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { Translate } from '../lib/i18n';
import type { PopupModel } from '../lib/popup/popup-model';
import type { SitesModel } from '../lib/sites/sites-model';
import type { ComponentChildren } from 'preact';
import { problemText } from './SitesEditor';

export function PopupView({
  popup,
  sites,
  t,
  onOpenPanel,
  onOpenOptions,
  due,
}: {
  popup: PopupModel;
  sites: SitesModel;
  t: Translate;
  onOpenPanel: () => void;
  onOpenOptions: () => void;
  /** The due-touch list, rendered by the entry point with its own model. */
  due?: ComponentChildren;
}) {
  const origin = popup.origin.value;
  return (
    <div class="tb-stack">
      <section class="tb-card tb-stack" aria-label={t('optionsSitesTitle')}>
        {origin === null ? (
          <p class="tb-muted" data-testid="cannot-run">{t('popupCannotEnable')}</p>
        ) : popup.enabledHere.value ? (
          <>
            <p data-testid="enabled-here">{t('popupEnabledHere', { origin })}</p>
            <button class="tb-button" type="button" disabled={sites.busy.value} onClick={() => void popup.toggleHere()}>
              {t('popupDisableHere')}
            </button>
          </>
        ) : (
          <button
            class="tb-button primary"
            type="button"
            data-testid="enable-here"
            disabled={sites.busy.value}
            onClick={() => void popup.toggleHere()}
          >
            {t('popupEnableHere')}
          </button>
        )}
        {sites.problem.value && (
          <p class="tb-error" role="alert">
            {problemText(sites.problem.value, t)}
          </p>
        )}
      </section>
      {due}
      <div class="tb-row">
        <button class="tb-button" type="button" onClick={onOpenPanel} data-testid="open-panel">
          {t('popupOpenPanel')}
        </button>
        <button class="tb-button" type="button" onClick={onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </div>
    </div>
  );
}

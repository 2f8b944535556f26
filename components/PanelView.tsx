import type { ComponentChildren } from 'preact';
import type { Translate } from '../lib/i18n';
import type { PanelView as PanelViewState } from '../lib/panel/panel-model';
import type { TeachableField } from '../lib/sites/mappings';
import { ClientCard } from './ClientCard';
import { EmptyState } from './EmptyState';

export function PanelView({
  view,
  t,
  onTeach,
  onEnable,
  onReload,
  clientPanel,
}: {
  view: PanelViewState;
  t: Translate;
  /** Starts the picker on the followed tab; with a field, it asks for that value only. */
  onTeach?: (tabId: number | null, field?: TeachableField) => void;
  /** Enables Touchbook on the followed tab's site (call from the click: it asks for permission). */
  onEnable?: (origin: string) => void;
  /** Reloads the followed tab: a page opened before Touchbook was installed or updated. */
  onReload?: (tabId: number) => void;
  /** The full client panel; without it, just the card (what the first version showed). */
  clientPanel?: ComponentChildren;
}) {
  if (view.kind === 'loading') return <EmptyState title={t('panelReading')} />;
  if (view.kind === 'error') return <EmptyState title={t('errorGeneric', { error: view.message })} />;
  if (view.state === 'reading') {
    const tabId = view.tabId;
    if (!view.stalled) return <EmptyState title={t('panelReading')} />;
    return (
      <EmptyState title={t('panelStalled')} hint={t('panelStalledHint')}>
        {onReload && (
          <button class="tb-button primary" type="button" data-testid="panel-reload" onClick={() => onReload(tabId)}>
            {t('panelReload')}
          </button>
        )}
      </EmptyState>
    );
  }
  // Teaching helps most when the page was read badly, or not at all, on an enabled CRM.
  const teach = onTeach && view.origin !== null && (view.state === 'client' || view.siteEnabled !== false) && <TeachAction t={t} onTeach={() => onTeach(view.tabId)} />;
  if (view.state === 'client') {
    if (clientPanel) return <>{clientPanel}</>;
    return (
      <div class="tb-stack">
        <ClientCard client={view.client} t={t} />
        {teach}
      </div>
    );
  }
  if (view.siteEnabled === false && view.origin) {
    const origin = view.origin;
    return (
      <EmptyState title={t('panelSiteDisabled')} hint={t('panelSiteDisabledHint', { origin })}>
        {onEnable && (
          <button class="tb-button primary" type="button" data-testid="panel-enable" onClick={() => onEnable(origin)}>
            {t('popupEnableHere')}
          </button>
        )}
      </EmptyState>
    );
  }
  // Read on an enabled CRM and nothing recognised: never a dead end, the fields can be taught here.
  if (view.read && onTeach && view.origin !== null) {
    const tabId = view.tabId;
    return (
      <EmptyState title={t('panelReadNoClient')} hint={t('panelReadNoClientHint')}>
        <div class="tb-row" data-testid="teach-fields">
          <button class="tb-button primary" type="button" data-testid="teach-name" onClick={() => onTeach(tabId, 'name')}>
            {t('panelTeachName')}
          </button>
          <button class="tb-button" type="button" data-testid="teach-phone" onClick={() => onTeach(tabId, 'phones')}>
            {t('panelTeachPhone')}
          </button>
          <button class="tb-button" type="button" data-testid="teach-email" onClick={() => onTeach(tabId, 'emails')}>
            {t('panelTeachEmail')}
          </button>
          <button class="tb-button" type="button" data-testid="teach-field" onClick={() => onTeach(tabId)}>
            {t('panelTeachOther')}
          </button>
        </div>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('panelNoClient')} hint={t('panelNoClientHint')}>
      {teach}
    </EmptyState>
  );
}

function TeachAction({ t, onTeach }: { t: Translate; onTeach: () => void }) {
  return (
    <div class="tb-row">
      <button class="tb-button" type="button" onClick={onTeach} data-testid="teach-field">
        {t('panelTeach')}
      </button>
      <span class="tb-muted">{t('panelTeachHint')}</span>
    </div>
  );
}

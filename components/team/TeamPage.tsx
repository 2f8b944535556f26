import type { Translate } from '../../lib/i18n';
import type { LeadModel, PeriodPreset } from '../../lib/team/lead';
import { ManagersTable } from './ManagersTable';
import { SharedClients } from './SharedClients';
import { TeamObjections } from './TeamObjections';

const PRESETS: Array<[PeriodPreset, 'teamPeriod7' | 'teamPeriod30' | 'teamPeriodMonth']> = [
  ['7', 'teamPeriod7'],
  ['30', 'teamPeriod30'],
  ['month', 'teamPeriodMonth'],
];

export function TeamPage({ model, t, locale }: { model: LeadModel; t: Translate; locale: string }) {
  const state = model.state.value;
  if (state === 'unconfigured') return <p class="tb-notice" data-testid="team-unconfigured">{t('teamNotConfigured')}</p>;
  if (state === 'loading') return <p class="tb-muted">{t('teamLoading')}</p>;
  const skipped = model.skipped.value;
  const silent = model.silent.value;
  const sharedClients = model.view.value.sharedClients;
  return (
    <div class="tb-stack" data-testid="team-page">
      <div class="tb-row">
        <label class="tb-field">
          <span>{t('teamPeriod')}</span>
          <select class="tb-input" value={model.preset.value} data-testid="team-period" onChange={(event) => model.choosePreset(event.currentTarget.value as PeriodPreset)}>
            {PRESETS.map(([value, label]) => (
              <option value={value}>{t(label)}</option>
            ))}
          </select>
        </label>
        <button class="tb-button" type="button" data-testid="team-refresh" onClick={() => void model.refresh()}>
          {t('teamRefresh')}
        </button>
      </div>
      {model.error.value ? (
        <p class="tb-error" role="alert" data-testid="team-load-error">
          {t('teamLoadFailed', { error: model.error.value })}
        </p>
      ) : null}
      {model.failures.value.map((failure) => (
        <p class="tb-error" role="alert" data-testid="team-source-failed" data-manager={failure.managerId}>
          {t('teamSourceFailed', { manager: failure.managerId, db: failure.db, error: failure.error })}
        </p>
      ))}
      <ManagersTable rows={model.view.value.managers} t={t} locale={locale} />
      {silent.length > 0 ? (
        <p class="tb-notice" data-testid="team-silent">
          {t('teamSilent', { managers: silent.map((entry) => entry.name || entry.id).join(', ') })}
        </p>
      ) : null}
      {sharedClients !== null ? <SharedClients rows={sharedClients} t={t} locale={locale} /> : null}
      <TeamObjections objections={model.view.value.objections} draft={model.draft.value} onDraft={(text) => void model.copyDraft(text)} t={t} />
      {skipped.length > 0 ? (
        <details class="tb-card" data-testid="team-skipped">
          <summary>{t('teamSkipped', { count: skipped.length })}</summary>
          <ul class="tb-plain-list">
            {skipped.map((doc) => (
              <li>
                <code>{doc.id}</code>: {doc.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

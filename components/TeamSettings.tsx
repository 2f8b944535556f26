import { useSignal } from '@preact/signals';
import type { Translate } from '../lib/i18n';
import type { TeamStatus } from '../lib/team/service';
import type { TeamField } from '../lib/team/settings';
import type { TeamSettingsModel } from '../lib/team/settings-model';
import { formText } from './panel/form-value';
import { dateTimeFormat } from '../lib/i18n/date-format';

/** The team view's settings: the team's CouchDB, who this manager is, and exactly what is sent. */
export function TeamSettings({ model, t, locale }: { model: TeamSettingsModel; t: Translate; locale: string }) {
  const settings = model.settings.value;
  const shareTop = useSignal<boolean | null>(null);
  const shareOutcomes = useSignal<boolean | null>(null);
  if (!settings) return null;
  const locked = (field: TeamField) => model.locked.value.includes(field);
  const top = shareTop.value ?? settings.shareTopClients;
  const outcomes = shareOutcomes.value ?? settings.shareClientOutcomes;
  const lockNote = (field: TeamField) => (locked(field) ? <small class="tb-muted"> ({t('teamLocked')})</small> : null);
  const error = model.error.value;

  return (
    <form
      class="tb-card tb-stack"
      aria-labelledby="team-title"
      data-testid="team-settings"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        // Fields the policy set are disabled (not in the form data): keep what is stored.
        const pick = <K extends keyof typeof settings>(field: K & TeamField, value: (typeof settings)[K]) => (locked(field) ? settings[field] : value);
        void model.save({
          enabled: pick('enabled', data.get('enabled') === 'on'),
          url: pick('url', formText(data, 'url')),
          user: pick('user', formText(data, 'user')),
          password: typeof data.get('password') === 'string' ? (data.get('password') as string) : '',
          managerId: pick('managerId', formText(data, 'managerId')),
          managerName: pick('managerName', formText(data, 'managerName')),
          shareTopClients: pick('shareTopClients', data.get('shareTopClients') === 'on'),
          shareClientOutcomes: pick('shareClientOutcomes', data.get('shareClientOutcomes') === 'on'),
        });
      }}
    >
      <h2 id="team-title">{t('teamTitle')}</h2>
      <p class="tb-muted">{t('teamHint')}</p>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={settings.enabled} disabled={locked('enabled')} /> {t('teamEnabled')}
        {lockNote('enabled')}
      </label>
      <label class="tb-field">
        <span>
          {t('teamUrl')}
          {lockNote('url')}
        </span>
        <input class="tb-input" name="url" type="url" inputMode="url" placeholder="https://couch.example.com/touchbook-anna" defaultValue={settings.url} disabled={locked('url')} />
        <small class="tb-muted">{t('teamUrlHint')}</small>
      </label>
      <div class="tb-row">
        <label class="tb-field">
          <span>
            {t('teamUser')}
            {lockNote('user')}
          </span>
          <input class="tb-input" name="user" autoComplete="username" defaultValue={settings.user} disabled={locked('user')} />
        </label>
        <label class="tb-field">
          <span>{t('teamPassword')}</span>
          <input class="tb-input" name="password" type="password" autoComplete="current-password" defaultValue={settings.password} />
        </label>
      </div>
      <small class="tb-muted">{t('teamPasswordHint')}</small>
      <div class="tb-row">
        <label class="tb-field">
          <span>
            {t('teamManagerId')}
            {lockNote('managerId')}
          </span>
          <input class="tb-input" name="managerId" defaultValue={settings.managerId} disabled={locked('managerId')} />
        </label>
        <label class="tb-field">
          <span>
            {t('teamManagerName')}
            {lockNote('managerName')}
          </span>
          <input class="tb-input" name="managerName" defaultValue={settings.managerName} disabled={locked('managerName')} />
        </label>
      </div>
      <small class="tb-muted">{t('teamManagerIdHint')}</small>
      <label>
        <input type="checkbox" name="shareTopClients" checked={top} disabled={locked('shareTopClients')} onChange={(event) => (shareTop.value = event.currentTarget.checked)} />{' '}
        {t('teamShareTop')}
        {lockNote('shareTopClients')}
      </label>
      <label>
        <input
          type="checkbox"
          name="shareClientOutcomes"
          checked={outcomes}
          disabled={locked('shareClientOutcomes')}
          onChange={(event) => (shareOutcomes.value = event.currentTarget.checked)}
        />{' '}
        {t('teamShareOutcomes')}
        {lockNote('shareClientOutcomes')}
      </label>
      <div>
        <strong>{t('teamSentTitle')}</strong>
        <ul class="tb-plain-list" data-testid="team-sent">
          <li>{t('teamSentTouches')}</li>
          <li>{t('teamSentRevenue')}</li>
          <li>{t('teamSentPlan')}</li>
          <li>{t('teamSentObjections')}</li>
          {top ? <li>{t('teamSentTop')}</li> : null}
          {outcomes ? <li>{t('teamSentOutcomes')}</li> : null}
        </ul>
        <p class="tb-muted">{t('teamSentNothingElse')}</p>
      </div>
      {error ? (
        <p class="tb-error" role="alert" data-testid="team-error">
          {t(error.key, { origin: error.origin ?? '' })}
        </p>
      ) : null}
      <div class="tb-row">
        <button class="tb-button primary" type="submit" disabled={model.busy.value} data-testid="team-save">
          {t('teamSave')}
        </button>
        <button class="tb-button" type="button" disabled={model.busy.value || !model.status.value?.ready} data-testid="team-sync" onClick={() => void model.syncNow()}>
          {t('teamSyncNow')}
        </button>
        <a class="tb-button" href="/team.html" target="_blank" rel="noopener" data-testid="open-team">
          {t('teamOpenPage')}
        </a>
        {model.saved.value ? <span role="status">{t('teamSaved')}</span> : null}
      </div>
      <p class="tb-muted" role="status" data-testid="team-status">
        {statusText(model.status.value, t, locale)}
      </p>
    </form>
  );
}

export function statusText(status: TeamStatus | null, t: Translate, locale: string): string {
  if (!status) return '';
  if (!status.enabled) return t('teamStatusOff');
  if (!status.ready) return t('teamStatusNotReady');
  const time = (at: number) => dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  if (status.lastError) return t('teamStatusError', { error: status.lastError, time: status.nextAttemptAt ? time(status.nextAttemptAt) : '—' });
  if (status.lastPushAt === null) return t('teamStatusNever', { pending: status.pending });
  return t('teamStatusSynced', { time: time(status.lastPushAt), pending: status.pending });
}

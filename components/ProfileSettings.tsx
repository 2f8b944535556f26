import { useSignal } from '@preact/signals';
import type { Role } from '../lib/book/schema';
import type { SettingsRecord } from '../lib/db/schema';
import type { Translate } from '../lib/i18n';
import { ownRoleIdsOf } from '../lib/roles/routing';
import { formText } from './panel/form-value';
import { dateTimeFormat } from '../lib/i18n/date-format';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export type ProfilePatch = Partial<Pick<SettingsRecord, 'managerName' | 'companyName' | 'timeZone' | 'workingDays' | 'workDayStart' | 'workDayEnd' | 'vacation' | 'roleIds'>>;

/**
 * The manager's name and company (for scripts), the roles they perform (whose touches remind
 * them), time zone, working hours and vacation.
 */
export function ProfileSettings({
  settings,
  roles,
  t,
  locale,
  timeZones,
  onSave,
  saved,
}: {
  settings: SettingsRecord;
  /** The roles the sales book names; none while it is loading. */
  roles: readonly Role[];
  t: Translate;
  locale: string;
  timeZones: readonly string[];
  onSave: (patch: ProfilePatch) => void;
  saved: boolean;
}) {
  const noRole = useSignal(false);
  const ownRoles = ownRoleIdsOf(settings);
  const dayName = (day: number) => dateTimeFormat(locale, { weekday: 'short' }).format(new Date(Date.UTC(2024, 0, day))); // 2024-01-01 was a Monday
  return (
    <form
      class="tb-card tb-stack"
      aria-labelledby="profile-title"
      data-testid="profile-settings"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const from = formText(data, 'vacationFrom');
        const to = formText(data, 'vacationTo');
        const roleIds = roles.filter((role) => data.get(`role-${role.id}`) === 'on').map((role) => role.id);
        noRole.value = roles.length > 0 && roleIds.length === 0;
        if (noRole.value) return;
        onSave({
          ...(roleIds.length ? { roleIds } : {}),
          managerName: formText(data, 'managerName') || null,
          companyName: formText(data, 'companyName') || null,
          timeZone: formText(data, 'timeZone') || null,
          workingDays: WEEKDAYS.filter((day) => data.get(`day-${day}`) === 'on'),
          workDayStart: formText(data, 'workDayStart') || '09:00',
          workDayEnd: formText(data, 'workDayEnd') || '18:00',
          vacation: from && to ? { from, to } : null,
        });
      }}
    >
      <h2 id="profile-title">{t('profileTitle')}</h2>
      <label class="tb-field">
        <span>{t('profileName')}</span>
        <input class="tb-input" name="managerName" defaultValue={settings.managerName ?? ''} />
      </label>
      <label class="tb-field">
        <span>{t('profileCompany')}</span>
        <input class="tb-input" name="companyName" defaultValue={settings.companyName ?? ''} />
      </label>
      {roles.length > 0 && (
        <fieldset class="tb-stack" data-testid="profile-roles">
          <legend>{t('profileRoles')}</legend>
          <p class="tb-muted">{t('profileRolesHint')}</p>
          <div class="tb-row">
            {roles.map((role) => (
              <label key={role.id}>
                <input type="checkbox" name={`role-${role.id}`} defaultChecked={ownRoles.includes(role.id)} /> {role.name}
              </label>
            ))}
          </div>
          {noRole.value && (
            <p class="tb-error" role="alert">
              {t('profileRolesNone')}
            </p>
          )}
        </fieldset>
      )}
      <label class="tb-field">
        <span>{t('profileTimeZone')}</span>
        {/* A <select> has no defaultValue property (Preact would set a dead attribute): start it
            at the saved zone with `value`; the page re-renders this form only with new settings. */}
        <select class="tb-input" name="timeZone" value={settings.timeZone ?? ''}>
          <option value="">{t('profileTimeZoneAuto')}</option>
          {timeZones.map((zone) => (
            <option value={zone}>{zone}</option>
          ))}
        </select>
      </label>
      <fieldset class="tb-row">
        <legend>{t('profileWorkingDays')}</legend>
        {WEEKDAYS.map((day) => (
          <label>
            <input type="checkbox" name={`day-${day}`} defaultChecked={(settings.workingDays ?? [1, 2, 3, 4, 5]).includes(day)} /> {dayName(day)}
          </label>
        ))}
      </fieldset>
      <div class="tb-row">
        <label class="tb-field">
          <span>{t('profileWorkFrom')}</span>
          <input class="tb-input" type="time" name="workDayStart" defaultValue={settings.workDayStart ?? '09:00'} />
        </label>
        <label class="tb-field">
          <span>{t('profileWorkTo')}</span>
          <input class="tb-input" type="time" name="workDayEnd" defaultValue={settings.workDayEnd ?? '18:00'} />
        </label>
      </div>
      <div class="tb-row">
        <label class="tb-field">
          <span>{t('profileVacationFrom')}</span>
          <input class="tb-input" type="date" name="vacationFrom" defaultValue={settings.vacation?.from ?? ''} />
        </label>
        <label class="tb-field">
          <span>{t('profileVacationTo')}</span>
          <input class="tb-input" type="date" name="vacationTo" defaultValue={settings.vacation?.to ?? ''} />
        </label>
      </div>
      <div class="tb-row">
        <button class="tb-button primary" type="submit">
          {t('touchSave')}
        </button>
        {saved && <span role="status">{t('profileSaved')}</span>}
      </div>
    </form>
  );
}

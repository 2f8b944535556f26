import { describe, expect, it, vi } from 'vitest';
import { ProfileSettings, type ProfilePatch } from '../../../components/ProfileSettings';
import { DEFAULT_SETTINGS, type SettingsRecord } from '../../../lib/db/schema';
import { t } from '../factories';
import { byTestId, mount, submit, typeInto } from './render';

const ZONES = ['America/New_York', 'Europe/Athens', 'Europe/Kyiv'];

const ROLES = [
  { id: 'sales-manager', name: 'Sales manager' },
  { id: 'service-advisor', name: 'Service advisor' },
  { id: 'finance', name: 'Finance <b>department</b>' },
];

function renderProfile(settings: Partial<SettingsRecord> = {}, saved = false, roles: typeof ROLES = []) {
  const onSave = vi.fn<(patch: ProfilePatch) => void>();
  const container = mount(
    <ProfileSettings settings={{ ...DEFAULT_SETTINGS, ...settings }} roles={roles} t={t} locale="en" timeZones={ZONES} onSave={onSave} saved={saved} />,
  );
  const form = byTestId(container, 'profile-settings') as HTMLFormElement;
  const field = <E extends HTMLElement = HTMLInputElement>(name: string) => form.querySelector<E>(`[name="${name}"]`)!;
  const day = (iso: number) => field(`day-${iso}`);
  const save = () => {
    submit(form);
    expect(onSave).toHaveBeenCalledTimes(1);
    return onSave.mock.calls[0]![0];
  };
  return { container, form, field, day, save, onSave };
}

describe('ProfileSettings', () => {
  it('lists the week from Monday, with the working days ticked', () => {
    const { form, day } = renderProfile({ workingDays: [1, 2, 3, 4, 6] });
    const labels = [...form.querySelectorAll('fieldset label')].map((label) => label.textContent.trim());
    expect(labels).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect([1, 2, 3, 4, 5, 6, 7].map((iso) => day(iso).checked)).toEqual([true, true, true, true, false, true, false]);
  });

  it('saving the defaults as they are gives the defaults back', () => {
    const { save } = renderProfile();
    expect(save()).toEqual({
      managerName: null,
      companyName: null,
      timeZone: null,
      workingDays: [1, 2, 3, 4, 5],
      workDayStart: '09:00',
      workDayEnd: '18:00',
      vacation: null,
    });
  });

  it('builds the patch from what was typed and ticked', () => {
    const { field, day, save } = renderProfile();
    typeInto(field('managerName'), '  Oleg Shevchenko ');
    typeInto(field('companyName'), 'Acme Motors');
    field<HTMLSelectElement>('timeZone').value = 'Europe/Athens';
    day(1).checked = false;
    day(6).checked = true;
    typeInto(field('workDayStart'), '08:30');
    typeInto(field('workDayEnd'), '17:00');
    typeInto(field('vacationFrom'), '2026-08-01');
    typeInto(field('vacationTo'), '2026-08-14');
    expect(save()).toEqual({
      managerName: 'Oleg Shevchenko',
      companyName: 'Acme Motors',
      timeZone: 'Europe/Athens',
      workingDays: [2, 3, 4, 5, 6],
      workDayStart: '08:30',
      workDayEnd: '17:00',
      vacation: { from: '2026-08-01', to: '2026-08-14' },
    });
  });

  it('a vacation needs both dates', () => {
    for (const [from, to] of [
      ['2026-08-01', ''],
      ['', '2026-08-14'],
    ]) {
      const { field, save } = renderProfile();
      typeInto(field('vacationFrom'), from!);
      typeInto(field('vacationTo'), to!);
      expect(save().vacation).toBeNull();
    }
  });

  it('shows what is saved, and saving again keeps it', () => {
    const settings: Partial<SettingsRecord> = {
      managerName: 'Oleg',
      companyName: 'Acme Motors',
      timeZone: 'Europe/Kyiv',
      workingDays: [1, 2, 3],
      workDayStart: '10:00',
      workDayEnd: '16:00',
      vacation: { from: '2026-08-01', to: '2026-08-14' },
    };
    const { field, save } = renderProfile(settings);
    expect(field('managerName').value).toBe('Oleg');
    expect(field<HTMLSelectElement>('timeZone').value).toBe('Europe/Kyiv');
    expect(field('vacationFrom').value).toBe('2026-08-01');
    const { key: _key, uiLanguage: _language, remindersCheckedAt: _checked, ...expected } = { ...DEFAULT_SETTINGS, ...settings };
    expect(save()).toEqual(expected);
  });

  it('says when it was saved', () => {
    expect(renderProfile({}, false).container.querySelector('[role="status"]')).toBeNull();
    expect(renderProfile({}, true).container.querySelector('[role="status"]')!.textContent).toBe(t('profileSaved'));
  });

  describe('roles', () => {
    const roleBox = (form: HTMLFormElement, id: string) => form.querySelector<HTMLInputElement>(`[name="role-${id}"]`)!;

    it("lists the book's roles as text with the manager's ticked; a manager who never chose is a sales manager", () => {
      const { form } = renderProfile({}, false, ROLES);
      const roles = byTestId(form, 'profile-roles');
      expect([...roles.querySelectorAll('label')].map((label) => label.textContent.trim())).toEqual(['Sales manager', 'Service advisor', 'Finance <b>department</b>']);
      expect(roles.querySelector('b')).toBeNull();
      expect(ROLES.map((role) => roleBox(form, role.id).checked)).toEqual([true, false, false]);
    });

    it('saves the ticked roles', () => {
      const { form, save } = renderProfile({ roleIds: ['service-advisor'] }, false, ROLES);
      expect(ROLES.map((role) => roleBox(form, role.id).checked)).toEqual([false, true, false]);
      roleBox(form, 'finance').checked = true;
      expect(save().roleIds).toEqual(['service-advisor', 'finance']);
    });

    it('refuses to save with no role, and says so', () => {
      const { form, onSave, container } = renderProfile({}, false, ROLES);
      roleBox(form, 'sales-manager').checked = false;
      submit(form);
      expect(onSave).not.toHaveBeenCalled();
      return vi.waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toBe('Choose at least one role.'));
    });

    it('shows no role choice while the book names none, and leaves the roles alone', () => {
      const { form, save } = renderProfile({ roleIds: ['finance'] });
      expect(form.querySelector('[data-testid="profile-roles"]')).toBeNull();
      expect(save()).not.toHaveProperty('roleIds');
    });
  });
});

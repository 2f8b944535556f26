import { describe, expect, it, vi } from 'vitest';
import { TeamSettings } from '../../../components/TeamSettings';
import type { TeamStatus } from '../../../lib/team/service';
import { createTeamSettingsModel, type TeamSettingsDeps } from '../../../lib/team/settings-model';
import { parseStoredSettings, type TeamField, type TeamSettings as Settings } from '../../../lib/team/settings';
import { t, tick } from '../factories';
import { byTestId, mount, submit, typeInto } from '../components/render';

const readyStatus: TeamStatus = { enabled: true, ready: true, notReadyReason: null, pending: 2, lastPushAt: null, lastError: null, failures: 0, nextAttemptAt: null };

async function renderTeam(stored: Partial<Settings> = {}, locked: TeamField[] = [], overrides: Partial<TeamSettingsDeps> = {}) {
  const save = vi.fn<TeamSettingsDeps['save']>(() => Promise.resolve());
  const requestAccess = vi.fn<TeamSettingsDeps['requestAccess']>(() => Promise.resolve(true));
  const model = createTeamSettingsModel({
    load: () => Promise.resolve({ settings: { ...parseStoredSettings({}), ...stored }, locked }),
    save,
    requestAccess,
    status: () => Promise.resolve({ ...readyStatus, enabled: stored.enabled ?? false, ready: stored.enabled ?? false }),
    syncNow: () => Promise.resolve(readyStatus),
    ...overrides,
  });
  await model.load();
  const container = mount(<TeamSettings model={model} t={t} locale="en" />);
  const form = byTestId(container, 'team-settings') as HTMLFormElement;
  const field = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  const sent = () => [...byTestId(container, 'team-sent').querySelectorAll('li')].map((item) => item.textContent);
  return { container, form, field, sent, save, requestAccess, model };
}

describe('TeamSettings', () => {
  it('is off by default and lists exactly what is sent, following the team choices', async () => {
    const { field, sent, container } = await renderTeam();
    expect(field('enabled').checked).toBe(false);
    expect(byTestId(container, 'team-status').textContent).toBe('Off: nothing is sent.');
    expect(sent()).toHaveLength(4);
    expect(sent().join(' ')).not.toMatch(/TOP-50/);
    field('shareTopClients').click();
    await tick();
    expect(sent()).toContain('TOP-50 client ids per currency, and how many entered or dropped out');
  });

  it('refuses plain HTTP to another computer, then saves a good address after asking for access', async () => {
    const { form, field, save, requestAccess, container } = await renderTeam();
    field('enabled').click();
    typeInto(field('url'), 'http://couch.example.com/team');
    typeInto(field('managerId'), 'anna');
    submit(form);
    await tick();
    expect(byTestId(container, 'team-error').textContent).toMatch(/HTTPS/);
    expect(save).not.toHaveBeenCalled();

    typeInto(field('url'), 'https://couch.example.com/team/');
    typeInto(field('password'), 'pässword');
    submit(form);
    await tick();
    await tick();
    expect(requestAccess).toHaveBeenCalledWith('https://couch.example.com/team');
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ enabled: true, url: 'https://couch.example.com/team', managerId: 'anna', password: 'pässword', shareTopClients: false }));
  });

  it('says so when the browser does not grant access to the database', async () => {
    const { form, field, save, container } = await renderTeam({}, [], { requestAccess: () => Promise.resolve(false) });
    typeInto(field('url'), 'https://couch.example.com/team');
    submit(form);
    await tick();
    await tick();
    expect(byTestId(container, 'team-error').textContent).toBe('Touchbook needs your permission to reach https://couch.example.com.');
    expect(save).not.toHaveBeenCalled();
  });

  it('shows what the policy set as not editable, and keeps it when saving', async () => {
    const { form, field, save } = await renderTeam({ url: 'https://couch.corp.example/team', enabled: true, managerId: 'anna' }, ['url', 'enabled']);
    expect(field('url').disabled).toBe(true);
    expect(field('enabled').disabled).toBe(true);
    submit(form);
    await tick();
    await tick();
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://couch.corp.example/team', enabled: true }));
  });
});

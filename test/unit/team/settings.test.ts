import { describe, expect, it } from 'vitest';
import managedSchema from '../../../public/managed_schema.json';
import { checkTeamUrl, effectiveSettings, loadTeamSettings, parseStoredSettings, parseTeamPolicy, readyTeam, saveTeamSettings } from '../../../lib/team/settings';
import { defaultDbName } from '../../../scripts/lib/couch-team.mjs';
import { makeStorageArea } from '../factories';

describe('team settings', () => {
  it('requires HTTPS except on this computer, and a database name without credentials', () => {
    expect(checkTeamUrl('https://couch.example.com/team/')).toEqual({ ok: true, url: 'https://couch.example.com/team' });
    expect(checkTeamUrl('http://127.0.0.1:5984/team')).toEqual({ ok: true, url: 'http://127.0.0.1:5984/team' });
    expect(checkTeamUrl('http://localhost:5984/team').ok).toBe(true);
    expect(checkTeamUrl('http://couch.example.com/team')).toEqual({ ok: false, error: 'https' });
    expect(checkTeamUrl('https://anna:secret@couch.example.com/team')).toEqual({ ok: false, error: 'credentials' });
    expect(checkTeamUrl('https://couch.example.com/')).toEqual({ ok: false, error: 'database' });
    expect(checkTeamUrl('https://couch.example.com/_users')).toEqual({ ok: false, error: 'database' });
    expect(checkTeamUrl('ftp://couch.example.com/team')).toEqual({ ok: false, error: 'invalid' });
  });

  it('is off by default and stays off until the URL and manager id are usable', () => {
    const defaults = parseStoredSettings(undefined);
    expect(defaults.enabled).toBe(false);
    expect(readyTeam(defaults)).toEqual({ ready: false, reason: 'off' });
    expect(readyTeam({ ...defaults, enabled: true, url: 'http://couch.example.com/t', managerId: 'anna' })).toEqual({ ready: false, reason: 'url' });
    expect(readyTeam({ ...defaults, enabled: true, url: 'https://couch.example.com/t', managerId: 'Anna K' })).toEqual({ ready: false, reason: 'manager' });
    expect(readyTeam({ ...defaults, enabled: true, url: 'https://couch.example.com/t', managerId: 'anna' }).ready).toBe(true);
  });

  it('lets the enterprise policy set fields the manager cannot change, but never the password', async () => {
    const local = makeStorageArea();
    await saveTeamSettings(local, { ...parseStoredSettings({}), url: 'https://mine.example.com/db', password: 'pw', shareTopClients: true });
    const managed = { bookUrl: 'https://x', team: { url: 'https://couch.corp.example/team', enabled: true, shareTopClients: false, user: ' ', password: 'ignored' } };
    const { settings, locked } = await loadTeamSettings(local, () => Promise.resolve(managed));
    expect(settings).toMatchObject({ url: 'https://couch.corp.example/team', enabled: true, shareTopClients: false, password: 'pw', user: '' });
    expect(locked.sort()).toEqual(['enabled', 'shareTopClients', 'url']);
    // Firefox rejects when no policy exists.
    expect((await loadTeamSettings(local, () => Promise.reject(new Error('Managed storage manifest not found')))).locked).toEqual([]);
    expect(parseTeamPolicy({ team: { enabled: 'yes' } })).toBeNull();
    expect(effectiveSettings(parseStoredSettings({}), null).locked).toEqual([]);
  });

  it("lets one policy URL name each manager's own database, as the set-up script names them", async () => {
    const url = 'https://couch.corp.example/touchbook-{managerId}';
    expect(checkTeamUrl(url, 'anna')).toEqual({ ok: true, url: 'https://couch.corp.example/touchbook-anna' });
    // CouchDB allows no "." in a database name.
    expect(checkTeamUrl(url, 'anna.k')).toEqual({ ok: true, url: `https://couch.corp.example/${defaultDbName('anna.k')}` });
    expect(defaultDbName('anna.k')).toBe('touchbook-anna_k');
    expect(checkTeamUrl(url, '')).toEqual({ ok: false, error: 'database' });
    expect(checkTeamUrl(url, 'Anna K')).toEqual({ ok: false, error: 'database' });

    const local = makeStorageArea();
    await saveTeamSettings(local, { ...parseStoredSettings({}), managerId: 'bob', password: 'pw' });
    const { settings } = await loadTeamSettings(local, () => Promise.resolve({ team: { enabled: true, url, user: '' } }));
    expect(readyTeam(settings)).toMatchObject({ ready: true, url: 'https://couch.corp.example/touchbook-bob', managerId: 'bob' });
  });

  it("matches the `team` object of the Chrome managed_schema.json (one property per policy field, no password)", () => {
    const team = managedSchema.properties.team;
    expect(team.type).toBe('object');
    expect(Object.keys(team.properties).sort()).toEqual(['enabled', 'managerId', 'managerName', 'shareClientOutcomes', 'shareTopClients', 'url', 'user']);
  });
});

import { browser } from 'wxt/browser';
import { request } from '../messaging/send';
import { requestSiteAccess } from '../sites/access';
import { createCouchClient, type CouchClient } from './couch';
import type { TeamSettingsDeps } from './settings-model';
import { checkTeamUrl, loadTeamSettings, saveTeamSettings } from './settings';

/** What the extension's pages need for the team view: settings in storage.local, status from the worker. */
export const teamSettingsApi: TeamSettingsDeps = {
  load: () => loadTeamSettings(browser.storage.local, () => browser.storage.managed.get()),
  save: (settings) => saveTeamSettings(browser.storage.local, settings),
  requestAccess: (url) => requestSiteAccess(browser.permissions, new URL(url).origin),
  status: () => request({ type: 'ui/team.status' }),
  syncNow: () => request({ type: 'ui/team.sync' }),
};

/** The lead's page reads the team database itself, with the credentials from the same settings. */
export async function teamClient(): Promise<CouchClient | null> {
  const { settings } = await teamSettingsApi.load();
  const url = checkTeamUrl(settings.url, settings.managerId);
  if (!url.ok) return null;
  return createCouchClient({ url: url.url, user: settings.user, password: settings.password });
}

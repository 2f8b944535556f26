import { browser } from 'wxt/browser';
import { request } from '../messaging/send';
import { requestSiteAccess } from '../sites/access';
import type { SitesModelDeps } from '../sites/sites-model';

/** What the extension's pages ask of the background, as plain functions for the UI models. */
export const sitesApi: SitesModelDeps = {
  list: () => request({ type: 'ui/sites.list' }),
  requestAccess: (origin) => requestSiteAccess(browser.permissions, origin),
  enable: (origin) => request({ type: 'ui/sites.enable', origin }),
  disable: (origin) => request({ type: 'ui/sites.disable', origin }),
};

export const settingsApi = {
  get: () => request({ type: 'ui/settings.get' }),
  update: (patch: { uiLanguage?: 'en' | 'ru' | 'uk' | 'el' | null }) => request({ type: 'ui/settings.update', patch }),
};

export async function languageOverride(): Promise<string | null> {
  return (await settingsApi.get()).uiLanguage;
}

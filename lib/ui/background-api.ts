import { browser } from 'wxt/browser';
import type { UiMessage } from '../messages';
import { request } from '../messaging/send';
import { requestSiteAccess } from '../sites/access';
import type { BookModelDeps } from '../options/book-model';
import type { DueModelDeps } from '../popup/due-model';
import { webOrigin } from '../sites/origins';
import type { SitesModelDeps } from '../sites/sites-model';

/**
 * What the extension's pages ask of the background, as plain functions for the UI models. The
 * backup tools are in data-api.ts: their checks would otherwise load with every page.
 */
export const sitesApi: SitesModelDeps = {
  list: () => request({ type: 'ui/sites.list' }),
  requestAccess: (origin) => requestSiteAccess(browser.permissions, origin),
  enable: (origin) => request({ type: 'ui/sites.enable', origin }),
  disable: (origin) => request({ type: 'ui/sites.disable', origin }),
};

export const settingsApi = {
  get: () => request({ type: 'ui/settings.get' }),
  update: (patch: Extract<UiMessage, { type: 'ui/settings.update' }>['patch']) => request({ type: 'ui/settings.update', patch }),
};

export const insightsApi = {
  refresh: () => request({ type: 'ui/insights.refresh' }),
};

export async function languageOverride(): Promise<string | null> {
  return (await settingsApi.get()).uiLanguage;
}

export const bookApi: BookModelDeps = {
  status: () => request({ type: 'ui/book.status' }),
  book: () => request({ type: 'ui/book.get' }),
  sync: () => request({ type: 'ui/book.sync' }),
  importText: (text) => request({ type: 'ui/book.import', text }),
  forgetImported: () => request({ type: 'ui/book.forget-imported' }),
  configure: (patch) => request({ type: 'ui/book.configure', patch }),
  personal: () => request({ type: 'ui/book.personal.get' }),
  savePersonal: (layer) => request({ type: 'ui/book.personal.save', layer }),
  requestHostAccess: (url) => {
    const origin = webOrigin(url);
    // An address that is not a web URL is refused by the worker with a clear message.
    return origin ? requestSiteAccess(browser.permissions, origin) : Promise.resolve(true);
  },
};

export const dueApi: DueModelDeps = {
  list: () => request({ type: 'ui/touches.due' }),
  done: (touchId, outcome) => request({ type: 'ui/touch.done', touchId, outcome, note: null }),
  snooze: (touchId, until) => request({ type: 'ui/touch.snooze', touchId, until }),
  handOver: (touchId, handedOver) => request({ type: 'ui/touch.handOver', touchId, handedOver }),
};

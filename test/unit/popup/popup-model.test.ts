import { describe, expect, it } from 'vitest';
import { createPopupModel, type ActiveTab } from '../../../lib/popup/popup-model';
import { createSitesModel } from '../../../lib/sites/sites-model';
import { CRM_ORIGIN, makeSite, makeSitesDeps } from '../factories';

function makePopup(options: { tab?: ActiveTab | null; sites?: ReturnType<typeof makeSite>[]; granted?: boolean } = {}) {
  const backend = makeSitesDeps({
    sites: options.sites ?? [],
    ...(options.granted === false ? { requestAccess: () => Promise.resolve(false) } : {}),
  });
  const sites = createSitesModel(backend.deps);
  const tab = options.tab === undefined ? { id: 7, windowId: 1, url: `${CRM_ORIGIN}/contacts/42` } : options.tab;
  const popup = createPopupModel({ sites, activeTab: () => Promise.resolve(tab) });
  return { popup, sites, backend };
}

describe('popup model', () => {
  it('loads the active tab and the site list together', async () => {
    const { popup, sites } = makePopup({ sites: [makeSite()] });
    expect(popup.origin.value).toBeNull();
    await popup.load();
    expect(popup.tab.value?.id).toBe(7);
    expect(popup.origin.value).toBe(CRM_ORIGIN);
    expect(sites.sites.value).toHaveLength(1);
    expect(popup.enabledHere.value).toBe(true);
  });

  it('is not enabled on a site that is not in the list', async () => {
    const { popup } = makePopup({ sites: [makeSite({ origin: 'https://other.example' })] });
    await popup.load();
    expect(popup.enabledHere.value).toBe(false);
  });

  it('has no origin on browser pages or without a tab, and toggling there does nothing', async () => {
    for (const tab of [{ id: 1, url: 'chrome://extensions/' }, { id: 2 }, null]) {
      const { popup, backend } = makePopup({ tab });
      await popup.load();
      expect(popup.origin.value).toBeNull();
      expect(popup.enabledHere.value).toBe(false);
      await popup.toggleHere();
      expect(backend.calls).toEqual(['list']);
    }
  });

  it('toggling enables the current site, and toggling again disables it; the list reloads each time', async () => {
    const { popup, backend } = makePopup();
    await popup.load();
    await popup.toggleHere();
    expect(popup.enabledHere.value).toBe(true);
    await popup.toggleHere();
    expect(popup.enabledHere.value).toBe(false);
    expect(backend.calls).toEqual(['list', `requestAccess ${CRM_ORIGIN}`, `enable ${CRM_ORIGIN}`, 'list', `disable ${CRM_ORIGIN}`, 'list']);
  });

  it('a denied permission leaves the site disabled with a problem to show', async () => {
    const { popup, sites } = makePopup({ granted: false });
    await popup.load();
    await popup.toggleHere();
    expect(popup.enabledHere.value).toBe(false);
    expect(sites.problem.value).toEqual({ key: 'optionsPermissionDenied', params: { origin: CRM_ORIGIN } });
  });

  it('asks for the permission synchronously when toggled on (the click is the user gesture)', async () => {
    const { popup, backend } = makePopup();
    await popup.load();
    void popup.toggleHere();
    expect(backend.calls.at(-1)).toBe(`requestAccess ${CRM_ORIGIN}`);
  });
});

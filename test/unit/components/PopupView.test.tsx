import { describe, expect, it, vi } from 'vitest';
import { PopupView } from '../../../components/PopupView';
import { createPopupModel, type ActiveTab } from '../../../lib/popup/popup-model';
import { createSitesModel } from '../../../lib/sites/sites-model';
import { CRM_ORIGIN, makeSite, makeSitesDeps, t, tick } from '../factories';
import { buttonByText, byTestId, mount } from './render';

async function mountPopup(options: { tab?: ActiveTab | null } & Parameters<typeof makeSitesDeps>[0] = {}) {
  const { tab = { id: 7, windowId: 1, url: `${CRM_ORIGIN}/contacts/42` }, ...sitesOptions } = options;
  const backend = makeSitesDeps(sitesOptions);
  const sites = createSitesModel(backend.deps);
  const popup = createPopupModel({ sites, activeTab: () => Promise.resolve(tab) });
  await popup.load();
  const onOpenPanel = vi.fn();
  const onOpenOptions = vi.fn();
  const container = mount(<PopupView popup={popup} sites={sites} t={t} onOpenPanel={onOpenPanel} onOpenOptions={onOpenOptions} />);
  return { backend, popup, sites, container, onOpenPanel, onOpenOptions };
}

describe('PopupView', () => {
  it('offers to enable Touchbook on a CRM page where it is off', async () => {
    const { container } = await mountPopup();
    expect(byTestId(container, 'enable-here').textContent).toBe('Enable Touchbook on this site');
    expect(container.querySelector('[data-testid="enabled-here"]')).toBeNull();
  });

  it('says where it is enabled and offers to disable', async () => {
    const { container } = await mountPopup({ sites: [makeSite()] });
    expect(byTestId(container, 'enabled-here').textContent).toBe(`Enabled on ${CRM_ORIGIN}`);
    expect(buttonByText(container, 'Disable Touchbook on this site')).toBeTruthy();
  });

  it('explains it cannot run on browser pages and offers no toggle', async () => {
    const { container } = await mountPopup({ tab: { id: 1, url: 'chrome://newtab/' } });
    expect(container.textContent).toContain('Touchbook cannot run on this page.');
    expect(container.querySelector('[data-testid="enable-here"]')).toBeNull();
  });

  it('enabling from the popup asks within the click and then shows the site as enabled', async () => {
    const { container, backend } = await mountPopup();
    byTestId(container, 'enable-here').click();
    expect(backend.calls.at(-1)).toBe(`requestAccess ${CRM_ORIGIN}`);
    await tick();
    await tick();
    expect(byTestId(container, 'enabled-here').textContent).toBe(`Enabled on ${CRM_ORIGIN}`);
  });

  it('disabling from the popup brings the enable button back', async () => {
    const { container, backend } = await mountPopup({ sites: [makeSite()] });
    buttonByText(container, 'Disable Touchbook on this site').click();
    await tick();
    await tick();
    expect(backend.calls).toContain(`disable ${CRM_ORIGIN}`);
    expect(byTestId(container, 'enable-here')).toBeTruthy();
  });

  it('shows a refused permission as an alert', async () => {
    const { container } = await mountPopup({ requestAccess: () => Promise.resolve(false) });
    byTestId(container, 'enable-here').click();
    await tick();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(`Permission was not granted for ${CRM_ORIGIN}.`);
  });

  it('opens the side panel and the settings through its callbacks', async () => {
    const { container, onOpenPanel, onOpenOptions } = await mountPopup();
    byTestId(container, 'open-panel').click();
    buttonByText(container, 'Settings').click();
    expect(onOpenPanel).toHaveBeenCalledTimes(1);
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../../components/PanelView';
import type { PanelView as PanelViewState } from '../../../lib/panel/panel-model';
import { CRM_ORIGIN, makeClient, t } from '../factories';
import { byTestId, mount } from './render';

describe('PanelView', () => {
  it('says it is reading while loading', () => {
    const container = mount(<PanelView view={{ kind: 'loading' }} t={t} />);
    expect(byTestId(container, 'empty-state').textContent).toContain('Reading the client card…');
    expect(container.querySelector('[data-testid="client-card"]')).toBeNull();
  });

  it('shows the error, as text', () => {
    const container = mount(<PanelView view={{ kind: 'error', message: '<img src=x onerror=alert(1)> failed' }} t={t} />);
    expect(byTestId(container, 'empty-state').textContent).toContain('Something went wrong: <img src=x onerror=alert(1)> failed');
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the client card when the tab shows a client', () => {
    const view = { kind: 'focus', state: 'client', tabId: 7, origin: CRM_ORIGIN, client: makeClient({ name: 'Boris' }) } as const;
    const container = mount(<PanelView view={view} t={t} />);
    expect(byTestId(container, 'client-name').textContent).toBe('Boris');
    expect(container.querySelector('[data-testid="empty-state"]')).toBeNull();
  });

  it('explains what to do when there is no client', () => {
    const container = mount(<PanelView view={{ kind: 'focus', state: 'no-client', tabId: 7, origin: CRM_ORIGIN, siteEnabled: null }} t={t} />);
    const empty = byTestId(container, 'empty-state');
    expect(empty.getAttribute('role')).toBe('status');
    expect(empty.querySelector('h2')?.textContent).toBe('No client on this page');
    expect(empty.textContent).toContain('Open a client card in a CRM where Touchbook is enabled.');
  });
});

describe('PanelView: a page not read yet', () => {
  it('says it is reading, then offers to reload a page that stays unread', () => {
    const onReload = vi.fn();
    const reading: PanelViewState = { kind: 'focus', state: 'reading', tabId: 7, origin: CRM_ORIGIN };
    const first = mount(<PanelView view={reading} t={t} onReload={onReload} />);
    expect(byTestId(first, 'empty-state').textContent).toBe('Reading the client card…');
    expect(first.querySelector('[data-testid="panel-reload"]')).toBeNull();

    const stalled = mount(<PanelView view={{ ...reading, stalled: true }} t={t} onReload={onReload} />);
    expect(byTestId(stalled, 'empty-state').textContent).toContain('If the page was open before Touchbook was installed or updated, reload it.');
    byTestId(stalled, 'panel-reload').click();
    expect(onReload).toHaveBeenCalledWith(7);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../../components/PanelView';
import type { PanelView as PanelViewState } from '../../../lib/panel/panel-model';
import { CRM_ORIGIN, makeClient, t } from '../factories';
import { byTestId, mount } from './render';

const teachButton = (container: HTMLElement) => container.querySelector<HTMLButtonElement>('[data-testid="teach-field"]');

describe('PanelView: "Teach a field"', () => {
  it('is offered on a CRM page without a client, and teaches on that tab', () => {
    const onTeach = vi.fn();
    const view: PanelViewState = { kind: 'focus', state: 'no-client', tabId: 7, origin: CRM_ORIGIN, siteEnabled: true };
    const container = mount(<PanelView view={view} t={t} onTeach={onTeach} />);
    const button = teachButton(container)!;
    expect(button.textContent).toBe('Teach a field');
    expect(byTestId(container, 'empty-state').contains(button)).toBe(true);
    button.click();
    expect(onTeach).toHaveBeenCalledWith(7);
  });

  it('is offered beside the card of a client', () => {
    const onTeach = vi.fn();
    const view: PanelViewState = { kind: 'focus', state: 'client', tabId: 9, origin: CRM_ORIGIN, client: makeClient() };
    const container = mount(<PanelView view={view} t={t} onTeach={onTeach} />);
    teachButton(container)!.click();
    expect(onTeach).toHaveBeenCalledWith(9);
  });

  it('is not offered where the page is unknown or not enabled', () => {
    const views: PanelViewState[] = [
      { kind: 'focus', state: 'no-client', tabId: null, origin: null, siteEnabled: null },
      { kind: 'focus', state: 'no-client', tabId: 3, origin: null, siteEnabled: null },
      // A site Touchbook is not enabled on: enabling comes first.
      { kind: 'focus', state: 'no-client', tabId: 3, origin: 'https://elsewhere.example', siteEnabled: false },
      { kind: 'loading' },
      { kind: 'error', message: 'worker restarting' },
    ];
    for (const view of views) expect(teachButton(mount(<PanelView view={view} t={t} onTeach={vi.fn()} />))).toBeNull();
  });

  it('is not offered when the page gives no way to teach', () => {
    const view: PanelViewState = { kind: 'focus', state: 'no-client', tabId: 7, origin: CRM_ORIGIN, siteEnabled: true };
    expect(teachButton(mount(<PanelView view={view} t={t} />))).toBeNull();
  });

  it('with the full client panel, shows that panel instead of the bare card', () => {
    const view: PanelViewState = { kind: 'focus', state: 'client', tabId: 9, origin: CRM_ORIGIN, client: makeClient() };
    const container = mount(<PanelView view={view} t={t} onTeach={vi.fn()} clientPanel={<p data-testid="full-panel">panel</p>} />);
    expect(byTestId(container, 'full-panel').textContent).toBe('panel');
    expect(container.querySelector('[data-testid="client-card"]')).toBeNull();
  });

  it('says a page was read but no client recognised, and offers to teach the name, phone or email right there', () => {
    const onTeach = vi.fn();
    const view: PanelViewState = { kind: 'focus', state: 'no-client', tabId: 7, origin: CRM_ORIGIN, siteEnabled: true, read: true };
    const container = mount(<PanelView view={view} t={t} onTeach={onTeach} />);
    expect(byTestId(container, 'empty-state').querySelector('h2')?.textContent).toBe('Read, but no client recognised');
    byTestId(container, 'teach-name').click();
    expect(onTeach).toHaveBeenLastCalledWith(7, 'name');
    byTestId(container, 'teach-phone').click();
    expect(onTeach).toHaveBeenLastCalledWith(7, 'phones');
    byTestId(container, 'teach-email').click();
    expect(onTeach).toHaveBeenLastCalledWith(7, 'emails');
    teachButton(container)!.click();
    expect(onTeach).toHaveBeenLastCalledWith(7);
  });

  it('keeps "no client on this page" for a page not read yet or nowhere to teach', () => {
    const unread: PanelViewState = { kind: 'focus', state: 'no-client', tabId: 7, origin: CRM_ORIGIN, siteEnabled: true };
    expect(byTestId(mount(<PanelView view={unread} t={t} onTeach={vi.fn()} />), 'empty-state').querySelector('h2')?.textContent).toBe('No client on this page');
    const read: PanelViewState = { ...unread, read: true };
    const container = mount(<PanelView view={read} t={t} />);
    expect(container.querySelector('[data-testid="teach-name"]')).toBeNull();
  });
});

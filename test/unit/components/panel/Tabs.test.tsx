import { describe, expect, it } from 'vitest';
import { Tabs } from '../../../../components/panel/Tabs';
import { byTestId, mount } from '../render';
import { rendered } from './setup';

const TABS = [
  { id: 'next', title: 'Next touch', content: () => <p>next content</p> },
  { id: 'offers', title: 'Offers', content: () => <p>offers content</p> },
  { id: 'book', title: 'Book', content: () => <p>book content</p> },
];

function renderTabs() {
  const container = mount(<Tabs tabs={TABS} label="Client" />);
  const tab = (id: string) => byTestId(container, `tab-${id}`);
  const state = () => TABS.map(({ id }) => [id, tab(id).getAttribute('aria-selected'), tab(id).tabIndex]);
  const panel = () => container.querySelector<HTMLElement>('[role="tabpanel"]')!;
  const press = (key: string) => tab('next').parentElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  return { container, tab, state, panel, press };
}

describe('Tabs', () => {
  it('is a labelled tab list whose first tab is selected, with only its panel rendered', () => {
    const { container, state, panel } = renderTabs();
    const list = container.querySelector('[role="tablist"]')!;
    expect(list.getAttribute('aria-label')).toBe('Client');
    expect(state()).toEqual([
      ['next', 'true', 0],
      ['offers', 'false', -1],
      ['book', 'false', -1],
    ]);
    expect(panel().textContent).toBe('next content');
    expect(panel().id).toBe('panel-next');
    expect(panel().getAttribute('aria-labelledby')).toBe('tab-next');
    expect(byTestId(container, 'tab-next').getAttribute('aria-controls')).toBe('panel-next');
  });

  it('a click selects a tab', async () => {
    const { tab, state, panel } = renderTabs();
    tab('book').click();
    await rendered();
    expect(state().map(([id, selected]) => [id, selected])).toEqual([
      ['next', 'false'],
      ['offers', 'false'],
      ['book', 'true'],
    ]);
    expect(panel().textContent).toBe('book content');
  });

  it('arrow keys move the selection and the focus, wrapping around', async () => {
    const { tab, state, panel, press } = renderTabs();
    tab('next').focus();
    press('ArrowRight');
    await rendered();
    expect(document.activeElement).toBe(tab('offers'));
    expect(state()[1]).toEqual(['offers', 'true', 0]);
    expect(panel().textContent).toBe('offers content');

    press('ArrowLeft');
    press('ArrowLeft');
    await rendered();
    expect(document.activeElement).toBe(tab('book'));
    expect(state()[2]).toEqual(['book', 'true', 0]);

    press('ArrowRight');
    await rendered();
    expect(document.activeElement).toBe(tab('next'));
    expect(panel().textContent).toBe('next content');

    press('Enter');
    await rendered();
    expect(state()[0]).toEqual(['next', 'true', 0]);
  });

  it('Home and End go to the first and the last tab', async () => {
    const { tab, state, press } = renderTabs();
    tab('next').focus();
    press('End');
    await rendered();
    expect(document.activeElement).toBe(tab('book'));
    expect(state()[2]).toEqual(['book', 'true', 0]);
    press('Home');
    await rendered();
    expect(document.activeElement).toBe(tab('next'));
    expect(state()[0]).toEqual(['next', 'true', 0]);
  });
});

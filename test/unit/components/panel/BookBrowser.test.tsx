import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BookBrowser } from '../../../../components/panel/BookBrowser';
import { emptyPersonalLayer, setSectionNote } from '../../../../lib/book/layers';
import { t } from '../../factories';
import { byTestId, mount, typeInto } from '../render';
import { panelFor, rendered, stubClipboard } from './setup';

async function renderBook(...args: Parameters<typeof panelFor>) {
  const panel = await panelFor(...args);
  const container = mount(<BookBrowser model={panel.model} t={t} />);
  const sections = () => [...container.querySelectorAll<HTMLDetailsElement>('details[data-section-id]')];
  const search = async (text: string) => {
    typeInto(container.querySelector('input[type="search"]')!, text);
    await rendered();
  };
  return { ...panel, container, sections, search };
}

describe('BookBrowser', () => {
  beforeEach(() => fakeBrowser.reset());

  it("lists the book's sections by number, closed", async () => {
    const { sections } = await renderBook();
    expect(sections()).toHaveLength(13);
    expect(sections()[9]!.querySelector('summary')!.textContent).toBe('3.14 Cold calls');
    expect(sections().some((section) => section.open)).toBe(false);
  });

  it('search keeps the sections that have every word, opened', async () => {
    const { sections, search } = await renderBook();
    await search('COLD   calls');
    expect(sections().map((section) => section.dataset.sectionId)).toEqual(['cold-calls']);
    expect(sections()[0]!.open).toBe(true);
    expect(sections()[0]!.querySelectorAll('ol.tb-steps > li')).toHaveLength(8);

    await search('3.12');
    expect(sections().map((section) => section.dataset.sectionId)).toEqual(['dont-know-answer']);

    await search('');
    expect(sections()).toHaveLength(13);
  });

  it('finds a section by the words of its steps and scripts too', async () => {
    const { sections, search, model } = await renderBook();
    const coldCalls = model.book.value!.sections.find((section) => section.id === 'cold-calls')!;
    const script = coldCalls.steps.find((step) => step.script)!.script!;
    const phrase = script.split(/\s+/).slice(0, 4).join(' ');
    await search(phrase);
    expect(sections().map((section) => section.dataset.sectionId)).toContain('cold-calls');
  });

  it('says when nothing matches', async () => {
    const { container, sections, search } = await renderBook();
    await search('zebra quantum');
    expect(sections()).toEqual([]);
    expect(byTestId(container, 'book-browser').textContent).toContain('Nothing found in the book.');
  });

  it("shows the manager's own note under its section", async () => {
    const panel = await panelFor();
    const saved = await panel.background.deps.books.savePersonalLayer(setSectionNote(emptyPersonalLayer(), 'cold-calls', 'Call before 11: the owners are out after lunch.'));
    expect(saved.ok).toBe(true);
    await panel.model.reloadBook(); // what the panel does when the books table changes
    const container = mount(<BookBrowser model={panel.model} t={t} />);
    const coldCalls = container.querySelector('details[data-section-id="cold-calls"]')!;
    expect(coldCalls.querySelector('.tb-notice')!.textContent).toBe('Call before 11: the owners are out after lunch.');
    expect(container.querySelectorAll('.tb-notice')).toHaveLength(1);
  });

  it('copies a step script', async () => {
    const writeText = stubClipboard();
    const { container, model } = await renderBook();
    const first = container.querySelector('details[data-section-id="cold-calls"] .tb-script-block')!;
    first.querySelector<HTMLButtonElement>('[data-testid="copy"]')!.click();
    const coldCalls = model.book.value!.sections.find((section) => section.id === 'cold-calls')!;
    expect(writeText).toHaveBeenCalledWith(coldCalls.steps.find((step) => step.script)!.script);
  });
});

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
  const ideaList = (kind: 'loyalty' | 'promotion') => container.querySelector<HTMLDetailsElement>(`details[data-ideas="${kind}"]`);
  const ideaIds = (kind: 'loyalty' | 'promotion') => [...(ideaList(kind)?.querySelectorAll<HTMLElement>('[data-idea-id]') ?? [])].map((entry) => entry.dataset.ideaId);
  const search = async (text: string) => {
    typeInto(container.querySelector('input[type="search"]')!, text);
    await rendered();
  };
  return { ...panel, container, sections, search, ideaList, ideaIds };
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

  it('has the loyalty tools and promotion ideas as their own sections, closed, after the numbered ones', async () => {
    const { container, ideaList, ideaIds, model } = await renderBook();
    const book = model.book.value!;
    expect(ideaList('loyalty')!.querySelector('summary')!.textContent).toBe('Loyalty tools');
    expect(ideaList('promotion')!.querySelector('summary')!.textContent).toBe('Promotion ideas');
    expect(ideaIds('loyalty')).toEqual(book.loyaltyIdeas.map((idea) => idea.id));
    expect(ideaIds('promotion')).toEqual(book.promotionIdeas.map((idea) => idea.id));
    expect(ideaList('loyalty')!.open).toBe(false);
    const lastSection = [...container.querySelectorAll('details[data-section-id]')].at(-1)!;
    expect(lastSection.compareDocumentPosition(ideaList('loyalty')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says which buyer types an idea is suggested for, in the book\'s names', async () => {
    const { ideaList } = await renderBook();
    const friend = ideaList('promotion')!.querySelector('[data-idea-id="bring-a-friend"]')!;
    expect(friend.querySelector('strong')!.textContent).toBe('Bring a friend');
    expect(friend.textContent).toContain('A bonus for the client when a friend they referred buys.');
    expect(friend.textContent).toContain('Suggested for: Advocate');
    const scarcity = ideaList('promotion')!.querySelector('[data-idea-id="scarcity"]')!;
    expect(scarcity.textContent).not.toContain('Suggested for');
  });

  it('search finds ideas by their words and by the buyer types they suit, and opens their list', async () => {
    const { ideaList, ideaIds, sections, search, container } = await renderBook();
    await search('loyalty card');
    expect(ideaIds('loyalty')).toEqual(['loyalty-card']);
    expect(ideaList('loyalty')!.open).toBe(true);

    await search('concession seeker');
    expect(ideaIds('loyalty')).toEqual(['cumulative-discounts']);
    expect(ideaIds('promotion')).toEqual(['buy-more-save-more', 'two-plus-one']);

    await search('weekend');
    expect(ideaList('loyalty')).toBeNull();
    expect(ideaIds('promotion')).toEqual(['weekend-offer']);
    expect(sections()).toEqual([]);
    expect(byTestId(container, 'book-browser').textContent).not.toContain('Nothing found in the book.');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Objections } from '../../../../components/panel/Objections';
import { t } from '../../factories';
import { buttonByText, byTestId, mount, typeInto } from '../render';
import { panelFor, rendered, stubClipboard } from './setup';

async function renderObjections(...args: Parameters<typeof panelFor>) {
  const panel = await panelFor(...args);
  const container = mount(<Objections model={panel.model} t={t} />);
  const results = () => [...container.querySelectorAll<HTMLElement>('[data-testid="objection-result"]')];
  const type = async (text: string) => {
    typeInto(byTestId(container, 'objection-search') as HTMLInputElement, text);
    await rendered();
  };
  return { ...panel, container, results, type };
}

describe('Objections', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows nothing before anything is typed, then the book’s answers as the manager types', async () => {
    const { container, results, type } = await renderObjections();
    const search = byTestId(container, 'objection-search');
    expect(search.getAttribute('aria-label')).toBe('Type what the client says…');
    expect(results()).toEqual([]);

    await type('too expensive');
    const [best] = results();
    expect(best!.dataset.objectionId).toBe('price-too-expensive');
    expect(best!.querySelector('h3')!.textContent).toBe("It's too expensive");
    const responses = [...best!.querySelectorAll('[data-testid="objection-response"]')].map((response) => response.textContent.trim());
    expect(responses[0]).toMatch(/^I understand\. Compared with what/);
    expect(best!.textContent).toContain('Why: A "too expensive" has a reference point');
    expect(container.querySelector('[data-testid="objection-unmatched"]')).toBeNull();
  });

  it('answers a Russian client from the English book, in English only', async () => {
    const { results, type } = await renderObjections();
    await type('Это слишком дорого');
    const [best] = results();
    expect(best!.dataset.objectionId).toBe('price-too-expensive');
    expect(best!.querySelector('h3')!.textContent).toBe("It's too expensive");
    expect(best!.textContent).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('shows the book phrasing that matched when it is not the title', async () => {
    const { results, type } = await renderObjections();
    await type('your prices are way too high');
    const [best] = results();
    expect(best!.dataset.objectionId).toBe('price-too-expensive');
    expect(best!.querySelector('h3 + p')!.textContent).toBe('“Your prices are too high”');
  });

  it('copies one response', async () => {
    const writeText = stubClipboard();
    const { results, type } = await renderObjections();
    await type('too expensive');
    results()[0]!.querySelector<HTMLButtonElement>('[data-testid="copy"]')!.click();
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^I understand\. Compared with what/));
  });

  it('when the book has no clear answer, says so and records the client’s words once', async () => {
    const { container, type, deps } = await renderObjections();
    await type('ab');
    expect(container.querySelector('[data-testid="objection-unmatched"]')).toBeNull(); // too short to judge

    await type('Your van blocks our gate');
    const unmatched = byTestId(container, 'objection-unmatched');
    expect(unmatched.textContent).toContain('The book has no clear answer to this yet.');
    buttonByText(unmatched, 'Record what the client said').click();
    await vi.waitFor(() => expect(byTestId(container, 'objection-unmatched').querySelector('[role="status"]')?.textContent).toBe(
      'Saved for your team lead to add to the book.',
    ));
    expect(deps.unmatched).toHaveBeenCalledWith('Your van blocks our gate', 'client-anna');
    expect(buttonsIn(byTestId(container, 'objection-unmatched'))).toEqual([]);

    await type('Your van blocks our gate again');
    expect(buttonsIn(byTestId(container, 'objection-unmatched'))).toEqual(['Record what the client said']);
  });

  it('does not claim to have saved the words when the background failed', async () => {
    const { container, type, model } = await renderObjections(undefined, { unmatched: () => Promise.reject(new Error('worker restarting')) });
    await type('Your van blocks our gate');
    buttonByText(byTestId(container, 'objection-unmatched'), 'Record what the client said').click();
    await vi.waitFor(() => expect(model.problem.value).toBe('worker restarting'));
    await rendered();
    expect(byTestId(container, 'objection-unmatched').querySelector('[role="status"]')).toBeNull();
    expect(buttonsIn(byTestId(container, 'objection-unmatched'))).toEqual(['Record what the client said']);
  });

  it('the five steps for an unknown objection open and close', async () => {
    const { container } = await renderObjections();
    const toggle = byTestId(container, 'dont-know');
    expect(toggle.textContent).toBe("Don't know the answer? Five steps");
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('[data-testid="dont-know-steps"]')).toBeNull();

    toggle.click();
    await rendered();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(byTestId(container, 'dont-know-steps').querySelectorAll(':scope > li')).toHaveLength(5);

    toggle.click();
    await rendered();
    expect(container.querySelector('[data-testid="dont-know-steps"]')).toBeNull();
  });
});

function buttonsIn(element: HTMLElement): string[] {
  return [...element.querySelectorAll('button')].map((button) => button.textContent.trim());
}

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Questionnaire } from '../../../../components/panel/Questionnaire';
import { answersAsText } from '../../../../lib/suggest/questionnaire';
import { validBookInput } from '../../book/factories';
import { t } from '../../factories';
import { makePanelBackend } from '../../panel/client-deps';
import { createClientPanelModel } from '../../../../lib/panel/client-model';
import { byTestId, mount } from '../render';
import { carOwner, panelFor, rendered, stubClipboard } from './setup';

async function renderQuestionnaire(...args: Parameters<typeof panelFor>) {
  const panel = await panelFor(...args);
  const container = mount(<Questionnaire model={panel.model} t={t} />);
  return { ...panel, container };
}

/** A team book whose questionnaire lists its questions out of the order they are asked in. */
const TEAM_QUESTIONNAIRE = {
  id: 'meeting',
  title: 'First meeting',
  kind: 'negotiation',
  questions: [
    { id: 'send-offer', level: 'closing', text: 'Shall I send the offer today?', important: true, answer: { type: 'choice', choices: ['Yes', 'Later'] } },
    { id: 'volume', level: 'core', text: 'How many units a month?', answer: { type: 'number', unit: 'units' } },
    { id: 'how-is-business', level: 'opening', text: 'How is business?', answer: { type: 'text' } },
    { id: 'criteria', level: 'core', text: 'What matters when you choose?', answer: { type: 'choice', choices: ['Price', 'Speed', 'Quality'], multiple: true } },
    { id: 'service', level: 'core', text: 'How do you rate your supplier?', important: true, answer: { type: 'rating' }, followUp: { when: { ratingBelow: 4 }, text: 'What went wrong?' } },
  ],
};

async function renderTeamQuestionnaire() {
  const backend = makePanelBackend();
  const imported = await backend.background.deps.books.importBook(JSON.stringify(validBookInput({ questionnaires: [TEAM_QUESTIONNAIRE] })));
  expect(imported.ok).toBe(true);
  const client = await backend.seed(carOwner());
  const model = createClientPanelModel(backend.deps);
  await model.load(client);
  const container = mount(<Questionnaire model={model} t={t} />);
  return { ...backend, model, container };
}

const item = (container: HTMLElement, id: string) => container.querySelector<HTMLLIElement>(`li[data-question-id="${id}"]`)!;

function change(field: HTMLTextAreaElement | HTMLSelectElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('Questionnaire', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks opening questions first, then the core ones, then the closing ones, book order within each', async () => {
    const { container } = await renderTeamQuestionnaire();
    expect(byTestId(container, 'questionnaire').querySelector('h2')!.textContent).toBe('First meeting');
    const items = [...container.querySelectorAll<HTMLLIElement>('li[data-question-id]')];
    expect(items.map((li) => li.dataset.questionId)).toEqual(['how-is-business', 'volume', 'criteria', 'service', 'send-offer']);
    expect(items.map((li) => li.querySelector('label > .tb-muted')!.textContent)).toEqual(['Opening', 'Core', 'Core', 'Core', 'Closing']);
    expect(item(container, 'send-offer').querySelector('.tb-tag')!.textContent).toBe('important');
  });

  it('gives each answer type its field', async () => {
    const { container } = await renderTeamQuestionnaire();
    const text = item(container, 'how-is-business').querySelector('textarea')!;
    expect(text.getAttribute('rows')).toBe('2');
    expect(item(container, 'how-is-business').querySelector('label')!.htmlFor).toBe(text.id);

    const number = item(container, 'volume').querySelector('textarea')!;
    expect(number.getAttribute('rows')).toBe('1');
    expect(number.getAttribute('inputmode')).toBe('decimal');

    const choice = item(container, 'send-offer').querySelector('select')!;
    expect([...choice.options].map((option) => option.value)).toEqual(['', 'Yes', 'Later']);

    const rating = item(container, 'service').querySelector('[role="radiogroup"]')!;
    expect([...rating.querySelectorAll('input[type="radio"]')]).toHaveLength(5);
    // The group is named by its question.
    const labelledBy = document.getElementById(rating.getAttribute('aria-labelledby')!);
    expect(labelledBy?.textContent).toContain('How do you rate your supplier?');

    const multiple = item(container, 'criteria');
    expect([...multiple.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => box.parentElement!.textContent.trim())).toEqual([
      'Price',
      'Speed',
      'Quality',
    ]);
  });

  it('a multiple choice keeps every ticked option', async () => {
    const { container, db } = await renderTeamQuestionnaire();
    const boxes = () => [...item(container, 'criteria').querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    boxes()[2]!.click();
    await vi.waitFor(async () => expect((await db.answers.get(['client-anna', 'criteria']))?.value).toBe('Quality'));
    await rendered();
    boxes()[0]!.click();
    await vi.waitFor(async () => expect((await db.answers.get(['client-anna', 'criteria']))?.value).toBe('Price\nQuality'));
    await rendered();
    expect(boxes().map((box) => box.checked)).toEqual([true, false, true]);

    boxes()[0]!.click();
    await rendered();
    boxes()[2]!.click();
    await vi.waitFor(async () => expect((await db.answers.get(['client-anna', 'criteria']))?.value).toBeNull());
  });

  it('a number typed wrong shows the validation message next to its field, and nothing is stored', async () => {
    const { container, deps, db } = await renderQuestionnaire();
    const field = item(container, 'order-size').querySelector('textarea')!;
    change(field, '1,200');
    await vi.waitFor(() => expect(item(container, 'order-size').querySelector('[role="alert"]')?.textContent).toBe('expected a number'));
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(deps.saveAnswer).not.toHaveBeenCalled();

    change(field, '1200');
    await vi.waitFor(() => expect(item(container, 'order-size').querySelector('[role="alert"]')).toBeNull());
    await expect(db.answers.get(['client-anna', 'order-size'])).resolves.toMatchObject({ value: 1200 });
  });

  it('counts answers as they are given', async () => {
    const { container } = await renderQuestionnaire();
    expect(byTestId(container, 'questionnaire-progress').textContent).toBe('Answered 0 of 15');
    change(item(container, 'current-suppliers').querySelector('textarea')!, 'Bosch');
    change(item(container, 'payment-method').querySelector('select')!, 'Card');
    await vi.waitFor(() => expect(byTestId(container, 'questionnaire-progress').textContent).toBe('Answered 2 of 15'));
    expect(container.querySelector('progress')!.getAttribute('value')).toBe('2');
  });

  it('"Finishing the meeting" highlights the important questions still open', async () => {
    const { container, model } = await renderQuestionnaire();
    await model.answer('current-suppliers', 'Bosch');
    await rendered();
    expect(container.querySelectorAll('.tb-missing')).toHaveLength(0);

    byTestId(container, 'questionnaire-check').click();
    await rendered();
    const highlighted = [...container.querySelectorAll<HTMLLIElement>('li.tb-missing')].map((li) => li.dataset.questionId);
    expect(highlighted).toEqual(['items-and-volumes', 'decision-makers', 'priority-deadlines', 'payment-method', 'send-offer']);
    expect(byTestId(container, 'questionnaire-missing').textContent).toBe(
      '5 important questions are still open: ask them before you close the meeting.',
    );

    await model.answer('send-offer', 'Yes');
    await rendered();
    expect(item(container, 'send-offer').classList.contains('tb-missing')).toBe(false);
    expect(byTestId(container, 'questionnaire-missing').textContent).toMatch(/^4 important/);
  });

  it('a rating below the bar brings the follow-up question', async () => {
    const { container } = await renderTeamQuestionnaire();
    const radios = [...item(container, 'service').querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    radios[2]!.click();
    await vi.waitFor(() => expect(item(container, 'service').querySelector('.tb-followup')?.textContent).toBe('↳ What went wrong?'));
    expect(radios[2]!.checked).toBe(true);
  });

  it('copies the answers as a note for the CRM', async () => {
    const writeText = stubClipboard();
    const { container, model } = await renderQuestionnaire();
    await model.answer('current-suppliers', 'Bosch');
    await rendered();
    const copy = byTestId(container, 'copy');
    expect(copy.textContent).toBe('Copy answers for the CRM');
    copy.click();
    const expected = answersAsText(model.questionnaire.value!, model.answers.value, { notAnswered: '[not answered]', whyNotTop: 'What would make it a 5?' });
    expect(writeText).toHaveBeenCalledWith(expected);
    expect(expected).toContain('Which suppliers do you work with now?\n   Bosch');
  });

  it('says when the book has no questionnaire for the client', async () => {
    const { container } = await renderQuestionnaire(carOwner(), {
      book: async () => {
        const reply = await makePanelBackend().background.deps.books.layeredBook();
        return { ...reply, book: { ...reply.book, questionnaires: [] } };
      },
    });
    expect(container.textContent).toContain('The book has no questionnaire for this client.');
    expect(container.querySelectorAll('[data-question-id]')).toHaveLength(0);
  });

  it('switches to the feedback questionnaire, with its 1-5 ratings', async () => {
    const { container } = await renderQuestionnaire(carOwner());
    const kind = container.querySelector<HTMLSelectElement>('[data-testid="questionnaire-kind"]')!;
    kind.value = 'feedback';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.querySelectorAll('[role="radiogroup"]').length).toBeGreaterThan(0);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClientPanel } from '../../../../components/ClientPanel';
import { createClientPanelModel } from '../../../../lib/panel/client-model';
import { editableDefaultBook } from '../../book/factories';
import { makeSnapshot, t } from '../../factories';
import { makePanelBackend } from '../../panel/client-deps';
import { byTestId, mount, typeInto } from '../render';
import { carOwner, rendered, valuesFor } from './setup';

const MARKUP = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';

/**
 * A team book (or a CRM page) can say anything. Every place the side panel shows its text must
 * show it as text: no element, no handler, no script from a book or a card.
 */
async function renderHostilePanel() {
  const book = editableDefaultBook();
  const touch = book.programmes.find((programme) => programme.id === 'durable-goods')!.touches.find((candidate) => candidate.id === 'service-reminder')!;
  touch.script = `Hello {{client.firstName}} ${MARKUP}`;
  touch.goal = `Goal ${MARKUP}`;
  book.objections.find((objection) => objection.id === 'price-too-expensive')!.responses[0]!.text = `Response ${MARKUP}`;
  const section = book.sections.find((candidate) => candidate.id === 'cold-calls')!;
  section.steps[0]!.title = `Step ${MARKUP}`;
  section.steps[0]!.script = `Step script ${MARKUP}`;
  const wheels = book.crossSell.find((rule) => rule.id === 'car-alloy-wheels')!;
  wheels.benefit = `Benefit ${MARKUP}`;
  wheels.options[0]!.title = `Option ${MARKUP}`;
  book.questionnaires.find((questionnaire) => questionnaire.id === 'negotiation')!.questions[0]!.text = `Question ${MARKUP}`;
  const club = book.loyaltyIdeas.find((idea) => idea.id === 'client-club')!;
  club.title = `Club ${MARKUP}`;
  club.description = `Club description ${MARKUP}`;
  book.buyerTypes.find((type) => type.id === 'advocate')!.name = `Advocate ${MARKUP}`;
  const farmGroup = book.segments.find((segment) => segment.id === 'farm-group')!;
  farmGroup.name = `Farm group ${MARKUP}`;

  const backend = makePanelBackend();
  const imported = await backend.background.deps.books.importBook(JSON.stringify(book));
  expect(imported.ok ? [] : imported.errors).toEqual([]);
  // The card's own text is the page's, as untrusted as the book's.
  const client = await backend.seed(
    carOwner({
      name: `Anna ${MARKUP}`,
      firstName: `Anna${MARKUP}`,
      buyerType: 'advocate',
      tags: ['tuning', 'alloy wheels', 'farm'],
      lastSnapshot: makeSnapshot({ fields: [{ label: 'Machines', value: '12' }] }),
    }),
  );
  const model = createClientPanelModel(backend.deps);
  await model.load(client);
  const container = mount(<ClientPanel model={model} t={t} locale="en" values={valuesFor(() => model.client.value)} onTeach={() => undefined} />);
  const show = async (tab: string) => {
    byTestId(container, `tab-${tab}`).click();
    await rendered();
  };
  return { container, model, show };
}

function expectInert(container: HTMLElement) {
  expect(container.querySelectorAll('img, script')).toHaveLength(0);
  expect(container.innerHTML).not.toMatch(/<img|<script/i);
  expect(document.title).not.toBe('pwned');
}

describe('book and page text is shown as text', () => {
  beforeEach(() => fakeBrowser.reset());

  it('in the next touch: goal, script and client name', async () => {
    const { container } = await renderHostilePanel();
    expect(byTestId(container, 'touch-goal').textContent).toBe(`Goal ${MARKUP}`);
    expect(byTestId(container, 'script').textContent).toBe(`Hello Anna${MARKUP} ${MARKUP}`);
    expect(byTestId(container, 'client-name').textContent).toBe(`Anna ${MARKUP}`);
    expectInert(container);
  });

  it('in the offers: benefit and options', async () => {
    const { container, show } = await renderHostilePanel();
    await show('offers');
    const wheels = container.querySelector('[data-rule-id="car-alloy-wheels"]')!;
    expect(wheels.textContent).toContain(`For the client: Benefit ${MARKUP}`);
    expect(wheels.textContent).toContain(`Option ${MARKUP}`);
    expectInert(container);
  });

  it('in the objection responses', async () => {
    const { container, show } = await renderHostilePanel();
    await show('objections');
    typeInto(byTestId(container, 'objection-search') as HTMLInputElement, 'too expensive');
    await rendered();
    expect(container.querySelector('[data-objection-id="price-too-expensive"] [data-testid="objection-response"]')!.textContent.trim()).toBe(
      `Response ${MARKUP}`,
    );
    expectInert(container);
  });

  it('in the questionnaire', async () => {
    const { container, show } = await renderHostilePanel();
    await show('questions');
    expect(container.querySelector('li[data-question-id] label')!.textContent).toContain(`Question ${MARKUP}`);
    expectInert(container);
  });

  it("in the book's section steps", async () => {
    const { container, show } = await renderHostilePanel();
    await show('book');
    const step = container.querySelector('details[data-section-id="cold-calls"] ol > li')!;
    expect(step.querySelector('strong')!.textContent).toBe(`Step ${MARKUP}`);
    expect(step.querySelector('.tb-script')!.textContent).toBe(`Step script ${MARKUP}`);
    expectInert(container);
  });

  it('in the ideas for the buyer type and the client\'s segment group', async () => {
    const { container } = await renderHostilePanel();
    const ideas = byTestId(container, 'buyer-type-ideas');
    expect(ideas.querySelector('h3')!.textContent).toBe(`Ideas for “Advocate ${MARKUP}” clients`);
    const club = ideas.querySelector('[data-idea-id="client-club"]')!;
    expect(club.querySelector('strong')!.textContent).toBe(`Club ${MARKUP}`);
    expect(club.textContent).toContain(`Club description ${MARKUP}`);
    expect(byTestId(container, 'client-segment').textContent).toBe(`Farm group ${MARKUP}: A`);
    expectInert(container);
  });

  it("in the book's loyalty tools", async () => {
    const { container, show } = await renderHostilePanel();
    await show('book');
    const club = container.querySelector('details[data-ideas="loyalty"] [data-idea-id="client-club"]')!;
    expect(club.querySelector('strong')!.textContent).toBe(`Club ${MARKUP}`);
    expect(club.textContent).toContain(`Suggested for: Advocate ${MARKUP}`);
    expectInert(container);
  });
});

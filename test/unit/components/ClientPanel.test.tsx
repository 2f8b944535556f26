import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClientPanel } from '../../../components/ClientPanel';
import { makeSnapshot, t } from '../factories';
import { carOwner, panelFor, rendered } from './panel/setup';
import { byTestId, mount } from './render';

async function renderClientPanel(...args: Parameters<typeof panelFor>) {
  const panel = await panelFor(...args);
  const onTeach = vi.fn();
  const container = mount(<ClientPanel model={panel.model} t={t} locale="en" values={panel.values} onTeach={onTeach} />);
  return { ...panel, container, onTeach };
}

describe('ClientPanel', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows who the client is and opens on the next touch', async () => {
    const { container } = await renderClientPanel();
    expect(byTestId(container, 'client-name').textContent).toBe('Anna Petrova');
    expect(byTestId(container, 'tab-next').getAttribute('aria-selected')).toBe('true');
    expect(byTestId(container, 'touch-goal').textContent).toBe('Remind the client that scheduled maintenance is due and book a visit');
    expect(byTestId(container, 'churn-risk').textContent).toBe(t('riskMedium'));
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('each tab shows its tool', async () => {
    const { container } = await renderClientPanel();
    const expected: Array<[string, string]> = [
      ['offers', 'cross-sell'],
      ['questions', 'questionnaire'],
      ['objections', 'objections'],
      ['book', 'book-browser'],
      ['next', 'next-touch'],
    ];
    for (const [tab, part] of expected) {
      byTestId(container, `tab-${tab}`).click();
      await rendered();
      expect(container.querySelector('[role="tabpanel"] > [data-testid]')?.getAttribute('data-testid')).toBe(part);
    }
  });

  it("shows the background's problem as an alert, as text", async () => {
    const { container, model, deps } = await renderClientPanel();
    deps.skip.mockRejectedValueOnce(new Error('<img src=x onerror=alert(1)>'));
    await model.skip('t-1', 'why');
    await rendered();
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe('Something went wrong: <img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });

  it("choosing a buyer type stores it, and the choice stays on screen with the book's advice", async () => {
    const { container, deps, model } = await renderClientPanel();
    const select = byTestId(container, 'buyer-type') as HTMLSelectElement;
    select.value = 'defector';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(deps.profile).toHaveBeenCalledWith('client-anna', { buyerType: 'defector' }));
    await vi.waitFor(() => expect(model.client.value?.buyerType).toBe('defector'));
    await rendered();
    expect((byTestId(container, 'buyer-type') as HTMLSelectElement).value).toBe('defector');
    expect(container.textContent).toContain(model.book.value!.buyerTypes.find((type) => type.id === 'defector')!.howToWork);
  });

  it('a loyal client or an advocate brings ideas chosen for that buyer type', async () => {
    const { container, deps, model } = await renderClientPanel();
    expect(container.querySelector('[data-testid="buyer-type-ideas"]')).toBeNull();
    const choose = async (buyerType: string) => {
      const select = byTestId(container, 'buyer-type') as HTMLSelectElement;
      select.value = buyerType;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await vi.waitFor(() => expect(deps.profile).toHaveBeenLastCalledWith('client-anna', { buyerType }));
      await vi.waitFor(() => expect(model.client.value?.buyerType).toBe(buyerType));
      await rendered();
    };
    const shown = () =>
      [...byTestId(container, 'buyer-type-ideas').querySelectorAll<HTMLElement>('[data-idea-id]')].map((entry) => [
        entry.dataset.ideaId,
        entry.querySelector('.tb-tag')!.textContent,
      ]);

    await choose('loyal');
    expect(byTestId(container, 'buyer-type-ideas').querySelector('h3')!.textContent).toBe('Ideas for “Loyal” clients');
    expect(shown()).toEqual([
      ['loyalty-card', 'Loyalty tool'],
      ['first-access', 'Promotion'],
      ['cumulative-discounts', 'Loyalty tool'],
    ]);
    expect(byTestId(container, 'buyer-type-ideas').textContent).toContain('The discount grows with the total of purchases.');

    await choose('advocate');
    expect(byTestId(container, 'buyer-type-ideas').querySelector('h3')!.textContent).toBe('Ideas for “Advocate” clients');
    expect(shown().map(([id]) => id)).toEqual(['client-club', 'bring-a-friend', 'review-bonus']);
  });

  it("shows a farm's group from the machines on its card, and none for a client the card says nothing about", async () => {
    const farm = carOwner({ tags: ['farm'], lastSnapshot: makeSnapshot({ fields: [{ label: 'Machines', value: '4 units' }] }) });
    const { container } = await renderClientPanel(farm);
    const tag = byTestId(container, 'client-segment');
    expect(tag.textContent).toBe('Farm group by fleet size: B');
    expect(tag.title).toBe('3 to 9 machines');

    const { container: carDealer } = await renderClientPanel(carOwner());
    expect(carDealer.querySelector('[data-testid="client-segment"]')).toBeNull();
  });

  it('a churn reason brings its advice', async () => {
    const { container, model } = await renderClientPanel();
    const select = byTestId(container, 'churn-reason') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toContain('too-expensive');
    select.value = 'too-expensive';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(container.querySelector('[data-testid="churn-advice"]')).not.toBeNull());
    const reason = model.book.value!.churnReasons.find((candidate) => candidate.id === 'too-expensive')!;
    expect(byTestId(container, 'churn-advice').querySelector('p')!.textContent).toBe(reason.response);
    // It also started the programme the book links to it, and says so.
    expect(byTestId(container, 'churn-programmes').textContent).toBe(t('churnStarted', { programmes: 'Second-purchase discount with an expiry date' }));
    await vi.waitFor(() => expect(model.plan.value?.open.some((touch) => touch.programmeId === 'second-purchase-discount')).toBe(true));
  });

  it('lists churn reasons with the share of lost clients the book gives them', async () => {
    const { container, model } = await renderClientPanel();
    const options = [...(byTestId(container, 'churn-reason') as HTMLSelectElement).options].map((option) => option.textContent);
    const staff = model.book.value!.churnReasons.find((reason) => reason.id === 'staff-indifference')!;
    expect(options).toContain(`${staff.reason} (68% of lost clients)`);
    // Reasons the book gives no share for are listed plainly.
    const expensive = model.book.value!.churnReasons.find((reason) => reason.id === 'too-expensive')!;
    expect(options).toContain(expensive.reason);
  });

  it('records a discount: its amount and last day show, the scripts quote it and the reminder follows it', async () => {
    const { container, deps, model } = await renderClientPanel();
    expect(byTestId(container, 'discount-value').textContent).toBe(t('discountNone'));
    byTestId(container, 'discount-edit').click();
    await rendered();
    (byTestId(container, 'discount-amount') as HTMLInputElement).value = '10%';
    (byTestId(container, 'discount-until') as HTMLInputElement).value = '2026-04-20';
    byTestId(container, 'discount-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(deps.discount).toHaveBeenCalledWith('client-anna', { amount: '10%', until: '2026-04-20' }));
    await vi.waitFor(() => expect(byTestId(container, 'discount-value').textContent).toBe('10% until Apr 20, 2026'));
    await vi.waitFor(() => expect(model.plan.value?.open.find((touch) => touch.templateId === 'discount-expiry-reminder')).toBeDefined());
    byTestId(container, 'discount-clear').click();
    await vi.waitFor(() => expect(byTestId(container, 'discount-value').textContent).toBe(t('discountNone')));
    await vi.waitFor(() => expect(model.plan.value?.open.some((touch) => touch.programmeId === 'second-purchase-discount')).toBe(false));
  });

  it("says who read the card, and lists what the book's CRM profile had to skip, as text", async () => {
    const problem = 'book:acme: fields.company: skipped "<img src=x onerror=alert(1)>", not a selector this browser reads';
    const book = await renderClientPanel(carOwner({ lastSnapshot: makeSnapshot({ source: 'book:acme', readingProblems: [problem] }) }));
    expect(byTestId(book.container, 'read-by').textContent).toBe(t('readByBookProfile', { profile: 'acme' }));
    expect(byTestId(book.container, 'reading-problems').querySelector('li')!.textContent).toBe(problem);
    expect(book.container.querySelector('img')).toBeNull();

    const hubspot = await renderClientPanel(carOwner({ lastSnapshot: makeSnapshot({ source: 'hubspot' }) }));
    expect(byTestId(hubspot.container, 'read-by').textContent).toBe(t('readByAdapter', { crm: 'HubSpot' }));
    expect(hubspot.container.querySelector('[data-testid="reading-problems"]')).toBeNull();
  });

  it('"Teach a field" is offered under what was read', async () => {
    const { container, onTeach } = await renderClientPanel(carOwner());
    const details = byTestId(container, 'what-was-read');
    details.querySelector<HTMLButtonElement>('[data-testid="teach-field"]')!.click();
    expect(onTeach).toHaveBeenCalledTimes(1);
  });
});

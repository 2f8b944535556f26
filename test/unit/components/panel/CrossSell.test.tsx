import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrossSell } from '../../../../components/panel/CrossSell';
import { editableDefaultBook } from '../../book/factories';
import { t } from '../../factories';
import { makeClient } from '../../suggest/factories';
import { buttonByText, byTestId, mount } from '../render';
import { carOwner, panelFor, valuesFor } from './setup';

async function renderCrossSell(...args: Parameters<typeof panelFor>) {
  const panel = await panelFor(...args);
  const container = mount(<CrossSell model={panel.model} t={t} values={panel.values.forOffer} />);
  const offers = () => [...container.querySelectorAll<HTMLElement>('[data-testid="offer"]')];
  return { ...panel, container, offers };
}

describe('CrossSell', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the offers in rank order, each with why, the benefit and three tiers in order', async () => {
    const { offers } = await renderCrossSell();
    expect(offers().map((offer) => offer.dataset.ruleId)).toEqual(['car-alloy-wheels', 'car-tuning', 'car-extended-warranty']);

    const [wheels] = offers();
    expect(wheels!.querySelector('h3')!.textContent).toBe('Alloy wheels for a new car');
    expect(wheels!.textContent).toContain('Because the client bought Toyota RAV4 Hybrid');
    expect(wheels!.querySelector('p > strong')!.parentElement!.textContent).toBe(
      'For the client: The car looks finished and handles better; the fitting is done by our service, so the warranty is kept.',
    );
    const tiers = [...wheels!.querySelectorAll('.tb-options > li > strong')].map((tier) => tier.textContent);
    expect(tiers).toEqual(['Standard', 'Professional', 'Premium']);
  });

  it('shows every option when a rule offers more than three', async () => {
    const book = editableDefaultBook();
    const wheels = book.crossSell.find((rule) => rule.id === 'car-alloy-wheels');
    if (!wheels) throw new Error('no alloy wheels rule');
    wheels.options.push({ tier: 'premium', title: 'Forged wheels with winter set', whatDiffers: 'A second forged set, fitted each season' });
    const reply = { book, notes: {}, orphaned: { responses: {}, notes: {} }, otherLanguages: {} };
    const { offers } = await renderCrossSell(carOwner(), { book: () => Promise.resolve(reply) });

    const options = [...offers()[0]!.querySelectorAll('.tb-options > li')];
    expect(options).toHaveLength(4);
    expect(options.at(-1)!.textContent).toContain('Forged wheels with winter set');
  });

  it('fills the offer script with the product and the client', async () => {
    const { offers } = await renderCrossSell();
    const script = offers()[0]!.querySelector('[data-testid="script"]')!;
    expect(script.textContent).toContain('Anna');
    expect(script.textContent).not.toMatch(/undefined|\{\{/);
  });

  it('marks an offer as offered, accepted or declined for this client', async () => {
    const { offers, deps } = await renderCrossSell();
    const tuning = offers()[1]!;
    buttonByText(tuning, 'Offered').click();
    await vi.waitFor(() => expect(deps.markOffer).toHaveBeenLastCalledWith('client-anna', 'car-tuning', 'offered'));
    buttonByText(tuning, 'Accepted').click();
    await vi.waitFor(() => expect(deps.markOffer).toHaveBeenLastCalledWith('client-anna', 'car-tuning', 'accepted'));
    await vi.waitFor(() => expect(offers().map((offer) => offer.dataset.ruleId)).toEqual(['car-alloy-wheels', 'car-extended-warranty']));
  });

  it('shows the status of an offer already made, and a declined one last', async () => {
    const { offers, model } = await renderCrossSell();
    await model.markOffer('car-alloy-wheels', 'declined');
    await vi.waitFor(() => expect(offers().map((offer) => offer.dataset.ruleId)).toEqual(['car-tuning', 'car-extended-warranty', 'car-alloy-wheels']));
    expect(offers()[2]!.querySelector('.tb-tag')!.textContent).toBe('Declined');
    expect(offers()[0]!.querySelector('.tb-tag')).toBeNull();
  });

  it('says when nothing fits', async () => {
    const { container, offers } = await renderCrossSell(makeClient({ products: [] }));
    expect(offers()).toEqual([]);
    expect(byTestId(container, 'cross-sell').textContent).toContain('No offer fits this client yet.');
  });

  it('needs no values to render: a missing value is a gap', async () => {
    const panel = await panelFor();
    const container = mount(<CrossSell model={panel.model} t={t} values={valuesFor(() => null).forOffer} />);
    expect([...container.querySelectorAll('mark.tb-gap')].map((gap) => gap.textContent)).toContain('client.firstName');
  });
});

import { describe, expect, it } from 'vitest';
import { fillPlaceholders, firstFilledScript, partsToText, type PlaceholderValues } from '../../../lib/book/placeholders';
import { rankCrossSell } from '../../../lib/suggest/cross-sell';
import { latestPurchase, scriptValues, type ScriptContext } from '../../../lib/suggest/script-values';
import { NOW, book, daysAgo, makeClient, makeProduct, makeTouch } from './factories';

const context = (overrides: Partial<ScriptContext> = {}): ScriptContext => ({
  managerName: 'Oleg Bondar',
  companyName: 'Northwind Motors',
  locale: 'en-GB',
  timeZone: 'Europe/Kyiv',
  ...overrides,
});

const touchOf = (programmeId: string, touchId: string) => {
  const touch = book.programmes.find((programme) => programme.id === programmeId)?.touches.find((candidate) => candidate.id === touchId);
  if (!touch) throw new Error(`no touch ${programmeId}/${touchId}`);
  return touch;
};
const scriptOf = (programmeId: string, touchId: string): string => touchOf(programmeId, touchId).script;
/** The wording the panel shows: the first of the touch's variants the values fill, else its script. */
const shownScript = (programmeId: string, touchId: string, values: PlaceholderValues): string => {
  const touch = touchOf(programmeId, touchId);
  return partsToText(fillPlaceholders(firstFilledScript([...(touch.variants ?? []).map((variant) => variant.script), touch.script], values), values));
};

describe('scriptValues', () => {
  it('fills every placeholder the card, the settings and the touch can answer', () => {
    const touch = makeTouch({ dueAt: Date.UTC(2026, 2, 9, 7, 0), goal: 'Check in after a month' });

    expect(scriptValues(makeClient(), context({ touch, managerPhone: '+380 44 555 0101', nextProduct: 'alloy wheels' }))).toEqual({
      'client.name': 'Anna Petrova',
      'client.firstName': 'Anna',
      'client.lastName': 'Petrova',
      'client.company': 'Acme Ltd',
      'client.jobTitle': 'Buyer',
      'client.phone': '+1 415 555 0100',
      'client.email': 'anna@acme.example',
      'client.stage': 'Customer',
      'client.owner': 'Oleg',
      product: 'Toyota RAV4 Hybrid',
      'product.next': 'alloy wheels',
      'manager.name': 'Oleg Bondar',
      'manager.phone': '+380 44 555 0101',
      'company.name': 'Northwind Motors',
      'touch.dueDate': '9 March 2026',
      'touch.goal': 'Check in after a month',
    });
  });

  it('leaves out what is missing, so the script shows a gap instead of "undefined"', () => {
    const client = makeClient({ firstName: null, company: null, phones: [], emails: [], owner: '   ', products: [] });

    const values = scriptValues(client, context({ managerName: null, companyName: undefined }));

    for (const name of ['client.firstName', 'client.company', 'client.phone', 'client.email', 'client.owner', 'product', 'manager.name', 'company.name', 'touch.dueDate', 'greeting']) {
      expect(values).not.toHaveProperty(name);
    }
    const parts = fillPlaceholders(scriptOf('durable-goods', 'satisfaction-call'), values);
    expect(parts.filter((part) => part.kind === 'gap').map((part) => part.name)).toEqual(['greeting', 'client.firstName', 'manager.name', 'company.name', 'product']);
    expect(partsToText(parts)).not.toContain('undefined');
  });

  it('names the cross-sell offer in the default book\'s add-on script when there is one, and claims nothing the card lacks', () => {
    const client = makeClient({ tags: ['Interested: alloy wheels'] });
    const [offer] = rankCrossSell(book, client, { now: NOW });

    expect(shownScript('durable-goods', 'add-on-offer', scriptValues(client, context({ nextProduct: offer?.nextProduct, now: NOW })))).toBe(
      // 09:00 UTC is 11:00 in Kyiv: the greeting follows the clock.
      'Good morning, Anna, Oleg Bondar from Northwind Motors. Many clients who bought the Toyota RAV4 Hybrid add alloy wheels later on: it makes everyday use easier. We have three options for it; may I tell you briefly how they differ?',
    );
    // Without an offer the base wording reads whole: no gap where the product would be.
    const withoutOffer = shownScript('durable-goods', 'add-on-offer', scriptValues(client, context({ nextProduct: null, now: NOW })));
    expect(withoutOffer).toBe(
      'Good morning, Anna, Oleg Bondar from Northwind Motors. You have had the Toyota RAV4 Hybrid for three months now. There are a few additions our clients choose for it most often; may I tell you about them in two minutes?',
    );
    expect(withoutOffer).not.toMatch(/mentioned/);
  });

  it('formats the due date in the manager\'s language and time zone', () => {
    const lateEvening = { dueAt: Date.UTC(2026, 2, 2, 23, 30), goal: 'Call back' }; // already 3 March in Kyiv

    expect(scriptValues(makeClient(), context({ touch: lateEvening }))['touch.dueDate']).toBe('3 March 2026');
    expect(scriptValues(makeClient(), context({ touch: lateEvening, timeZone: 'UTC' }))['touch.dueDate']).toBe('2 March 2026');
    expect(scriptValues(makeClient(), context({ touch: lateEvening, locale: 'en-US' }))['touch.dueDate']).toBe('March 3, 2026');
    expect(scriptValues(makeClient(), context({ touch: lateEvening, locale: 'uk' }))['touch.dueDate']).toMatch(/^3 березня 2026/);
  });

  it('still formats the date when the settings hold an unknown locale or time zone', () => {
    const touch = { dueAt: Date.UTC(2026, 2, 9, 7, 0), goal: 'Call' };

    expect(scriptValues(makeClient(), context({ touch, locale: 'not a locale!' }))['touch.dueDate']).toContain('2026');
    expect(scriptValues(makeClient(), context({ touch, timeZone: 'Mars/Olympus' }))['touch.dueDate']).toBe('9 March 2026');
  });

  it('fills the second-purchase discount and its calendar expiry date', () => {
    const values = scriptValues(makeClient(), context({ discount: { amount: '10%', until: '2026-04-30' }, timeZone: 'America/Los_Angeles' }));

    expect(values['discount.amount']).toBe('10%');
    expect(values['discount.until']).toBe('30 April 2026');
  });

  it("quotes the client's own discount while it lasts, and nothing once its last day is over", () => {
    const client = makeClient({ discount: { amount: '7%', until: '2026-04-30', grantedAt: 0, source: 'manager' } });
    const on = (iso: string) => scriptValues(client, context({ now: Date.parse(iso), timeZone: 'Europe/Kyiv' }));
    expect(on('2026-04-30T20:00:00Z')['discount.amount']).toBe('7%');
    expect(on('2026-04-30T20:00:00Z')['discount.until']).toBe('30 April 2026');
    // 1 May 00:30 in Kyiv: over, though it is still 30 April in UTC.
    expect(on('2026-04-30T21:30:00Z')['discount.amount']).toBeUndefined();
    expect(scriptValues(makeClient({ discount: { amount: '€50', until: null, grantedAt: 0, source: 'card' } }), context({}))['discount.until']).toBeUndefined();
  });

  it('takes the given product over the latest purchase', () => {
    expect(scriptValues(makeClient(), context({ product: 'Skoda Octavia' })).product).toBe('Skoda Octavia');
  });
});

describe('latestPurchase', () => {
  it('is the most recent dated purchase', () => {
    const products = [
      makeProduct({ name: 'Skoda Kodiaq', purchasedAt: daysAgo(12) }),
      makeProduct({ name: 'Floor mats', purchasedAt: null }),
      makeProduct({ name: 'Skoda Octavia', purchasedAt: daysAgo(400) }),
    ];

    expect(latestPurchase(products)?.name).toBe('Skoda Kodiaq');
  });

  it('is the last listed when nothing is dated, and null when nothing was bought', () => {
    expect(latestPurchase([makeProduct({ name: 'Floor mats', purchasedAt: null }), makeProduct({ name: 'Roof box', purchasedAt: null })])?.name).toBe(
      'Roof box',
    );
    expect(latestPurchase([])).toBeNull();
  });
});

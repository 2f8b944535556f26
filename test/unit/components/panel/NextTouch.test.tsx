import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NextTouch } from '../../../../components/panel/NextTouch';
import type { ClientPlan } from '../../../../lib/background/lifecycle-service';
import { deferred, t } from '../../factories';
import { NOW } from '../../panel/client-deps';
import { buttonByText, byTestId, mount, submit, typeInto } from '../render';
import { carOwner, panelFor, rendered, stubClipboard } from './setup';

async function renderNextTouch(...args: Parameters<typeof panelFor>) {
  const panel = await panelFor(...args);
  const container = mount(<NextTouch model={panel.model} t={t} locale="en" values={panel.values.forTouch} />);
  return { ...panel, container, touch: panel.model.next.value! };
}

const form = (container: HTMLElement) => container.querySelector<HTMLFormElement>('article form')!;

describe('NextTouch', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  it('says what to do, how, who and since when, and why', async () => {
    const { container, touch } = await renderNextTouch();
    expect(touch.templateId).toBe('service-reminder');
    expect(byTestId(container, 'touch-goal').textContent).toBe('Remind the client that scheduled maintenance is due and book a visit');
    const when = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv', dateStyle: 'medium', timeStyle: 'short' }).format(touch.dueAt);
    expect(when).toContain('Feb 16, 2026');
    const due = byTestId(container, 'touch-due');
    expect(due.textContent).toBe(`due since ${when}`);
    expect(due.className).toBe('tb-overdue');
    expect(due.parentElement!.textContent).toContain('Call · Service advisor ·');
    expect(container.textContent).toContain('Why: Durable goods: the first year after the purchase');
  });

  it('says it is loading while the plan of another client is on its way, never "no touch" before it is loaded', async () => {
    const plan = deferred<ClientPlan>();
    const { container, model, deps, seed, background } = await renderNextTouch();
    deps.plan.mockImplementationOnce(() => plan.promise);
    const boris = await seed(carOwner({ id: 'client-boris', name: 'Boris Ivanov', firstName: 'Boris' }));
    const loading = model.load(boris);
    await rendered();
    expect(byTestId(container, 'touch-loading').textContent).toBe('Loading the client’s plan…');
    expect(container.querySelector('[data-testid="no-touch"]')).toBeNull();
    expect(container.querySelector('[data-testid="next-touch"]')!.getAttribute('aria-busy')).toBe('true');

    plan.resolve(await background.deps.lifecycle.planFor(boris.id));
    await loading;
    await rendered();
    expect(container.querySelector('[data-testid="touch-loading"]')).toBeNull();
    expect(byTestId(container, 'touch-goal').textContent).toBeTruthy();
    expect(container.querySelector('[data-testid="next-touch"]')!.getAttribute('aria-busy')).toBe('false');
  });

  it('fills the script from the card and marks what the card lacks as a gap, never "undefined"', async () => {
    const { container } = await renderNextTouch();
    const script = byTestId(container, 'script');
    expect(script.textContent).toContain('Good morning, Anna, this is the service department of company.name. Your Toyota RAV4 Hybrid is due');
    const gaps = [...script.querySelectorAll('mark.tb-gap')];
    expect(gaps.map((gap) => gap.textContent)).toEqual(['company.name']);
    expect(gaps[0]!.getAttribute('title')).toBe('Missing on the card: fill it in yourself');
    expect(container.textContent).not.toMatch(/undefined|null|\{\{/);
  });

  it('copies the script with the gaps in brackets', async () => {
    const writeText = stubClipboard();
    const { container } = await renderNextTouch();
    byTestId(container, 'copy').click();
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^Good morning, Anna, this is the service department of \[company\.name\]\. /));
    await vi.waitFor(() => expect(byTestId(container, 'copy').textContent).toBe('Copied'));
  });

  it('"Done" asks how it went and sends the chosen outcome and the note', async () => {
    const { container, deps, touch } = await renderNextTouch();
    const doneButton = byTestId(container, 'touch-done');
    expect(doneButton.getAttribute('aria-expanded')).toBe('false');
    doneButton.click();
    await rendered();
    expect(doneButton.getAttribute('aria-expanded')).toBe('true');
    const radios = [...form(container).querySelectorAll<HTMLInputElement>('input[name="outcome"]')];
    expect(radios.map((radio) => [radio.value, radio.checked])).toEqual([
      ['reached', true],
      ['no-answer', false],
      ['rescheduled', false],
      ['not-interested', false],
    ]);
    radios[1]!.click();
    form(container).querySelector('textarea')!.value = '  voicemail twice ';
    submit(form(container));

    await vi.waitFor(() => expect(deps.done).toHaveBeenCalledWith(touch.id, 'no-answer', 'voicemail twice'));
    await rendered();
    expect(form(container)).toBeNull();
  });

  it('"no answer" offers a retry, which plans it when accepted', async () => {
    const { container, deps, touch, model } = await renderNextTouch();
    byTestId(container, 'touch-done').click();
    await rendered();
    form(container).querySelector<HTMLInputElement>('input[value="no-answer"]')!.click();
    submit(form(container));

    await vi.waitFor(() => expect(container.querySelector('.tb-notice[role="status"]')).not.toBeNull());
    const retryAt = model.retryOffer.value!.dueAt;
    const when = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv', dateStyle: 'medium', timeStyle: 'short' }).format(retryAt);
    expect(container.querySelector('.tb-notice')!.textContent).toContain(`No answer: try again ${when}?`);
    buttonByText(container, 'Plan the retry').click();
    await vi.waitFor(() => expect(deps.retry).toHaveBeenCalledWith(touch.id));
    await vi.waitFor(() => expect(container.querySelector('.tb-notice')).toBeNull());
  });

  it('with nothing chosen, "Done" means reached, without a note', async () => {
    const { container, deps, touch } = await renderNextTouch();
    byTestId(container, 'touch-done').click();
    await rendered();
    submit(form(container));
    await vi.waitFor(() => expect(deps.done).toHaveBeenCalledWith(touch.id, 'reached', null));
  });

  it('snoozes for an hour, until tomorrow, or until a picked time', async () => {
    const { container, deps, touch } = await renderNextTouch();
    byTestId(container, 'touch-snooze').click();
    await rendered();
    buttonByText(form(container), '1 hour').click();
    await vi.waitFor(() => expect(deps.snooze).toHaveBeenLastCalledWith(touch.id, NOW + 3_600_000));
    await rendered();
    expect(form(container)).toBeNull();

    byTestId(container, 'touch-snooze').click();
    await rendered();
    typeInto(form(container).querySelector('input[name="until"]')!, '2026-03-05T10:30');
    submit(form(container));
    await vi.waitFor(() => expect(deps.snooze).toHaveBeenLastCalledWith(touch.id, new Date('2026-03-05T10:30').getTime()));
  });

  it('"Tomorrow" is the same time tomorrow on the client\'s calendar, across a clock change too', async () => {
    const { container, deps, touch } = await renderNextTouch();
    // Kyiv moves its clocks forward in the night to 29 March 2026: that day has 23 hours.
    const saturday = Date.parse('2026-03-28T08:00:00Z'); // 10:00 in Kyiv
    vi.mocked(Date.now).mockReturnValue(saturday);
    byTestId(container, 'touch-snooze').click();
    await rendered();
    buttonByText(form(container), 'Tomorrow').click();
    await vi.waitFor(() => expect(deps.snooze).toHaveBeenCalledWith(touch.id, Date.parse('2026-03-29T07:00:00Z')));
  });

  it('a snooze without a time does nothing', async () => {
    const { container, deps } = await renderNextTouch();
    byTestId(container, 'touch-snooze').click();
    await rendered();
    submit(form(container));
    await rendered();
    expect(deps.snooze).not.toHaveBeenCalled();
    expect(form(container)).not.toBeNull();
  });

  it('skips only with a reason', async () => {
    const { container, deps, touch } = await renderNextTouch();
    byTestId(container, 'touch-skip').click();
    await rendered();
    const reason = form(container).querySelector<HTMLInputElement>('input[name="reason"]')!;
    expect(reason.getAttribute('aria-label')).toBe('Why skip it?');
    typeInto(reason, '   ');
    submit(form(container));
    await rendered();
    expect(deps.skip).not.toHaveBeenCalled();

    typeInto(reason, 'The car was sold');
    submit(form(container));
    await vi.waitFor(() => expect(deps.skip).toHaveBeenCalledWith(touch.id, 'The car was sold'));
  });

  it('one form at a time: opening another closes the first, a second click closes it', async () => {
    const { container } = await renderNextTouch();
    byTestId(container, 'touch-done').click();
    await rendered();
    byTestId(container, 'touch-skip').click();
    await rendered();
    expect(container.querySelectorAll('article form')).toHaveLength(1);
    expect(form(container).querySelector('input[name="reason"]')).not.toBeNull();
    byTestId(container, 'touch-skip').click();
    await rendered();
    expect(form(container)).toBeNull();
  });

  it('lists the touches planned after this one', async () => {
    const { container, model } = await renderNextTouch();
    const following = byTestId(container, 'following-touches');
    expect(following.querySelector('summary')!.textContent).toBe(`Then: ${model.following.value.length} more planned`);
    expect([...following.querySelectorAll('li')].map((item) => item.textContent.split(' — ')[1])).toEqual(
      model.following.value.map((touch) => touch.goal),
    );
  });

  it('says so when nothing is planned', async () => {
    const { container } = await renderNextTouch(carOwner(), { plan: () => Promise.resolve({ open: [], history: [], timeZone: 'UTC', anchors: {} }) });
    expect(byTestId(container, 'no-touch').textContent).toBe(t('nextTouchNone'));
    expect(container.querySelector('[data-testid="touch-done"]')).toBeNull();
    expect(container.querySelector('[data-testid="following-touches"]')).toBeNull();
  });

  it('records a callback the client asked for, with the note', async () => {
    const { container, deps } = await renderNextTouch();
    buttonByText(container, t('callbackAction')).click();
    await rendered();
    const callback = container.querySelector<HTMLFormElement>('section > form')!;
    typeInto(callback.querySelector('input[name="at"]')!, '2026-03-04T15:00');
    typeInto(callback.querySelector('input[name="note"]')!, 'about the fleet');
    submit(callback);
    await vi.waitFor(() => expect(deps.callback).toHaveBeenCalledWith('client-anna', new Date('2026-03-04T15:00').getTime(), 'about the fleet'));
  });

  it('records a purchase at midday of the chosen date', async () => {
    const { container, deps } = await renderNextTouch();
    buttonByText(container, 'Record a purchase').click();
    await rendered();
    const purchase = container.querySelector<HTMLFormElement>('section > form')!;
    typeInto(purchase.querySelector('input[name="product"]')!, 'Roof box');
    typeInto(purchase.querySelector('input[name="date"]')!, '2026-03-01');
    submit(purchase);
    await vi.waitFor(() => expect(deps.purchase).toHaveBeenCalledWith('client-anna', 'Roof box', null, new Date('2026-03-01T12:00:00').getTime(), null));
  });

  it('records what a purchase came to, and refuses an amount it cannot read instead of guessing', async () => {
    const { container, deps } = await renderNextTouch();
    buttonByText(container, 'Record a purchase').click();
    await rendered();
    const purchase = container.querySelector<HTMLFormElement>('section > form')!;
    typeInto(purchase.querySelector('input[name="product"]')!, 'Roof box');
    typeInto(purchase.querySelector('input[name="date"]')!, '2026-03-01');
    typeInto(purchase.querySelector('input[name="amount"]')!, '1 250,50');
    typeInto(purchase.querySelector('input[name="currency"]')!, '');
    submit(purchase);
    await rendered();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('three-letter code');
    expect(deps.purchase).not.toHaveBeenCalled();

    typeInto(purchase.querySelector('input[name="currency"]')!, 'eur');
    submit(purchase);
    await vi.waitFor(() =>
      expect(deps.purchase).toHaveBeenCalledWith('client-anna', 'Roof box', null, new Date('2026-03-01T12:00:00').getTime(), { amount: 1250.5, currency: 'EUR' }),
    );
  });
});

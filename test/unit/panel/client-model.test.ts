import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClientPlan } from '../../../lib/background/lifecycle-service';
import { DEFAULT_BOOKS } from '../../../lib/book/defaults';
import { createClientPanelModel } from '../../../lib/panel/client-model';
import { deferred } from '../factories';
import { daysAgo, makeClient, makeProduct } from '../suggest/factories';
import { loadedPanel, makePanelBackend, NOW } from './client-deps';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Anna bought a car 200 days ago and told the salesman she likes tuning and alloy wheels. */
function carOwner(overrides: Parameters<typeof makeClient>[0] = {}) {
  return makeClient({ tags: ['tuning', 'alloy wheels'], products: [makeProduct({ purchasedAt: daysAgo(200) })], ...overrides });
}

/** Boris has no purchase on his card, so nothing is planned for him. */
function newcomer() {
  return makeClient({ id: 'client-boris', name: 'Boris Ivanov', firstName: 'Boris', products: [], birthday: null });
}

const search = (model: { query: { value: string } }, text: string) => {
  model.query.value = text;
};

describe('client panel model: loading', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the plan, the book, the answers and the offers of the client; the due touch comes first', async () => {
    const { model, deps, client } = await loadedPanel(carOwner());

    for (const call of [deps.plan, deps.answers, deps.offers]) expect(call).toHaveBeenCalledWith(client.id);
    expect(model.client.value?.id).toBe('client-anna');
    expect(model.book.value?.id).toBe('touchbook-default-en');
    expect(model.next.value).toMatchObject({ templateId: 'service-reminder', state: 'due' });
    expect(model.following.value.map((touch) => touch.id)).toEqual(model.plan.value!.open.slice(1).map((touch) => touch.id));
    expect(model.following.value.length).toBeGreaterThan(0);
    expect(model.following.value.every((touch) => touch.state === 'planned')).toBe(true);
    expect(model.problem.value).toBeNull();
  });

  it('shows nothing for no client and asks the background nothing', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    deps.plan.mockClear();
    await model.load(null);
    expect(model.client.value).toBeNull();
    expect(model.plan.value).toBeNull();
    expect(model.next.value).toBeNull();
    expect(model.crossSell.value).toEqual([]);
    expect(model.questionnaire.value).toBeNull();
    expect(deps.plan).not.toHaveBeenCalled();
  });

  it('a slow load of the previous client that finishes last does not replace the current one', async () => {
    const backend = makePanelBackend();
    const anna = await backend.seed(carOwner());
    const boris = await backend.seed(newcomer());
    const annaPlan = deferred<ClientPlan>();
    backend.deps.plan.mockImplementationOnce(() => annaPlan.promise);
    const model = createClientPanelModel(backend.deps);

    const first = model.load(anna);
    await model.load(boris);
    expect(model.client.value?.id).toBe('client-boris');
    expect(model.next.value?.clientId).toBe('client-boris');

    annaPlan.resolve(await backend.background.deps.lifecycle.planFor(anna.id));
    await first;
    expect(model.client.value?.id).toBe('client-boris');
    expect(model.plan.value?.open.every((touch) => touch.clientId === 'client-boris')).toBe(true);
    expect(model.crossSell.value).toEqual([]);
  });

  it("a stale failure does not show as the current client's problem", async () => {
    const backend = makePanelBackend();
    const anna = await backend.seed(carOwner());
    const boris = await backend.seed(newcomer());
    const annaPlan = deferred<ClientPlan>();
    backend.deps.plan.mockImplementationOnce(() => annaPlan.promise);
    const model = createClientPanelModel(backend.deps);

    const first = model.load(anna);
    await model.load(boris);
    annaPlan.reject(new Error('worker restarting'));
    await first;
    expect(model.problem.value).toBeNull();
  });

  it("never shows the previous client's touches, answers or offers while the next client loads", async () => {
    const { model, deps, db } = await loadedPanel(carOwner());
    await model.answer('current-suppliers', 'Bosch');
    await model.markOffer('car-tuning', 'offered');
    const boris = newcomer();
    await db.clients.put(boris);
    const borisPlan = deferred<ClientPlan>();
    deps.plan.mockImplementationOnce(() => borisPlan.promise);

    const loading = model.load(boris);
    expect(model.client.value?.id).toBe('client-boris');
    expect(model.next.value).toBeNull();
    expect(model.answers.value).toEqual([]);
    expect(model.questionnaireProgress.value?.answered).toBe(0);

    expect(model.crossSell.value).toEqual([]);

    borisPlan.resolve({ open: [], history: [], timeZone: 'Europe/Kyiv', anchors: {} });
    await loading;
    expect(model.next.value).toBeNull();
  });

  it('a background failure becomes the problem, and the next good load clears it', async () => {
    const { model, deps, client } = await loadedPanel(carOwner());
    deps.plan.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await model.load(client);
    expect(model.problem.value).toBe('Extension context invalidated.');
    await model.load(client);
    expect(model.problem.value).toBeNull();
  });

  it('fetches the book once: another client, or the same one changed, costs only its own data', async () => {
    const backend = makePanelBackend();
    const anna = await backend.seed(carOwner());
    const boris = await backend.seed(newcomer());
    const model = createClientPanelModel(backend.deps);
    await model.load(anna);
    const index = model.objectionResults; // the search index is built from the book
    search(model, 'too expensive');
    const before = index.value;
    await model.load(boris);
    await model.load({ ...anna, updatedAt: anna.updatedAt + 1 });
    expect(backend.deps.book).toHaveBeenCalledTimes(1);
    expect(backend.deps.plan).toHaveBeenCalledTimes(3);
    search(model, 'too expensive');
    expect(model.objectionResults.value.map((result) => result.objection.id)).toEqual(before.map((result) => result.objection.id));
  });

  it("searches the book's phrasings at once, then also its language's example phrasings once they arrive, showing only book phrasings", async () => {
    const backend = makePanelBackend();
    const anna = await backend.seed(carOwner());
    const examples = deferred<Record<string, string[]>>();
    const asked: string[] = [];
    const model = createClientPanelModel({ ...backend.deps, examples: (language) => (asked.push(language), examples.promise) });
    await model.load(anna);
    search(model, 'the tractor budget is spent, the money is gone till autumn');
    const before = model.objectionResults.value.map((result) => result.objection.id);
    expect(asked).toEqual(['en']); // the book's language only, asked when the search is first used
    expect(before[0]).not.toBe('other-send-info');

    examples.resolve({ 'other-send-info': ['the tractor budget is spent, the money is gone till autumn'], 'my-own-objection': ['tractor'] });
    await examples.promise;
    await Promise.resolve();
    const after = model.objectionResults.value;
    expect(after[0]?.objection.id).toBe('other-send-info');
    const bookPhrasings = DEFAULT_BOOKS.en.objections.find((objection) => objection.id === 'other-send-info')!.phrasings;
    expect(bookPhrasings).toContain(after[0]!.matched);
    search(model, 'more words');
    expect(asked).toEqual(['en']); // loaded once
  });

  it('a book that failed to load is asked for again with the next client', async () => {
    const backend = makePanelBackend();
    const anna = await backend.seed(carOwner());
    backend.deps.book.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    const model = createClientPanelModel(backend.deps);
    await model.load(anna);
    expect(model.problem.value).toBe('Extension context invalidated.');
    expect(model.book.value).toBeNull();
    await model.load(anna);
    expect(model.book.value?.id).toBe('touchbook-default-en');
    expect(model.problem.value).toBeNull();
  });

  it('reloadBook brings the new book in without refetching the client, and keeps the old one if it fails', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    const english = model.book.value!;
    deps.plan.mockClear();
    deps.book.mockImplementationOnce(() => Promise.resolve({ book: { ...english, title: 'Spring book', objections: [] }, notes: {}, orphaned: { responses: {}, notes: {} } }));
    await model.reloadBook();
    expect(model.book.value?.title).toBe('Spring book');
    search(model, 'too expensive');
    expect(model.objectionResults.value).toEqual([]); // the index follows the new book
    expect(deps.plan).not.toHaveBeenCalled();

    deps.book.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await model.reloadBook();
    expect(model.book.value?.title).toBe('Spring book');
    expect(model.problem.value).toBe('Extension context invalidated.');
    await model.reloadBook();
    expect(model.book.value?.id).toBe('touchbook-default-en');
    expect(model.problem.value).toBeNull();
  });

  it('a new client clears the search and the retry offer; a reload of the same client keeps them', async () => {
    const { model, client, db } = await loadedPanel(carOwner());
    search(model, 'too expensive');
    await model.done(model.next.value!.id, 'no-answer', null);
    expect(model.retryOffer.value).not.toBeNull();

    await model.load(client);
    expect(model.query.value).toBe('too expensive');
    expect(model.retryOffer.value).not.toBeNull();

    const boris = newcomer();
    await db.clients.put(boris);
    await model.load(boris);
    expect(model.query.value).toBe('');
    expect(model.retryOffer.value).toBeNull();
  });
});

describe('client panel model: offers and profile', () => {
  beforeEach(() => fakeBrowser.reset());

  it('ranks cross-sell offers from the book for what the client bought and the interests on the card', async () => {
    const { model } = await loadedPanel(carOwner());
    expect(model.crossSell.value.map((offer) => offer.ruleId)).toEqual(['car-alloy-wheels', 'car-tuning', 'car-extended-warranty']);
    expect(model.crossSell.value.every((offer) => offer.status === 'new')).toBe(true);
  });

  it('marking an offer stores it and reloads: a declined offer sinks to the bottom', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    deps.offers.mockClear();
    await model.markOffer('car-alloy-wheels', 'declined');
    expect(deps.markOffer).toHaveBeenCalledWith('client-anna', 'car-alloy-wheels', 'declined');
    expect(deps.offers).toHaveBeenCalledTimes(1);
    expect(model.crossSell.value.map((offer) => [offer.ruleId, offer.status])).toEqual([
      ['car-tuning', 'new'],
      ['car-extended-warranty', 'new'],
      ['car-alloy-wheels', 'declined'],
    ]);
  });

  it("the client's churn reason brings the book's objections before anything is typed", async () => {
    const { model } = await loadedPanel(carOwner());
    expect(model.objectionResults.value).toEqual([]);

    await model.setProfile({ churnReason: 'too-expensive' });
    expect(model.client.value?.churnReason).toBe('too-expensive');
    expect(model.profile.value?.objectionIds).toEqual(['price-too-expensive']);
    expect(model.objectionResults.value[0]?.objection.id).toBe('price-too-expensive');
    expect(model.objectionResults.value.every((result) => result.objection.category === 'price')).toBe(true);
  });

  it('a setProfile is sent for the current client and replans', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    deps.plan.mockClear();
    await model.setProfile({ buyerType: 'mercenary' });
    expect(deps.profile).toHaveBeenCalledWith('client-anna', { buyerType: 'mercenary' });
    expect(deps.plan).toHaveBeenCalledTimes(1);
    expect(model.profile.value?.buyerType?.id).toBe('mercenary');
  });
});

describe('client panel model: questionnaire', () => {
  beforeEach(() => fakeBrowser.reset());

  it("picks the book's negotiation questionnaire and counts what is answered", async () => {
    const { model } = await loadedPanel(carOwner());
    expect(model.questionnaire.value?.id).toBe('negotiation');
    expect(model.questionnaireProgress.value).toMatchObject({ answered: 0, total: 15 });
    expect(model.questionnaireProgress.value?.missingImportant.map((question) => question.id)).toContain('current-suppliers');
  });

  it('shows an answer at once, before the background confirms it, and stores it', async () => {
    const { model, deps, db } = await loadedPanel(carOwner());
    const saved = deferred<unknown>();
    const store = deps.saveAnswer.getMockImplementation()!;
    deps.saveAnswer.mockImplementationOnce(async (answer) => {
      await saved.promise;
      return store(answer);
    });

    const answering = model.answer('current-suppliers', '  Bosch and Makita ');
    expect(model.answers.value).toEqual([
      { clientId: 'client-anna', questionnaireId: 'negotiation', questionId: 'current-suppliers', value: 'Bosch and Makita', updatedAt: NOW },
    ]);
    expect(model.questionnaireProgress.value?.answered).toBe(1);
    expect(model.questionnaireProgress.value?.missingImportant.map((question) => question.id)).not.toContain('current-suppliers');

    saved.resolve(null);
    await expect(answering).resolves.toBeNull();
    await expect(db.answers.get(['client-anna', 'current-suppliers'])).resolves.toMatchObject({ value: 'Bosch and Makita' });
  });

  it('replaces an earlier answer to the same question instead of adding a second one', async () => {
    const { model } = await loadedPanel(carOwner());
    await model.answer('current-suppliers', 'Bosch');
    await model.answer('current-suppliers', 'Makita');
    expect(model.answers.value.map((answer) => answer.value)).toEqual(['Makita']);
  });

  it('checks the value against the question: a typo in a number is reported and nothing is stored', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    await expect(model.answer('order-size', '1,200')).resolves.toBe('expected a number');
    await expect(model.answer('order-size', 'about ten')).resolves.toBe('expected a number');
    expect(deps.saveAnswer).not.toHaveBeenCalled();
    expect(model.answers.value).toEqual([]);

    await expect(model.answer('order-size', '1 200')).resolves.toBeNull();
    expect(model.answers.value[0]?.value).toBe(1200);
    expect(deps.saveAnswer).toHaveBeenCalledWith({ clientId: 'client-anna', questionnaireId: 'negotiation', questionId: 'order-size', value: 1200 });
  });

  it('stores a choice as the book spells it and refuses one the book does not offer', async () => {
    const { model } = await loadedPanel(carOwner());
    await expect(model.answer('payment-method', 'bank TRANSFER')).resolves.toBeNull();
    expect(model.answers.value[0]?.value).toBe('Bank transfer');
    await expect(model.answer('payment-method', 'Bitcoin')).resolves.toContain('expected one of');
    expect(model.answers.value.map((answer) => answer.value)).toEqual(['Bank transfer']);
  });

  it('ignores a question the questionnaire does not have', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    await expect(model.answer('no-such-question', 'x')).resolves.toBeNull();
    expect(deps.saveAnswer).not.toHaveBeenCalled();
    expect(model.answers.value).toEqual([]);
  });

  it('returns the error when the background could not store the answer', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    deps.saveAnswer.mockRejectedValueOnce(new Error('database is closed'));
    await expect(model.answer('current-suppliers', 'Bosch')).resolves.toBe('database is closed');
  });

  it('saved answers come back when the panel opens again', async () => {
    const { model, deps, client } = await loadedPanel(carOwner());
    await model.answer('decision-makers', 'The owner and the CFO');
    const reopened = createClientPanelModel(deps);
    await reopened.load(client);
    expect(reopened.answers.value.map(({ questionId, value }) => [questionId, value])).toEqual([['decision-makers', 'The owner and the CFO']]);
    expect(reopened.questionnaireProgress.value?.answered).toBe(1);
  });
});

describe('client panel model: objections', () => {
  beforeEach(() => fakeBrowser.reset());

  it('finds the price objection of the English book from a Russian client’s words, and shows it in English', async () => {
    const { model } = await loadedPanel(carOwner());
    search(model, 'Это слишком дорого');
    const [best] = model.objectionResults.value;
    expect(best?.objection.id).toBe('price-too-expensive');
    expect(best?.objection.responses[0]?.text).toMatch(/^I understand\. Compared with what/);
    // The synonyms table bridges the languages; the manager sees the book's own wording.
    expect(best?.objection.phrasings).toContain(best?.matched);
    expect(model.confident.value).toBe(true);
  });

  it('shows only phrasings of the manager\'s book, whatever language the client speaks', async () => {
    const { model } = await loadedPanel(carOwner());
    const english = new Set(DEFAULT_BOOKS.en.objections.flatMap((objection) => objection.phrasings));
    for (const words of ['перезвоните после праздников', 'треба погодити з директором', 'θα το σκεφτώ', 'call me after the holidays']) {
      search(model, words);
      expect(model.objectionResults.value.length, words).toBeGreaterThan(0);
      for (const result of model.objectionResults.value) expect(english.has(result.matched), `${words}: ${result.matched}`).toBe(true);
    }
  });

  it('lists each objection once even when several languages match it', async () => {
    const { model } = await loadedPanel(carOwner());
    search(model, 'дорого expensive ακριβό');
    const ids = model.objectionResults.value.map((result) => result.objection.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(5);
  });

  it('is not confident about words the book has no answer for, and offers the five steps', async () => {
    const { model } = await loadedPanel(carOwner());
    search(model, 'zebra quantum');
    expect(model.objectionResults.value).toEqual([]);
    expect(model.confident.value).toBe(false);
    expect(model.dontKnow.value?.steps).toHaveLength(5);
  });

  it("records the client's words for the team lead, trimmed, with the client", async () => {
    const { model, db } = await loadedPanel(carOwner());
    search(model, '  Your delivery van is too loud  ');
    await model.recordUnmatched();
    expect((await db.unmatchedObjections.toArray()).map(({ text, clientId }) => ({ text, clientId }))).toEqual([
      { text: 'Your delivery van is too loud', clientId: 'client-anna' },
    ]);
  });
});

describe('client panel model: touch actions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('"no answer" offers a retry at the time the background proposes; accepting plans it', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    const touch = model.next.value!;
    await model.done(touch.id, 'no-answer', 'voicemail');

    expect(deps.done).toHaveBeenCalledWith(touch.id, 'no-answer', 'voicemail');
    const { retry } = (await deps.done.mock.results[0]!.value) as { retry: { dueAt: number } };
    expect(model.retryOffer.value).toEqual({ touchId: touch.id, dueAt: retry.dueAt });
    expect(model.retryOffer.value!.dueAt).toBeGreaterThan(NOW);
    expect(model.plan.value?.open.map((open) => open.id)).not.toContain(touch.id);

    await model.acceptRetry();
    expect(deps.retry).toHaveBeenCalledWith(touch.id);
    expect(model.retryOffer.value).toBeNull();
    expect(model.plan.value?.open.some((open) => open.source === 'manager' && open.dueAt === retry.dueAt)).toBe(true);
  });

  it('any other outcome offers no retry, and a dismissed offer is gone', async () => {
    const { model } = await loadedPanel(carOwner());
    await model.done(model.next.value!.id, 'reached', null);
    expect(model.retryOffer.value).toBeNull();
    expect(model.next.value?.state).toBe('planned');

    const second = await loadedPanel(carOwner());
    await second.model.done(second.model.next.value!.id, 'no-answer', null);
    second.model.dismissRetry();
    expect(second.model.retryOffer.value).toBeNull();
    expect(second.deps.retry).not.toHaveBeenCalled();
  });

  it('snoozing and skipping go to the background and the plan is reloaded', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    const touch = model.next.value!;
    deps.plan.mockClear();
    await model.snooze(touch.id, NOW + 2 * HOUR);
    expect(deps.snooze).toHaveBeenCalledWith(touch.id, NOW + 2 * HOUR);
    expect(deps.plan).toHaveBeenCalledTimes(1);
    expect(model.plan.value?.open.find((open) => open.id === touch.id)?.snoozedUntil).toBe(NOW + 2 * HOUR);

    await model.skip(touch.id, 'the car was sold');
    expect(deps.skip).toHaveBeenCalledWith(touch.id, 'the car was sold');
    expect(model.plan.value?.open.map((open) => open.id)).not.toContain(touch.id);
    expect(model.plan.value?.history.find((old) => old.id === touch.id)?.skipReason).toBe('the car was sold');
  });

  it('a callback and a purchase are recorded for the current client and show in the plan', async () => {
    const backend = makePanelBackend();
    const boris = await backend.seed(newcomer());
    const model = createClientPanelModel(backend.deps);
    await model.load(boris);
    expect(model.next.value?.programmeId).toBe('holidays');

    const at = NOW + 2 * DAY + 6 * HOUR;
    await model.requestCallback(at, 'about the fleet');
    expect(backend.deps.callback).toHaveBeenCalledWith('client-boris', at, 'about the fleet');
    expect(model.next.value?.dueAt).toBe(at);

    await model.recordPurchase('Ford Transit', 'Commercial vehicle', NOW - DAY);
    expect(backend.deps.purchase).toHaveBeenCalledWith('client-boris', 'Ford Transit', 'Commercial vehicle', NOW - DAY, null);
    expect(model.plan.value?.open.some((touch) => touch.programmeId === 'durable-goods')).toBe(true);
  });

  it('a failed action shows its error, even though the reload after it succeeds', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    deps.skip.mockRejectedValueOnce(new Error('touch not found: t-1'));
    deps.plan.mockClear();
    await model.skip('t-1', 'duplicate');
    expect(deps.plan).toHaveBeenCalledTimes(1);
    expect(model.problem.value).toBe('touch not found: t-1');

    await model.snooze(model.next.value!.id, NOW + HOUR);
    expect(model.problem.value).toBeNull();
  });

  it('each action resolves to whether it worked', async () => {
    const { model, deps } = await loadedPanel(carOwner());
    search(model, 'Your van is too loud');
    await expect(model.recordUnmatched()).resolves.toBe(true);
    deps.unmatched.mockRejectedValueOnce(new Error('worker restarting'));
    await expect(model.recordUnmatched()).resolves.toBe(false);
    expect(model.problem.value).toBe('worker restarting');
  });

  it('does nothing without a client', async () => {
    const backend = makePanelBackend();
    const model = createClientPanelModel(backend.deps);
    await expect(model.snooze('t-1', NOW)).resolves.toBe(false);
    await model.markOffer('car-tuning', 'offered');
    await expect(model.answer('current-suppliers', 'x')).resolves.toBeNull();
    expect(backend.deps.snooze).not.toHaveBeenCalled();
    expect(backend.deps.markOffer).not.toHaveBeenCalled();
    expect(backend.deps.plan).not.toHaveBeenCalled();
  });
});

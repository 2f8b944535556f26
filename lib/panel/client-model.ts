import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { LayeredBookReply } from '../background/books';
import type { ClientPlan } from '../background/lifecycle-service';
import type { LayeredObjection } from '../book/layers';
import type { BuyerTypeId } from '../book/schema';
import type { AnswerRecord, ClientRecord, OfferStatus, TouchOutcome, TouchRecord } from '../db/schema';
import { placementsOf, type SegmentPlacement } from '../lifecycle/segments';
import { rankCrossSell, type CrossSellOffer } from '../suggest/cross-sell';
import {
  buildBookObjectionIndex,
  dontKnowSteps,
  exampleLanguageOf,
  isConfidentMatch,
  loadExamplePhrasings,
  searchObjections,
  type ExamplePhrasings,
  type ObjectionMatch,
} from '../suggest/objections';
import { ideasForBuyerType, type SuggestedIdea } from '../suggest/ideas';
import { churnRisk, suggestionsForProfile, type ChurnRisk, type ProfileSuggestions } from '../suggest/profile';
import { AnswerValueSchema, progress, questionnaireFor, type Progress } from '../suggest/questionnaire';

/** What the side panel asks of the background for one client. */
export interface ClientPanelDeps {
  plan: (clientId: string) => Promise<ClientPlan>;
  book: () => Promise<LayeredBookReply>;
  answers: (clientId: string) => Promise<AnswerRecord[]>;
  offers: (clientId: string) => Promise<Record<string, OfferStatus>>;
  saveAnswer: (answer: { clientId: string; questionnaireId: string; questionId: string; value: string | number | null }) => Promise<unknown>;
  markOffer: (clientId: string, ruleId: string, status: OfferStatus | null) => Promise<unknown>;
  done: (touchId: string, outcome: TouchOutcome, note: string | null) => Promise<{ retry: TouchRecord | null }>;
  retry: (touchId: string) => Promise<unknown>;
  snooze: (touchId: string, until: number) => Promise<unknown>;
  skip: (touchId: string, reason: string) => Promise<unknown>;
  callback: (clientId: string, at: number, note: string | null) => Promise<unknown>;
  purchase: (
    clientId: string,
    product: string,
    category: string | null,
    date: number,
    money?: { amount: number; currency: string } | null,
  ) => Promise<unknown>;
  /** Resolves to the client as stored after the change. */
  profile: (clientId: string, profile: { buyerType?: BuyerTypeId | null; churnReason?: string | null }) => Promise<ClientRecord | undefined>;
  /** Resolves to the client as stored after the change. */
  discount: (clientId: string, discount: { amount: string; until: string | null } | null) => Promise<ClientRecord | undefined>;
  unmatched: (text: string, clientId: string | null) => Promise<unknown>;
  now: () => number;
  /** The objection search's example phrasings for a book language; `loadExamplePhrasings` unless a test says otherwise. */
  examples?: (bookLanguage: string) => Promise<ExamplePhrasings>;
}

export type ObjectionResult = ObjectionMatch<LayeredObjection>;

/**
 * Everything the side panel shows for the client on screen, as signals: the plan (next touch
 * first), cross-sell offers, the questionnaire with saved answers, objection search and the
 * client's profile. `load` is called when the client changes and whenever its data changed
 * elsewhere (another tab, the popup); `reloadBook` when the book did (a sync, an import, a
 * personal answer). Actions go to the background and reload.
 */
export function createClientPanelModel(deps: ClientPanelDeps) {
  const client = signal<ClientRecord | null>(null);
  const plan = signal<ClientPlan | null>(null);
  const bookReply = signal<LayeredBookReply | null>(null);
  const answers = signal<AnswerRecord[]>([]);
  const offers = signal<Record<string, OfferStatus>>({});
  const query = signal('');
  const problem = signal<string | null>(null);
  /** The client whose plan, answers and offers are loaded (the panel says "loading" until then). */
  const loadedId = signal<string | null>(null);
  /** The "no answer" follow-up the manager may accept after marking a touch done. */
  const retryOffer = signal<{ touchId: string; dueAt: number } | null>(null);
  let generation = 0;
  let bookGeneration = 0;

  const book = computed(() => bookReply.value?.book ?? null);
  const next = computed(() => plan.value?.open[0] ?? null);
  const following = computed(() => plan.value?.open.slice(1) ?? []);

  const crossSell = computed<CrossSellOffer[]>(() =>
    client.value && book.value
      ? rankCrossSell(book.value, client.value, { now: deps.now(), offered: offers.value, timeZone: plan.value?.timeZone ?? 'UTC' })
      : [],
  );

  /** Negotiation questions before a deal, feedback (with 1-5 ratings) after one. */
  const questionnaireKind = signal<'negotiation' | 'feedback'>('negotiation');
  const questionnaire = computed(() =>
    client.value && book.value ? questionnaireFor(book.value, client.value, questionnaireKind.value) : null,
  );
  const questionnaireProgress = computed<Progress | null>(() =>
    questionnaire.value ? progress(questionnaire.value, answers.value) : null,
  );

  const profile = computed<ProfileSuggestions | null>(() =>
    client.value && book.value ? suggestionsForProfile(book.value, client.value) : null,
  );
  /** Loyalty tools and promotions the book suggests for the client's buyer type. */
  const ideas = computed<SuggestedIdea[]>(() => (client.value && book.value ? ideasForBuyerType(book.value, client.value.buyerType) : []));
  /** The client's groups in the book's segments ("Farm group: A"). */
  const segments = computed<SegmentPlacement[]>(() => (client.value && book.value ? placementsOf(book.value.segments, client.value) : []));
  const risk = computed<ChurnRisk | null>(() =>
    client.value
      ? churnRisk(client.value, [...(plan.value?.open ?? []), ...(plan.value?.history ?? [])], deps.now(), {
          ...(book.value ? { book: book.value } : {}),
          ...(plan.value ? { timeZone: plan.value.timeZone } : {}),
        })
      : null,
  );

  // Built once per book (and once more when its language's example phrasings arrive): searching
  // is per keystroke, indexing is not. Only the book's own phrasings and examples in the book's
  // language: a manager reads results in it, and pooling other languages made them cross-talk.
  // A client's words in another language still reach the book's objections through the
  // synonyms table (search/concepts.ts).
  const examples = signal<{ language: string; phrasings: ExamplePhrasings } | null>(null);
  let examplesRequested: string | null = null;
  const loadExamples = deps.examples ?? loadExamplePhrasings;
  /** The examples are a chunk of their own, fetched when the search is first used, not for the first paint. */
  const requestExamples = (bookLanguage: string) => {
    const language = exampleLanguageOf(bookLanguage);
    if (language === null || examplesRequested === language) return;
    examplesRequested = language;
    loadExamples(language).then(
      (phrasings) => {
        if (examplesRequested === language) examples.value = { language, phrasings };
      },
      () => {
        // Without them the search still works on the book's phrasings; a later search asks again.
        if (examplesRequested === language) examplesRequested = null;
      },
    );
  };
  const index = computed(() => {
    if (!book.value) return null;
    const language = exampleLanguageOf(book.value.language);
    const loaded = examples.value && examples.value.language === language ? examples.value.phrasings : {};
    return buildBookObjectionIndex(book.value.objections, loaded);
  });
  const objectionResults = computed<ObjectionResult[]>(() => {
    if (!book.value) return [];
    requestExamples(book.value.language);
    if (!index.value) return [];
    return searchObjections(index.value, query.value, {
      limit: 5,
      boostCategories: profile.value?.categories ?? [],
      boostIds: profile.value?.objectionIds ?? [],
    });
  });
  const confident = computed(() => isConfidentMatch(objectionResults.value));
  const dontKnow = computed(() => (book.value ? (dontKnowSteps(book.value) ?? null) : null));

  // Loads that start before the first book arrived (the record changed, a touch was planned) wait
  // for the same request instead of each asking for the book again.
  let pendingBook: Promise<LayeredBookReply> | null = null;
  const firstBook = () => {
    pendingBook ??= deps.book().finally(() => {
      pendingBook = null;
    });
    return pendingBook;
  };

  const load = async (nextClient: ClientRecord | null) => {
    const mine = ++generation;
    if (nextClient?.id !== client.value?.id) {
      // Nothing of the previous client may show (or be acted on) while this one loads.
      plan.value = null;
      loadedId.value = null;
      answers.value = [];
      offers.value = {};
      retryOffer.value = null;
      query.value = '';
    }
    client.value = nextClient;
    if (!nextClient) {
      plan.value = null;
      loadedId.value = null;
      return;
    }
    try {
      // The book is the same for every client: fetched once (and again when it changes, see
      // `reloadBook`), so switching clients costs only the client's own data and no re-indexing.
      const [nextPlan, nextBook, nextAnswers, nextOffers] = await Promise.all([
        deps.plan(nextClient.id),
        bookReply.value ?? firstBook(),
        deps.answers(nextClient.id),
        deps.offers(nextClient.id),
      ]);
      if (mine !== generation) return; // a newer load (another client) won
      plan.value = nextPlan;
      loadedId.value = nextClient.id;
      if (nextBook !== bookReply.value) bookReply.value = nextBook;
      answers.value = nextAnswers;
      offers.value = nextOffers;
      problem.value = null;
    } catch (error) {
      if (mine === generation) problem.value = messageOf(error);
    }
  };

  /**
   * Fetches the book again: the team book, the personal layer or the language changed. The
   * client's suggestions follow from the signals; a failure keeps the book shown so far.
   */
  const reloadBook = async () => {
    const mine = ++bookGeneration;
    try {
      const nextBook = await deps.book();
      if (mine !== bookGeneration) return; // a newer reload is on its way
      bookReply.value = nextBook;
      problem.value = null;
    } catch (error) {
      if (mine === bookGeneration) problem.value = messageOf(error);
    }
  };

  /**
   * Runs an action for the current client, then reloads what it may have changed. Resolves to
   * whether the action succeeded (its error is the `problem`).
   */
  const act = async (work: (clientId: string) => Promise<unknown>): Promise<boolean> => {
    const current = client.value;
    if (!current) return false;
    let failure: string | null = null;
    try {
      await work(current.id);
    } catch (error) {
      failure = messageOf(error);
    }
    await load(client.value);
    // After the reload, which clears the problems of earlier loads, not this action's.
    if (failure !== null && client.value?.id === current.id) problem.value = failure;
    return failure === null;
  };

  return {
    client: client as ReadonlySignal<ClientRecord | null>,
    /** True once everything about the client on screen is loaded. */
    ready: computed(() => client.value !== null && client.value.id === loadedId.value),
    plan: plan as ReadonlySignal<ClientPlan | null>,
    book,
    notes: computed(() => bookReply.value?.notes ?? {}),
    next,
    following,
    crossSell,
    questionnaire,
    questionnaireKind,
    questionnaireProgress,
    answers: answers as ReadonlySignal<AnswerRecord[]>,
    profile,
    ideas,
    segments,
    risk,
    query,
    objectionResults,
    confident,
    dontKnow,
    problem: problem as ReadonlySignal<string | null>,
    retryOffer: retryOffer as ReadonlySignal<{ touchId: string; dueAt: number } | null>,
    load,
    reloadBook,

    done: (touchId: string, outcome: TouchOutcome, note: string | null) =>
      act(async () => {
        const result = await deps.done(touchId, outcome, note);
        retryOffer.value = outcome === 'no-answer' && result.retry ? { touchId, dueAt: result.retry.dueAt } : null;
      }),
    acceptRetry: () =>
      act(async () => {
        const offer = retryOffer.value;
        if (offer) await deps.retry(offer.touchId);
        retryOffer.value = null;
      }),
    dismissRetry: () => {
      retryOffer.value = null;
    },
    snooze: (touchId: string, until: number) => act(() => deps.snooze(touchId, until)),
    skip: (touchId: string, reason: string) => act(() => deps.skip(touchId, reason)),
    requestCallback: (at: number, note: string | null) => act((clientId) => deps.callback(clientId, at, note)),
    recordPurchase: (product: string, category: string | null, date: number, money?: { amount: number; currency: string } | null) =>
      act((clientId) => deps.purchase(clientId, product, category, date, money ?? null)),
    setProfile: (change: { buyerType?: BuyerTypeId | null; churnReason?: string | null }) =>
      act(async (clientId) => {
        // The reload reads the client it is given: it must be the changed one.
        const updated = await deps.profile(clientId, change);
        if (updated && updated.id === client.value?.id) client.value = updated;
      }),
    setDiscount: (discount: { amount: string; until: string | null } | null) =>
      act(async (clientId) => {
        const updated = await deps.discount(clientId, discount);
        if (updated && updated.id === client.value?.id) client.value = updated;
      }),
    markOffer: (ruleId: string, status: OfferStatus | null) => act((clientId) => deps.markOffer(clientId, ruleId, status)),

    /**
     * Saves one answer. The value is checked against the question first, so a typo in a number
     * is reported next to the field instead of being stored; returns that message, or null.
     */
    async answer(questionId: string, value: string | number | null): Promise<string | null> {
      const current = client.value;
      const asked = questionnaire.value;
      const question = asked?.questions.find((candidate) => candidate.id === questionId);
      if (!current || !asked || !question) return null;
      const parsed = AnswerValueSchema(question).safeParse(value);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid answer';
      // Show it at once; the background stores it (autosave) and a reload confirms it.
      const record: AnswerRecord = { clientId: current.id, questionnaireId: asked.id, questionId, value: parsed.data, updatedAt: deps.now() };
      answers.value = [...answers.value.filter((answer) => answer.questionId !== questionId), record];
      try {
        await deps.saveAnswer({ clientId: current.id, questionnaireId: asked.id, questionId, value: parsed.data });
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },

    /** "The book has no answer": keep the client's words for the team lead. */
    recordUnmatched: () => act((clientId) => deps.unmatched(query.value.trim(), clientId)),
  };
}

export type ClientPanelModel = ReturnType<typeof createClientPanelModel>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

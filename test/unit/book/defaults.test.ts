import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOK_LANGUAGES, DEFAULT_BOOKS, defaultBookFor, defaultBookLanguage } from '../../../lib/book/defaults/index';
import type { SalesBook } from '../../../lib/book/schema';
import { BUYER_TYPE_IDS, OBJECTION_CATEGORIES } from '../../../lib/book/schema';
import { HOLIDAY_GREETINGS } from '../../../lib/book/defaults/skeleton';
import { lintBook, validateBook } from '../../../lib/book/validate';
import { MESSAGES } from '../../../lib/i18n';

const books = DEFAULT_BOOK_LANGUAGES.map((language) => [language, DEFAULT_BOOKS[language]] as const);

function programme(book: SalesBook, id: string) {
  const found = book.programmes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no programme ${id}`);
  return found;
}

function section(book: SalesBook, id: string) {
  const found = book.sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

/** The greetings of a book's own holiday calendar, which differs from country to country. */
const inCalendar = (touchId: string) => Object.hasOwn(HOLIDAY_GREETINGS, touchId);
const sharedTouches = (programme: SalesBook['programmes'][number]) => programme.touches.filter((touch) => !inCalendar(touch.id));

/** Every id list in a book, flattened to "list:id" strings so two books can be compared whole. */
function idMap(book: SalesBook): Record<string, string[]> {
  return {
    programmes: book.programmes.map((item) => item.id),
    touches: book.programmes.flatMap((item) => sharedTouches(item).map((touch) => `${item.id}/${touch.id}`)),
    roles: book.programmes.flatMap((item) => sharedTouches(item).map((touch) => `${item.id}/${touch.id}:${touch.role.id}`)),
    crossSell: book.crossSell.map((item) => item.id),
    options: book.crossSell.flatMap((item) => item.options.map((option) => `${item.id}/${option.tier}`)),
    questionnaires: book.questionnaires.map((item) => item.id),
    questions: book.questionnaires.flatMap((item) => item.questions.map((question) => `${item.id}/${question.id}:${question.level}`)),
    objections: book.objections.map((item) => `${item.id}:${item.category}`),
    sections: book.sections.map((item) => `${item.id}:${item.number}:${item.steps.length}`),
    churnReasons: book.churnReasons.map((item) => item.id),
    buyerTypes: book.buyerTypes.map((item) => item.id),
    loyaltyIdeas: book.loyaltyIdeas.map((item) => `${item.id}:${(item.forBuyerTypes ?? []).join('+')}`),
    promotionIdeas: book.promotionIdeas.map((item) => `${item.id}:${(item.forBuyerTypes ?? []).join('+')}`),
    segments: book.segments.map((item) => `${item.id}:${item.measures.map((measure) => measure.kind).join('+')}:${item.groups.map((group) => `${group.id}>=${group.min}`).join(',')}`),
    callListOrders: book.programmes.flatMap((item) => (item.callListOrder ? [`${item.id}:${item.callListOrder}`] : [])),
  };
}

describe.each(books)('the default %s book', (language, book) => {
  it('is valid, without advice, and says which language it is', () => {
    const result = validateBook(book);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(lintBook(book)).toEqual([]);
    expect(book.id).toBe(`touchbook-default-${language}`);
    expect(book.language).toBe(language);
  });

  it('has the car dealer chain: +1 week, +1 month, +3 months, +6 months service, +12 months finance, trade-in after a year', () => {
    const touches = programme(book, 'durable-goods').touches.map((touch) => [touch.after, touch.role.id]);
    expect(touches).toEqual([
      ['P7D', 'sales-manager'],
      ['P1M', 'sales-manager'],
      ['P3M', 'sales-manager'],
      ['P6M', 'service-advisor'],
      ['P12M', 'finance'],
      ['P13M', 'trade-in-team'],
    ]);
    expect(programme(book, 'durable-goods').anchor.kind).toBe('purchase');
  });

  it('has consumables on repeat, seasons as yearly windows and the construction chain', () => {
    const consumables = programme(book, 'consumables').touches[0];
    expect(consumables?.repeatEvery).toBe('P2M');
    expect(programme(book, 'seasonal-tyres').touches.map((touch) => touch.window)).toEqual([
      { from: '03-01', to: '04-30' },
      { from: '10-01', to: '11-30' },
    ]);
    expect(programme(book, 'agricultural-season').touches.map((touch) => touch.window)).toEqual([
      { from: '02-01', to: '02-28' },
      { from: '07-15', to: '08-31' },
    ]);
    expect(programme(book, 'construction-object').touches.map((touch) => touch.after)).toEqual(['P1M', 'P3M', 'P5M']);
  });

  it('has birthdays, holidays, a callback, a second-purchase discount and feedback after a deal', () => {
    expect(programme(book, 'birthdays')).toMatchObject({ anchor: { kind: 'birthday' }, touches: [{ annual: { anchorDate: true } }] });
    expect(programme(book, 'holidays').touches[0]?.annual?.date).toMatch(/^\d\d-\d\d$/);
    expect(programme(book, 'client-callback').anchor.kind).toBe('callbackRequested');
    // The discount granted is the anchor; the wordings that quote it come first, and the one
    // that always fits (a churn reason started the programme, no discount yet) quotes nothing.
    const discount = programme(book, 'second-purchase-discount');
    expect(discount.anchor.kind).toBe('discount');
    expect(discount.touches.map((touch) => touch.variants?.[0]?.script ?? '').every((script) => script.includes('{{discount.amount}}') && script.includes('{{discount.until}}'))).toBe(true);
    expect(discount.touches.every((touch) => !touch.script.includes('{{discount.'))).toBe(true);
    expect(discount.touches.find((touch) => touch.id === 'discount-expiry-reminder')).toMatchObject({ before: 'P3D', after: 'P3W' });
    expect(programme(book, 'feedback-after-deal').anchor.kind).toBe('dealWon');
  });

  it('has at least 8 cross-sell rules, each with standard, professional and premium and a client benefit', () => {
    expect(book.crossSell.length).toBeGreaterThanOrEqual(8);
    for (const rule of book.crossSell) {
      expect(rule.options.map((option) => option.tier)).toEqual(['standard', 'professional', 'premium']);
      expect(rule.options.every((option) => option.whatDiffers.length > 10)).toBe(true);
      expect(rule.benefit.length).toBeGreaterThan(20);
    }
  });

  it('has a negotiation questionnaire of 12+ questions from opening through core to closing', () => {
    const negotiation = book.questionnaires.find((questionnaire) => questionnaire.kind === 'negotiation');
    const levels = negotiation?.questions.map((question) => question.level) ?? [];
    expect(levels.length).toBeGreaterThanOrEqual(12);
    expect(levels).toEqual([...levels].sort((a, b) => ['opening', 'core', 'closing'].indexOf(a) - ['opening', 'core', 'closing'].indexOf(b)));
    expect(new Set(levels)).toEqual(new Set(['opening', 'core', 'closing']));
    const ids = negotiation?.questions.map((question) => question.id);
    expect(ids).toEqual(expect.arrayContaining(['current-suppliers', 'items-and-volumes', 'priority-deadlines', 'decision-makers', 'payment-method', 'order-size']));
  });

  it('has a feedback questionnaire with 1-5 ratings and "if 4, ask why not 5"', () => {
    const feedback = book.questionnaires.find((questionnaire) => questionnaire.kind === 'feedback');
    const ratings = feedback?.questions.filter((question) => question.answer.type === 'rating') ?? [];
    expect(ratings.length).toBeGreaterThanOrEqual(2);
    expect(ratings.some((question) => question.followUp?.when.ratingEquals === 4)).toBe(true);
  });

  it('has 25+ objections in every category, each with 2+ phrasings and answers that say why', () => {
    expect(book.objections.length).toBeGreaterThanOrEqual(25);
    expect(new Set(book.objections.map((objection) => objection.category))).toEqual(new Set(OBJECTION_CATEGORIES));
    for (const objection of book.objections) {
      expect(objection.phrasings.length).toBeGreaterThanOrEqual(2);
      expect(objection.responses.every((response) => (response.why ?? '').length > 10)).toBe(true);
    }
  });

  it('has the five steps for an unknown answer, the 3.14 cold-call section and the organisation part', () => {
    expect(section(book, 'dont-know-answer').steps).toHaveLength(5);
    const coldCalls = section(book, 'cold-calls');
    expect(coldCalls.number).toBe('3.14');
    expect(coldCalls.steps.length).toBeGreaterThanOrEqual(5);
    expect(coldCalls.steps.slice(0, 7).every((step) => step.script && step.why)).toBe(true);
    expect(book.sections.filter((item) => item.part === 'organisation').length).toBeGreaterThanOrEqual(4);
    expect(section(book, 'product-knowledge').steps.length).toBeGreaterThanOrEqual(4);
  });

  it('has churn reasons with the reported shares and all six buyer types', () => {
    const shares = book.churnReasons.flatMap((reason) => (reason.share === undefined ? [] : [reason.share]));
    expect(shares).toEqual([68, 14, 9, 5, 3, 1]);
    expect(book.buyerTypes.map((type) => type.id)).toEqual([...BUYER_TYPE_IDS]);
    expect(book.buyerTypes.every((type) => type.howToWork.length > 20)).toBe(true);
    expect(book.loyaltyIdeas.length).toBeGreaterThanOrEqual(10);
    expect(book.promotionIdeas.length).toBeGreaterThanOrEqual(20);
  });

  it('marks loyalty tools and promotions for loyal clients and advocates', () => {
    const marked = (buyerType: string) =>
      [...book.loyaltyIdeas, ...book.promotionIdeas].filter((idea) => idea.forBuyerTypes?.some((type) => type === buyerType)).map((idea) => idea.id);
    expect(marked('advocate')).toEqual(expect.arrayContaining(['client-club', 'bring-a-friend', 'review-bonus']));
    expect(marked('loyal')).toEqual(expect.arrayContaining(['loyalty-card', 'cumulative-discounts', 'first-access']));
  });

  it('orders the agricultural calls by the farm group, for farm clients', () => {
    const segment = book.segments.find((candidate) => candidate.id === 'farm-group');
    expect(segment?.groups.map((group) => group.id)).toEqual(['A', 'B', 'C']);
    expect(segment?.appliesTo).toEqual(programme(book, 'agricultural-season').appliesTo);
    expect(programme(book, 'agricultural-season').callListOrder).toBe('farm-group');
  });

  it('names the concession seeker for what they do, and keeps the source\'s word in the description', () => {
    const seeker = book.buyerTypes.find((type) => type.id === 'concession-seeker')!;
    expect(seeker.name).not.toMatch(/террор|терор|τρομοκρ|terror/i);
    expect(seeker.description).toMatch(/«террорист|«терорист|«τρομοκράτ|"terrorist"/);
  });
});

/** What the manager reads out to a client: every script, script variant and objection answer. */
function spokenTexts(book: SalesBook): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key === 'script' || key === 'text') texts.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) walk(item, name);
    }
  };
  walk(book);
  return texts;
}

describe('the words of the default books (issue 13)', () => {
  it('greet by the clock ({{greeting}}), never with a fixed time of day, in any language', () => {
    const fixed = /good (morning|afternoon|evening)|καλημέρα|καλησπέρα|доброе утро|добрый вечер|доброго ранку|добрий вечір/iu;
    for (const language of DEFAULT_BOOK_LANGUAGES) {
      const texts = spokenTexts(DEFAULT_BOOKS[language]);
      expect(texts.length, language).toBeGreaterThan(50);
      expect(texts.filter((text) => fixed.test(text)), language).toEqual([]);
    }
    for (const language of ['en', 'el'] as const) {
      expect(spokenTexts(DEFAULT_BOOKS[language]).filter((text) => text.includes('{{greeting}}')).length, language).toBeGreaterThanOrEqual(20);
    }
  });

  it('el: puts no article of a guessed gender straight before a name the card fills', () => {
    // "την εταιρεία {{company.name}}" is right whatever the name; "η {{company.name}}" guesses.
    const article = /(?<!\p{L})(ο|η|το|τον|την|τη|του|της|στον|στην|στο|στη|οι|τα|τους|τις|των)\s+\{\{(company\.name|client\.company|product|product\.next|manager\.name|client\.[a-zA-Z]+)\}\}/iu;
    expect(spokenTexts(DEFAULT_BOOKS.el).filter((text) => article.test(text))).toEqual([]);
  });

  it('uk: "на практиці", one word for tyres, "Нецікаво" in the book and the panel', () => {
    const texts = spokenTexts(DEFAULT_BOOKS.uk);
    expect(texts.filter((text) => /в ділі/iu.test(text))).toEqual([]);
    expect(texts.some((text) => text.includes('на практиці'))).toBe(true);
    expect(texts.filter((text) => /(?<!\p{L})(гум[аиуоі]|гумою|покришк|резин)/iu.test(text))).toEqual([]);
    expect(texts.some((text) => /(?<!\p{L})шин/iu.test(text))).toBe(true);
    expect(DEFAULT_BOOKS.uk.objections.find((objection) => objection.id === 'other-not-interested')?.phrasings[0]).toBe('Нецікаво');
    expect(MESSAGES.uk.outcomeNotInterested).toBe('Нецікаво');
  });

  it("en: keeps the seed's buyer-type names, and says why the 'terrorist' is named otherwise", () => {
    // ../shared/docs/methodology.md: advocate, loyal, defector, "terrorist", mercenary, hostage.
    expect(DEFAULT_BOOKS.en.buyerTypes.map((type) => type.name)).toEqual(['Advocate', 'Loyal', 'Defector', 'Concession seeker', 'Mercenary', 'Hostage']);
    const seeker = DEFAULT_BOOKS.en.buyerTypes.find((type) => type.id === 'concession-seeker')!;
    expect(seeker.description).toMatch(/"terrorist".*names the behaviour/);
  });
});

describe('the four default books', () => {
  it('each name the holidays their clients celebrate, New Year in all of them', () => {
    const calendar = (language: (typeof DEFAULT_BOOK_LANGUAGES)[number]) =>
      programme(DEFAULT_BOOKS[language], 'holidays').touches.map((touch) => touch.annual?.holiday ?? (touch.annual?.nameDay ? 'name-day' : touch.annual?.date));
    expect(calendar('en')).toEqual(['12-28', 'christmas', 'easter']);
    expect(calendar('ru')).toEqual(['12-28', 'orthodox-christmas', 'orthodox-easter', 'womens-day']);
    expect(calendar('uk')).toEqual(['12-28', 'christmas', 'orthodox-easter', 'womens-day']);
    expect(calendar('el')).toEqual(['12-28', 'christmas', 'orthodox-easter', 'name-day']);
    for (const language of DEFAULT_BOOK_LANGUAGES) {
      expect(programme(DEFAULT_BOOKS[language], 'birthdays').touches[0]?.annual?.anchorDate).toBe(true);
      const womensDay = programme(DEFAULT_BOOKS[language], 'holidays').touches.find((touch) => touch.annual?.holiday === 'womens-day');
      if (womensDay) expect(womensDay.condition?.gender).toBe('female');
    }
  });

  it('share every id, so notes and answers survive a language switch', () => {
    const english = idMap(DEFAULT_BOOKS.en);
    for (const language of DEFAULT_BOOK_LANGUAGES) expect(idMap(DEFAULT_BOOKS[language])).toEqual(english);
  });

  it('differ in their texts', () => {
    const titles = new Set(DEFAULT_BOOK_LANGUAGES.map((language) => DEFAULT_BOOKS[language].sections[0]?.title));
    expect(titles.size).toBe(DEFAULT_BOOK_LANGUAGES.length);
  });

  it('keep each book in its own language (client phrasings included)', () => {
    const textOf = (book: SalesBook) => JSON.stringify({ ...book, id: '', language: '' });
    const phrasings = (book: SalesBook) => book.objections.flatMap((objection) => objection.phrasings).join(' ');
    expect(phrasings(DEFAULT_BOOKS.en)).toMatch(/^[\x20-\x7E’]+$/);
    expect(phrasings(DEFAULT_BOOKS.el)).not.toMatch(/[А-Яа-яЁёІіЇїЄєҐґ]/);
    expect(phrasings(DEFAULT_BOOKS.el)).toMatch(/[α-ω]/);
    // Russian has ы/э/ъ/ё and never і/ї/є/ґ; Ukrainian the other way round.
    expect(textOf(DEFAULT_BOOKS.ru)).not.toMatch(/[іїєґІЇЄҐ]/);
    expect(textOf(DEFAULT_BOOKS.uk)).not.toMatch(/[ыэъёЫЭЪЁ]/);
    expect(phrasings(DEFAULT_BOOKS.ru)).toMatch(/[ы]/);
    expect(phrasings(DEFAULT_BOOKS.uk)).toMatch(/[іїє]/);
  });
});

describe('defaultBookFor', () => {
  it.each([
    ['uk', 'uk'],
    ['uk-UA', 'uk'],
    ['RU', 'ru'],
    ['el_GR', 'el'],
    ['en-GB', 'en'],
    ['de', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('picks the book for %j -> %s', (language, expected) => {
    expect(defaultBookLanguage(language)).toBe(expected);
    expect(defaultBookFor(language).language).toBe(expected);
  });
});

describe('the default books are shared, so they are frozen', () => {
  it('throws on an accidental edit and gives an editable copy through structuredClone', () => {
    const book = DEFAULT_BOOKS.en;
    expect(() => {
      (book.programmes[0] as { priority: number }).priority = 99;
    }).toThrow(TypeError);
    expect(DEFAULT_BOOKS.ru.programmes[0]?.anchor).not.toBe(DEFAULT_BOOKS.en.programmes[0]?.anchor);
    const copy = structuredClone(book);
    copy.title = 'Ours';
    expect(copy.title).toBe('Ours');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKS, DEFAULT_BOOK_LANGUAGES } from '../../../lib/book/defaults';
import { OBJECTIONS } from '../../../lib/book/defaults/skeleton';
import { applyPersonalLayer, emptyPersonalLayer, type LayeredObjection } from '../../../lib/book/layers';
import type { Objection, SalesBook } from '../../../lib/book/schema';
import {
  buildObjectionIndex,
  CONFIDENT_SCORE,
  dontKnowSteps,
  hintsForClient,
  isConfidentMatch,
  searchObjections,
  suggestedObjections,
  type ObjectionIndex,
} from '../../../lib/suggest/objections';
import { foldWord } from '../../../lib/text/normalize';

interface LabelledQuery {
  lang: string;
  query: string;
  expected: string;
  kind: string;
}

const FIXTURE = join(import.meta.dirname, '../../fixtures/objection-queries.json');
const queries = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { queries: LabelledQuery[] }).queries;

const books: SalesBook[] = DEFAULT_BOOK_LANGUAGES.map((language) => DEFAULT_BOOKS[language]);
const allDefaultObjections = books.flatMap((book) => book.objections);
const index = buildObjectionIndex(allDefaultObjections);

function ids(query: string, options: Parameters<typeof searchObjections>[2] = {}, on: ObjectionIndex<Objection> = index): string[] {
  return searchObjections(on, query, options).map((match) => match.objection.id);
}

function top(query: string, options: Parameters<typeof searchObjections>[2] = {}): string | undefined {
  return ids(query, options)[0];
}

/** A whole sentence folded the way the search folds words. */
function folded(text: string): string {
  return text.split(/\s+/).map(foldWord).join(' ').replace(/[^\p{L}\p{N} ]/gu, '').trim();
}

// ---- the labelled query set --------------------------------------------------------------------

describe('the labelled query set', () => {
  it('has at least 80 queries, 15 per language, labelled with default-book ids', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    for (const language of DEFAULT_BOOK_LANGUAGES) expect(queries.filter((query) => query.lang === language).length).toBeGreaterThanOrEqual(15);
    for (const query of queries) expect(Object.keys(OBJECTIONS), query.query).toContain(query.expected);
  });

  it('copies no phrasing of the books (it tests understanding, not lookup)', () => {
    const phrasings = new Set(allDefaultObjections.flatMap((objection) => objection.phrasings.map(folded)));
    const copied = queries.filter((query) => phrasings.has(folded(query.query)));
    expect(copied.map((query) => query.query)).toEqual([]);
  });

  it('finds the expected objection in the top 3 for at least 90% of it, over all four books at once', () => {
    const rows = DEFAULT_BOOK_LANGUAGES.map((language) => ({ language, ...accuracy(queries.filter((query) => query.lang === language)) }));
    const overall = accuracy(queries);
    console.log(
      `objection search over ${queries.length} labelled queries: top-1 ${percent(overall.top1)}, top-3 ${percent(overall.top3)}\n` +
        rows.map((row) => `  ${row.language}: top-1 ${percent(row.top1)}, top-3 ${percent(row.top3)} (${row.count})`).join('\n') +
        (overall.misses.length > 0 ? `\n  not in the top 3: ${overall.misses.join('; ')}` : ''),
    );
    expect(overall.top3).toBeGreaterThanOrEqual(0.9);
    for (const row of rows) expect(row.top3, row.language).toBeGreaterThanOrEqual(0.85);
  });
});

function accuracy(subset: LabelledQuery[]) {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const { query, expected } of subset) {
    const found = ids(query, { limit: 3 });
    if (found[0] === expected) top1++;
    if (found.includes(expected)) top3++;
    else misses.push(`"${query}" -> ${found[0] ?? 'nothing'} (expected ${expected})`);
  }
  return { top1: top1 / subset.length, top3: top3 / subset.length, count: subset.length, misses };
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

describe('the default books\' objections', () => {
  it('answer deferrals past the holidays and the boss\'s approval in every language, and file "I\'ll think about it" under timing', () => {
    for (const book of books) {
      const byId = new Map(book.objections.map((objection) => [objection.id, objection]));
      for (const id of ['timing-after-holidays', 'authority-boss-approval'] as const) {
        expect(byId.get(id)?.phrasings.length, `${book.language} ${id}`).toBeGreaterThanOrEqual(3);
        expect(byId.get(id)?.responses.length, `${book.language} ${id}`).toBeGreaterThanOrEqual(1);
      }
      expect(byId.get('timing-after-holidays')?.category).toBe('timing');
      expect(byId.get('authority-boss-approval')?.category).toBe('authority');
      expect(byId.get('other-think-it-over')?.category, book.language).toBe('timing');
    }
  });
});

// ---- behaviour ---------------------------------------------------------------------------------

describe('searchObjections', () => {
  it('forgives typos', () => {
    expect(top('too expnsive')).toBe('price-too-expensive');
    expect(top('guarantes')).toBe('trust-guarantees');
    expect(top('дарого')).toBe('price-too-expensive');
    expect(top('поставшик')).toBe('competitor-have-supplier');
  });

  it('ignores Greek accents, letter case and final sigma', () => {
    const accented = ids('Είναι ακριβές οι τιμές σας');
    expect(accented[0]).toBe('price-too-expensive');
    expect(ids('ειναι ακριβες οι τιμες σας')).toEqual(accented);
    expect(ids('ΕΙΝΑΙ ΑΚΡΙΒΕΣ ΟΙ ΤΙΜΕΣ ΣΑΣ')).toEqual(accented);
    expect(top('εχετε ακριβες τιμες')).toBe('price-too-expensive');
  });

  it('understands other word forms in Russian and Ukrainian', () => {
    expect(top('дороговато')).toBe('price-too-expensive');
    expect(top('у вас дорожче')).toBe('price-too-expensive');
    expect(top('скидочку дадите?')).toBe('price-discount-demand');
    expect(top('які знижки?')).toBe('price-discount-demand');
    expect(top('нашел дешевле')).toBe('price-found-cheaper');
    expect(top('перезвоніть')).toBe('timing-call-later');
  });

  it('matches across languages through the synonyms table', () => {
    const englishOnly = buildObjectionIndex(DEFAULT_BOOKS.en.objections);
    expect(ids('дорого', {}, englishOnly)[0]).toBe('price-too-expensive');
    expect(ids('ακριβά', {}, englishOnly)[0]).toBe('price-too-expensive');
    expect(ids('too pricey', {}, buildObjectionIndex(DEFAULT_BOOKS.ru.objections))[0]).toBe('price-too-expensive');
  });

  it('reads transliterated Russian and Greek, and words typed half on the wrong layout', () => {
    expect(top('slishkom dorogo')).toBe('price-too-expensive');
    expect(top('einai poly akrivo')).toBe('price-too-expensive');
    expect(top('дорогo')).toBe('price-too-expensive'); // a Latin "o" at the end
  });

  it('follows the manager typing, character by character', () => {
    for (const [sentence, expected, from] of [
      ['дороговато', 'price-too-expensive', 3],
      ['guarantees', 'trust-guarantees', 3],
      ['ακριβά', 'price-too-expensive', 4],
    ] as const) {
      for (let length = from; length <= sentence.length; length++) expect(top(sentence.slice(0, length)), sentence.slice(0, length)).toBe(expected);
    }
  });

  it('does not let stop words match everything', () => {
    for (const query of ['we', 'you', 'у вас', 'это', 'είναι', 'we are the ones', 'а вы', 'hello, thanks']) expect(ids(query), query).toEqual([]);
    const withChatter = searchObjections(index, 'у вас дорожче');
    const bare = searchObjections(index, 'дорожче');
    expect(withChatter.map((match) => [match.objection.id, match.score])).toEqual(bare.map((match) => [match.objection.id, match.score]));
  });

  it('returns nothing for an empty query unless the client profile boosts something', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    const boosted = searchObjections(index, '', { boostCategories: ['price'], limit: 10 });
    expect(boosted.map((match) => match.objection.id)).toEqual(['price-too-expensive', 'price-found-cheaper', 'price-no-budget', 'price-discount-demand']);
    expect(boosted.every((match) => match.matched === '')).toBe(true);
    expect(isConfidentMatch(boosted)).toBe(false);
  });

  it('lets a boost decide an ambiguous query, but not overrule a clear one', () => {
    expect(top('partner')).toBe('authority-must-consult');
    expect(top('partner', { boostCategories: ['competitor'] })).toBe('competitor-long-relationship');
    expect(top('later', { boostIds: ['service-no-support-after-sale'] })).toBe('service-no-support-after-sale');
    expect(top('what discount can we get', { boostCategories: ['quality'] })).toBe('price-discount-demand');
  });

  it('is deterministic: same index, same query, same order; ties in book order', () => {
    const again = buildObjectionIndex(allDefaultObjections);
    for (const { query } of queries.slice(0, 40)) {
      const first = searchObjections(index, query);
      expect(searchObjections(again, query)).toEqual(first);
      expect(searchObjections(index, query)).toEqual(first);
      for (let position = 1; position < first.length; position++) expect(first[position - 1]!.score).toBeGreaterThanOrEqual(first[position]!.score);
    }
  });

  it('keeps one result per objection id and returns the first book\'s objection', () => {
    expect(index.objections).toHaveLength(Object.keys(OBJECTIONS).length);
    const [best] = searchObjections(index, 'слишком дорого');
    expect(best?.objection).toBe(DEFAULT_BOOKS.en.objections.find((objection) => objection.id === 'price-too-expensive'));
    expect(best?.matched).toBe('Это слишком дорого');
  });

  it('names the phrasing that matched and its words, for highlighting', () => {
    const [best] = searchObjections(index, 'ваши цены кусаются!');
    expect(best?.matched).toBe('У вас цены кусаются');
    expect(best?.matchedWords).toEqual(['цены', 'кусаются']);
  });

  it('searches the manager\'s own objections', () => {
    const mine: Objection = {
      id: 'my-warehouse-far',
      category: 'service',
      phrasings: ['Your warehouse is too far from us'],
      responses: [{ text: 'We deliver to the site.' }],
    };
    const { book } = applyPersonalLayer(DEFAULT_BOOKS.en, { ...emptyPersonalLayer(), objections: [mine] });
    const layered: ObjectionIndex<LayeredObjection> = buildObjectionIndex(book.objections);
    const [best] = searchObjections(layered, 'the warehouse is far away');
    expect(best?.objection.id).toBe('my-warehouse-far');
    expect(best?.objection.personal).toBe(true);
  });

  it('builds a 500-objection index in reasonable time and still answers quickly', () => {
    const objections = syntheticBook(500);
    const started = performance.now();
    const large = buildObjectionIndex(objections);
    const buildMs = performance.now() - started;
    expect(large.objections).toHaveLength(500);
    expect(buildMs).toBeLessThan(3_000);
    const searchStarted = performance.now();
    for (const { query } of queries.slice(0, 20)) searchObjections(large, query);
    expect((performance.now() - searchStarted) / 20).toBeLessThan(50);
    expect(baseId(searchObjections(large, 'слишком дорого')[0]!.objection.id)).toBe('price-too-expensive');
  });
});

/**
 * `size` distinct objections: the default ones (four books, one id each), then single-language
 * copies with new ids and an extra word per phrasing.
 */
function syntheticBook(size: number): Objection[] {
  const result = [...allDefaultObjections];
  const distinct = new Set(result.map((objection) => objection.id)).size;
  for (let copy = 1; copy <= size - distinct; copy++) {
    const source = allDefaultObjections[copy % allDefaultObjections.length]!;
    result.push({ ...source, id: `${source.id}-v${copy}`, phrasings: source.phrasings.map((phrasing) => `${phrasing} item${copy}`) });
  }
  return result;
}

function baseId(id: string): string {
  return id.replace(/-v\d+$/, '');
}

// ---- confidence, suggestions, hints, the five steps --------------------------------------------

describe('ranking rules', () => {
  const perLanguage = Object.fromEntries(DEFAULT_BOOK_LANGUAGES.map((language) => [language, buildObjectionIndex(DEFAULT_BOOKS[language].objections)]));
  const first = (language: string, query: string) => searchObjections(perLanguage[language]!, query)[0]?.objection.id;

  it('lets no rare function word ("after", "anything", "moment") outweigh the words that carry the meaning', () => {
    expect(first('en', 'call me after the holidays')).toBe('timing-after-holidays');
    expect(first('en', 'is there anything cheaper')).toBe('price-found-cheaper');
    expect(first('en', 'not at the moment')).toBe('timing-not-now');
    expect(first('ru', 'перезвоните после обеда')).toBe('timing-call-later');
    expect(first('uk', 'передзвоніть після обіду')).toBe('timing-call-later');
  });

  it('reads a modal verb ("πρέπει", "должен") as a function word, so the verb after it decides', () => {
    expect(first('el', 'πρέπει να το σκεφτώ')).toBe('other-think-it-over');
    expect(first('el', 'πρέπει να το εγκρίνει ο ιδιοκτήτης')).toBe('authority-boss-approval');
    expect(first('ru', 'я должен это обдумать')).toBe('other-think-it-over');
  });

  it('knows weighing up as thinking it over, and a time of day as when to call back', () => {
    expect(first('en', 'I want to weigh it up')).toBe('other-think-it-over');
    expect(first('ru', 'хочу всё взвесить')).toBe('other-think-it-over');
    expect(first('el', 'θα το ζυγίσω')).toBe('other-think-it-over');
    expect(first('en', 'call me in the evening')).toBe('timing-call-later');
    expect(first('uk', 'зателефонуйте ввечері')).toBe('timing-call-later');
  });

  it('hears "the same supplier for years" as a long relationship and "a basic one is enough" in Greek', () => {
    expect(first('en', 'we have used one distributor for a decade')).toBe('competitor-long-relationship');
    expect(first('el', 'μας φτάνει ένα απλό')).toBe('quality-cheap-is-enough');
  });

  it('gives a word family one weight, so the form the client typed is not outweighed by a rarer form', () => {
    const book = [
      { id: 'dont-need', category: 'need', phrasings: ['We do not need it'] },
      { id: 'stocked', category: 'need', phrasings: ['Nothing is needed'] },
      { id: 'busy', category: 'timing', phrasings: ['We need time', 'I need to go', 'Do we need this'] },
    ] as const;
    const family = buildObjectionIndex(book.map((objection) => ({ ...objection, phrasings: [...objection.phrasings] })));
    expect(family.lexicon.entries[family.lexicon.byText.get('needed')!]!.idf).toBe(family.lexicon.entries[family.lexicon.byText.get('need')!]!.idf);
    expect(searchObjections(family, "we don't need it")[0]?.objection.id).toBe('dont-need');
  });

  it('reads "don\'t" as a negation that meets "not", and a possessive as its noun', () => {
    const small = (phrasings: Record<string, string>) =>
      buildObjectionIndex(Object.entries(phrasings).map(([id, phrasing]) => ({ id, category: 'other' as const, phrasings: [phrasing] })));
    expect(searchObjections(small({ later: 'We need it later', no: 'Not what we need' }), "we don't need it")[0]?.objection.id).toBe('no');
    // "year's" was "years", the word of long relationships.
    expect(first('en', "it isn't in this year's plan")).not.toBe('competitor-long-relationship');
  });

  it('lets a query word landing on a book\'s function word count as little as the function word', () => {
    // "πρώτη" (first time) is one letter from "πρώτα" (first, before anything else).
    const book = [
      { id: 'approval', category: 'authority' as const, phrasings: ['Πρώτα ο διευθυντής'] },
      { id: 'unknown', category: 'trust' as const, phrasings: ['Δεν σας έχω ξανακούσει'] },
    ];
    expect(searchObjections(buildObjectionIndex(book), 'πρώτη φορά σας ακούω')[0]?.objection.id).toBe('unknown');
  });

  it('knows months, harvests, vacations, breakage, haggling, dealers and set-up as what they point at', () => {
    expect(first('en', 'everyone is away on vacation')).toBe('timing-after-holidays');
    expect(first('ru', 'все в отпусках')).toBe('timing-after-holidays');
    expect(first('en', 'the last ones cracked after a week')).toBe('quality-bad-experience');
    expect(first('uk', 'минулого разу все потріскалось')).toBe('quality-bad-experience');
    expect(first('en', 'is the price negotiable?')).toBe('price-discount-demand');
    expect(first('el', 'ρίξτε λίγο την τιμή')).toBe('price-discount-demand');
    expect(first('en', 'we buy directly from the factory dealer')).toBe('competitor-have-supplier');
    expect(first('en', 'nobody helped with the installation after we paid')).toBe('service-no-support-after-sale');
    expect(first('ru', 'мы сейчас в запарке, наберите через час')).toBe('timing-call-later');
  });

  it('still reads a function word when it is all there is', () => {
    expect(ids('after', {}, perLanguage.en)).toContain('service-no-support-after-sale');
  });

  it('searches a long paste whole and weighs its end most', () => {
    const chatter =
      'Thanks for the catalogue and the price list you sent, we looked at the tyres and the delivery terms with the team. ' +
      'The workshop is busy with the harvest machines, two of our drivers are away and the yard is being resurfaced this month. ';
    const paste = `${chatter.repeat(3)}Anyway, please call me after the holidays.`;
    expect(paste.length).toBeGreaterThan(600);
    expect(first('en', paste)).toBe('timing-after-holidays');
    // The same words early in a paste count less than at its end, but still count.
    const early = `Call me after the holidays. ${'The yard is being resurfaced and the workshop repainted. '.repeat(12)}`;
    expect(first('en', early)).toBe('timing-after-holidays');
  });
});

describe('isConfidentMatch', () => {
  it('trusts a clear match and doubts off-topic talk, so the UI can offer to record it', () => {
    for (const query of ['дорого', 'We have no budget this year', 'Δεν με ενδιαφέρει', 'склад повністю забитий']) {
      expect(isConfidentMatch(searchObjections(index, query)), query).toBe(true);
    }
    for (const query of ['the weather is nice today', 'погода сегодня хорошая', 'мій син іде до школи', 'πού είναι το γραφείο σας', 'asdf qwerty']) {
      expect(isConfidentMatch(searchObjections(index, query)), query).toBe(false);
    }
    expect(isConfidentMatch([])).toBe(false);
    expect(isConfidentMatch([{ score: CONFIDENT_SCORE - 0.01, matched: 'x' }])).toBe(false);
  });
});

describe('suggestedObjections', () => {
  it('lists the given ids first, then the categories in book order, up to the limit', () => {
    const suggested = suggestedObjections(index, { ids: ['quality-doubts'], categories: ['price'] }, 3);
    expect(suggested.map((objection) => objection.id)).toEqual(['quality-doubts', 'price-too-expensive', 'price-found-cheaper']);
    expect(suggestedObjections(index, { ids: ['no-such-id'] })).toEqual([]);
  });
});

describe('hintsForClient', () => {
  it('turns a churn reason and a buyer type into categories and objection ids to favour', () => {
    const book = DEFAULT_BOOKS.en;
    expect(hintsForClient(book, { churnReason: 'too-expensive' })).toEqual({ categories: ['price'], ids: ['price-too-expensive'] });
    expect(hintsForClient(book, { buyerType: 'mercenary' })).toEqual({ categories: ['price', 'competitor'], ids: [] });
    expect(hintsForClient(book, { churnReason: null, buyerType: 'loyal' })).toEqual({ categories: [], ids: [] });
    const hints = hintsForClient(book, { churnReason: 'too-expensive' });
    expect(top('', { boostCategories: hints.categories, boostIds: hints.ids })).toBe('price-too-expensive');
  });
});

describe('dontKnowSteps', () => {
  it('finds the five "don\'t know" steps in every default book', () => {
    for (const book of books) {
      const section = dontKnowSteps(book);
      expect(section?.id, book.language).toBe('dont-know-answer');
      expect(section?.steps).toHaveLength(5);
    }
  });

  it('falls back to the default book when a team book has no such section', () => {
    const teamBook = { sections: [] };
    expect(dontKnowSteps(teamBook)).toBeUndefined();
    expect(dontKnowSteps(teamBook, DEFAULT_BOOKS.uk)?.steps).toHaveLength(5);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKS, DEFAULT_BOOK_LANGUAGES } from '../../../lib/book/defaults';
import { OBJECTIONS } from '../../../lib/book/defaults/skeleton';
import { foldWord } from '../../../lib/text/normalize';
import { stem } from '../../../lib/text/stem';
import { FIXTURES, fixtureSets, formatReport, loadQueries, measure } from './objection-accuracy';

/**
 * The quality gate of the objection search. The held-out set is frozen and never tuned on; the
 * floors below are the levels the search reached on it (and on the tuning sets), so a change
 * that makes clients' words find the wrong objection more often fails here. Raise a floor when
 * the search gets better; never lower one to make a change pass.
 */
const HELDOUT_FLOOR = { top1: 0.983, top3: 1 };
const HELDOUT_LANGUAGE_FLOOR: Record<string, { top1: number; top3: number }> = {
  en: { top1: 0.934, top3: 1 },
  ru: { top1: 1, top3: 1 },
  uk: { top1: 1, top3: 1 },
  el: { top1: 1, top3: 1 },
};
/** The second held-out set (test/fixtures/objection-queries-fresh.json), never tuned on. */
const FRESH_FLOOR = { top1: 0.885, top3: 0.942 };
/**
 * The blind set B2 (objection-queries-blind-final.json), written without the books or the code
 * and never tuned on: measured once per search version (see its description). A floor at what it
 * reached, so a change elsewhere cannot quietly lose it; reading its misses would spend it.
 */
const BLIND_FINAL_FLOOR = { top1: 0.877, top3: 0.933 };
// The dev set grew by 25 harder phrasings of its own (weighing up, call-back times, the same
// supplier for years, a basic one is enough, long pastes ending in approval or price).
// The blind set B1 (objection-queries-blind-dev.json) was measured once before tuning (73.8% /
// 85.6%, see its description) and tuned on since: it is a tuning set now.
const TUNING_FLOOR = {
  original: { top1: 0.956, top3: 0.987 },
  dev: { top1: 0.882, top3: 0.988 },
  blindDev: { top1: 0.931, top3: 0.987 },
};

/** Hundreds of searches: more than vitest's default 5 s on a loaded two-core machine. */
const SLOW_TEST_MS = 60_000;

const heldout = loadQueries(FIXTURES.heldout);
const fresh = loadQueries(FIXTURES.fresh);
const dev = loadQueries(FIXTURES.dev);
const original = loadQueries(FIXTURES.original);
const blindDev = loadQueries(FIXTURES.blindDev);
const blindFinal = loadQueries(FIXTURES.blindFinal);

/** A whole sentence folded the way the search folds words. */
function folded(text: string): string {
  return text.split(/\s+/).map(foldWord).join(' ').replace(/[^\p{L}\p{N} ]/gu, '').trim();
}

describe('the held-out set of client phrasings', () => {
  it('has at least 160 phrasings, 40 per language, heavy on deferrals, with long pastes', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(160);
    for (const language of DEFAULT_BOOK_LANGUAGES) {
      const mine = heldout.filter((query) => query.lang === language);
      expect(mine.length, language).toBeGreaterThanOrEqual(40);
      expect(mine.filter((query) => query.category === 'timing').length, language).toBeGreaterThanOrEqual(10);
      expect(mine.filter((query) => query.query.length > 500).length, language).toBeGreaterThanOrEqual(2);
    }
  });

  it('is labelled with default-book ids and their categories', () => {
    for (const query of [...heldout, ...dev]) {
      expect(Object.keys(OBJECTIONS), query.query).toContain(query.expected);
      expect(OBJECTIONS[query.expected as keyof typeof OBJECTIONS], query.query).toBe(query.category);
    }
  });

  it('copies no phrasing of the books and shares no phrasing with the tuning sets', () => {
    const phrasings = new Set(DEFAULT_BOOK_LANGUAGES.flatMap((language) => DEFAULT_BOOKS[language].objections.flatMap((objection) => objection.phrasings.map(folded))));
    const tuning = new Set([...dev, ...original].map((query) => folded(query.query)));
    expect(heldout.filter((query) => phrasings.has(folded(query.query))).map((query) => query.query)).toEqual([]);
    expect(heldout.filter((query) => tuning.has(folded(query.query))).map((query) => query.query)).toEqual([]);
    expect(dev.filter((query) => phrasings.has(folded(query.query))).map((query) => query.query)).toEqual([]);
  });

  it('has a second held-out set that shares no phrasing with the books, the tuning sets or the first', () => {
    const phrasings = new Set(DEFAULT_BOOK_LANGUAGES.flatMap((language) => DEFAULT_BOOKS[language].objections.flatMap((objection) => objection.phrasings.map(folded))));
    const others = new Set([...dev, ...original, ...heldout].map((query) => folded(query.query)));
    expect(fresh.length).toBeGreaterThanOrEqual(35);
    expect(fresh.filter((query) => phrasings.has(folded(query.query)) || others.has(folded(query.query))).map((query) => query.query)).toEqual([]);
    for (const query of fresh) expect(OBJECTIONS[query.expected as keyof typeof OBJECTIONS], query.query).toBe(query.category);
  });
});

/** A sentence as the search's folded words. */
function foldedWords(text: string): string[] {
  return (text.match(/[\p{L}\p{M}\p{N}'’ʼ]+/gu) ?? []).map(foldWord).filter(Boolean);
}

interface Sentence {
  /** Folded words joined by single spaces, with a space each side. */
  readonly text: string;
  readonly stems: ReadonlySet<string>;
}

function sentence(text: string): Sentence {
  const folded = foldedWords(text);
  return { text: ` ${folded.join(' ')} `, stems: new Set(folded.map(stem)) };
}

/**
 * Why a client phrasing of a test set and a book phrasing are too alike to keep both ('' if they
 * are not): the same words, the query inside the phrasing, or nearly the same word stems (3+).
 */
function nearCopy(query: Sentence, phrasing: Sentence): string {
  if (phrasing.text.includes(query.text)) return 'the query is in the book';
  if (query.stems.size < 3) return '';
  let shared = 0;
  for (const word of query.stems) if (phrasing.stems.has(word)) shared++;
  const jaccard = shared / (query.stems.size + phrasing.stems.size - shared);
  return jaccard >= 0.8 ? `the same stems (${jaccard.toFixed(2)})` : '';
}

/** Coincidences between the older sets and the books' first phrasings, from before this check. */
const KNOWN_COINCIDENCES = new Set([
  'θα το δείξω στον διευθυντή',
  'а если вы сорвёте сроки поставки?',
  'доставка у вас слишком долгая',
  'а якщо ви зірвете терміни поставки?',
  'скиньте комерційну пропозицію на пошту',
  'η παράδοση σας αργεί πάρα πολύ',
  'τελείωσε η σεζόν',
  'θα το σκεφτούμε',
  'нам це не потрібно зовсім',
  // Blind B2 wrote the plainest Ukrainian refusal, which the book has carried since its first edition.
  'Нам це взагалі не потрібно.',
]);

describe('every labelled set against the books', () => {
  const phrasings = DEFAULT_BOOK_LANGUAGES.flatMap((language) => DEFAULT_BOOKS[language].objections.flatMap((objection) => objection.phrasings)).map((text) => ({ text, folded: sentence(text) }));

  it('finds no client phrasing copied into a book, nor a near-copy (blind sets included)', () => {
    const copies: string[] = [];
    for (const { name, file } of fixtureSets()) {
      for (const { query } of loadQueries(file)) {
        if (KNOWN_COINCIDENCES.has(query)) continue;
        const folded = sentence(query);
        for (const phrasing of phrasings) {
          const why = nearCopy(folded, phrasing.folded);
          if (why) copies.push(`${name}: "${query}" ~ "${phrasing.text}": ${why}`);
        }
      }
    }
    expect(copies).toEqual([]);
  }, SLOW_TEST_MS);

  it('tells a near-copy from a different sentence', () => {
    const alike = (query: string, phrasing: string) => nearCopy(sentence(query), sentence(phrasing));
    expect(alike('we already have a supplier', 'We already have a supplier!')).not.toBe('');
    expect(alike('delivery is too slow with you', 'With you delivery is too slow')).not.toBe('');
    expect(alike('have a supplier', 'We already have a supplier')).not.toBe('');
    expect(alike('we get it through a dealer down the road', 'We have a dealer we use')).toBe('');
  });

  it('labels every blind phrasing with default-book ids and their categories', () => {
    for (const { name, file } of fixtureSets().filter((set) => set.name.startsWith('blind'))) {
      for (const query of loadQueries(file)) {
        for (const id of [query.expected, ...(query.alsoAccepted ?? [])]) expect(Object.keys(OBJECTIONS), `${name}: ${query.query}`).toContain(id);
        expect(OBJECTIONS[query.expected as keyof typeof OBJECTIONS], `${name}: ${query.query}`).toBe(query.category);
      }
    }
  });
});

describe('objection search quality gate', () => {
  it('keeps the held-out top-1 and top-3 it reached, overall and per language', () => {
    const report = measure(heldout);
    console.log(formatReport(`held-out set, ${heldout.length} phrasings`, report));
    expect(report.overall.top1).toBeGreaterThanOrEqual(HELDOUT_FLOOR.top1);
    expect(report.overall.top3).toBeGreaterThanOrEqual(HELDOUT_FLOOR.top3);
    for (const [language, floor] of Object.entries(HELDOUT_LANGUAGE_FLOOR)) {
      expect(report.byLanguage[language]!.top1, language).toBeGreaterThanOrEqual(floor.top1);
      expect(report.byLanguage[language]!.top3, language).toBeGreaterThanOrEqual(floor.top3);
    }
  }, SLOW_TEST_MS);

  it('keeps what it reached on the second held-out set', () => {
    const { overall } = measure(fresh);
    expect(overall.top1).toBeGreaterThanOrEqual(FRESH_FLOOR.top1);
    expect(overall.top3).toBeGreaterThanOrEqual(FRESH_FLOOR.top3);
  });

  it('keeps what it reached on the blind held-out set', () => {
    const { overall } = measure(blindFinal);
    expect(blindFinal.length).toBeGreaterThanOrEqual(120);
    expect(overall.top1).toBeGreaterThanOrEqual(BLIND_FINAL_FLOOR.top1);
    expect(overall.top3).toBeGreaterThanOrEqual(BLIND_FINAL_FLOOR.top3);
  }, SLOW_TEST_MS);

  it('keeps what it reached on the tuning sets', () => {
    for (const [name, queries] of [['original', original], ['dev', dev], ['blindDev', blindDev]] as const) {
      const { overall } = measure(queries);
      expect(overall.top1, name).toBeGreaterThanOrEqual(TUNING_FLOOR[name].top1);
      expect(overall.top3, name).toBeGreaterThanOrEqual(TUNING_FLOOR[name].top3);
    }
  }, SLOW_TEST_MS);
});

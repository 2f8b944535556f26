import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKS, DEFAULT_BOOK_LANGUAGES } from '../../../lib/book/defaults';
import { OBJECTIONS } from '../../../lib/book/defaults/skeleton';
import { foldWord } from '../../../lib/text/normalize';
import { FIXTURES, formatReport, loadQueries, measure } from './objection-accuracy';

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
const FRESH_FLOOR = { top1: 0.771, top3: 0.942 };
// The dev set grew by 25 harder phrasings of its own (weighing up, call-back times, the same
// supplier for years, a basic one is enough, long pastes ending in approval or price).
const TUNING_FLOOR = { original: { top1: 0.935, top3: 0.978 }, dev: { top1: 0.882, top3: 0.976 } };

const heldout = loadQueries(FIXTURES.heldout);
const fresh = loadQueries(FIXTURES.fresh);
const dev = loadQueries(FIXTURES.dev);
const original = loadQueries(FIXTURES.original);

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
  });

  it('keeps what it reached on the second held-out set', () => {
    const { overall } = measure(fresh);
    expect(overall.top1).toBeGreaterThanOrEqual(FRESH_FLOOR.top1);
    expect(overall.top3).toBeGreaterThanOrEqual(FRESH_FLOOR.top3);
  });

  it('keeps what it reached on the tuning sets', () => {
    for (const [name, queries] of [['original', original], ['dev', dev]] as const) {
      const { overall } = measure(queries);
      expect(overall.top1, name).toBeGreaterThanOrEqual(TUNING_FLOOR[name].top1);
      expect(overall.top3, name).toBeGreaterThanOrEqual(TUNING_FLOOR[name].top3);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { searchWords } from '../../../lib/suggest/search/words';

const texts = (text: string) => searchWords(text).map((word) => word.text);

describe('searchWords (English clitics)', () => {
  it('keeps a negated auxiliary a negation, with or without the apostrophe', () => {
    expect(texts("We don't need it")).toEqual(['we', 'do', 'not', 'need', 'it']);
    expect(texts('it doesnt work')).toEqual(['it', 'does', 'not', 'work']);
    expect(texts('I can’t talk, we won’t change')).toEqual(['i', 'can', 'not', 'talk', 'we', 'will', 'not', 'change']);
  });

  it('reads a possessive as its noun and drops the verb part of "they\'ve", "we\'re", "I\'ll"', () => {
    expect(texts("my boss's approval, this year's budget")).toEqual(['my', 'boss', 'approval', 'this', 'year', 'budget']);
    expect(texts("they've always, we're fine, I'll call")).toEqual(['they', 'always', 'we', 'fine', 'i', 'call']);
  });

  it('leaves other scripts and apostrophes inside other words alone', () => {
    expect(texts("п'ять днів")).toEqual(['пять', 'днів']);
    expect(texts('γι’ αυτό')).toEqual(['γι', 'αυτο']);
  });

  it('reads the spoken forms of "no" and "there is none" as the written ones', () => {
    expect(texts('грошей нема')).toEqual(['грошей', 'немає']);
    expect(texts('денег нету')).toEqual(['денег', 'нет']);
    expect(texts('nope')).toEqual(['no']);
  });

  it('keeps what it read as written, for highlighting', () => {
    expect(searchWords("don't").map((word) => word.original)).toEqual(["don't", "don't"]);
  });
});

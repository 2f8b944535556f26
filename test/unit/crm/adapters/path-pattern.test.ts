import { describe, expect, it } from 'vitest';
import { compilePathPattern, pathPatternNames, pathPatternProblem } from '../../../../lib/crm/adapters/path-pattern';

/** The path-pattern language's digits-only segments and literal alternatives: what they accept and refuse. */
const groups = (pattern: string, path: string) => compilePathPattern(pattern)!.exec(path)?.groups ?? null;

describe('path patterns: ":name(digits)"', () => {
  it('matches a segment of digits only', () => {
    expect(groups('/person/:id(digits)', '/person/1234')).toEqual({ id: '1234' });
    expect(groups('/person/:id(digits)', '/person/1234/')).toEqual({ id: '1234' });
    expect(groups('/person/:id(digits)', '/person/1234?tab=notes')).toEqual({ id: '1234' });
    expect(groups('/contacts/:portal(digits)/record/:type/:id(digits)', '/contacts/26/record/0-1/51/view/1')).toEqual({ portal: '26', type: '0-1', id: '51' });
    expect(pathPatternNames('/contacts/:portal(digits)/x/:id(digits)')).toEqual(['portal', 'id']);
  });

  it('refuses a segment with anything but digits', () => {
    for (const path of ['/person/12a', '/person/a12', '/person/', '/person', '/person/-1', '/person/1.5', '/person/１２']) {
      expect(compilePathPattern('/person/:id(digits)')!.test(path), path).toBe(false);
    }
  });

  it('refuses "(digits)" without a name and other bracket words', () => {
    for (const pattern of ['/person/(digits)', '/person/:id(digit)', '/person/:id(\\d+)', '/person/:id()', '/person/:id(digits', '/person/:id(digits)+', '/person/:id((digits))']) {
      expect(pathPatternProblem(pattern), pattern).not.toBeNull();
      expect(compilePathPattern(pattern), pattern).toBeNull();
    }
  });
});

describe('path patterns: "(word|word)" and ":name(word|word)"', () => {
  it('matches one of the words, whole, and names it when asked', () => {
    expect(groups('/:type(person|organization|deal)/:id(digits)', '/organization/88')).toEqual({ type: 'organization', id: '88' });
    expect(groups('/(leads|deals)/inbox/:id', '/deals/inbox/x1')).toEqual({ id: 'x1' });
    expect(compilePathPattern('/(leads|deals)/inbox/:id')!.test('/leads/inbox/x1')).toBe(true);
    expect(pathPatternNames('/(a|b)/:kind(c|d)/:id')).toEqual(['kind', 'id']);
    // "." is a literal in a word too.
    expect(compilePathPattern('/(res.partner|crm.lead)/:id')!.test('/resXpartner/1')).toBe(false);
  });

  it('refuses a word that is only the start or the end of the segment, or not among the words', () => {
    const pattern = compilePathPattern('/:type(person|organization)/:id(digits)')!;
    for (const path of ['/persons/1', '/xperson/1', '/org/1', '/organizationx/1', '/Person/1', '/deal/1']) expect(pattern.test(path), path).toBe(false);
  });

  it('refuses regex syntax, empty and lone words, and too many words', () => {
    const many = `/(${Array.from({ length: 21 }, (_, index) => `w${index}`).join('|')})`;
    for (const pattern of ['/(a|aa)*', '/(a)', '/:x(a)', '/(a|)', '/(|a)', '/(a||b)', '/(a|b+)', '/(a|[b])', '/(a|(b|c))', '/(a|b', '/a|b)', '/(a|b)c', '/x(a|b)', '/:x(a|b)(c|d)', '/:x y(a|b)', many]) {
      expect(pathPatternProblem(pattern), pattern).not.toBeNull();
      expect(compilePathPattern(pattern), pattern).toBeNull();
    }
    expect(pathPatternProblem(`/(${Array.from({ length: 20 }, (_, index) => `w${index}`).join('|')})`)).toBeNull();
  });

  it('refuses a name used twice across kinds', () => {
    expect(pathPatternProblem('/:id(a|b)/:id(digits)')).toMatch(/used twice/);
  });
});

describe('path patterns stay linear', () => {
  it('compiles to one quantifier per segment at most, with no nested groups that repeat', () => {
    for (const pattern of ['/:type(person|organization)/:id(digits)', '/(a|b)/*/:x', '/c/:portal(digits)/:id']) {
      const source = compilePathPattern(pattern)!.source;
      expect(source, pattern).not.toMatch(/\)[+*{?]/); // no repeated group
      const quantifiers = source.replaceAll('[^/?#]+', 'Q').replaceAll('\\d+', 'Q').replace(/\\./g, '');
      expect(quantifiers, pattern).not.toMatch(/[+*{]/);
    }
  });

  it('answers on a 50,000-character hostile path', () => {
    const pattern = compilePathPattern('/:a(digits)/:b(x|xx)/:c/:d(digits)')!;
    expect(pattern.test(`/${'1'.repeat(50_000)}x`)).toBe(false);
    expect(pattern.test(`/1/${'x'.repeat(50_000)}/c/1`)).toBe(false);
  });
});

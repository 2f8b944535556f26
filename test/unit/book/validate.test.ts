import { describe, expect, it } from 'vitest';
import type { BookError } from '../../../lib/book/errors';
import { lintBook, parseBookJson, validateBook } from '../../../lib/book/validate';
import { editableDefaultBook, errorPaths, validBookInput, validObjection, validProgramme, validTouch } from './factories';

function errorsOf(input: unknown): BookError[] {
  const result = validateBook(input);
  if (result.ok) throw new Error('expected the book to be invalid');
  return result.errors;
}

function messageAt(errors: BookError[], path: string): string {
  const found = errors.filter((error) => error.path === path);
  if (found.length === 0) throw new Error(`no error at ${path}; got ${JSON.stringify(errors, null, 1)}`);
  return found.map((error) => error.message).join(' | ');
}

describe('validateBook accepts', () => {
  it('the smallest valid book and fills in the empty lists', () => {
    const result = validateBook(validBookInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.book.crossSell).toEqual([]);
    expect(result.book.fieldMappings).toEqual({});
  });

  it('every timing kind, a repeat, a "$schema" key and field mappings', () => {
    const result = validateBook(
      validBookInput({
        $schema: './sales-book.schema.json',
        programmes: [
          validProgramme({
            touches: [
              validTouch({ id: 'after', after: 'P2M', repeatEvery: 'P2M' }),
              validTouch({ id: 'window', after: undefined, window: { from: '12-15', to: '01-15' } }),
              validTouch({ id: 'annual', after: undefined, annual: { anchorDate: true } }),
            ],
          }),
        ],
        fieldMappings: { 'https://crm.example.com': [{ field: 'phone', label: 'Mobile' }], 'https://*.example.org': [{ field: 'stage', selector: '.stage' }] },
      }),
    );
    expect(result).toMatchObject({ ok: true });
  });
});

describe('validateBook reports, with the path to the problem', () => {
  it('wrong types and missing fields', () => {
    const errors = errorsOf(validBookInput({ title: 5, priority: undefined, programmes: [validProgramme({ priority: '10' })], author: undefined }));
    expect(messageAt(errors, 'title')).toBe('expected text, got the number 5');
    expect(messageAt(errors, 'programmes[0].priority')).toBe('expected a number, got text "10"');
    expect(messageAt(errors, 'author')).toBe('required field is missing; expected text');
  });

  it('unknown keys, naming the fields that are allowed', () => {
    const errors = errorsOf(validBookInput({ programmes: [validProgramme({ touches: [validTouch({ scirpt: 'x' })] })], colour: 'red' }));
    expect(messageAt(errors, 'programmes[0].touches[0].scirpt')).toMatch(/^unknown field "scirpt"; allowed fields here: id, after, window, annual, before, repeatEvery, goal, role, channel, script, variants, condition, closedBy, yieldsTo$/);
    expect(messageAt(errors, 'colour')).toContain('unknown field "colour"');
  });

  it('unknown keys inside a chosen union option', () => {
    const errors = errorsOf(validBookInput({ programmes: [validProgramme({ anchor: { kind: 'stageReached', stage: 'Won', colour: 1 } })] }));
    expect(messageAt(errors, 'programmes[0].anchor.colour')).toBe('unknown field "colour"; allowed fields here: kind, stage');
  });

  it('duplicate ids, pointing at the first use', () => {
    const errors = errorsOf(
      validBookInput({
        objections: [validObjection(), validObjection({ category: 'other' })],
        programmes: [validProgramme({ touches: [validTouch(), validTouch()] })],
      }),
    );
    expect(messageAt(errors, 'objections[1].id')).toBe('duplicate id "price-too-expensive": already used by objections[0]');
    expect(messageAt(errors, 'programmes[0].touches[1].id')).toBe('duplicate id "satisfaction-call": already used by programmes[0].touches[0]');
  });

  it('bad ids', () => {
    const errors = errorsOf(validBookInput({ id: 'Team Book', objections: [validObjection({ id: 'constructor' })] }));
    expect(messageAt(errors, 'id')).toContain('expected an id: lowercase letters a-z');
    expect(messageAt(errors, 'objections[0].id')).toContain('reserved');
  });

  it('bad durations', () => {
    const errors = errorsOf(validBookInput({ programmes: [validProgramme({ touches: [validTouch({ after: '7 days' }), validTouch({ id: 'b', after: 'P1M', repeatEvery: 'P0D' })] })] }));
    expect(messageAt(errors, 'programmes[0].touches[0].after')).toContain('expected an ISO-8601 duration such as "P7D"');
    expect(messageAt(errors, 'programmes[0].touches[1].repeatEvery')).toBe('expected a duration longer than zero, e.g. "P2M"');
  });

  it('bad MM-DD days', () => {
    const errors = errorsOf(validBookInput({ programmes: [validProgramme({ touches: [validTouch({ after: undefined, window: { from: '13-01', to: '02-30' } })] })] }));
    expect(messageAt(errors, 'programmes[0].touches[0].window.from')).toContain('expected a day of the year as "MM-DD"');
    expect(messageAt(errors, 'programmes[0].touches[0].window.to')).toContain('"MM-DD"');
  });

  it('a touch with no timing, two timings, or a timing its anchor cannot give', () => {
    const errors = errorsOf(
      validBookInput({
        programmes: [
          validProgramme({
            touches: [
              validTouch({ id: 'none', after: undefined }),
              validTouch({ id: 'two', window: { from: '10-01', to: '11-30' } }),
              validTouch({ id: 'repeat', after: undefined, annual: { date: '12-28' }, repeatEvery: 'P1M' }),
            ],
          }),
          validProgramme({ id: 'seasons', anchor: { kind: 'none' }, touches: [validTouch({ after: 'P1D' }), validTouch({ id: 'b', after: undefined, annual: { anchorDate: true, date: '01-01' } })] }),
        ],
      }),
    );
    expect(messageAt(errors, 'programmes[0].touches[0]')).toContain('a touch needs exactly one timing');
    expect(messageAt(errors, 'programmes[0].touches[1]')).toBe('a touch needs exactly one timing, but this one has "after" and "window"');
    expect(messageAt(errors, 'programmes[0].touches[2].repeatEvery')).toBe('"repeatEvery" only works together with "after"');
    expect(messageAt(errors, 'programmes[1].touches[0].after')).toContain('anchor is "none"');
    expect(messageAt(errors, 'programmes[1].touches[1].annual')).toContain('exactly one of "date"');
    expect(messageAt(errors, 'programmes[1].touches[1].annual.anchorDate')).toContain('anchor is "none"');
  });

  it('"before" counts back from a card date or a discount\'s last day; only a discount takes "after" with it', () => {
    const ok = validateBook(
      validBookInput({
        programmes: [
          validProgramme({ id: 'policy', anchor: { kind: 'customDate', field: 'Policy expiry' }, touches: [validTouch({ after: undefined, before: 'P30D' })] }),
          validProgramme({ id: 'discount', anchor: { kind: 'discount' }, touches: [validTouch({ before: 'P3D', after: 'P3W' })] }),
        ],
      }),
    );
    expect(ok.ok).toBe(true);
    const errors = errorsOf(
      validBookInput({
        programmes: [
          validProgramme({ id: 'bought', touches: [validTouch({ after: undefined, before: 'P3D' })] }),
          validProgramme({ id: 'policy', anchor: { kind: 'customDate', field: 'Policy expiry' }, touches: [validTouch({ before: 'P30D', after: 'P1D' })] }),
        ],
      }),
    );
    expect(messageAt(errors, 'programmes[0].touches[0].before')).toContain('the anchor must be "customDate", "discount" or "monthEnd"');
    expect(messageAt(errors, 'programmes[1].touches[0]')).toBe('a touch needs exactly one timing, but this one has "after" and "before"');
  });

  it('an unknown anchor kind or enum value, listing what is allowed', () => {
    const errors = errorsOf(validBookInput({ programmes: [validProgramme({ anchor: { kind: 'purchased' }, touches: [validTouch({ channel: 'fax' })] })] }));
    expect(messageAt(errors, 'programmes[0].anchor.kind')).toBe(
      'expected one of "purchase", "dealWon", "stageReached", "callbackRequested", "birthday", "customDate", "discount", "monthEnd", "none", got text "purchased"',
    );
    expect(messageAt(errors, 'programmes[0].touches[0].channel')).toBe('expected one of "call", "meeting", "email", "sms", "messenger", got text "fax"');
  });

  it('unknown placeholders, with a suggestion', () => {
    const errors = errorsOf(validBookInput({ programmes: [validProgramme({ touches: [validTouch({ script: 'Hi {{client.nmae}}, {{weather}}' })] })] }));
    expect(messageAt(errors, 'programmes[0].touches[0].script')).toContain('unknown placeholder {{client.nmae}}; did you mean {{client.name}}?');
    expect(messageAt(errors, 'programmes[0].touches[0].script')).toContain('unknown placeholder {{weather}}; known placeholders: client.name');
  });

  it('too long texts and too many items, with the actual size', () => {
    const errors = errorsOf(validBookInput({ title: 'x'.repeat(501), objections: [validObjection({ phrasings: Array.from({ length: 51 }, (_, index) => `p${index}`) })] }));
    expect(messageAt(errors, 'title')).toBe('too long: at most 500 characters (this one has 501)');
    expect(messageAt(errors, 'objections[0].phrasings')).toBe('too many items: at most 50 (this list has 51)');
  });

  it('follow-ups that do not fit the answer, references to ids that do not exist', () => {
    const errors = errorsOf(
      validBookInput({
        questionnaires: [
          {
            id: 'feedback',
            title: 'Feedback',
            kind: 'feedback',
            questions: [
              { id: 'a', level: 'core', text: 'What to change?', answer: { type: 'text' }, followUp: { when: { ratingEquals: 4 }, text: 'Why?' } },
              { id: 'b', level: 'core', text: 'Recommend?', answer: { type: 'choice', choices: ['Yes', 'No'] }, followUp: { when: { choiceIs: 'Maybe' }, text: 'Why?' } },
            ],
          },
        ],
        churnReasons: [{ id: 'silence', reason: 'Silence', response: 'Call', suggestObjectionIds: ['nope'], suggestProgrammeIds: ['durable-goods'] }],
      }),
    );
    expect(messageAt(errors, 'questionnaires[0].questions[0].followUp.when.ratingEquals')).toContain('needs a rating answer');
    expect(messageAt(errors, 'questionnaires[0].questions[1].followUp.when.choiceIs')).toBe('expected one of the question\'s choices, got "Maybe"');
    expect(messageAt(errors, 'churnReasons[0].suggestObjectionIds[0]')).toBe('no objection has the id "nope"');
    expect(errorPaths({ ok: false, errors }).some((path) => path.startsWith('churnReasons[0].suggestProgrammeIds'))).toBe(false);
  });

  it('every kind of error at once, in reading order', () => {
    const input = validBookInput({
      schema: 2,
      title: 7,
      programmes: [validProgramme({ touches: [validTouch({ after: 'soon', script: '{{clinet.name}}', extra: true })] })],
      objections: [validObjection(), validObjection()],
      fieldMappings: { 'ftp://crm': [{ field: 'phone' }] },
    });
    const paths = errorPaths(validateBook(input));
    expect(paths).toEqual(
      expect.arrayContaining([
        'schema',
        'title',
        'programmes[0].touches[0].after',
        'programmes[0].touches[0].script',
        'programmes[0].touches[0].extra',
        'objections[1].id',
        'fieldMappings["ftp://crm"]',
      ]),
    );
    expect(paths.indexOf('objections[1].id')).toBeGreaterThan(paths.indexOf('programmes[0].touches[0].script'));
  });

  it('input that is not an object at all', () => {
    for (const input of [null, 42, 'book', [], true, undefined]) {
      const result = validateBook(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatchObject({ path: '', message: expect.stringContaining('expected an object') });
    }
  });
});

describe('parseBookJson', () => {
  it('reads and validates in one go', () => {
    expect(parseBookJson(JSON.stringify(validBookInput())).ok).toBe(true);
    const result = parseBookJson('{"schema": 1,}');
    expect(result).toEqual({ ok: false, errors: [{ path: '', message: 'invalid JSON at line 1, column 14: a comma before "}" is not allowed in JSON' }] });
  });
});

describe('cross-sell options', () => {
  const withOptions = (count: number) => {
    const book = editableDefaultBook();
    const rule = book.crossSell[0];
    if (!rule) throw new Error('no cross-sell rule');
    const tiers = ['standard', 'professional', 'premium'] as const;
    rule.options = Array.from({ length: count }, (_, index) => ({
      tier: tiers[Math.min(index, tiers.length - 1)]!,
      title: `Option ${index + 1}`,
      whatDiffers: `Differs in ${index + 1}`,
    }));
    return book;
  };

  it('accepts three or more options, up to six', () => {
    for (const count of [3, 4, 6]) expect(validateBook(withOptions(count)).ok).toBe(true);
  });

  it('refuses the same option twice', () => {
    const book = withOptions(4);
    book.crossSell[0]!.options[3]!.title = 'Option 3';
    expect(validateBook(book)).toMatchObject({ ok: false, errors: [{ path: 'crossSell[0].options[3].title', message: 'duplicate title "Option 3": already used by crossSell[0].options[2]' }] });
  });

  it('refuses more than six options, so a hostile book stays bounded', () => {
    expect(errorPaths(validateBook(withOptions(7)))).toEqual(['crossSell[0].options']);
  });

  it('warns, without refusing the book, when an offer has fewer than three options', () => {
    const book = withOptions(2);
    expect(validateBook(book).ok).toBe(true);
    expect(lintBook(book)).toEqual([
      { path: 'crossSell[0].options', message: 'only 2 options; offer at least three (standard, professional, premium) and say what differs' },
    ]);
    expect(lintBook(withOptions(4))).toEqual([]);
  });
});

describe('lintBook', () => {
  it('has no advice for the default book', () => {
    expect(lintBook(editableDefaultBook())).toEqual([]);
  });

  it('advises on short or unordered questionnaires, missing options and single phrasings', () => {
    const book = editableDefaultBook();
    const negotiation = book.questionnaires[0];
    if (!negotiation) throw new Error('no questionnaire');
    negotiation.questions = negotiation.questions.slice(0, 4).reverse();
    book.crossSell[0]?.options.splice(2);
    book.objections[0]?.phrasings.splice(1);
    const paths = lintBook(book).map((warning) => warning.path);
    expect(paths).toEqual(
      expect.arrayContaining(['questionnaires[0].questions', 'questionnaires[0].questions[1].level', 'crossSell[0].options', 'objections[0].phrasings']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { validatePersonalLayer } from '../../../lib/book/layers';
import { parseBookJson, validateBook } from '../../../lib/book/validate';
import { validBookInput, validObjection, validProgramme, validTouch } from './factories';

/** Hostile input: whatever arrives, validation answers with errors and never throws or hangs. */

function firstErrors(result: ReturnType<typeof validateBook>): Array<{ path: string; message: string }> {
  if (result.ok) throw new Error('expected a failure');
  return result.errors;
}

describe('deep nesting', () => {
  it('reports JSON nested 10,000 levels deep instead of overflowing the stack', () => {
    const nested = `{"schema": 1, "programmes": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const errors = firstErrors(parseBookJson(nested));
    expect(errors[0]?.message).toMatch(/nested too deeply/);
  });

  it('reports broken JSON nested a million levels deep', () => {
    const errors = firstErrors(parseBookJson('['.repeat(1_000_000), { maxBytes: 2_000_000 }));
    expect(errors[0]?.message).toMatch(/line 1, column 1000001: the file ends too early/);
  });

  it('reports deeply nested JavaScript objects', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let level = 0; level < 5_000; level++) deep = deep['x'] = {};
    expect(firstErrors(validateBook(validBookInput({ team: root })))[0]?.message).toMatch(/nested too deeply/);
  });
});

describe('huge values', () => {
  it('rejects a 10 MB string quickly and does not echo it back', () => {
    const huge = 'A'.repeat(10_000_000);
    const started = performance.now();
    const errors = firstErrors(validateBook(validBookInput({ title: huge, id: huge, programmes: [validProgramme({ touches: [validTouch({ script: huge, after: huge })] })] })));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(errors.find((error) => error.path === 'title')?.message).toBe('too long: at most 500 characters (this one has 10000000)');
    expect(errors.map((error) => error.path)).toEqual(expect.arrayContaining(['id', 'programmes[0].touches[0].script', 'programmes[0].touches[0].after']));
    expect(JSON.stringify(errors).length).toBeLessThan(10_000);
  });

  it('refuses a 10 MB file before parsing it', () => {
    const errors = firstErrors(parseBookJson(`{"title": "${'A'.repeat(10_000_000)}"}`));
    expect(errors).toEqual([{ path: '', message: 'the file is too large: at most 5 MB are accepted' }]);
  });

  it('rejects a list of a million items without a million errors', () => {
    const started = performance.now();
    const errors = firstErrors(validateBook(validBookInput({ objections: Array.from({ length: 1_000_000 }, () => 7) })));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual({ path: 'objections', message: 'too many items: at most 20000 in any list (this list has 1000000)' });
  });

  it('caps the number of reported errors', () => {
    const objections = Array.from({ length: 900 }, () => validObjection({ category: 'nope' }));
    const errors = firstErrors(validateBook(validBookInput({ objections })));
    expect(errors.length).toBe(201);
    expect(errors.at(-1)?.message).toMatch(/more errors not shown/);
  });
});

describe('prototype keys', () => {
  it('rejects "__proto__" keys and leaves Object.prototype alone', () => {
    const text = `{"schema": 1, "__proto__": {"polluted": true}, "objections": [{"__proto__": {"polluted": true}}], "fieldMappings": {"__proto__": []}}`;
    const errors = firstErrors(parseBookJson(text));
    expect(errors.map((error) => error.path)).toEqual(expect.arrayContaining(['__proto__', 'objections[0].__proto__', 'fieldMappings.__proto__']));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('treats "constructor" and "prototype" as unknown fields or invalid keys, never as magic', () => {
    const errors = firstErrors(parseBookJson(JSON.stringify({ ...validBookInput(), constructor: { prototype: 1 }, fieldMappings: { constructor: [] } })));
    expect(errors.map((error) => error.path)).toEqual(expect.arrayContaining(['constructor', 'fieldMappings.constructor']));
    const layer = validatePersonalLayer(JSON.parse('{"schema": 1, "notes": {"constructor": "x", "prototype": "y"}}'));
    expect(layer.ok).toBe(false);
  });
});

describe('content stays plain text', () => {
  it('keeps HTML and script text byte for byte; rendering as text is the UI\'s job', () => {
    const markup = '<img src=x onerror="alert(1)"><script>alert(document.cookie)</script>&amp;';
    const result = validateBook(validBookInput({ title: markup, objections: [validObjection({ phrasings: [markup, 'x'] })] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.book.title).toBe(markup);
    expect(result.book.objections[0]?.phrasings[0]).toBe(markup);
  });
});

describe('values JSON cannot hold', () => {
  it('reports functions, symbols, bigints, non-finite numbers, dates and class instances', () => {
    const input = validBookInput({
      title: () => 'x',
      team: Symbol('x'),
      author: 10n,
      version: Number.NaN,
      updatedAt: new Date(),
      description: new Map(),
    });
    const errors = firstErrors(validateBook(input));
    expect(errors.map((error) => error.path)).toEqual(expect.arrayContaining(['title', 'team', 'author', 'version', 'updatedAt', 'description']));
  });

  it('survives throwing getters and proxies', () => {
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    const getter = Object.defineProperty({ ...validBookInput() }, 'title', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(() => validateBook(trap)).not.toThrow();
    expect(validateBook(trap).ok).toBe(false);
    expect(validateBook(getter).ok).toBe(false);
  });
});

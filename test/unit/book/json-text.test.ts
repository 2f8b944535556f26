import { describe, expect, it } from 'vitest';
import { lineColumnAt, locateJsonSyntaxError, parseJsonText, utf8ByteLength } from '../../../lib/book/json-text';

function firstMessage(text: string, maxBytes?: number): string {
  const result = parseJsonText(text, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error('expected a failure');
  return result.errors[0]?.message ?? '';
}

describe('parseJsonText', () => {
  it('parses valid JSON and ignores a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, "x", null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
  });

  it('reports line and column of a syntax error with a readable reason', () => {
    expect(firstMessage('{\n  "title": "Book",\n  "version" "1"\n}')).toBe(
      'invalid JSON at line 3, column 13: expected ":" after the field name',
    );
    expect(firstMessage('{\n  "a": tru\n}')).toBe('invalid JSON at line 2, column 8: unexpected word "tru"; text must be in double quotes');
    expect(firstMessage('{"a": [1, 2,]}')).toBe('invalid JSON at line 1, column 13: a comma before "]" is not allowed in JSON');
    expect(firstMessage('{"a": 1,\n}')).toBe('invalid JSON at line 2, column 1: a comma before "}" is not allowed in JSON');
    expect(firstMessage("{'a': 1}")).toBe('invalid JSON at line 1, column 2: field names must use double quotes, not single quotes');
    expect(firstMessage('{"a": "line\nbreak"}')).toContain('line 1, column 12: a line break or control character inside text');
    expect(firstMessage('{"a": 1')).toContain('the file ends too early: a closing "}" is missing');
    expect(firstMessage('{"a": 1} x')).toContain('unexpected text after the end of the JSON document');
    expect(firstMessage('{"a": 1 "b": 2}')).toContain('expected "," or "}" after the value (is a comma missing?)');
  });

  it('says an empty file is empty', () => {
    expect(firstMessage('  \n ')).toBe('the file is empty; expected a JSON object');
  });

  it('checks the size in UTF-8 bytes before parsing', () => {
    expect(firstMessage('"' + 'é'.repeat(600) + '"', 1_000)).toBe('the file is too large: at most 1 kB are accepted');
    expect(parseJsonText('"' + 'e'.repeat(600) + '"', { maxBytes: 1_000 }).ok).toBe(true);
  });
});

describe('helpers', () => {
  it('counts UTF-8 bytes, surrogate pairs as four', () => {
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('gives 1-based line and column', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('agrees with JSON.parse on valid documents', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+3', '"\\u00e9\\n"', '{"a":{"b":[true,false,null]}}', ' [ 1 , { } ] ']) {
      expect(locateJsonSyntaxError(text)).toBeNull();
      expect(() => {
        JSON.parse(text);
      }).not.toThrow();
    }
  });

  it('finds errors in deeply nested broken JSON without recursion', () => {
    const text = '['.repeat(200_000);
    expect(locateJsonSyntaxError(text)?.message).toBe('the file ends too early: a closing "]" is missing');
  });
});

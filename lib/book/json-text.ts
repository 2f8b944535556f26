import type { BookError } from './errors';

/**
 * Reading JSON text that a person may have edited by hand. The size is checked before parsing (a
 * 50 MB paste should cost nothing), and a syntax error comes back with its line and column and a
 * sentence a team lead understands, the same in every browser: engines word and locate their own
 * JSON errors differently (some not at all), so we find the spot ourselves.
 */

export const DEFAULT_MAX_BOOK_BYTES = 5_000_000;

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; errors: BookError[] };

export function parseJsonText(text: string, { maxBytes = DEFAULT_MAX_BOOK_BYTES }: { maxBytes?: number } = {}): JsonTextResult {
  const size = utf8ByteLength(text, maxBytes);
  if (size > maxBytes) {
    return { ok: false, errors: [{ path: '', message: `the file is too large: at most ${formatBytes(maxBytes)} are accepted` }] };
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [{ path: '', message: 'the file is empty; expected a JSON object' }] };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: describeSyntaxError(body, error) }] };
  }
}

function describeSyntaxError(text: string, error: unknown): string {
  if (error instanceof RangeError) return 'the JSON is nested too deeply to read';
  const found = locateJsonSyntaxError(text);
  if (!found) return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
  const { line, column } = lineColumnAt(text, found.offset);
  return `invalid JSON at line ${line}, column ${column}: ${found.message}`;
}

/** UTF-8 size of a string, stopping early once it passes `stopAfter` (no 10 MB copies). */
export function utf8ByteLength(text: string, stopAfter = Infinity): number {
  if (text.length > stopAfter) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= stopAfter; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      index++;
    } else bytes += 3;
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 100_000) / 10} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 100) / 10} kB`;
  return `${bytes} bytes`;
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

// ---- a small JSON scanner that only finds the first error ---------------------------------------

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose';

export interface JsonSyntaxProblem {
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Returns null when the text is valid JSON. Iterative: deep nesting cannot overflow the stack. */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  const open: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let position = 0;
  const problem = (message: string, offset = position): JsonSyntaxProblem => ({ offset, message });

  while (true) {
    position = skipWhitespace(text, position);
    const char = text[position];

    if (char === undefined) {
      if (open.length === 0 && expect === 'commaOrClose') return null;
      return problem(open.length > 0 ? `the file ends too early: a closing "${open.at(-1) === '{' ? '}' : ']'}" is missing` : 'the file ends too early: expected a value');
    }

    if (expect === 'value' || expect === 'valueOrClose') {
      if (char === ']' && (expect === 'valueOrClose' || open.at(-1) === '[')) {
        if (expect === 'value') return problem('a comma before "]" is not allowed in JSON');
        open.pop();
        expect = 'commaOrClose';
        position++;
      } else if (char === '{' || char === '[') {
        open.push(char);
        expect = char === '{' ? 'keyOrClose' : 'valueOrClose';
        position++;
      } else {
        const end = scanScalar(text, position);
        if (typeof end !== 'number') return end;
        position = end;
        expect = 'commaOrClose';
      }
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (char === '}') {
        if (expect === 'key') return problem('a comma before "}" is not allowed in JSON');
        open.pop();
        expect = 'commaOrClose';
        position++;
      } else if (char === '"') {
        const end = scanString(text, position);
        if (typeof end !== 'number') return end;
        position = end;
        expect = 'colon';
      } else {
        return problem(char === "'" ? 'field names must use double quotes, not single quotes' : 'expected a field name in double quotes');
      }
    } else if (expect === 'colon') {
      if (char !== ':') return problem('expected ":" after the field name');
      position++;
      expect = 'value';
    } else {
      const container = open.at(-1);
      if (container === undefined) return problem('unexpected text after the end of the JSON document');
      if (char === ',') {
        expect = container === '{' ? 'key' : 'value';
        position++;
      } else if ((char === '}' && container === '{') || (char === ']' && container === '[')) {
        open.pop();
        position++;
      } else {
        return problem(container === '{' ? 'expected "," or "}" after the value (is a comma missing?)' : 'expected "," or "]" after the item (is a comma missing?)');
      }
    }
  }
}

function skipWhitespace(text: string, from: number): number {
  let position = from;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
    position++;
  }
  return position;
}

function scanScalar(text: string, start: number): number | JsonSyntaxProblem {
  const char = text[start];
  if (char === '"') return scanString(text, start);
  if (char === "'") return { offset: start, message: 'text must use double quotes, not single quotes' };
  if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(text);
    return match ? start + match[0].length : { offset: start, message: 'invalid number' };
  }
  WORD.lastIndex = start;
  const word = WORD.exec(text)?.[0];
  if (word === 'true' || word === 'false' || word === 'null') return start + word.length;
  if (word) return { offset: start, message: `unexpected word ${JSON.stringify(word.slice(0, 30))}; text must be in double quotes` };
  return { offset: start, message: `unexpected character ${JSON.stringify(char)}; expected a value` };
}

function scanString(text: string, start: number): number | JsonSyntaxProblem {
  let position = start + 1;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === 0x22) return position + 1;
    if (code < 0x20) return { offset: position, message: 'a line break or control character inside text; write it as \\n' };
    if (code === 0x5c) {
      const next = text[position + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) {
          return { offset: position, message: 'invalid \\u escape: expected four hex digits' };
        }
        position += 6;
        continue;
      }
      if (next === undefined || !ESCAPES.has(next)) return { offset: position, message: `invalid escape "\\${next ?? ''}" inside text` };
      position += 2;
      continue;
    }
    position++;
  }
  return { offset: start, message: 'this text is never closed: a double quote is missing' };
}

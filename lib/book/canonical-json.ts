/**
 * One byte sequence per JSON value, so a signature made on the team lead's machine verifies in
 * every browser: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * `JSON.stringify` writes them. For JSON data this matches RFC 8785 (JCS).
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

/** A book is a few levels deep; anything deeper than this was not made to be signed. */
const MAX_DEPTH = 100;

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new RangeError('value is nested too deeply to serialise');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => (item === undefined ? 'null' : write(item, depth + 1))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], depth + 1)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`cannot serialise a ${typeof value} as JSON`);
}

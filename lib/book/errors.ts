import { z } from 'zod';

/**
 * Validation errors are for the team lead who wrote the book by hand: a path they can find in
 * their file ("programmes[2].touches[0].after") and a sentence that says what was expected.
 */
export interface BookError {
  path: string;
  message: string;
}

export type BookPath = readonly PropertyKey[];

/** Beyond this many, more errors help nobody; the last line says how many were left out. */
export const MAX_REPORTED_ERRORS = 200;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: BookPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/**
 * Sorts errors in the order a person reads the file: top-level fields in the order the input has
 * them, then `programmes[2]` before `programmes[10]`, and a path before its children.
 */
export function sortErrors(errors: readonly BookError[], input?: unknown): BookError[] {
  const topLevel = input !== null && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input) : [];
  const rank = (path: string): number => {
    const index = topLevel.indexOf(/^[^.[]*/.exec(path)?.[0] ?? '');
    return index === -1 ? topLevel.length : index;
  };
  return [...errors].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path, 'en', { numeric: true }));
}

export function capErrors(errors: readonly BookError[]): BookError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return [...errors];
  const kept = errors.slice(0, MAX_REPORTED_ERRORS);
  kept.push({ path: '', message: `…and ${errors.length - MAX_REPORTED_ERRORS} more errors not shown` });
  return kept;
}

export function prefixErrors(prefix: string, errors: readonly BookError[]): BookError[] {
  return errors.map((error) => ({
    ...error,
    path: error.path === '' ? prefix : error.path.startsWith('[') ? prefix + error.path : `${prefix}.${error.path}`,
  }));
}

// ---- zod issues -> readable errors -------------------------------------------------------------

/**
 * Turns zod issues into errors. `input` is the raw value that was validated: it tells us what was
 * actually there ("got the number 7") and how long a too-long text was, without quoting it whole.
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], input: unknown, schema: z.ZodType): BookError[] {
  return issues.flatMap((issue) => issueToErrors(issue, input, schema));
}

function issueToErrors(issue: z.core.$ZodIssue, input: unknown, schema: z.ZodType): BookError[] {
  const here = valueAtPath(input, issue.path);
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, issue.path, input);
      const hint = allowed.length > 0 ? `; allowed fields here: ${allowed.join(', ')}` : '';
      return issue.keys.slice(0, 20).map((key) => ({
        path: formatPath([...issue.path, key]),
        message: `unknown field ${JSON.stringify(key)}${hint}`,
      }));
    }
    case 'invalid_type':
      return [{ path, message: describeInvalidType(issue.expected, here) }];
    case 'too_big':
      return [{ path, message: describeTooBig(issue.origin, Number(issue.maximum), here) }];
    case 'too_small':
      return [{ path, message: describeTooSmall(issue.origin, Number(issue.minimum), here) }];
    case 'invalid_value':
      return [{ path, message: `expected ${listValues(issue.values)}, got ${describeValue(here)}` }];
    case 'invalid_union':
      return [{ path, message: describeUnion(issue, here) }];
    case 'invalid_key':
      return [{ path, message: `${issue.issues[0]?.message ?? 'invalid key'}` }];
    default:
      // Formats and refinements carry messages written in schema.ts for exactly this reader.
      return [{ path, message: issue.message }];
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  record: 'an object { … }',
  null: 'null',
};

function describeInvalidType(expected: string, here: unknown): string {
  const wanted = TYPE_WORDS[expected] ?? expected;
  if (here === undefined) return `required field is missing; expected ${wanted}`;
  return `expected ${wanted}, got ${describeValue(here)}`;
}

function describeTooBig(origin: string, maximum: number, here: unknown): string {
  if (origin === 'string') {
    const actual = typeof here === 'string' ? ` (this one has ${here.length})` : '';
    return `too long: at most ${maximum} characters${actual}`;
  }
  if (origin === 'array') {
    const actual = Array.isArray(here) ? ` (this list has ${here.length})` : '';
    return `too many items: at most ${maximum}${actual}`;
  }
  return `too large: expected at most ${maximum}, got ${describeValue(here)}`;
}

function describeTooSmall(origin: string, minimum: number, here: unknown): string {
  if (origin === 'string') return `too short: at least ${minimum} characters`;
  if (origin === 'array') return `too few items: expected at least ${minimum}${minimum === 1 ? '; the list is empty' : ''}`;
  return `too small: expected at least ${minimum}, got ${describeValue(here)}`;
}

function describeUnion(issue: z.core.$ZodIssueInvalidUnion, here: unknown): string {
  const options: unknown = Reflect.get(issue, 'options');
  if (Array.isArray(options) && options.length > 0) {
    return `expected ${listValues(options)}, got ${describeValue(here)}`;
  }
  return issue.message;
}

function listValues(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  return shown.length === 1 ? (shown[0] ?? '') : `one of ${shown.join(', ')}`;
}

/** A short description of a value, never the whole of a 10 MB string. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** Reads a raw value along a path using own properties only (a key named "constructor" finds nothing). */
export function valueAtPath(root: unknown, path: BookPath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof segment === 'symbol' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

// ---- which keys an object accepts, for "unknown field" messages ----------------------------------

function allowedKeysAt(schema: z.ZodType, path: BookPath, input: unknown): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (let index = 0; index < path.length && current; index++) {
    const segment = path[index];
    current = current instanceof z.ZodDiscriminatedUnion ? pickOption(current, valueAtPath(input, path.slice(0, index))) : current;
    if (current instanceof z.ZodObject && typeof segment === 'string') current = childOf(current, segment);
    else if (current instanceof z.ZodArray) current = unwrap(current.element);
    else if (current instanceof z.ZodRecord) current = unwrap(current.valueType);
    else current = undefined;
  }
  if (current instanceof z.ZodDiscriminatedUnion) current = pickOption(current, valueAtPath(input, path));
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function childOf(object: z.ZodObject, key: string): z.ZodType | undefined {
  const shape: Record<string, z.ZodType> = object.shape;
  return Object.hasOwn(shape, key) ? unwrap(shape[key]) : undefined;
}

function unwrap(schema: z.core.$ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap();
  }
  return current instanceof z.ZodType ? current : undefined;
}

function pickOption(union: z.ZodDiscriminatedUnion, value: unknown): z.ZodType | undefined {
  const discriminator = union.def.discriminator;
  const wanted = valueAtPath(value, [discriminator]);
  return union.options.find((option) => {
    if (!(option instanceof z.ZodObject)) return false;
    const tag = childOf(option, discriminator);
    return tag instanceof z.ZodLiteral && tag.values.has(wanted as z.core.util.Literal);
  }) as z.ZodType | undefined;
}

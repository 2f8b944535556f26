/**
 * Record URL shapes a sales book (or a built-in profile) gives for a CRM
 * ("/contacts/:portal(digits)/record/:objectType/:id(digits)"), turned into regular expressions by
 * this code only. A book never supplies a regex: each segment is one of
 *   - a literal word ("contacts"),
 *   - `*`: any one segment,
 *   - `:name`: a named segment (any text up to the next "/"),
 *   - `:name(digits)`: a named segment of digits only (record ids),
 *   - `(person|organization)` or `:type(person|organization)`: one of 2 to 20 literal words, named or not,
 * and each becomes a fixed piece with one quantifier at most (`[^/?#]+` or `\d+`), each followed
 * by "/" or the end of a segment, so matching is linear in the URL's length whatever the book says
 * (no ReDoS).
 *
 * Kept free of DOM and zod: the worker's book schema checks the syntax with it, the reader compiles.
 */

/**
 * Literal segment characters: what record paths use. Characters a regex gives a meaning to are
 * refused, not escaped (only `.` is escaped): a team lead who writes "(\d+)" expects a regex and
 * should hear that it is not one rather than get a pattern that never matches.
 */
const LITERAL_SEGMENT = /^[A-Za-z0-9._~%@!&',;=-]{1,100}$/;
/** `:name`, `:name(digits)`, `:name(a|b)` or `(a|b)`; what is inside the brackets is checked apart. */
const SEGMENT = /^(?::([A-Za-z][A-Za-z0-9]{0,31}))?(?:\(([^()]*)\))?$/;

export const MAX_PATH_PATTERN_CHARS = 300;
export const MAX_PATH_SEGMENTS = 20;
export const MAX_SEGMENT_CHOICES = 20;
/** The one word in brackets that is not a literal: `:id(digits)` is a segment of digits only. */
export const DIGITS = 'digits';

type Segment =
  | { kind: 'any' }
  | { kind: 'literal'; word: string }
  | { kind: 'named'; name: string; digits: boolean; choices: string[] | null }
  | { kind: 'choice'; choices: string[] };

/** A segment as data, or the reason (for the team lead) it is not one. */
function parseSegment(segment: string): Segment | string {
  if (segment === '*') return { kind: 'any' };
  if (!segment.startsWith(':') && !segment.startsWith('(')) {
    return LITERAL_SEGMENT.test(segment)
      ? { kind: 'literal', word: segment }
      : `expected each segment to be a word, ":name", ":name(digits)", "(word|word)" or "*" (no regular expressions), got ${JSON.stringify(segment)}`;
  }
  const parsed = SEGMENT.exec(segment);
  const name = parsed?.[1];
  const inside = parsed?.[2];
  if (!parsed || (name === undefined && inside === undefined)) {
    return segment.startsWith(':')
      ? `expected a segment name of letters and digits after ":", optionally followed by "(digits)" or "(word|word)", got ${JSON.stringify(segment)}`
      : `expected "(word|word)": literal words separated by "|" (no regular expressions), got ${JSON.stringify(segment)}`;
  }
  if (inside === undefined) return { kind: 'named', name: name!, digits: false, choices: null };
  if (inside === DIGITS && name !== undefined) return { kind: 'named', name, digits: true, choices: null };
  const choices = inside.split('|');
  if (choices.length < 2) {
    return name !== undefined
      ? `expected ":${name}(digits)" or two words or more separated by "|" in brackets, got ${JSON.stringify(segment)}`
      : `expected two words or more separated by "|" in brackets, got ${JSON.stringify(segment)} (a single word needs no brackets)`;
  }
  if (choices.length > MAX_SEGMENT_CHOICES) return `expected at most ${MAX_SEGMENT_CHOICES} words in ${JSON.stringify(segment)}`;
  const wrong = choices.find((choice) => !LITERAL_SEGMENT.test(choice));
  if (wrong !== undefined) return `expected literal words separated by "|" (no regular expressions), got ${JSON.stringify(wrong)} in ${JSON.stringify(segment)}`;
  return name !== undefined ? { kind: 'named', name, digits: false, choices } : { kind: 'choice', choices };
}

function parsePattern(pattern: string): Segment[] | string {
  if (pattern.length > MAX_PATH_PATTERN_CHARS) return `expected at most ${MAX_PATH_PATTERN_CHARS} characters`;
  if (!pattern.startsWith('/')) return 'expected a path starting with "/", such as "/contacts/:id"';
  const raw = pattern.slice(1).split('/');
  if (raw.length > MAX_PATH_SEGMENTS) return `expected at most ${MAX_PATH_SEGMENTS} segments`;
  const names = new Set<string>();
  const segments: Segment[] = [];
  for (const text of raw) {
    const segment = parseSegment(text);
    if (typeof segment === 'string') return segment;
    if (segment.kind === 'named') {
      if (names.has(segment.name)) return `the segment name ":${segment.name}" is used twice`;
      names.add(segment.name);
    }
    segments.push(segment);
  }
  return segments;
}

/** What is wrong with a pattern, in words for the team lead; null when it compiles. */
export function pathPatternProblem(pattern: string): string | null {
  const parsed = parsePattern(pattern);
  return typeof parsed === 'string' ? parsed : null;
}

/** The named segments of a valid pattern, in order. */
export function pathPatternNames(pattern: string): string[] {
  const parsed = parsePattern(pattern);
  if (typeof parsed === 'string') return [];
  return parsed.flatMap((segment) => (segment.kind === 'named' ? [segment.name] : []));
}

const escapeLiteral = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function segmentSource(segment: Segment): string {
  switch (segment.kind) {
    case 'any':
      return '[^/?#]+';
    case 'literal':
      return escapeLiteral(segment.word);
    case 'choice':
      return `(?:${segment.choices.map(escapeLiteral).join('|')})`;
    case 'named': {
      const body = segment.digits ? '\\d+' : segment.choices ? segment.choices.map(escapeLiteral).join('|') : '[^/?#]+';
      return `(?<${segment.name}>${body})`;
    }
  }
}

/**
 * The pattern as an anchored regex matching a path's start segment by segment (a record's tabs,
 * "/contacts/12/notes", are still that record); null for a pattern `pathPatternProblem` refuses.
 */
export function compilePathPattern(pattern: string): RegExp | null {
  const parsed = parsePattern(pattern);
  if (typeof parsed === 'string') return null;
  return new RegExp(`^\\/${parsed.map(segmentSource).join('\\/')}(?=[/?#]|$)`);
}

// ---- hosts ---------------------------------------------------------------------------------------

/** "crm.example.com", "*.example.com" (any subdomain, and the domain itself), "localhost", "10.0.0.5". */
export const HOST_PATTERN = /^(?:\*\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,10}$/;

export function hostMatches(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (!pattern.startsWith('*.')) return host === pattern;
  const domain = pattern.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

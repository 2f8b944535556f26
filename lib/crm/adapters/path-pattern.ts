/**
 * Record URL shapes a sales book may give for a CRM ("/contacts/:portal/record/:type/:id"), turned
 * into regular expressions by this code only. A book never supplies a regex: each segment is a
 * literal, a named segment (`:id`) or `*`, and each becomes a fixed, quantifier-free piece
 * (`[^/?#]+` at most), so matching is linear in the URL's length whatever the book says (no ReDoS).
 *
 * Kept free of DOM and zod: the worker's book schema checks the syntax with it, the reader compiles.
 */

/**
 * Literal segment characters: what record paths use. Characters a regex gives a meaning to are
 * refused, not escaped (only `.` is escaped): a team lead who writes "(\d+)" expects a regex and
 * should hear that it is not one rather than get a pattern that never matches.
 */
const LITERAL_SEGMENT = /^[A-Za-z0-9._~%@!&',;=-]{1,100}$/;
const NAMED_SEGMENT = /^:([A-Za-z][A-Za-z0-9]{0,31})$/;

export const MAX_PATH_PATTERN_CHARS = 300;
export const MAX_PATH_SEGMENTS = 20;

/** What is wrong with a pattern, in words for the team lead; null when it compiles. */
export function pathPatternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATH_PATTERN_CHARS) return `expected at most ${MAX_PATH_PATTERN_CHARS} characters`;
  if (!pattern.startsWith('/')) return 'expected a path starting with "/", such as "/contacts/:id"';
  const segments = pattern.slice(1).split('/');
  if (segments.length > MAX_PATH_SEGMENTS) return `expected at most ${MAX_PATH_SEGMENTS} segments`;
  const names = new Set<string>();
  for (const segment of segments) {
    if (segment === '*') continue;
    const named = NAMED_SEGMENT.exec(segment);
    if (named) {
      if (names.has(named[1]!)) return `the segment name ":${named[1]}" is used twice`;
      names.add(named[1]!);
      continue;
    }
    if (segment.startsWith(':')) return `expected a segment name of letters and digits after ":", got ${JSON.stringify(segment)}`;
    if (!LITERAL_SEGMENT.test(segment)) {
      return `expected each segment to be a word, ":name" or "*" (no regular expressions), got ${JSON.stringify(segment)}`;
    }
  }
  return null;
}

/** The named segments of a valid pattern, in order. */
export function pathPatternNames(pattern: string): string[] {
  return pattern
    .slice(1)
    .split('/')
    .flatMap((segment) => {
      const named = NAMED_SEGMENT.exec(segment);
      return named ? [named[1]!] : [];
    });
}

/**
 * The pattern as an anchored regex matching a path's start segment by segment (a record's tabs,
 * "/contacts/12/notes", are still that record); null for a pattern `pathPatternProblem` refuses.
 */
export function compilePathPattern(pattern: string): RegExp | null {
  if (pathPatternProblem(pattern) !== null) return null;
  const pieces = pattern
    .slice(1)
    .split('/')
    .map((segment) => {
      if (segment === '*') return '[^/?#]+';
      const named = NAMED_SEGMENT.exec(segment);
      if (named) return `(?<${named[1]}>[^/?#]+)`;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    });
  const body = pieces.join('\\/');
  return new RegExp(`^\\/${body}(?=[/?#]|$)`);
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

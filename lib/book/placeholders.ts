/**
 * Placeholders let one script speak to every client: "Good afternoon, {{client.firstName}}".
 * The list is closed on purpose: a typo in a team book is caught when the book is validated, not
 * discovered by a manager reading "{{clinet.name}}" aloud to a client.
 */

export const PLACEHOLDERS = {
  'client.name': 'The client’s full name as the CRM shows it',
  'client.firstName': 'The client’s first name as the book’s language addresses a person: the vocative in Ukrainian and Greek, name and patronymic in Russian',
  'client.lastName': 'The client’s last name',
  'client.company': 'The client’s company',
  'client.jobTitle': 'The client’s job title',
  'client.phone': 'The client’s main phone number',
  'client.email': 'The client’s main email address',
  'client.stage': 'The deal or client stage in the CRM',
  'client.owner': 'The manager who owns the client in the CRM',
  product: 'The product the client bought (the anchor purchase)',
  'product.next': 'The product or service suggested next (cross-sell offer)',
  'manager.name': 'The name of the manager using Touchbook',
  'manager.phone': 'The phone number of the manager using Touchbook',
  'touch.dueDate': 'The date this touch is due',
  'touch.goal': 'The goal of this touch',
  'company.name': 'Your own company’s name',
  'discount.amount': 'The second-purchase discount recorded for the client',
  'discount.until': 'The date the client’s discount expires',
  greeting: 'A greeting for the time of day (“Good afternoon”), at the manager’s clock, in the book’s language',
} as const satisfies Record<string, string>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

export interface PlaceholderMatch {
  /** The trimmed text between the braces, exactly as written (it may be an unknown name). */
  name: string;
  start: number;
  end: number;
}

/** `{{ name }}` with optional spaces; the inner length is capped so a stray "{{" stays cheap. */
const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]{0,100}?)\s*\}\}/g;

export function findPlaceholders(text: string): PlaceholderMatch[] {
  const matches: PlaceholderMatch[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    matches.push({ name: match[1] ?? '', start: match.index, end: match.index + match[0].length });
  }
  return matches;
}

export function findUnknownPlaceholders(text: string): PlaceholderMatch[] {
  return findPlaceholders(text).filter((match) => !isPlaceholderName(match.name));
}

export type PlaceholderValues = Partial<Record<PlaceholderName, string | number | null | undefined>>;

export type ScriptPart = { kind: 'text'; text: string } | { kind: 'gap'; name: string };

/**
 * Splits a script into text and gaps. A value that is missing or blank becomes a gap the UI shows
 * as a visible blank to fill in by voice, never the word "undefined" in front of a client.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): ScriptPart[] {
  const parts: ScriptPart[] = [];
  const pushText = (piece: string): void => {
    if (piece === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += piece;
    else parts.push({ kind: 'text', text: piece });
  };

  let cursor = 0;
  for (const match of findPlaceholders(text)) {
    pushText(text.slice(cursor, match.start));
    const value = valueFor(values, match.name);
    if (value === null) parts.push({ kind: 'gap', name: match.name });
    else pushText(value);
    cursor = match.end;
  }
  pushText(text.slice(cursor));
  return parts;
}

function valueFor(values: PlaceholderValues, name: string): string | null {
  // hasOwn, not `in`: "{{constructor}}" must not find Object.prototype.constructor.
  if (!isPlaceholderName(name) || !Object.hasOwn(values, name)) return null;
  const value = values[name];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

/** Plain text for copying into an email or messenger; gaps become a visible marker. */
export function partsToText(parts: readonly ScriptPart[], gap = (name: string) => `[${name}]`): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : gap(part.name))).join('');
}

/** The known name closest to a misspelt one, for "did you mean …?" in validation messages. */
export function suggestPlaceholder(name: string): PlaceholderName | undefined {
  let best: PlaceholderName | undefined;
  let bestDistance = Infinity;
  for (const candidate of PLACEHOLDER_NAMES) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The wording to read: the first candidate the values fill completely, else the last one (the
 * book's plain `script`, which should need the least). "You mentioned {{product.next}}" is never
 * read with a gap when a wording without it exists.
 */
export function firstFilledScript(candidates: readonly string[], values: PlaceholderValues): string {
  return candidates.find((text) => fillPlaceholders(text, values).every((part) => part.kind === 'text')) ?? candidates[candidates.length - 1] ?? '';
}

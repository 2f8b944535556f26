/**
 * Small text helpers shared by the extractor, the parsers and the label dictionaries.
 * Plain string functions: no DOM, no locale data.
 */

/** Collapses runs of whitespace (including no-break and thin spaces) and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/** Cleaned text or null when nothing is left; long text is cut, since the schema bounds sizes. */
export function cleanText(text: string | null | undefined, max = 300): string | null {
  if (!text) return null;
  const cleaned = collapseSpaces(text.length > max * 4 ? text.slice(0, max * 4) : text);
  return cleaned.length ? cleaned.slice(0, max).trim() : null;
}

/** Lower case without accents: "Téléphone" and "telephone" compare equal, so do "Μαΐου" and "μαιου". */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // Only strip marks when there can be any: most labels are plain ASCII.
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ς/g, 'σ');
}

/**
 * The comparable form of a field label: folded case, no trailing colon or "required" asterisk,
 * no parenthesised hint ("Phone (work)"), no leading icon glyphs, no apostrophes ("Ім'я" = "Ім’я").
 */
export function normalizeLabel(label: string): string {
  // Most labels are plain words: once lower-cased, nothing is left to fold, trim or strip, and
  // the half-dozen regular expressions below are skipped (this runs on every short page text).
  const lower = label.toLowerCase();
  return PLAIN_WORDS.test(lower) ? lower : normalizeLabelStepByStep(label);
}

/** `normalizeLabel` without the shortcut for plain words: every step, whatever the label. */
export function normalizeLabelStepByStep(label: string): string {
  return collapseSpaces(
    foldCase(label)
      .replace(/\([^)]*\)/g, ' ')
      .replace(/['’ʼ`]/g, '')
      .replace(/[:：*✱]+/g, ' ')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''),
  ).replace(/\.$/, '');
}

/**
 * Words of letters that no step of `normalizeLabel` changes, one space apart: Latin, Cyrillic
 * without й/ё/ї/ў (NFD splits those) and Greek without accents or final sigma.
 */
const PLAIN_WORDS = /^[a-z0-9а-ик-яєіґα-ρσ-ω]+(?: [a-z0-9а-ик-яєіґα-ρσ-ω]+)*$/;

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Deduplicates by a key, keeping the first of each. */
export function uniqueBy<T>(values: Iterable<T>, key: (value: T) => string): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const value of values) {
    const id = key(value);
    if (seen.has(id)) continue;
    seen.add(id);
    kept.push(value);
  }
  return kept;
}

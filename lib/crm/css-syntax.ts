/**
 * A cheap check that a string can be a CSS selector, for places with no DOM to ask (the worker
 * validating a book, the CLI): balanced quotes, brackets and parentheses, and none of the
 * characters that end a selector in a style sheet. It cannot prove a selector valid; the reader
 * still runs each one inside try/catch and skips what the browser refuses.
 */
export function selectorSyntaxProblem(selector: string): string | null {
  if (selector.trim() === '') return 'the selector is empty';
  const closers: string[] = [];
  let quote: string | null = null;
  for (let index = 0; index < selector.length; index += 1) {
    const char = selector[index]!;
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[') closers.push(']');
    else if (char === '(') closers.push(')');
    else if (char === ']' || char === ')') {
      if (closers.pop() !== char) return `unbalanced "${char}" at character ${index + 1}`;
    } else if (char === '{' || char === '}' || char === ';') return `"${char}" cannot appear in a selector (character ${index + 1})`;
  }
  if (quote) return 'a quote is not closed';
  if (closers.length) return `"${closers[closers.length - 1]}" is missing`;
  if (/(^|,)\s*(,|$)/.test(selector)) return 'an empty part between commas';
  if (/[>+~]\s*(,|$)/.test(selector)) return 'a combinator with nothing after it';
  return null;
}

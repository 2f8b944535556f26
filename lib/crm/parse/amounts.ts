import { foldCase } from '../text';

/**
 * Money as CRMs print it: "€12,400.00", "12 400,50 ₽", "12.400,00 €", "$1,200", "1 200 грн",
 * "UAH 5 000", "R$ 3.200,00", "1’250.50 CHF" -> { value, currency } with an ISO 4217 code, or a
 * null currency when the text names none. Grouping vs decimal separators are told apart by
 * position: the last separator followed by one or two digits is the decimal point.
 */

export interface Money {
  value: number;
  currency: string | null;
}

/** Signs and local words for currencies, folded (lower case, no accents). Longest first wins. */
const CURRENCY_SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['us$', 'USD'], ['r$', 'BRL'], ['c$', 'CAD'], ['a$', 'AUD'], ['zł', 'PLN'], ['zl', 'PLN'], ['руб', 'RUB'], ['грн', 'UAH'],
  ['₽', 'RUB'], ['₴', 'UAH'], ['€', 'EUR'], ['£', 'GBP'], ['$', 'USD'], ['¥', 'JPY'], ['₸', 'KZT'], ['₺', 'TRY'],
  ['₹', 'INR'], ['₪', 'ILS'], ['₩', 'KRW'], ['kč', 'CZK'], ['kc', 'CZK'], ['лв', 'BGN'], ['р.', 'RUB'], ['fr.', 'CHF'],
  ['euro', 'EUR'], ['евро', 'EUR'], ['євро', 'EUR'], ['ευρω', 'EUR'], ['долл', 'USD'],
];

/** ISO codes accepted when written out ("UAH 5 000", "12 400 EUR"). */
const ISO_CODES = new Set(
  'USD EUR GBP RUB UAH PLN BRL CHF CZK SEK NOK DKK HUF RON BGN TRY KZT BYN GEL AMD AZN CAD AUD NZD JPY CNY INR MXN ARS CLP COP PEN ZAR ILS AED SAR SGD HKD'.split(' '),
);

const NUMBER = /-?\d[\d\s\u00a0\u202f.,'’]*/;

export function parseAmount(text: string): Money | null {
  if (!text || text.length > 80) return null;
  const match = NUMBER.exec(text);
  if (!match) return null;
  const value = parseNumber(match[0]);
  if (value === null) return null;
  const rest = text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
  const scaled = value * multiplierIn(rest);
  return { value: scaled, currency: currencyIn(rest) };
}

/** "12 400,50" -> 12400.5; "1,200" -> 1200; "12.400" -> 12400; "1.5" -> 1.5. */
export function parseNumber(raw: string): number | null {
  const negative = raw.trim().startsWith('-');
  const compact = raw.replace(/[\s\u00a0\u202f'’-]/g, '').replace(/[.,]+$/, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const lastSeparator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let integer = compact;
  let fraction = '';
  if (lastSeparator >= 0) {
    const separator = compact[lastSeparator]!;
    const digitsAfter = compact.length - lastSeparator - 1;
    const usedOnce = compact.indexOf(separator) === lastSeparator;
    const otherSeparatorBefore = compact.slice(0, lastSeparator).includes(separator === '.' ? ',' : '.');
    // A decimal point is the last separator, used once, and not followed by exactly three digits
    // unless the other separator groups the thousands before it ("1.234,567" is rare; "1,234.567" too).
    const isDecimal = usedOnce && (digitsAfter !== 3 || otherSeparatorBefore);
    if (isDecimal) {
      integer = compact.slice(0, lastSeparator);
      fraction = compact.slice(lastSeparator + 1);
    }
  }
  const digits = integer.replace(/[.,]/g, '');
  if (!digits || digits.length > 15) return null;
  const value = Number(fraction ? `${digits}.${fraction}` : digits);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

function currencyIn(text: string): string | null {
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  if (code && ISO_CODES.has(code)) return code;
  const folded = foldCase(text);
  for (const [sign, currency] of CURRENCY_SIGNS) {
    if (folded.includes(sign)) return currency;
  }
  return null;
}

/** "12k", "1,2 млн", "1.5M": CRMs abbreviate big deal amounts in summaries. */
function multiplierIn(text: string): number {
  const folded = foldCase(text).trim();
  if (/^(k|тыс|тис)\b|^k$/.test(folded) || /(^|\s)(k|тыс\.?|тис\.?)(\s|$)/.test(folded)) return 1_000;
  if (/(^|\s)(m|mm|млн\.?|mln|mio\.?)(\s|$)/.test(folded) || /^m\b/.test(folded)) return 1_000_000;
  return 1;
}

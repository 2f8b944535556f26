/**
 * Phone numbers to E.164 when the country is known: written with "+" or "00", or national numbers
 * with a country hint from the page (its `lang` region, the CRM's top-level domain). The raw text
 * is always kept: a number we cannot place is still worth showing and dialling.
 */

export interface ParsedPhone {
  raw: string;
  e164: string | null;
}

interface NumberingPlan {
  code: string;
  /** Digits a national number starts with that are dropped after the country code. */
  trunk: string;
  /** Length of the national significant number (without trunk prefix). */
  lengths: readonly number[];
}

/** Countries whose pages the dictionaries cover, plus close neighbours that CRMs in them call. */
const PLANS: Readonly<Record<string, NumberingPlan>> = {
  RU: { code: '7', trunk: '8', lengths: [10] },
  KZ: { code: '7', trunk: '8', lengths: [10] },
  UA: { code: '380', trunk: '0', lengths: [9] },
  BY: { code: '375', trunk: '80', lengths: [9] },
  GB: { code: '44', trunk: '0', lengths: [9, 10] },
  IE: { code: '353', trunk: '0', lengths: [7, 8, 9] },
  US: { code: '1', trunk: '1', lengths: [10] },
  CA: { code: '1', trunk: '1', lengths: [10] },
  DE: { code: '49', trunk: '0', lengths: [6, 7, 8, 9, 10, 11] },
  AT: { code: '43', trunk: '0', lengths: [6, 7, 8, 9, 10, 11, 12] },
  CH: { code: '41', trunk: '0', lengths: [9] },
  FR: { code: '33', trunk: '0', lengths: [9] },
  BE: { code: '32', trunk: '0', lengths: [8, 9] },
  ES: { code: '34', trunk: '', lengths: [9] },
  PT: { code: '351', trunk: '', lengths: [9] },
  BR: { code: '55', trunk: '0', lengths: [10, 11] },
  PL: { code: '48', trunk: '', lengths: [9] },
  GR: { code: '30', trunk: '', lengths: [10] },
  CY: { code: '357', trunk: '', lengths: [8] },
  IT: { code: '39', trunk: '', lengths: [6, 7, 8, 9, 10, 11] },
  MX: { code: '52', trunk: '', lengths: [10] },
  AR: { code: '54', trunk: '0', lengths: [10] },
};

export function isKnownCountry(country: string): boolean {
  return country in PLANS;
}

/** Looks like a phone number at all: enough digits, and nothing but phone punctuation around them. */
export function looksLikePhone(text: string): boolean {
  const body = stripExtension(text).trim();
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(body)) return false; // a date
  if (!/^[+(]?\d[\d\s().\-‐–/]{4,24}\d\)?$/.test(body)) return false;
  const digits = body.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

/**
 * A text that is nothing but a phone number, written without a "+" or a link: "(212) 555-0188",
 * "1-800-555-0175 x204", "030 1234 5678". Stricter than `looksLikePhone`, since no label vouches
 * for it: three groups of digits or a leading "(", and not an amount ("1 250 000") or a date.
 */
export function isPhoneText(text: string): boolean {
  const body = text.trim();
  if (!/^[+(]?\d/.test(body) || !looksLikePhone(body) || THOUSANDS.test(body)) return false;
  return /^[+(]/.test(body) || stripExtension(body).split(/[\s().\-‐–/]+/).filter(Boolean).length >= 3;
}

const THOUSANDS = /^\d{1,3}([\s\u00a0.,’']\d{3})+$/;

/** North American numbers as written there: "(212) 555-0188", "1-701-720-5217", "247.740.6847". */
const NANP = /^(1[\s.-]?)?(\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/;

export function parsePhone(raw: string, country: string | null = null): ParsedPhone {
  const text = raw.trim().slice(0, 64);
  return { raw: text, e164: toE164(text, country) };
}

export function toE164(raw: string, country: string | null = null): string | null {
  // "+44 (0) 20 ..." writes the trunk zero in brackets for locals; it is not dialled from abroad.
  const body = stripExtension(raw).replace(/\(0\)/g, '');
  const digits = body.replace(/\D/g, '');
  const explicit = /^\s*\+/.test(body) ? digits : /^00[1-9]/.test(digits) ? digits.slice(2) : null;
  if (explicit !== null) return valid(explicit);

  const plan = country ? PLANS[country] : undefined;
  // With no country to go by, only the North American way of writing a number tells where it is.
  if (!plan) return NANP.test(body.trim()) ? valid(`1${digits.slice(-10)}`) : null;
  // Russian and Kazakh numbers are written 8 10 <international> for calls abroad.
  if (plan.code === '7' && digits.startsWith('810')) return valid(digits.slice(3));
  if (plan.trunk && digits.startsWith(plan.trunk) && plan.lengths.includes(digits.length - plan.trunk.length)) {
    return valid(plan.code + digits.slice(plan.trunk.length));
  }
  if (plan.lengths.includes(digits.length)) return valid(plan.code + digits);
  // Written with the country code but no plus: "7 495 123-45-67", "380 44 123 4567".
  if (digits.startsWith(plan.code) && plan.lengths.includes(digits.length - plan.code.length)) return valid(digits);
  return null;
}

function valid(digits: string): string | null {
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
}

function stripExtension(text: string): string {
  return text.split(/\s*(?:ext\.?|x|доб\.?|вн\.?|#|wew\.?|durchwahl)\s*\d+\s*$/i)[0] ?? text;
}

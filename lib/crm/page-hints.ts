import type { DateOrder } from './parse/dates';
import { isKnownCountry } from './parse/phones';

/**
 * What the page says about its locale, for reading ambiguous values: the country national phone
 * numbers belong to, and whether 03/12/1984 is the 3rd of December or March the 12th.
 */
export interface PageHints {
  /** Primary language subtag of the page, lower case ("en", "uk"), or null. */
  language: string | null;
  /** ISO 3166 country for national phone numbers, or null when nothing points to one. */
  country: string | null;
  dateOrder: DateOrder;
}

/** Where a language alone suggests a country (a Ukrainian-language page dials Ukrainian numbers). */
const COUNTRY_OF_LANGUAGE: Readonly<Record<string, string>> = {
  ru: 'RU', uk: 'UA', el: 'GR', de: 'DE', pl: 'PL', fr: 'FR', es: 'ES', pt: 'PT', be: 'BY', kk: 'KZ', it: 'IT',
};

/** Country-code top-level domains that differ from the ISO code or need saying. */
const COUNTRY_OF_TLD: Readonly<Record<string, string>> = { uk: 'GB', su: 'RU', рф: 'RU', укр: 'UA' };

/** Regions that write dates month first. */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'PW', 'MH']);

export function readPageHints(doc: Document, url: URL): PageHints {
  const tag = (doc.documentElement?.getAttribute('lang') ?? contentLanguage(doc) ?? '').trim();
  const [languagePart, ...rest] = tag.split(/[-_]/);
  const language = languagePart ? languagePart.toLowerCase() : null;
  const region = rest.find((part) => /^[a-z]{2}$/i.test(part))?.toUpperCase() ?? null;
  const country = [region, countryOfHost(url.hostname), language ? COUNTRY_OF_LANGUAGE[language] : undefined].find(
    (candidate): candidate is string => typeof candidate === 'string' && isKnownCountry(candidate),
  );
  return {
    language,
    country: country ?? null,
    dateOrder: region && MONTH_FIRST_REGIONS.has(region) ? 'mdy' : 'dmy',
  };
}

function contentLanguage(doc: Document): string | null {
  const meta = doc.head?.querySelector('meta[http-equiv="content-language" i]');
  return meta?.getAttribute('content') ?? null;
}

function countryOfHost(hostname: string): string | null {
  const tld = hostname.split('.').pop()?.toLowerCase() ?? '';
  if (COUNTRY_OF_TLD[tld]) return COUNTRY_OF_TLD[tld];
  // Generic domains (.com, .io) say nothing; two letters are a country code.
  return /^[a-z]{2}$/.test(tld) ? tld.toUpperCase() : null;
}

import { readValue, visibleText } from '../dom/read';
import { deepQueryAll } from '../dom/tree';
import { isComputedVisible } from '../dom/visibility';
import type { PageHints } from '../page-hints';
import { parseAmount, type Money } from '../parse/amounts';
import { parseDate, parseDateTime } from '../parse/dates';
import { emailFromMailto, emailsIn } from '../parse/emails';
import { looksLikePhone, parsePhone, toE164 } from '../parse/phones';
import type { Phone } from '../snapshot';
import { cleanText } from '../text';
import { isPlaceholder, splitValues } from '../field-values';

/**
 * Small readers adapters share: each takes the element a CRM puts a field in and returns the
 * field's value in snapshot form, or null/empty when the element is missing or shows a placeholder.
 */

export function textOf(element: Element | null | undefined, max = 300): string | null {
  if (!element) return null;
  const value = readValue(element);
  const text = value ? cleanText(value.text, max) : null;
  return text && !isPlaceholder(text) ? text : null;
}

export function dateOf(element: Element | null | undefined, hints: PageHints): string | null {
  if (!element) return null;
  const value = readValue(element);
  if (!value) return null;
  return parseDate(value.machine ?? '', 'dmy') ?? parseDate(value.text, hints.dateOrder);
}

export function dateTimeOf(element: Element | null | undefined, hints: PageHints): string | null {
  if (!element) return null;
  const value = readValue(element);
  if (!value) return null;
  const parts = parseDateTime(value.machine ?? '', 'dmy') ?? parseDateTime(value.text, hints.dateOrder);
  return parts ? (parts.time ? `${parts.date}T${parts.time}` : parts.date) : null;
}

export function moneyOf(element: Element | null | undefined): Money | null {
  const text = textOf(element, 80);
  return text ? parseAmount(text) : null;
}

/** Phones in an element: its tel: links when it has any, else numbers in its text. */
export function phonesOf(elements: Iterable<Element>, hints: PageHints): Phone[] {
  const phones: Phone[] = [];
  for (const element of elements) {
    const links = element.localName === 'a' ? [element] : deepQueryAll(element, 'a[href^="tel:" i], a[href^="callto:" i]');
    if (links.length) {
      for (const link of links) {
        const href = (link.getAttribute('href') ?? '').replace(/^[a-z]+:(\/\/)?/i, '');
        const shown = visibleText(link, 64);
        const raw = looksLikePhone(shown) ? shown : href;
        if (looksLikePhone(raw)) phones.push({ raw, e164: toE164(href, hints.country) ?? toE164(shown, hints.country) });
      }
      continue;
    }
    const value = readValue(element);
    if (!value) continue;
    for (const part of splitValues(value)) if (looksLikePhone(part)) phones.push(parsePhone(part, hints.country));
  }
  return phones;
}

/** Emails in an element: its mailto: links when it has any, else addresses in its text. */
export function emailsOf(elements: Iterable<Element>): string[] {
  const emails: string[] = [];
  for (const element of elements) {
    const links = element.localName === 'a' ? [element] : deepQueryAll(element, 'a[href^="mailto:" i]');
    const found = links.length
      ? links.map((link) => emailFromMailto(link.getAttribute('href') ?? '')).filter((email): email is string => email !== null)
      : emailsIn(readValue(element)?.text ?? '');
    for (const email of found) if (!emails.includes(email)) emails.push(email);
  }
  return emails;
}

export function tagsOf(element: Element | null | undefined): string[] {
  if (!element) return [];
  const value = readValue(element);
  if (!value) return [];
  return splitValues(value).map((tag) => cleanText(tag, 100)).filter((tag): tag is string => tag !== null && !isPlaceholder(tag));
}

/** The first element in `elements` a person can see (CRMs keep hidden copies of pages around). */
export function firstVisible<T extends Element>(elements: Iterable<T>): T | null {
  for (const element of elements) if (isVisible(element)) return element;
  return null;
}

export function isVisible(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"]')) return false;
  return isComputedVisible(element);
}

/** Matches a URL path against a pattern and returns its named groups. */
export function matchPath(url: URL, pattern: RegExp): Record<string, string> | null {
  const match = pattern.exec(url.pathname) ?? pattern.exec(url.hash.replace(/^#!?/, ''));
  return match ? (match.groups ?? {}) : null;
}

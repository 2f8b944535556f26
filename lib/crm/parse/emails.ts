/**
 * Email addresses, lower-cased. Validated as the background's schema (zod's `email()`) does, so an
 * address we send never gets the whole snapshot rejected: ASCII only, which leaves out the rare
 * internationalised address rather than the client.
 */

const EMAIL = /[a-z0-9_'+.-]+@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}/gi;
const WHOLE_EMAIL = /^(?:[a-z0-9_'+-]+\.)*[a-z0-9_'+-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$/;

export function normalizeEmail(text: string): string | null {
  const email = text.trim().replace(/^mailto:/i, '').replace(/[.,;:]+$/, '').toLowerCase();
  return email.length <= 320 && WHOLE_EMAIL.test(email) ? email : null;
}

/** Every address in a piece of text ("a@x.com, b@y.org", "Olivia <olivia@x.com>", "olivia [at] x.com"). */
export function emailsIn(text: string): string[] {
  const found: string[] = [];
  const readable = text.slice(0, 4000).replace(/\s*[[(]\s*at\s*[\])]\s*/gi, '@').replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.');
  for (const match of readable.matchAll(EMAIL)) {
    const email = normalizeEmail(match[0]);
    if (email && !found.includes(email)) found.push(email);
    if (found.length >= 20) break;
  }
  return found;
}

/** The address of a `mailto:` link: "mailto:A@X.com?subject=Hi" -> "a@x.com" (first of several). */
export function emailFromMailto(href: string): string | null {
  const target = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A malformed escape: use the address as written.
  }
  return normalizeEmail(decoded.split(/[,;]/)[0] ?? '');
}

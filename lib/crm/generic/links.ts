import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
import type { SnapshotDraft } from '../draft';
import type { PageHints } from '../page-hints';
import { emailFromMailto } from '../parse/emails';
import { messengerFromLink, type MessengerHandle } from '../parse/messengers';
import { looksLikePhone, toE164 } from '../parse/phones';
import type { Phone } from '../snapshot';

/** `mailto:`, `tel:` and messenger links of the record: the most reliable contact data on a page. */
export function readContactLinks(links: readonly HTMLAnchorElement[], context: RecordContext, draft: SnapshotDraft, hints: PageHints): void {
  const emails: string[] = [];
  const phones: Phone[] = [];
  const messengers: MessengerHandle[] = [];
  for (const link of links) {
    if (!context.includes(link)) continue;
    const href = (link.getAttribute('href') ?? '').trim();
    const scheme = /^([a-z]+):/i.exec(href)?.[1]?.toLowerCase();
    if (scheme === 'mailto') {
      const email = emailFromMailto(href);
      if (email) emails.push(email);
    } else if (scheme === 'tel' || scheme === 'callto' || scheme === 'sms') {
      const phone = phoneFromLink(link, href, hints.country);
      if (phone) phones.push(phone);
    } else {
      const messenger = messengerFromLink(href);
      if (messenger) messengers.push(messenger);
    }
  }
  draft.add('emails', emails, 'link', 0.9);
  draft.add('phones', phones, 'link', 0.9);
  draft.add('messengers', messengers, 'link', 0.9);
}

/** The number as the page shows it (raw), dialled as the href says (usually the cleaner form). */
function phoneFromLink(link: HTMLAnchorElement, href: string, country: string | null): Phone | null {
  let target = href.replace(/^[a-z]+:(\/\/)?/i, '').split(/[?;]/)[0] ?? '';
  try {
    target = decodeURIComponent(target);
  } catch {
    // keep it as written
  }
  const shown = visibleText(link, 64);
  const raw = looksLikePhone(shown) ? shown : target.trim();
  if (!looksLikePhone(raw)) return null;
  return { raw: raw.slice(0, 64), e164: toE164(target, country) ?? toE164(shown, country) };
}

import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
import { iconHint } from '../dom/scan';
import { hasSingleChild } from '../dom/tree';
import type { SnapshotDraft } from '../draft';
import { applyFieldValue } from '../field-values';
import type { LabelField } from '../labels';
import type { PageHints } from '../page-hints';
import { emailsIn } from '../parse/emails';
import { parsePhone } from '../parse/phones';
import { collapseSpaces } from '../text';

/**
 * The last resort, for cards with no links and no labels: values beside icons (a phone glyph,
 * an envelope), then email addresses and international phone numbers written in plain text.
 */
const ICON_FIELDS: ReadonlyArray<readonly [RegExp, LabelField]> = [
  [/mail|envelope/i, 'email'],
  [/whatsapp/i, 'whatsapp'],
  [/telegram/i, 'telegram'],
  [/viber/i, 'viber'],
  [/phone|tel\b|call|mobile/i, 'phone'],
  [/birthday|cake|gift/i, 'birthday'],
  [/building|company|briefcase|office/i, 'company'],
  [/user-tie|owner/i, 'owner'],
  [/money|dollar|euro|currency/i, 'amount'],
];

export function readIconValues(icons: readonly Element[], context: RecordContext, draft: SnapshotDraft, hints: PageHints): void {
  for (const icon of icons) {
    const field = iconField(icon);
    // Icons are often aria-hidden themselves: whether they belong to the record is their parent's call.
    const holder = icon.parentElement ?? icon;
    if (!field || !context.includes(holder)) continue;
    const text = textBesideIcon(icon);
    if (text) applyFieldValue(draft, field, { text, machine: null, parts: [] }, { via: 'label', confidence: 0.65, hints });
  }
}

const INTERNATIONAL_PHONE = /\+\d[\d\s().-]{5,20}\d/g;

/**
 * Numbers that are a whole value of their own ("<span>(212) 555-0188</span>" beside an icon or
 * a "Home" note): CRMs built on component kits print phones so, with no link and no label.
 */
export function readPlainPhones(elements: readonly Element[], context: RecordContext, draft: SnapshotDraft, hints: PageHints): void {
  const phones = elements.filter((element) => context.includes(element)).map((element) => parsePhone(visibleText(element, 64), hints.country));
  draft.add('phones', phones, 'text', 0.55);
}

export function readFreeText(elements: readonly Element[], context: RecordContext, draft: SnapshotDraft, hints: PageHints): void {
  const wantEmails = draft.list('emails').length === 0;
  const wantPhones = draft.list('phones').length === 0;
  if (!wantEmails && !wantPhones) return;
  for (const element of elements) {
    if (!context.includes(element)) continue;
    const text = visibleText(element, 500);
    if (wantEmails) draft.add('emails', emailsIn(text), 'text', 0.5);
    if (wantPhones) {
      const phones = Array.from(text.matchAll(INTERNATIONAL_PHONE), (match) => parsePhone(match[0], hints.country)).filter((phone) => phone.e164);
      draft.add('phones', phones, 'text', 0.5);
    }
  }
}

function iconField(icon: Element): LabelField | null {
  const hint = `${iconHint(icon)} ${icon.localName === 'svg' ? (icon.textContent ?? '') : ''}`;
  for (const [pattern, field] of ICON_FIELDS) if (pattern.test(hint)) return field;
  return null;
}

/** The text that follows the icon inside its parent ("<i class=icon-phone></i> +44 20 …"). */
function textBesideIcon(icon: Element): string | null {
  let text = '';
  for (let node = icon.nextSibling; node && text.length < 300; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1) text += ` ${visibleText(node as Element, 300)} `;
  }
  if (!collapseSpaces(text) && icon.parentElement && hasSingleChild(icon.parentElement)) {
    // The icon sits alone in a wrapper: the value is the wrapper's next sibling.
    const next = icon.parentElement.nextElementSibling;
    if (next) text = visibleText(next, 300);
  }
  return collapseSpaces(text) || null;
}

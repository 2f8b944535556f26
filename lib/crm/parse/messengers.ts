import type { MessengerKind } from '../snapshot';
import { toE164 } from './phones';

/**
 * Messenger contacts from links and labelled values: Telegram (t.me/<handle>, tg://resolve,
 * "@handle"), WhatsApp (wa.me/<number>, api.whatsapp.com/send?phone=), Viber (viber://chat?number=).
 */
export interface MessengerHandle {
  kind: MessengerKind;
  handle: string;
}

const TELEGRAM_HANDLE = /^@?([a-z][a-z0-9_]{3,31})$/i;

export function messengerFromLink(href: string): MessengerHandle | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\./, '');
  const firstSegment = url.pathname.split('/').filter(Boolean)[0] ?? '';
  if (host === 't.me' || host === 'telegram.me') {
    if (firstSegment.startsWith('+')) return phoneHandle('telegram', firstSegment);
    const handle = TELEGRAM_HANDLE.exec(firstSegment)?.[1];
    return handle && !['joinchat', 'share', 's', 'c', 'addstickers'].includes(handle.toLowerCase())
      ? { kind: 'telegram', handle: `@${handle}` }
      : null;
  }
  if (url.protocol === 'tg:') {
    const handle = TELEGRAM_HANDLE.exec(url.searchParams.get('domain') ?? '')?.[1];
    return handle ? { kind: 'telegram', handle: `@${handle}` } : null;
  }
  if (host === 'wa.me') return phoneHandle('whatsapp', firstSegment);
  if (host === 'api.whatsapp.com' || host === 'web.whatsapp.com') return phoneHandle('whatsapp', url.searchParams.get('phone') ?? '');
  if (url.protocol === 'whatsapp:') return phoneHandle('whatsapp', url.searchParams.get('phone') ?? '');
  if (url.protocol === 'viber:') return phoneHandle('viber', url.searchParams.get('number') ?? '');
  return null;
}

/** A labelled value: "Telegram: @olivia_b" or "WhatsApp: +44 7700 900123". */
export function messengerFromValue(kind: MessengerKind, value: string, country: string | null): MessengerHandle | null {
  const text = value.trim();
  if (kind === 'telegram') {
    const handle = TELEGRAM_HANDLE.exec(text.replace(/^https?:\/\/(t|telegram)\.me\//i, ''))?.[1];
    if (handle) return { kind, handle: `@${handle}` };
  }
  const e164 = toE164(text, country);
  return e164 ? { kind, handle: e164 } : null;
}

function phoneHandle(kind: MessengerKind, value: string): MessengerHandle | null {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? { kind, handle: `+${digits}` } : null;
}

import { describe, expect, it } from 'vitest';
import { emailFromMailto, emailsIn, normalizeEmail } from '../../../../lib/crm/parse/emails';
import { messengerFromLink, messengerFromValue } from '../../../../lib/crm/parse/messengers';
import { looksLikeOrganization, splitPersonName } from '../../../../lib/crm/parse/names';
import { ClientSnapshotSchema } from '../../../../lib/crm/snapshot';

describe('emails', () => {
  it('lower-cases and validates', () => {
    expect(normalizeEmail(' Olivia@Northwind.Example ')).toBe('olivia@northwind.example');
    expect(normalizeEmail('mailto:a.b+c@x.co.uk.')).toBe('a.b+c@x.co.uk');
    expect(normalizeEmail('not an email')).toBeNull();
    expect(normalizeEmail('a@b')).toBeNull();
  });

  it('finds every address in text', () => {
    expect(emailsIn('Olivia <olivia@x.example>, ops@x.example; OPS@x.example')).toEqual(['olivia@x.example', 'ops@x.example']);
  });

  it('reads the first address of a mailto link', () => {
    expect(emailFromMailto('mailto:A@X.example?subject=Hi')).toBe('a@x.example');
    expect(emailFromMailto('mailto:a%40x.example')).toBe('a@x.example');
    expect(emailFromMailto('mailto:a@x.example,b@y.example')).toBe('a@x.example');
    expect(emailFromMailto('mailto:%E0%A4%A')).toBeNull();
  });

  it('only emits addresses the background schema accepts', () => {
    for (const email of emailsIn('chloé@atelier.example, ok@atelier.example, x@münchen.example')) {
      expect(ClientSnapshotSchema.shape.emails.safeParse([email]).success, email).toBe(true);
    }
  });
});

describe('messengers', () => {
  it.each([
    ['https://t.me/joaopsilva', { kind: 'telegram', handle: '@joaopsilva' }],
    ['https://telegram.me/olivia_b', { kind: 'telegram', handle: '@olivia_b' }],
    ['tg://resolve?domain=olivia_b', { kind: 'telegram', handle: '@olivia_b' }],
    ['https://wa.me/5511912345678', { kind: 'whatsapp', handle: '+5511912345678' }],
    ['https://api.whatsapp.com/send?phone=447700900123', { kind: 'whatsapp', handle: '+447700900123' }],
    ['viber://chat?number=%2B380671234567', { kind: 'viber', handle: '+380671234567' }],
  ])('reads %s', (href, handle) => {
    expect(messengerFromLink(href)).toEqual(handle);
  });

  it('ignores links that are not a person', () => {
    expect(messengerFromLink('https://t.me/joinchat/AAAA')).toBeNull();
    expect(messengerFromLink('https://example.com/t.me/x')).toBeNull();
    expect(messengerFromLink('not a url')).toBeNull();
  });

  it('reads labelled values', () => {
    expect(messengerFromValue('telegram', '@olivia_b', null)).toEqual({ kind: 'telegram', handle: '@olivia_b' });
    expect(messengerFromValue('whatsapp', '07700 900123', 'GB')).toEqual({ kind: 'whatsapp', handle: '+447700900123' });
    expect(messengerFromValue('whatsapp', 'ask first', 'GB')).toBeNull();
  });
});

describe('splitPersonName', () => {
  it.each([
    ['Olivia Bennett', 'Olivia', 'Bennett'],
    ['João Pereira da Silva', 'João', 'Pereira da Silva'],
    ['Bennett, Olivia', 'Olivia', 'Bennett'],
    ['Dr. Olivia Bennett', 'Olivia', 'Bennett'],
    ['Иванов Иван Петрович', 'Иван', 'Иванов'],
    ['Иван Петрович Иванов', 'Иван', 'Иванов'],
    ['Бондаренко Микола', 'Микола', 'Бондаренко'],
    ['Тарас Коваленко', 'Тарас', 'Коваленко'],
    ['Смирнова Елена Викторовна', 'Елена', 'Смирнова'],
    ['Madonna', 'Madonna', null],
  ])('splits %s', (name, firstName, lastName) => {
    expect(splitPersonName(name)).toEqual({ firstName, lastName });
  });

  it('recognises organisations', () => {
    expect(looksLikeOrganization('Northwind Motors Ltd')).toBe(true);
    expect(looksLikeOrganization('ООО «Ромашка»')).toBe(true);
    expect(looksLikeOrganization('Olivia Bennett')).toBe(false);
  });
});

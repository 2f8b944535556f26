import { describe, expect, it } from 'vitest';
import { ContentMessageSchema, UiMessageSchema } from '../../../lib/messages';
import { makeSnapshot } from '../factories';

describe('ContentMessageSchema', () => {
  it('parses a snapshot message and applies the snapshot defaults', () => {
    const result = ContentMessageSchema.parse({
      type: 'cs/snapshot',
      snapshot: {
        source: 'demo',
        origin: 'https://crm.example.com',
        url: 'https://crm.example.com/contacts/1',
        recordType: 'contact',
        recordId: '1',
        name: '  Anna  ',
      },
    });
    expect(result.type).toBe('cs/snapshot');
    if (result.type !== 'cs/snapshot') throw new Error('unreachable');
    expect(result.snapshot.name).toBe('Anna'); // page text is trimmed
    expect(result.snapshot.emails).toEqual([]);
    expect(result.snapshot.company).toBeNull();
    expect(result.snapshot.provenance).toEqual({});
  });

  it('rejects a snapshot with an invalid email, oversized text or too many phones', () => {
    const bad = [
      makeSnapshot({ emails: ['not-an-email'] }),
      makeSnapshot({ name: 'x'.repeat(301) }),
      makeSnapshot({ phones: Array.from({ length: 21 }, (_, i) => ({ raw: `+1 555 000 ${i}`, e164: null })) }),
      makeSnapshot({ recordType: 'person' as never }),
    ];
    for (const snapshot of bad) expect(ContentMessageSchema.safeParse({ type: 'cs/snapshot', snapshot }).success).toBe(false);
  });

  it('parses cs/no-client with a URL and rejects one without', () => {
    expect(ContentMessageSchema.safeParse({ type: 'cs/no-client', url: 'https://crm.example.com/' }).success).toBe(true);
    expect(ContentMessageSchema.safeParse({ type: 'cs/no-client', url: 'not a url' }).success).toBe(false);
    expect(ContentMessageSchema.safeParse({ type: 'cs/no-client' }).success).toBe(false);
  });

  it('rejects UI messages and unknown types', () => {
    expect(ContentMessageSchema.safeParse({ type: 'ui/sites.list' }).success).toBe(false);
    expect(ContentMessageSchema.safeParse({ type: 'cs/whatever' }).success).toBe(false);
  });
});

describe('UiMessageSchema', () => {
  const enable = (origin: unknown) => UiMessageSchema.safeParse({ type: 'ui/sites.enable', origin }).success;

  it('accepts exactly a web origin for sites.enable', () => {
    expect(enable('https://crm.example.com')).toBe(true);
    expect(enable('http://localhost:8080')).toBe(true);
  });

  it.each([
    'https://crm.example.com/', // an origin has no path, not even "/"
    'https://crm.example.com/app',
    'crm.example.com',
    'ftp://crm.example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'chrome-extension://abc',
    `https://${'a'.repeat(2050)}.com`,
    42,
  ])('rejects %s as a sites.enable origin', (origin) => {
    expect(enable(origin)).toBe(false);
  });

  it('accepts a null or non-negative integer tab id for focus.get, nothing else', () => {
    const focus = (tabId: unknown) => UiMessageSchema.safeParse({ type: 'ui/focus.get', tabId }).success;
    expect(focus(null)).toBe(true);
    expect(focus(0)).toBe(true);
    expect(focus(12)).toBe(true);
    expect(focus(-1)).toBe(false);
    expect(focus(1.5)).toBe(false);
    expect(focus('3')).toBe(false);
    expect(focus(undefined)).toBe(false);
  });

  it('accepts only supported languages (or null) in settings.update', () => {
    const update = (patch: unknown) => UiMessageSchema.safeParse({ type: 'ui/settings.update', patch }).success;
    expect(update({ uiLanguage: 'el' })).toBe(true);
    expect(update({ uiLanguage: null })).toBe(true);
    expect(update({})).toBe(true);
    expect(update({ uiLanguage: 'de' })).toBe(false);
    expect(update(null)).toBe(false);
  });

  it('accepts only real IANA time zones in settings.update', () => {
    expect(UiMessageSchema.safeParse({ type: 'ui/settings.update', patch: { timeZone: 'Europe/Kyiv' } }).success).toBe(true);
    expect(UiMessageSchema.safeParse({ type: 'ui/settings.update', patch: { timeZone: 'Evil/Zone' } }).success).toBe(false);
  });

  it('accepts roles as book ids, at least one, and refuses a hand-over without a yes or no', () => {
    const update = (patch: unknown) => UiMessageSchema.safeParse({ type: 'ui/settings.update', patch }).success;
    expect(update({ roleIds: ['sales-manager', 'service-advisor'] })).toBe(true);
    expect(update({ roleIds: [] })).toBe(false);
    expect(update({ roleIds: ['Sales Manager!'] })).toBe(false);
    // Hand-overs are written by the hand-over action only, never patched in wholesale.
    expect(UiMessageSchema.parse({ type: 'ui/settings.update', patch: { handedOverTouchIds: ['x'] } })).toEqual({ type: 'ui/settings.update', patch: {} });
    expect(UiMessageSchema.safeParse({ type: 'ui/touch.handOver', touchId: 't-1', handedOver: true }).success).toBe(true);
    expect(UiMessageSchema.safeParse({ type: 'ui/touch.handOver', touchId: 't-1' }).success).toBe(false);
  });

  it('drops fields the protocol does not know', () => {
    const parsed = UiMessageSchema.parse({ type: 'ui/settings.update', patch: { uiLanguage: 'ru', isAdmin: true }, extra: 1 });
    expect(parsed).toEqual({ type: 'ui/settings.update', patch: { uiLanguage: 'ru' } });
  });

  it('names the known types when the type is unknown', () => {
    const result = UiMessageSchema.safeParse({ type: 'ui/nope' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['type']);
  });
});

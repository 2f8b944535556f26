import { describe, expect, it } from 'vitest';
import { isPhoneText, looksLikePhone, parsePhone, toE164 } from '../../../../lib/crm/parse/phones';

describe('toE164', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0) 20 7946 0958', '+442079460958'],
    ['+7 (495) 123-45-67', '+74951234567'],
    ['+380 44 123 4567', '+380441234567'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+1 212 555 0143 ext. 12', '+12125550143'],
  ])('keeps an international number: %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
    expect(toE164(raw, 'DE')).toBe(e164); // the page's country does not change an explicit code
  });

  it.each([
    ['RU', '8 (495) 123-45-67', '+74951234567'],
    ['RU', '8 916 555 12 34', '+79165551234'],
    ['RU', '9165551234', '+79165551234'],
    ['RU', '7 495 123 45 67', '+74951234567'],
    ['RU', '8 10 44 20 7946 0958', '+442079460958'],
    ['UA', '0 44 123 4567', '+380441234567'],
    ['UA', '050 412 7788', '+380504127788'],
    ['UA', '380 44 123 4567', '+380441234567'],
    ['GB', '020 7946 0958', '+442079460958'],
    ['GB', '07700 900123', '+447700900123'],
    ['US', '(415) 555-0178', '+14155550178'],
    ['US', '1 415 555 0178', '+14155550178'],
    ['DE', '030 901820', '+4930901820'],
    ['DE', '0151 23456789', '+4915123456789'],
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['ES', '91 123 45 67', '+34911234567'],
    ['PT', '912 345 678', '+351912345678'],
    ['BR', '(11) 3456-7890', '+551134567890'],
    ['BR', '(11) 91234-5678', '+5511912345678'],
    ['PL', '601 234 567', '+48601234567'],
    ['GR', '210 123 4567', '+302101234567'],
    ['BY', '8 029 123 45 67', '+375291234567'],
  ])('places a national number with a %s hint: %s', (country, raw, e164) => {
    expect(toE164(raw, country)).toBe(e164);
  });

  it('leaves a national number unplaced without a hint, or with a hint it does not fit', () => {
    expect(toE164('8 (495) 123-45-67')).toBeNull();
    expect(toE164('0 44 123 4567', null)).toBeNull();
    expect(toE164('12345', 'RU')).toBeNull();
    expect(toE164('0 44 123 4567', 'XX')).toBeNull();
  });

  it('keeps the raw text in parsePhone', () => {
    expect(parsePhone('  8 (495) 123-45-67 ', 'RU')).toEqual({ raw: '8 (495) 123-45-67', e164: '+74951234567' });
    expect(parsePhone('0 44 123 4567')).toEqual({ raw: '0 44 123 4567', e164: null });
  });
});

describe('looksLikePhone', () => {
  it.each(['+44 20 7946 0958', '8 (495) 123-45-67', '(415) 555-0178', '050 412 7788', '+1 212 555 0143 x12'])('accepts %s', (text) => {
    expect(looksLikePhone(text)).toBe(true);
  });
  it.each(['12.03.1984', '2024-01-02', '12 400', 'call me', '+44 20 7946 0958 (Work)', '1234'])('refuses %s', (text) => {
    expect(looksLikePhone(text)).toBe(false);
  });
});

describe('isPhoneText (a value that is nothing but a phone number, with no label or link)', () => {
  it.each(['(212) 555-0188', '1-701-720-5217', '247.740.6847', '+1 (415) 555-0134 ext. 12', '1-800-555-0175 x204', '030 1234 5678', '+30 210 555 0199'])(
    'is a phone: %s',
    (text) => expect(isPhoneText(text)).toBe(true),
  );

  it.each(['1 250 000', '12.500.000', '2019-2024', '2026-09-18', '09/18/2026', '33820', '$59.4K', '4949-2231', 'Call 555 0100 today'])(
    'is not a phone: %s',
    (text) => expect(isPhoneText(text)).toBe(false),
  );

  it('places a North American number with no country to go by, and nothing else', () => {
    expect(toE164('(297) 275-6833')).toBe('+12972756833');
    expect(toE164('1-701-720-5217')).toBe('+17017205217');
    expect(toE164('247.740.6847')).toBe('+12477406847');
    expect(toE164('020 7946 0958')).toBeNull();
    expect(toE164('030 1234 5678')).toBeNull();
    // A page in Germany keeps its own plan: a 3-3-4 number there is German.
    expect(toE164('030 123 4567', 'DE')).toBe('+49301234567');
  });
});

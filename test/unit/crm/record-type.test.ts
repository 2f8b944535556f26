import { describe, expect, it } from 'vitest';
import { recordIdFromUrl, recordTypeFromUrl, recordTypeFromWord } from '../../../lib/crm/generic/record-type';

describe('record type from the words CRMs put in their routes', () => {
  it('knows the words in every language, in any case and with their endings', () => {
    const expected: Array<[string, string]> = [
      ['Contacts', 'contact'], ['KLIENTEN', 'contact'], ['клиенты', 'contact'], ['Клієнти', 'contact'], ['КОНТАКТЫ', 'contact'],
      ['πελάτες', 'contact'], ['ΕΠΑΦΈΣ', 'contact'], ['επαφες', 'contact'],
      ['deals', 'deal'], ['Сделки', 'deal'], ['угоди', 'deal'], ['συμφωνίες', 'deal'], ['Opportunities', 'deal'],
      ['leads', 'lead'], ['лиды', 'lead'], ['Ліди', 'lead'],
      ['companies', 'company'], ['Компании', 'company'], ['компанії', 'company'], ['εταιρείες', 'company'], ['Firmen', 'company'],
    ];
    for (const [word, type] of expected) expect(recordTypeFromWord(word), word).toBe(type);
  });

  it('does not take a word that only starts like one, or a record id', () => {
    for (const word of ['contactless', 'клиент42', 'dealership', 'leadership', 'kompania-x', '12345', '', null, undefined]) {
      expect(recordTypeFromWord(word), String(word)).toBeNull();
    }
  });

  it('reads the type and id from paths, hash routes and query parameters', () => {
    expect(recordTypeFromUrl(new URL('https://crm.example.com/app/клиенты/884'))).toBe('contact');
    expect(recordIdFromUrl(new URL('https://crm.example.com/app/клиенты/884'))).toBe('884');
    expect(recordTypeFromUrl(new URL('https://crm.example.com/#/deals/D-77'))).toBe('deal');
    expect(recordIdFromUrl(new URL('https://crm.example.com/#/deals/D-77'))).toBe('D-77');
    expect(recordTypeFromUrl(new URL('https://crm.example.com/index.php?module=Leads&record=5501'))).toBe('lead');
    expect(recordIdFromUrl(new URL('https://crm.example.com/index.php?module=Leads&record=5501'))).toBe('5501');
  });
});

import { describe, expect, it } from 'vitest';
import { CrmProfileSchema, type CrmProfile } from '../../../../lib/book/crm-profile-schema';
import { adaptersFor, ADAPTERS, BUILTIN_PROFILES } from '../../../../lib/crm/adapters';
import { AMOCRM_PROFILE } from '../../../../lib/crm/adapters/builtin/amocrm';
import { BITRIX24_PROFILE } from '../../../../lib/crm/adapters/builtin/bitrix24';
import { profileAdapter } from '../../../../lib/crm/adapters/profile';
import { extractSnapshot } from '../../../../lib/crm/extract';
import { readPageHints } from '../../../../lib/crm/page-hints';
import { loadPage } from '../page';

/** Built-in CRMs held as profiles (issue 17): data a book could carry, read by the book's interpreter. */
describe('built-in CRM profiles', () => {
  it('are valid book profiles, unchanged by the book schema', () => {
    for (const { profile } of BUILTIN_PROFILES) expect(CrmProfileSchema.parse(profile), profile.id).toEqual(profile);
    expect(BUILTIN_PROFILES.map(({ profile }) => profile.id).sort()).toEqual(['hubspot', 'pipedrive', 'zoho']);
    // Bitrix24's and amoCRM's adapters are code around a profile: their data is a valid profile too.
    for (const profile of [BITRIX24_PROFILE, AMOCRM_PROFILE]) expect(CrmProfileSchema.parse(profile), profile.id).toEqual(profile);
  });

  it('read with their CRM id as the source, not "book:"', () => {
    for (const { profile } of BUILTIN_PROFILES) expect(ADAPTERS.map((adapter) => adapter.id)).toContain(profile.id);
    const url = 'https://acme.pipedrive.com/person/1234';
    const snapshot = extractSnapshot(loadPage('<html><body><main><h1>Ada Lovelace</h1><a href="tel:+4420794609">+44 20 7946 09</a></main></body></html>', url).document, url);
    expect(snapshot).toMatchObject({ source: 'pipedrive', recordType: 'contact', recordId: '1234' });
  });

  it('claim custom domains by path where the CRM is self-hosted or white-labelled, Pipedrive only on its host', () => {
    expect(adaptersFor(new URL('https://crm.example.com/crm/tab/Contacts/3652397000000111111'))[0]?.id).toBe('zoho');
    expect(adaptersFor(new URL('https://crm.example.com/contacts/1/record/0-1/2'))[0]?.id).toBe('hubspot');
    expect(adaptersFor(new URL('https://crm.example.com/person/1234')).map((adapter) => adapter.id)).not.toContain('pipedrive');
  });
});

describe('profile "scopeOptional"', () => {
  const profile: CrmProfile = {
    id: 'desk',
    name: 'Desk',
    hosts: ['desk.example'],
    records: [{ path: '/people/:id(digits)', recordType: 'contact' }],
    scope: '#card',
    title: ['h1'],
    fields: {},
  };
  const url = new URL('https://desk.example/people/7');
  const page = () => loadPage('<html><body><h1>Ada</h1></body></html>', url.href).document;

  it('without it, a missing scope means the profile does not read the page', () => {
    expect(profileAdapter(profile).extract(page(), url, readPageHints(page(), url))).toBeNull();
  });

  it('with it, a missing scope still gives the path\'s type and id and reads the whole page', () => {
    const optional = CrmProfileSchema.parse({ ...profile, scopeOptional: true });
    expect(profileAdapter(optional).extract(page(), url, readPageHints(page(), url))).toMatchObject({ recordType: 'contact', recordId: '7', scope: null, name: 'Ada' });
  });

  it('is a boolean in the book schema', () => {
    expect(CrmProfileSchema.safeParse({ ...profile, scopeOptional: 'yes' }).success).toBe(false);
  });

  it('a book profile stays on its hosts', () => {
    expect(profileAdapter(profile).matches(new URL('https://other.example/people/7'))).toBe(false);
    expect(profileAdapter(profile, { anyHost: true }).matches(new URL('https://other.example/people/7'))).toBe(true);
  });
});

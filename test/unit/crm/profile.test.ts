import { describe, expect, it } from 'vitest';
import { CrmProfileSchema, type CrmProfile } from '../../../lib/book/crm-profile-schema';
import { lintBook, validateBook } from '../../../lib/book/validate';
import { compilePathPattern, hostMatches, pathPatternProblem } from '../../../lib/crm/adapters/path-pattern';
import { profileAdapter } from '../../../lib/crm/adapters/profile';
import { selectorSyntaxProblem } from '../../../lib/crm/css-syntax';
import { analyseDigest } from '../../../lib/crm/digest/analyse';
import { collectDigest } from '../../../lib/crm/digest/collect';
import { readerReply } from '../../../lib/crm/digest/reader-page';
import { READER_MESSAGE } from '../../../lib/crm/digest/host';
import { extractSnapshot } from '../../../lib/crm/extract';
import { ClientSnapshotSchema } from '../../../lib/crm/snapshot';
import { columnForHeader, fieldForLabel, isKnownLabel, withBookLabels } from '../../../lib/crm/labels';
import { bookCrmReadingFor } from '../../../lib/sites/crm-profiles';
import { validBookInput } from '../book/factories';
import { loadFixture, loadPage } from './page';

/**
 * A sales book's CRM profile (`crmAdapters`) and label words (`crmLabels`): a CRM no built-in
 * adapter knows (test/fixtures/crm-profile, Norwegian, made up) read without an extension update.
 */
const FIXTURE = 'test/fixtures/crm-profile/index.html';
const URL_42 = 'https://desk.nordlys.example/nordlys/kunder/42';

const PROFILE = {
  id: 'nordlys',
  name: 'Nordlys Desk',
  hosts: ['*.nordlys.example'],
  records: [{ path: '/nordlys/:section/:id', recordType: { segment: 'section', values: { kunder: 'contact', salg: 'deal' } } }],
  scope: '[data-nl="record"]',
  title: ['[data-nl="title"]'],
  fields: { company: ['[data-nl="org"]'], stage: ['[data-nl="phase"]'], phone: ['[data-nl="tel"]'] },
} satisfies CrmProfile;

const LABELS = { fields: { owner: ['Kundeansvarlig'], lastPurchase: ['Sist kjøpt'] }, columns: {} };

const page42 = () => loadFixture(FIXTURE, URL_42);

describe('record path patterns', () => {
  it('compiles named segments and "*" into an anchored regex that matches the path start segment by segment', () => {
    const pattern = compilePathPattern('/contacts/:portal/record/:objectType/:id')!;
    expect(pattern.exec('/contacts/123/record/0-1/456')?.groups).toEqual({ portal: '123', objectType: '0-1', id: '456' });
    expect(pattern.test('/contacts/123/record/0-1/456/notes')).toBe(true);
    expect(pattern.test('/contacts/123/record/0-1')).toBe(false);
    expect(pattern.test('/x/contacts/123/record/0-1/456')).toBe(false);
    expect(pattern.test('/contacts/123/record/0-1/456x')).toBe(true); // the segment is "456x"
    expect(compilePathPattern('/crm/*/tab/:module/:id')!.exec('/crm/org5/tab/Contacts/77')?.groups).toEqual({ module: 'Contacts', id: '77' });
    // Literal characters a regex would read are escaped.
    const dotted = compilePathPattern('/a.b/x/:id')!;
    expect(dotted.test('/a.b/x/1')).toBe(true);
    expect(dotted.test('/aXb/x/1')).toBe(false);
  });

  it('refuses anything regex-like, and every compiled regex has one kind of quantifier only (no ReDoS)', () => {
    for (const hostile of ['/(\\d+)+$', '/a/.*', '/(a|aa)*', '/[a-z]+', '/a{1,99}', '/x/:id/:id', 'contacts/:id', '/', '/a//b', '/:1d', '/a/b?c', '/a/b#c', '/a\\b', '/(a+)+$', '/a+b', '/$x']) {
      expect(pathPatternProblem(hostile), hostile).not.toBeNull();
      expect(compilePathPattern(hostile), hostile).toBeNull();
    }
    for (const pattern of ['/a/:id', '/*/*/:x', '/a.b/*/:id']) {
      const source = compilePathPattern(pattern)!.source.replaceAll('[^/?#]+', '');
      expect(source.replace(/\\./g, ''), pattern).not.toMatch(/[+*{]/);
    }
    expect(pathPatternProblem(`/${'a/'.repeat(25)}b`)).toMatch(/segments/);
  });

  it('matches hosts exactly or by "*." subdomain, never by substring', () => {
    expect(hostMatches('crm.example.com', 'crm.example.com')).toBe(true);
    expect(hostMatches('crm.example.com', 'evilcrm.example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'notexample.com')).toBe(false);
  });
});

describe('the book schema for CRM profiles', () => {
  const bookWith = (profile: unknown, extra: Record<string, unknown> = {}) => validateBook(validBookInput({ crmAdapters: [profile], ...extra }));
  const errorsOf = (validation: ReturnType<typeof validateBook>) => (validation.ok ? [] : validation.errors);

  it('accepts a profile and label words', () => {
    const validation = bookWith(PROFILE, { crmLabels: LABELS });
    expect(errorsOf(validation)).toEqual([]);
    expect(validation.ok && validation.book.crmAdapters?.[0]?.fields.company).toEqual(['[data-nl="org"]']);
  });

  it('refuses hostile and broken profiles with a path the team lead can find', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ ...PROFILE, records: [{ path: '/nordlys/(\\d+)+$', recordType: 'contact' }] }, /crmAdapters\[0\]\.records\[0\]\.path/],
      [{ ...PROFILE, hosts: ['.*'] }, /crmAdapters\[0\]\.hosts\[0\]/],
      [{ ...PROFILE, hosts: ['https://desk.nordlys.example'] }, /hosts\[0\]/],
      [{ ...PROFILE, hosts: Array.from({ length: 21 }, (_, index) => `h${index}.example`) }, /hosts/],
      [{ ...PROFILE, fields: { phone: Array.from({ length: 11 }, () => '.tel') } }, /fields\.phone/],
      [{ ...PROFILE, fields: { phone: ['x'.repeat(1_001)] } }, /fields\.phone\[0\]/],
      [{ ...PROFILE, fields: { favouriteColour: ['.c'] } }, /fields/],
      [{ ...PROFILE, records: [{ path: '/nordlys/:id', recordType: { segment: 'section', values: {} } }] }, /recordType\.segment/],
      [{ ...PROFILE, records: [{ path: '/nordlys/:id', recordType: 'contact', idSegment: 'nr' }] }, /idSegment/],
      [{ ...PROFILE, records: [] }, /records/],
    ];
    for (const [profile, path] of cases) {
      const errors = errorsOf(bookWith(profile));
      expect(errors.length, JSON.stringify(profile).slice(0, 120)).toBeGreaterThan(0);
      expect(errors.map((error) => error.path).join(' '), JSON.stringify(profile).slice(0, 120)).toMatch(path);
    }
    expect(errorsOf(validateBook(validBookInput({ crmAdapters: Array.from({ length: 51 }, (_, index) => ({ ...PROFILE, id: `p${index}` })) }))).length).toBeGreaterThan(0);
    expect(errorsOf(validateBook(validBookInput({ crmAdapters: [PROFILE, PROFILE] }))).map((error) => error.message).join(' ')).toMatch(/nordlys/);
    expect(errorsOf(validateBook(validBookInput({ crmLabels: { fields: { owner: Array.from({ length: 101 }, () => 'x') } } }))).length).toBeGreaterThan(0);
    expect(errorsOf(validateBook(validBookInput({ crmLabels: { fields: { shoeSize: ['x'] } } }))).length).toBeGreaterThan(0);
  });

  it('warns about a selector no browser parses (the reader skips it) without refusing the book', () => {
    const validation = bookWith({ ...PROFILE, fields: { ...PROFILE.fields, owner: ['.owner[data-x="1"'] } });
    expect(validation.ok).toBe(true);
    const warnings = validation.ok ? lintBook(validation.book) : [];
    expect(warnings).toContainEqual({ path: 'crmAdapters[0].fields.owner[0]', message: expect.stringMatching(/not a CSS selector.*skips/) });
    expect(selectorSyntaxProblem('div > span, a[href^="tel:"]')).toBeNull();
    for (const broken of ['a[b', 'a)', 'a { color: red }', '"x', 'a,,b', 'a >']) expect(selectorSyntaxProblem(broken), broken).not.toBeNull();
  });
});

describe('a CRM profile run by the reader', () => {
  it('the generic extractor alone cannot read the company, stage or owner of this CRM', () => {
    const snapshot = extractSnapshot(page42().document, URL_42)!;
    expect(snapshot.name).toBe('Ingrid Solberg');
    expect(snapshot.company).toBeNull();
    expect(snapshot.stage).toBeNull();
    expect(snapshot.owner).toBeNull();
  });

  it('reads them with the book profile and label words, the record type and id from the path', () => {
    const snapshot = extractSnapshot(page42().document, URL_42, [], { profiles: [PROFILE], labels: LABELS })!;
    expect(snapshot).toMatchObject({
      source: 'book:nordlys',
      recordType: 'contact',
      recordId: '42',
      name: 'Ingrid Solberg',
      company: 'Fjordlaks AS',
      stage: 'Tilbud sendt',
      owner: 'Per Hansen',
      emails: ['ingrid@fjordlaks.example'],
      phones: [{ raw: '+47 912 34 567', e164: '+4791234567' }],
    });
    expect(snapshot.provenance?.company?.via).toBe('adapter');
  });

  it('parses values like the built-in adapters: dates by the page locale, money with its currency', () => {
    const html = `<html lang="de"><body><main id="r"><h1 class="t">Jörg Weber</h1><b class="bd">03.04.1980</b><i class="amt">1.250,50 €</i>
      <p class="tg">vip, b2b</p><ul><li class="pr">Winterreifen</li><li class="pr">Service</li></ul></main></body></html>`;
    const url = 'https://crm.weber.example/kunde/9';
    const profile: CrmProfile = {
      ...PROFILE,
      hosts: ['crm.weber.example'],
      records: [{ path: '/kunde/:id', recordType: 'contact' }],
      scope: '#r',
      title: ['.t'],
      fields: { birthday: ['.bd'], amount: ['.amt'], tags: ['.tg'], product: ['.pr'] },
    };
    const snapshot = extractSnapshot(loadPage(html, url).document, url, [], { profiles: [profile] })!;
    expect(snapshot).toMatchObject({ birthday: '1980-04-03', amount: { value: 1250.5, currency: 'EUR' }, tags: ['vip', 'b2b'], recordId: '9' });
    expect((snapshot.products ?? []).map((product) => product.name)).toEqual(['Winterreifen', 'Service']);
  });

  it('skips a selector the browser refuses, says why, and reads the rest', () => {
    const adapter = profileAdapter({ ...PROFILE, fields: { ...PROFILE.fields, company: ['[data-nl="org"', '[data-nl="org"]'] } });
    const page = page42();
    const reading = adapter.extract(page.document, new URL(URL_42), { language: 'nb', country: 'NO', dateOrder: 'dmy' });
    expect(reading).toMatchObject({ company: 'Fjordlaks AS', stage: 'Tilbud sendt' });
    expect(adapter.problems).toEqual([expect.stringMatching(/^fields\.company: skipped "\[data-nl="org"", not a selector/) as unknown as string]);
  });

  it("the snapshot carries what the profile skipped, also when it then left the page to the generic reader", () => {
    const broken = extractSnapshot(page42().document, URL_42, [], { profiles: [{ ...PROFILE, fields: { ...PROFILE.fields, company: ['[data-nl="org"', '[data-nl="org"]'] } }] })!;
    expect(broken).toMatchObject({ source: 'book:nordlys', company: 'Fjordlaks AS' });
    expect(broken.readingProblems).toEqual([expect.stringMatching(/^book:nordlys: fields\.company: skipped "\[data-nl="org""/) as unknown as string]);
    expect(ClientSnapshotSchema.parse(broken).readingProblems).toHaveLength(1);

    const brokenScope = extractSnapshot(page42().document, URL_42, [], { profiles: [{ ...PROFILE, scope: 'main >' }] })!;
    expect(brokenScope.source).not.toBe('book:nordlys');
    expect(brokenScope.readingProblems).toEqual([expect.stringMatching(/^book:nordlys: scope: skipped "main >"/) as unknown as string]);

    expect(extractSnapshot(page42().document, URL_42, [], { profiles: [PROFILE] })!.readingProblems).toBeUndefined();
  });

  it('is used only on its hosts and record paths, and steps aside when its scope is missing', () => {
    const elsewhere = 'https://desk.other.example/nordlys/kunder/42';
    expect(extractSnapshot(loadFixture(FIXTURE, elsewhere).document, elsewhere, [], { profiles: [PROFILE] })?.company).toBeNull();
    const noScope = extractSnapshot(page42().document, URL_42, [], { profiles: [{ ...PROFILE, scope: '#nowhere' }] })!;
    expect(noScope.source).not.toBe('book:nordlys');
    expect(noScope.company).toBeNull();
    expect(profileAdapter(PROFILE).matches(new URL('https://desk.nordlys.example/nordlys'))).toBe(false);
  });

  it('is tried before a built-in adapter on its host', () => {
    const url = 'https://app.hubspot.com/contacts/1/record/0-1/42';
    const html = '<html><body><div data-test-id="left-sidebar"><h2 data-selenium-test="highlightTitle">Built In</h2><p id="own">Book Name</p></div></body></html>';
    const profile: CrmProfile = { ...PROFILE, hosts: ['app.hubspot.com'], records: [{ path: '/contacts/:portal/record/:type/:id', recordType: 'contact' }], scope: 'body', title: ['#own'], fields: {} };
    expect(extractSnapshot(loadPage(html, url).document, url)?.source).toBe('hubspot');
    expect(extractSnapshot(loadPage(html, url).document, url, [], { profiles: [profile] })).toMatchObject({ source: 'book:nordlys', name: 'Book Name' });
  });

  it('reaches the reader through the digest and the offscreen message, parsed with the book schema', async () => {
    const page = page42();
    const digest = collectDigest(page.document, URL_42, undefined, null)!;
    const parse = (html: string) => loadPage(html, URL_42).document;
    expect(analyseDigest(digest, parse, [], { profiles: [PROFILE], labels: LABELS })).toMatchObject({ company: 'Fjordlaks AS', owner: 'Per Hansen' });

    const reply = (await readerReply({ type: READER_MESSAGE, digest, mappings: [], profiles: [PROFILE], labels: LABELS }, true)) as { snapshot: { company: string } | null };
    // parseInert needs a browser DOM (Document.parseHTMLUnsafe / DOMParser); happy-dom's global one is enough here.
    expect(reply.snapshot?.company).toBe('Fjordlaks AS');
    const hostile = (await readerReply({ type: READER_MESSAGE, digest, mappings: [], profiles: [{ ...PROFILE, records: [{ path: '/(a+)+$', recordType: 'contact' }] }] }, true))!;
    expect(hostile.snapshot).toBeNull();
  });

  it('the worker sends only the profiles for the page host, and the label words', () => {
    const other = { ...PROFILE, id: 'other', hosts: ['crm.other.example'] };
    const book = CrmProfileSchema.array().parse([PROFILE, other]);
    expect(bookCrmReadingFor({ crmAdapters: book, crmLabels: LABELS }, URL_42)).toEqual({ profiles: [book[0]], labels: LABELS });
    expect(bookCrmReadingFor({ crmAdapters: book }, 'https://elsewhere.example/x')).toBeUndefined();
  });
});

describe('book label words', () => {
  it('extend the dictionaries for one reading only, and win over a built-in meaning', () => {
    expect(fieldForLabel('Kundeansvarlig')).toBeNull();
    expect(isKnownLabel('Kundeansvarlig:')).toBe(false);
    const inside = withBookLabels({ fields: { owner: ['Kundeansvarlig'], phone: ['Mobil'], jobTitle: ['Status'] }, columns: { product: ['Vare'] } }, () => ({
      owner: fieldForLabel('Kundeansvarlig:'),
      known: isKnownLabel('Kundeansvarlig:'),
      phoneWord: fieldForLabel('Mobil privat'),
      overridden: fieldForLabel('Status'),
      column: columnForHeader('Vare'),
    }));
    expect(inside).toEqual({
      owner: { field: 'owner', exact: true },
      known: true,
      phoneWord: { field: 'phone', exact: false },
      overridden: { field: 'jobTitle', exact: true },
      column: 'product',
    });
    expect(fieldForLabel('Kundeansvarlig')).toBeNull();
    expect(fieldForLabel('Status')).toEqual({ field: 'stage', exact: true });
    expect(columnForHeader('Vare')).toBeNull();
  });
});

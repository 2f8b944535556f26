import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADAPTERS, type CrmAdapter } from '../../../lib/crm/adapters';
import { extractSnapshot } from '../../../lib/crm/extract';
import { ClientSnapshotSchema } from '../../../lib/crm/snapshot';
import { loadFixture, loadPage } from './page';

const CARD = `<main><h1>Olivia Bennett</h1><dl>
  <dt>Company</dt><dd>Northwind Motors</dd>
  <dt>Email</dt><dd><a href="mailto:olivia@northwind.example">olivia@northwind.example</a></dd>
  <dt>Phone</dt><dd>020 7946 0958</dd></dl></main>`;

describe('extractSnapshot', () => {
  const added: CrmAdapter[] = [];
  afterEach(() => {
    for (const adapter of added.splice(0)) (ADAPTERS as CrmAdapter[]).splice(ADAPTERS.indexOf(adapter), 1);
  });

  it('says where every field came from, and how sure it is', () => {
    const page = loadPage(`<html lang="en-GB"><body>${CARD}</body></html>`, 'https://crm.example.co.uk/contacts/42');
    const snapshot = extractSnapshot(page.document, page.url)!;
    expect(snapshot.provenance).toMatchObject({
      name: { via: 'heading', confidence: 0.75 },
      company: { via: 'label', confidence: 0.8 },
      emails: { via: 'link', confidence: 0.9 },
      phones: { via: 'label', confidence: 0.8 },
    });
    expect(snapshot.phones).toEqual([{ raw: '020 7946 0958', e164: '+442079460958' }]);
    expect(snapshot.fields).toContainEqual({ label: 'Company', value: 'Northwind Motors' });
  });

  it('fills what the adapter could not read with the generic extractor, inside the adapter scope', () => {
    const page = loadFixture('test/fixtures/crm/pipedrive/person.html', 'https://acme.pipedrive.com/person/1234');
    const snapshot = extractSnapshot(page.document, page.url)!;
    expect(snapshot.source).toBe('pipedrive');
    expect(snapshot.provenance?.name?.via).toBe('heading');
  });

  it('keeps reading when an adapter throws (the CRM changed its markup)', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const broken: CrmAdapter = {
      id: 'broken',
      hosts: /crm\.example\.com$/,
      matches: () => true,
      extract: () => {
        throw new Error('selector no longer matches');
      },
    };
    added.push(broken);
    (ADAPTERS as CrmAdapter[]).unshift(broken);
    const page = loadPage(`<html><body>${CARD}</body></html>`, 'https://crm.example.com/contacts/42');
    const snapshot = extractSnapshot(page.document, page.url);
    expect(snapshot?.source).toBe('generic');
    expect(snapshot?.name).toBe('Olivia Bennett');
    expect(debug).toHaveBeenCalledWith('[touchbook] adapter broken failed', expect.any(Error));
  });

  it('returns null for pages that show no single record', () => {
    for (const html of [
      '<main><h1>Dashboard</h1><p>Welcome back</p></main>',
      '<main><h1>Contacts</h1><p>3 contacts</p></main>',
      '<main><p>olivia@northwind.example</p></main>',
      '',
    ]) {
      const page = loadPage(`<html><body>${html}</body></html>`, 'https://crm.example.com/home');
      expect(extractSnapshot(page.document, page.url), html).toBeNull();
    }
  });

  it('reads a record from structured data alone', () => {
    const page = loadPage(
      `<html><head><script type="application/ld+json">{"@type":"Person","name":"Olivia Bennett","email":"olivia@northwind.example"}</script></head><body><p>profile</p></body></html>`,
      'https://crm.example.com/p/olivia',
    );
    expect(extractSnapshot(page.document, page.url)).toMatchObject({ name: 'Olivia Bennett', emails: ['olivia@northwind.example'], recordType: 'contact' });
  });

  it('produces snapshots the background accepts, for every fixture-like page', () => {
    const page = loadFixture('test/fixtures/crm/generic/pt-jsonld.html', 'https://crm.example.com.br/contatos/501');
    const parsed = ClientSnapshotSchema.safeParse(extractSnapshot(page.document, page.url));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.messengers).toEqual([
      { kind: 'whatsapp', handle: '+5511912345678' },
      { kind: 'telegram', handle: '@joaopsilva' },
    ]);
  });

  describe('a component-kit CRM (react-admin, Material UI): no h1 of its own, no labels', () => {
    const APP_BAR = '<header class="MuiAppBar-root"><h1 class="MuiTypography-h6">Acme CRM</h1></header>';
    const read = (html: string, url = 'http://127.0.0.1:5173/#/contacts/7/show') => {
      const page = loadPage(`<html lang="en"><body>${html}</body></html>`, url);
      return extractSnapshot(page.document, page.url);
    };

    it("takes the content's small heading for the name, never the app bar's title", () => {
      const snapshot = read(`${APP_BAR}<main><h5>Leah Heller</h5><div><span>(212) 555-0188</span></div></main>`);
      expect(snapshot).toMatchObject({ name: 'Leah Heller', recordType: 'contact', recordId: '7', phones: [{ raw: '(212) 555-0188', e164: '+12125550188' }] });
    });

    it('finds no record when the app bar title is the only heading, or the content is a list', () => {
      expect(read(`${APP_BAR}<main><span>(212) 555-0188</span></main>`)).toBeNull();
      expect(read(`${APP_BAR}<main><h1>Contacts</h1><h5>Leah Heller</h5><span>(212) 555-0188</span></main>`, 'http://127.0.0.1:5173/#/contacts')).toBeNull();
    });

    it('reads chips: tags under "Tags", the status beside the name, not actions or another section\'s chips', () => {
      const chip = (text: string) => `<div class="MuiChip-root" role="button"><span class="MuiChip-label">${text}</span></div>`;
      const snapshot = read(
        `${APP_BAR}<main><div><div><h5>Leah Heller</h5></div>${chip('Warm')}</div><a href="mailto:leah@example.com">leah@example.com</a>` +
          `<div><h6>Tags</h6><hr><div>${chip('vip')}</div><div>${chip('influencer')}</div><div>${chip('Add tag')}</div></div>` +
          `<div><h6>Tasks</h6><div>${chip('Call')}</div></div></main>`,
      );
      expect(snapshot).toMatchObject({ name: 'Leah Heller', stage: 'Warm', tags: ['vip', 'influencer'] });
    });

    it('takes a job title of any words when the company after "at" is a link to its own record', () => {
      const snapshot = read(`${APP_BAR}<main><h5>Leah Heller</h5><div>Best-of-breed at <a href="#/companies/13/show">Kassulke, Armstrong and Erdman</a></div><a href="mailto:leah@example.com">leah@example.com</a></main>`);
      expect(snapshot).toMatchObject({ jobTitle: 'Best-of-breed', company: 'Kassulke, Armstrong and Erdman' });
      // Without the link, an unknown word before "at" is not taken for a job.
      expect(read(`${APP_BAR}<main><h5>Leah Heller</h5><div>Best-of-breed at Kassulke</div><a href="mailto:leah@example.com">leah@example.com</a></main>`)).toMatchObject({ jobTitle: null, company: null });
    });

    it('takes "24/365 at <linked company>" for a job title too: the link vouches for it (found on Atomic CRM)', () => {
      const snapshot = read(`${APP_BAR}<main><h5>Dillon Schneider</h5><div>24/365 at <a href="#/companies/4/show">Heller - Kiehn</a></div><a href="mailto:d@example.com">d@example.com</a></main>`);
      expect(snapshot).toMatchObject({ jobTitle: '24/365', company: 'Heller - Kiehn' });
    });

    it("does not take a company's revenue for a deal amount (found on Atomic CRM)", () => {
      const html = `${APP_BAR}<main><h5>Schmeler, Fay and Boyer</h5><span>247.740.6847</span><span>Revenue: <span>$100M</span></span></main>`;
      expect(read(html, 'http://127.0.0.1:5173/#/companies/1/show')).toMatchObject({ recordType: 'company', amount: null });
      expect(read(html.replace('Schmeler, Fay and Boyer', 'Fleet renewal'), 'http://127.0.0.1:5173/#/deals/1/show')).toMatchObject({ amount: { value: 100_000_000, currency: 'USD' } });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../../lib/crm/extract';
import { FieldMappingsSchema } from '../../../lib/crm/mapping-schema';
import { queryThroughShadows } from '../../../lib/crm/mappings';
import { isStableToken, labelFor, stableSelectorFor } from '../../../lib/crm/selector';
import { loadFixture, loadPage } from './page';

/** Two records of the same home-grown CRM: the same layout, different values and ids. */
function record(id: number, name: string, phone: string, tier: string): string {
  return `<html><body><main class="sc-hCrRFl kYRhfQ">
    <h1 class="title css-1x2y3z">${name}</h1>
    <div class="panel" id="panel-${id}">
      <div class="row"><span class="label">Phone</span><span class="value" id="ember${id}42">${phone}</span></div>
      <div class="row"><span class="label">Customer tier</span><span class="value">${tier}</span></div>
      <div class="row"><span class="label">Region</span><span class="value">North</span></div>
    </div>
    <section data-section="billing"><p><b>IBAN:</b> <span>DE${id}000</span></p></section>
  </main></body></html>`;
}

describe('stableSelectorFor', () => {
  it('finds the same field on another record of the same CRM', () => {
    const first = loadPage(record(101, 'Olivia Bennett', '+44 20 7946 0958', 'Gold'), 'https://crm.example.com/clients/101');
    const second = loadPage(record(202, 'Marcus Reed', '+1 212 555 0143', 'Silver'), 'https://crm.example.com/clients/202');
    const tier = first.document.querySelectorAll('.value')[1]!;
    const selector = stableSelectorFor(tier);
    expect(selector).not.toMatch(/ember|panel-101|css-|kYRhfQ|sc-/);
    expect(second.document.querySelector(selector)?.textContent).toBe('Silver');
  });

  it('prefers field hooks: data attributes, name, field-label', () => {
    const page = loadFixture('test/fixtures/crm/hubspot/contact.html', 'https://app.hubspot.com/contacts/1/record/0-1/2');
    const jobTitle = page.document.querySelector('[data-selenium-test="property-input-jobtitle"]')!;
    expect(stableSelectorFor(jobTitle)).toBe('input[data-field="jobtitle"]');

    const amo = loadFixture('test/fixtures/crm/amocrm/contact.html', 'https://x.amocrm.ru/contacts/detail/1');
    const position = amo.document.querySelector('[name="CFV[548395]"]')!;
    const selector = stableSelectorFor(position);
    expect(amo.document.querySelector(selector)).toBe(position);
  });

  it('never uses the value itself as the hook', () => {
    const page = loadPage('<html><body><div class="card"><span title="Gold" aria-label="Gold">Gold</span></div></body></html>');
    const selector = stableSelectorFor(page.document.querySelector('span')!);
    expect(selector).not.toContain('Gold');
    expect(page.document.querySelector(selector)?.textContent).toBe('Gold');
  });

  it('steps into shadow roots with >>>', () => {
    const page = loadFixture('test/fixtures/crm/salesforce/contact.html', 'https://x.lightning.force.com/lightning/r/Contact/003000000000001/view');
    const phone = page.document.querySelectorAll('lightning-formatted-phone')[0]!.shadowRoot!.querySelector('a')!;
    const selector = stableSelectorFor(phone);
    expect(selector).toContain(' >>> ');
    expect(queryThroughShadows(page.document, selector)).toBe(phone);
  });

  it('tells generated tokens from stable ones', () => {
    for (const token of ['sc-hCrRFl', 'css-1x2y3z', 'kYRhfQ', 'ember1234', 'uid-ctrl-5', 'name_0', '0035g00000XyZab', 'a3f9c2d1e8b7']) {
      expect(isStableToken(token), token).toBe(false);
    }
    for (const token of ['record-name', 'fieldRow__label', 'linked-form__field', 'o_field_widget', 'DetailView', 'email']) {
      expect(isStableToken(token), token).toBe(true);
    }
  });
});

describe('labelFor', () => {
  const page = loadPage(`<html><body>
    <label for="f1">Phone*</label><input id="f1" value="1">
    <label>Email <input id="f2" value="a@b.c"></label>
    <input id="f3" aria-label="Mobile" value="2">
    <span id="lbl">Owner</span><span id="f4" aria-labelledby="lbl">Dan</span>
    <dl><dt>Company:</dt><dd><span id="f5">Acme</span></dd></dl>
    <table><tr><th>Stage</th><td id="f6">Won</td></tr></table>
    <table><thead><tr><th>Name</th><th>Email</th></tr></thead><tbody><tr><td>A</td><td id="f7">x@y.z</td></tr></tbody></table>
    <records-record-layout-item field-label="Account Name"><span id="f8">Northwind</span></records-record-layout-item>
    <div class="row"><div class="label"><span>Tier</span></div><div class="value"><span id="f9">Gold</span></div></div>
    <p>Birthday: <time id="f10">12 March 1984</time></p>
    <p><span id="f11">no label here</span></p>
  </body></html>`);
  it.each([
    ['f1', 'Phone'],
    ['f2', 'Email'],
    ['f3', 'Mobile'],
    ['f4', 'Owner'],
    ['f5', 'Company'],
    ['f6', 'Stage'],
    ['f7', 'Email'],
    ['f8', 'Account Name'],
    ['f9', 'Tier'],
    ['f10', 'Birthday'],
    ['f11', null],
  ])('labels #%s as %j', (id, label) => {
    expect(labelFor(page.document.getElementById(id)!)).toBe(label);
  });
});

describe('taught mappings', () => {
  const url = 'https://crm.example.com/clients/101';

  it('override the heuristics and are marked as taught', () => {
    const page = loadPage(record(101, 'Olivia Bennett', '+44 20 7946 0958', 'Gold'), url);
    const tier = page.document.querySelectorAll('.value')[1]!;
    const snapshot = extractSnapshot(page.document, url, [
      { field: 'stage', selector: stableSelectorFor(tier) },
      { field: 'company', label: 'Region' },
      { field: 'phones', label: 'IBAN' },
    ])!;
    expect(snapshot.stage).toBe('Gold');
    expect(snapshot.company).toBe('North');
    expect(snapshot.provenance?.stage).toEqual({ via: 'taught', confidence: 1 });
    expect(snapshot.provenance?.company).toEqual({ via: 'taught', confidence: 1 });
    // A mapping that finds nothing usable ("DE101000" is no phone) leaves the heuristics' answer.
    expect(snapshot.phones).toEqual([{ raw: '+44 20 7946 0958', e164: '+442079460958' }]);
  });

  it('replace, rather than add to, a list field', () => {
    const page = loadFixture('test/fixtures/crm/demo/c-102.html', 'http://127.0.0.1:5173/clients/c-102');
    const snapshot = extractSnapshot(page.document, 'http://127.0.0.1:5173/clients/c-102', [{ field: 'emails', label: 'Other email' }])!;
    expect(snapshot.emails).toEqual(['taras.k@mail.example']);
    expect(snapshot.provenance?.emails?.via).toBe('taught');
  });

  it('ignore broken selectors and unknown labels', () => {
    const page = loadPage(record(101, 'Olivia Bennett', '+44 20 7946 0958', 'Gold'), url);
    const snapshot = extractSnapshot(page.document, url, [
      { field: 'stage', selector: '][not a selector' },
      { field: 'owner', label: 'Nowhere' },
      { field: 'products', selector: 'h1' },
    ]);
    expect(snapshot?.name).toBe('Olivia Bennett');
    expect(snapshot?.stage).toBeNull();
  });

  it('are validated by a schema at the boundary', () => {
    expect(FieldMappingsSchema.safeParse([{ field: 'stage', selector: '.x' }]).success).toBe(true);
    expect(FieldMappingsSchema.safeParse([{ field: 'stage' }]).success).toBe(false);
    expect(FieldMappingsSchema.safeParse([{ field: 'password', selector: '.x' }]).success).toBe(false);
  });
});

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../../lib/crm/extract';
import { ClientSnapshotSchema } from '../../../lib/crm/snapshot';
import { loadPage } from './page';

/** A small, valid record card to hide among hostile markup. */
const CARD = `
  <h1>Olivia Bennett</h1>
  <dl><dt>Company</dt><dd>Northwind Motors</dd><dt>Email</dt><dd><a href="mailto:olivia@northwind.example">olivia@northwind.example</a></dd></dl>`;
const URL_ = 'https://crm.example.com/contacts/42';

describe('extraction on malformed and hostile pages', () => {
  it('returns null instead of throwing for unusable input', () => {
    const page = loadPage('<html><body><main>' + CARD + '</main></body></html>', URL_);
    expect(extractSnapshot(page.document, 'not a url')).toBeNull();
    expect(extractSnapshot(page.document, 'about:blank')).toBeNull();
    expect(extractSnapshot(page.document, 'chrome-extension://abc/popup.html')).toBeNull();
    const empty = new Window({ url: URL_ }).document as unknown as Document;
    empty.documentElement.replaceChildren();
    expect(extractSnapshot(empty, URL_)).toBeNull();
  });

  it('survives tag soup', () => {
    const page = loadPage(`<html><body><main><h1>Olivia <b>Bennett</h1><dl><dt>Email<dd><a href="mailto:olivia@northwind.example">olivia@northwind.example<dt><dd></dl></table></div><p><<>>`, URL_);
    const snapshot = extractSnapshot(page.document, URL_);
    expect(snapshot?.emails).toEqual(['olivia@northwind.example']);
  });

  it('keeps markup in values as text, and never reads script contents', () => {
    const page = loadPage(
      `<html><body><main><h1>&lt;img src=x onerror=alert(1)&gt; Olivia</h1>
       <dl><dt>Company</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt; Northwind</dd>
       <dt>Owner</dt><dd><script>document.title = 'pwned'</script>Daniel Novak</dd>
       <dt>Email</dt><dd><a href="mailto:olivia@northwind.example">olivia@northwind.example</a></dd></dl></main></body></html>`,
      URL_,
    );
    const snapshot = extractSnapshot(page.document, URL_)!;
    expect(snapshot.name).toBe('<img src=x onerror=alert(1)> Olivia');
    expect(snapshot.company).toBe('<script>alert(1)</script> Northwind');
    expect(snapshot.owner).toBe('Daniel Novak');
    expect(ClientSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('bounds huge text nodes to what the schema accepts', () => {
    const huge = 'x'.repeat(2_000_000);
    const page = loadPage(`<html><body><main>${CARD}<dl><dt>Owner</dt><dd>${huge}</dd><dt>${huge}</dt><dd>value</dd></dl><p>${huge}@example.com</p></main></body></html>`, URL_);
    const started = performance.now();
    const snapshot = extractSnapshot(page.document, URL_)!;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(snapshot.owner!.length).toBeLessThanOrEqual(200);
    expect(snapshot.fields!.every((pair) => pair.label.length <= 200 && pair.value.length <= 2000)).toBe(true);
    expect(ClientSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('reads a record on a 50,000-node page, with bounded work', () => {
    const page = loadPage(`<html><body><main>${CARD}<div id="filler"></div></main></body></html>`, URL_);
    const filler = page.document.getElementById('filler')!;
    for (let row = 0; row < 10_000; row += 1) {
      const line = page.document.createElement('div');
      line.className = 'row';
      line.innerHTML = `<span>Item ${row}</span><span>Value ${row}</span>`;
      filler.append(line);
    }
    expect(page.document.getElementsByTagName('*').length).toBeGreaterThan(30_000);
    const snapshot = extractSnapshot(page.document, URL_);
    expect(snapshot?.name).toBe('Olivia Bennett');
    expect(snapshot?.emails).toEqual(['olivia@northwind.example']);
  }, 60_000); // building 50,000 nodes in happy-dom takes seconds on a busy machine; this checks the work, not the time

  it('does not recurse on a DOM nested 5,000 levels deep', () => {
    const page = loadPage(`<html><body><main>${CARD}<div id="deep"></div></main></body></html>`, URL_);
    let parent = page.document.getElementById('deep')!;
    for (let level = 0; level < 5_000; level += 1) {
      const child = page.document.createElement('div');
      parent.append(child);
      parent = child;
    }
    parent.innerHTML = '<a href="mailto:buried@example.com">buried@example.com</a>';
    const snapshot = extractSnapshot(page.document, URL_);
    expect(snapshot?.name).toBe('Olivia Bennett');
    // Past the depth budget the walk stops: what is buried 5,000 levels down is not read.
    expect(snapshot?.emails).toEqual(['olivia@northwind.example']);
  });

  it('caps thousands of contact links and leaves a list of other records out', () => {
    const items = Array.from({ length: 3_000 }, (_, index) => `<li><a href="/contacts/${index}">Person ${index}</a> <a href="mailto:p${index}@example.com">p${index}@example.com</a></li>`).join('');
    const page = loadPage(`<html><body><main>${CARD}<ul class="others">${items}</ul></main></body></html>`, URL_);
    const snapshot = extractSnapshot(page.document, URL_)!;
    expect(snapshot.emails).toEqual(['olivia@northwind.example']);
  });

  it('is not fooled by a page that patches its own built-ins', () => {
    const window = new Window({ url: URL_, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    window.document.write(`<html><body><main>${CARD}</main>
      <script>
        Array.prototype.map = function () { throw new Error('page patched map'); };
        Array.prototype.filter = function () { return []; };
        JSON.stringify = function () { return '"pwned"'; };
        String.prototype.trim = function () { return 'pwned'; };
        window.patched = [1].filter(Boolean).length === 0;
      </script></body></html>`);
    expect((window as unknown as { patched: boolean }).patched).toBe(true);
    const snapshot = extractSnapshot(window.document as unknown as Document, URL_);
    expect(snapshot?.name).toBe('Olivia Bennett');
    expect(snapshot?.company).toBe('Northwind Motors');
    expect(JSON.stringify(snapshot)).toContain('olivia@northwind.example');
  });

  it('reads a record inside a deeply nested shadow tree and attached roots without looping', () => {
    const page = loadPage(`<html><body><main><x-a></x-a></main></body></html>`, URL_);
    let host = page.document.querySelector('x-a')!;
    for (let level = 0; level < 50; level += 1) {
      const shadow = host.attachShadow({ mode: 'open' });
      const next = page.document.createElement('x-a');
      shadow.append(next);
      host = next;
    }
    host.attachShadow({ mode: 'open' }).innerHTML = CARD;
    const snapshot = extractSnapshot(page.document, URL_);
    expect(snapshot?.name).toBe('Olivia Bennett');
    expect(snapshot?.emails).toEqual(['olivia@northwind.example']);
  });

  it('reads nothing from closed shadow roots or hidden parts', () => {
    const page = loadPage(
      `<html><head><style>.gone { display: none }</style></head><body><main>${CARD}
        <div hidden><a href="mailto:hidden@example.com">hidden@example.com</a></div>
        <div class="gone"><a href="mailto:css-hidden@example.com">css-hidden@example.com</a></div>
        <div style="display:none"><a href="tel:+442000000000">+44 20 0000 0000</a></div>
        <div aria-hidden="true"><a href="tel:+442000000001">+44 20 0000 0001</a></div>
        <x-closed></x-closed></main></body></html>`,
      URL_,
    );
    page.document.querySelector('x-closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<a href="mailto:closed@example.com">closed@example.com</a>';
    const snapshot = extractSnapshot(page.document, URL_)!;
    expect(snapshot.emails).toEqual(['olivia@northwind.example']);
    expect(snapshot.phones).toEqual([]);
  });
});

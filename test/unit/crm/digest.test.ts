import { describe, expect, it } from 'vitest';
import { analyseDigest } from '../../../lib/crm/digest/analyse';
import { collectDigest } from '../../../lib/crm/digest/collect';
import { extractSnapshot } from '../../../lib/crm/extract';
import { addScores, loadFixtureSet, precision, recall, scorePage, type Score } from './fixture-set';
import { loadFixture, loadPage, renderedTextOf } from './page';

/**
 * The off-page reader's whole path on every fixture: the page's digest, parsed back in another
 * document, read there. It must read exactly what reading the page itself reads.
 */
const fixtures = loadFixtureSet();

/** What the analysis side does with the digest, in a separate happy-dom window. */
const parseInTestWindow = (url: string) => (html: string) => loadPage(html, url).document;

describe('CRM reader: page -> digest -> analysis', () => {
  let total: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  let direct: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };

  for (const fixture of fixtures) {
    it(`reads ${fixture.name} from its digest as from the page`, () => {
      const page = loadFixture(fixture.htmlPath, fixture.url);
      const fromPage = extractSnapshot(page.document, fixture.url);
      // happy-dom lays nothing out: the page's visible text is computed from styles here.
      const digest = collectDigest(page.document, fixture.url, undefined, renderedTextOf(page.document));
      expect(digest).not.toBeNull();
      const fromDigest = analyseDigest(digest!, parseInTestWindow(fixture.url));
      expect(fromDigest).toEqual(fromPage);
      total = addScores(total, scorePage(fixture.expected, fromDigest));
      direct = addScores(direct, scorePage(fixture.expected, fromPage));
    });
  }

  it('keeps precision and recall over the fixture set', () => {
    expect(precision(total)).toBe(precision(direct));
    expect(recall(total)).toBe(recall(direct));
    expect(precision(total)).toBe(1);
    expect(recall(total)).toBeCloseTo(0.996, 3);
  });

  it('carries what a person typed, not the value the markup started with', () => {
    const page = loadPage('<main><h1>Ann Lee</h1><label for="e">Email</label><input id="e" value="old@example.com"><label for="p">Phone</label><input id="p" value=""></main>');
    (page.document.getElementById('e') as HTMLInputElement).value = 'ann@example.com';
    (page.document.getElementById('p') as HTMLInputElement).value = '+44 20 7946 0000';
    const snapshot = analyseDigest(collectDigest(page.document, page.url)!, parseInTestWindow(page.url));
    expect(snapshot?.emails).toEqual(['ann@example.com']);
  });

  it('leaves out what a class hides: a hidden copy with an old value, read from the visible text', () => {
    // No stylesheet here, so happy-dom cannot tell either: only the visible text can.
    const page = loadPage(`<html><head></head><body><main><h1>Ann Lee</h1>
      <div class="is-hidden"><div class="row"><span class="label">Email</span><span>old@example.com</span></div><div class="row"><span class="label">Stage</span><span>Lost</span></div></div>
      <div><div class="row"><span class="label">Email</span><span>ann@example.com</span></div><div class="row"><span class="label">Stage</span><span>Won</span></div></div>
      </main></body></html>`);
    // What Chrome's innerText says of this page with `.is-hidden { display: none }`: no hidden copy.
    const visibleText = 'Ann Lee\nEmail\nann@example.com\nStage\nWon';
    const snapshot = analyseDigest(collectDigest(page.document, page.url, undefined, visibleText)!, parseInTestWindow(page.url));
    expect(snapshot?.emails).toEqual(['ann@example.com']);
    expect(snapshot?.stage).toBe('Won');
    // Without the visible text the parsed copy cannot tell, and reads the old value.
    const blind = analyseDigest(collectDigest(page.document, page.url, undefined, null)!, parseInTestWindow(page.url));
    expect(blind?.emails).toContain('old@example.com');
  });

  it('keeps a shown field whose row also holds hidden text (a tooltip)', () => {
    const page = loadPage(`<main><h1>Ann Lee</h1><div class="row"><span class="label">Email</span><span>ann@example.com</span><span class="tip">Copy</span></div></main>`);
    const snapshot = analyseDigest(collectDigest(page.document, page.url, undefined, 'Ann Lee\nEmail\nann@example.com')!, parseInTestWindow(page.url));
    expect(snapshot?.emails).toEqual(['ann@example.com']);
  });

  it('sends the head and the record area of a page too big to send whole', () => {
    const filler = '<div>'.concat('<p>x</p>'.repeat(2_000), '</div>');
    const page = loadPage(`<html lang="en"><head><title>t</title></head><body>${filler}<main><h1>Ann Lee</h1><a href="mailto:ann@example.com">ann@example.com</a></main></body></html>`);
    const digest = collectDigest(page.document, page.url, 5_000)!;
    expect(digest.partial).toBe(true);
    expect(digest.html).not.toContain('<p>x</p>');
    expect(analyseDigest(digest, parseInTestWindow(page.url))?.emails).toEqual(['ann@example.com']);
  });

  it('reads nothing where the browser cannot serialise the page itself (no getHTML)', () => {
    const page = loadPage('<main><h1>Ann Lee</h1><a href="mailto:ann@example.com">ann@example.com</a></main>');
    const root = page.document.documentElement as Element & { getHTML?: unknown };
    Object.defineProperty(root, 'getHTML', { value: undefined, configurable: true });
    expect(collectDigest(page.document, page.url)).toBeNull();
  });

  it('keeps the head in a partial digest, serialised by the browser', () => {
    const filler = '<div>'.concat('<p>x</p>'.repeat(2_000), '</div>');
    const page = loadPage(`<html lang="en"><head><title>Ann Lee - CRM</title></head><body>${filler}<main><h1>Ann Lee</h1></main></body></html>`);
    const digest = collectDigest(page.document, page.url, 5_000)!;
    expect(digest.html).toContain('<head><title>Ann Lee - CRM</title></head>');
  });
});

import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentMessage } from '../../../lib/messages';
import { startReadingPage } from '../../../lib/crm/reporter';
import { worthReporting, type ReportTerms } from '../../../lib/crm/report-terms';
import { analyseDigest } from '../../../lib/crm/digest/analyse';
import type { PageDigest } from '../../../lib/crm/digest/collect';
import type { FieldMapping } from '../../../lib/crm/mappings';
import { loadPage } from './page';

const CARD = '<main><h1>Olivia Bennett</h1><dl><dt>Email</dt><dd><a href="mailto:olivia@northwind.example">olivia@northwind.example</a></dd><dt>Owner</dt><dd id="owner">Daniel Novak</dd></dl></main>';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function open(html: string, url = 'https://crm.example.com/clients/1') {
  const window = new Window({ url });
  window.document.write(`<html><body>${html}</body></html>`);
  const controller = new AbortController();
  cleanups.push(() => {
    controller.abort();
    window.close();
  });
  return { window, controller, win: window as unknown as globalThis.Window };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A `send` that records messages and always delivers them. */
function collect(sent: ContentMessage[]) {
  return (message: ContentMessage): Promise<unknown> => {
    sent.push(message);
    return Promise.resolve({ ok: true, data: null });
  };
}
/** The background's reading of the digest, done in a happy-dom window of its own; the page reports it. */
const analyseHere = (digest: PageDigest, mappings: readonly FieldMapping[]) =>
  Promise.resolve({ snapshot: analyseDigest(digest, (html) => loadPage(html, digest.url).document, mappings), reported: false });
const fast = { debounceMs: 10, maxWaitMs: 100, pollMs: 0 };

describe('startReadingPage', () => {
  it('sends no snapshot of its own when the background reported it, and passes what it last reported as terms', async () => {
    const { window, controller, win } = open(CARD);
    const sent: ContentMessage[] = [];
    const terms: ReportTerms[] = [];
    const analyse = async (digest: PageDigest, mappings: readonly FieldMapping[], report: ReportTerms) => {
      terms.push(report);
      const { snapshot } = await analyseHere(digest, mappings);
      return { snapshot, reported: snapshot !== null && worthReporting(snapshot, report) };
    };
    startReadingPage({ analyse, window: win, signal: controller.signal, watch: fast, send: collect(sent) }); await sleep(0);
    await sleep(10);
    expect(terms[0]).toEqual({ navigation: false, previous: null, lastSent: '' });

    window.document.getElementById('owner')!.textContent = 'Iryna Shevchuk';
    await sleep(60);
    expect(terms).toHaveLength(2);
    expect(terms[1]?.previous).toMatchObject({ name: 'Olivia Bennett', emails: ['olivia@northwind.example'] });
    expect(JSON.parse(terms[1]!.lastSent)).toMatchObject({ type: 'cs/snapshot', snapshot: { owner: 'Daniel Novak' } });
    expect(sent).toEqual([]);
  });

  it('sends the snapshot once, and again only when it changes', async () => {
    const { window, controller, win } = open(CARD);
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere, window: win, signal: controller.signal, watch: fast, send: collect(sent) }); await sleep(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'cs/snapshot', snapshot: { name: 'Olivia Bennett', owner: 'Daniel Novak' } });

    // A mutation that changes nothing the extractor reads: no message.
    window.document.body.append(window.document.createElement('span'));
    await sleep(60);
    expect(sent).toHaveLength(1);

    window.document.getElementById('owner')!.textContent = 'Iryna Shevchuk';
    await sleep(60);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ type: 'cs/snapshot', snapshot: { owner: 'Iryna Shevchuk' } });
  });

  it('says "no client" on pages without a record, once', async () => {
    const { window, controller, win } = open('<main><h1>Clients</h1></main>', 'https://crm.example.com/clients');
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere, window: win, signal: controller.signal, watch: fast, send: collect(sent) }); await sleep(0);
    window.document.body.append(window.document.createElement('p'));
    await sleep(60);
    expect(sent).toEqual([{ type: 'cs/no-client', url: 'https://crm.example.com/clients' }]);
  });

  it('stays silent in frames without a record (widgets, ads)', async () => {
    const parent = open('<iframe></iframe>');
    const frame = open('<p>an ad</p>', 'https://ads.example.net/frame');
    Object.defineProperty(frame.window, 'top', { configurable: true, get: () => parent.window });
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere, window: frame.win, signal: frame.controller.signal, watch: fast, send: collect(sent) }); await sleep(0);
    await sleep(30);
    expect(sent).toEqual([]);
  });

  it('retries after a failed send or a failed reply', async () => {
    const { window, controller, win } = open(CARD);
    const attempts: ContentMessage[] = [];
    let mode: 'reject' | 'fail' | 'ok' = 'reject';
    startReadingPage({ analyse: analyseHere,
      window: win,
      signal: controller.signal,
      watch: fast,
      send: (message) => {
        attempts.push(message);
        if (mode === 'reject') return Promise.reject(new Error('Extension context invalidated'));
        return Promise.resolve(mode === 'fail' ? { ok: false, error: 'restarting' } : { ok: true, data: { clientId: 'c1' } });
      },
    }); await sleep(0);
    await sleep(10);
    mode = 'fail';
    window.document.body.append(window.document.createElement('span'));
    await sleep(60);
    mode = 'ok';
    window.document.body.append(window.document.createElement('span'));
    await sleep(60);
    window.document.body.append(window.document.createElement('span'));
    await sleep(60);
    expect(attempts).toHaveLength(3); // rejected, failed reply, delivered - then nothing new to say
  });

  it('applies the taught mappings on every read', async () => {
    const { controller, win } = open(`${CARD}<div class="x-note"><span data-field="tier">Gold</span></div>`);
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere,
      window: win,
      signal: controller.signal,
      watch: fast,
      send: collect(sent),
      getMappings: () => [{ field: 'stage', selector: '[data-field="tier"]' }],
    }); await sleep(0);
    expect(sent[0]).toMatchObject({ snapshot: { stage: 'Gold', provenance: { stage: { via: 'taught', confidence: 1 } } } });
  });

  it('waits for the taught mappings before the first read, and reads once with them', async () => {
    const { controller, win } = open(`${CARD}<div class="x-note"><span data-field="tier">Gold</span></div>`);
    const sent: ContentMessage[] = [];
    let mappings: Array<{ field: 'stage'; selector: string }> = [];
    let reread = () => {};
    let answer = () => {};
    const ready = new Promise<void>((resolve) => (answer = resolve));
    startReadingPage({ analyse: analyseHere,
      window: win,
      signal: controller.signal,
      watch: fast,
      send: collect(sent),
      getMappings: () => mappings,
      ready,
      onRereadRequest: (read) => (reread = read),
    }); await sleep(0);
    reread(); // a change announced before the first read is nothing to read again
    expect(sent).toEqual([]);

    mappings = [{ field: 'stage', selector: '[data-field="tier"]' }];
    answer();
    await sleep(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ snapshot: { stage: 'Gold' } });
  });

  it('reads without the taught mappings when the background does not answer in time', async () => {
    const { controller, win } = open(CARD);
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere, window: win, signal: controller.signal, watch: fast, send: collect(sent), ready: new Promise(() => {}) }); await sleep(0);
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: 1_000 });
    expect(sent[0]).toMatchObject({ snapshot: { name: 'Olivia Bennett' } });
  });

  it('reports "no client" instead of throwing when reading fails', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { controller, win } = open(CARD);
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere,
      window: win,
      signal: controller.signal,
      watch: fast,
      send: collect(sent),
      getMappings: () => {
        throw new Error('storage gone');
      },
    }); await sleep(0);
    expect(sent).toEqual([{ type: 'cs/no-client', url: 'https://crm.example.com/clients/1' }]);
    expect(debug).toHaveBeenCalledOnce();
  });

  it('does not give a new record the previous one\'s details while the CRM is still rendering', async () => {
    const { window, controller, win } = open(CARD, 'https://crm.example.com/clients/1');
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere, window: win, signal: controller.signal, watch: fast, send: collect(sent) }); await sleep(0);
    expect(sent).toHaveLength(1);

    // The CRM changes the URL first and renders the next record a moment later.
    window.history.pushState({}, '', '/clients/2');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await sleep(60);
    expect(sent).toHaveLength(1);

    window.document.querySelector('h1')!.textContent = 'Taras Kovalenko';
    window.document.querySelector('a')!.setAttribute('href', 'mailto:taras@agrostep.example');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    const second = sent[1];
    expect(second?.type === 'cs/snapshot' && second.snapshot).toMatchObject({ recordId: '2', name: 'Taras Kovalenko' });
  });

  it('does not say "no client" while the next record is loading, only when the page stays empty', async () => {
    const { window, controller, win } = open(CARD, 'https://crm.example.com/clients/1');
    const sent: ContentMessage[] = [];
    startReadingPage({ analyse: analyseHere, window: win, signal: controller.signal, watch: fast, send: collect(sent) }); await sleep(0);
    expect(sent).toHaveLength(1);

    // A skeleton while the CRM fetches client 2, which then arrives.
    window.document.body.innerHTML = '<main><div class="skeleton"></div></main>';
    window.history.pushState({}, '', '/clients/2');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await sleep(200);
    expect(sent).toHaveLength(1);
    window.document.body.innerHTML = CARD.replace('Olivia Bennett', 'Taras Kovalenko').replace(/olivia@northwind/g, 'taras@agrostep');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({ type: 'cs/snapshot', snapshot: { recordId: '2', name: 'Taras Kovalenko' } });

    // A page that stays empty after a record change is no record, said once the grace is over.
    window.document.body.innerHTML = '<main><p>Reports</p></main>';
    window.history.pushState({}, '', '/reports');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await sleep(300);
    expect(sent).toHaveLength(2);
    await vi.waitFor(() => expect(sent).toHaveLength(3), { timeout: 2_500 });
    expect(sent[2]).toEqual({ type: 'cs/no-client', url: 'https://crm.example.com/reports' });
  });
});

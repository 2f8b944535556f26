import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type SettleReason } from '../../../lib/crm/page-watch';

/**
 * The watcher against a real (happy-dom) window with short timings: SPA navigations that fire no
 * event, bursts of mutations, hidden tabs, and teardown.
 */
interface Harness {
  window: Window;
  win: globalThis.Window;
  reasons: SettleReason[];
  controller: AbortController;
  setHidden: (hidden: boolean) => void;
  /** When each read happened (ms since start). */
  times: number[];
  /** What the reader answers: did the read find something new? */
  foundSomething: boolean;
}

const harnesses: Harness[] = [];
afterEach(() => {
  for (const harness of harnesses.splice(0)) {
    harness.controller.abort();
    harness.window.close();
  }
});

function start(options: { hidden?: boolean; debounceMs?: number; maxWaitMs?: number; pollMs?: number; navigationApi?: boolean } = {}): Harness {
  const window = new Window({ url: 'https://crm.example.com/clients/1' });
  window.document.write('<html><body><main><h1>Client 1</h1><div id="lazy"></div><input id="edit"></main></body></html>');
  const win = window as unknown as globalThis.Window;
  let hidden = options.hidden ?? false;
  Object.defineProperty(window.document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  if (options.navigationApi) Object.defineProperty(window, 'navigation', { configurable: true, value: new window.EventTarget() });
  const started = Date.now();
  const harness: Harness = {
    window,
    win,
    reasons: [],
    times: [],
    foundSomething: true,
    controller: new AbortController(),
    setHidden: (value) => {
      hidden = value;
      window.document.dispatchEvent(new window.Event('visibilitychange'));
    },
  };
  watchPage({
    window: win,
    signal: harness.controller.signal,
    onSettled: (reason) => {
      harness.reasons.push(reason);
      harness.times.push(Date.now() - started);
      return harness.foundSomething;
    },
    debounceMs: options.debounceMs ?? 20,
    maxWaitMs: options.maxWaitMs ?? 200,
    pollMs: options.pollMs ?? 0,
  });
  harnesses.push(harness);
  return harness;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await sleep(5);
  }
}

describe('watchPage', () => {
  it('reads the page once at the start', async () => {
    const harness = start();
    expect(harness.reasons).toEqual(['initial']);
    await sleep(60);
    expect(harness.reasons).toEqual(['initial']);
  });

  it('notices pushState that fires no event and changes no DOM, by polling the URL', async () => {
    const harness = start({ pollMs: 25 });
    harness.window.history.pushState(null, '', '/clients/2');
    await until(() => harness.reasons.length === 2);
    expect(harness.reasons).toEqual(['initial', 'navigation']);
  });

  it('notices pushState on the next batch of DOM mutations, as a navigation', async () => {
    const harness = start();
    harness.window.history.pushState(null, '', '/clients/2');
    harness.window.document.querySelector('h1')!.textContent = 'Client 2';
    await until(() => harness.reasons.length === 2);
    expect(harness.reasons).toEqual(['initial', 'navigation']);
  });

  it('uses the Navigation API where there is one', async () => {
    const harness = start({ navigationApi: true });
    harness.window.history.pushState(null, '', '/clients/3');
    const navigation = (harness.window as unknown as { navigation: EventTarget }).navigation;
    navigation.dispatchEvent(new harness.window.Event('navigatesuccess') as unknown as Event);
    await until(() => harness.reasons.length === 2);
    expect(harness.reasons[1]).toBe('navigation');
  });

  it('notices hash routes and back/forward', async () => {
    const harness = start();
    harness.window.location.hash = '#/clients/9';
    await until(() => harness.reasons.length === 2);
    expect(harness.reasons[1]).toBe('navigation');
  });

  it('reads a page restored from the back/forward cache, and not again on an ordinary load', async () => {
    const harness = start();
    // happy-dom has no PageTransitionEvent: an Event with the browser's `persisted` flag.
    const pageshow = (persisted: boolean) => Object.assign(new harness.window.Event('pageshow'), { persisted });
    harness.window.dispatchEvent(pageshow(false));
    await sleep(60);
    expect(harness.reasons).toEqual(['initial']);
    harness.window.dispatchEvent(pageshow(true));
    await until(() => harness.reasons.length === 2);
    expect(harness.reasons[1]).toBe('navigation');
  });

  it('reads once after a burst of mutations (debounced)', async () => {
    // A generous quiet period, so a loaded machine pausing between mutations cannot split the burst.
    const harness = start({ debounceMs: 250, maxWaitMs: 5_000 });
    const lazy = harness.window.document.getElementById('lazy')!;
    for (let index = 0; index < 20; index += 1) {
      lazy.append(harness.window.document.createElement('span'));
      await sleep(2);
    }
    await until(() => harness.reasons.length === 2);
    await sleep(300);
    expect(harness.reasons).toEqual(['initial', 'mutation']);
  });

  it('still reads while the page keeps changing, at most maxWaitMs apart', async () => {
    const harness = start({ debounceMs: 50, maxWaitMs: 80 });
    const lazy = harness.window.document.getElementById('lazy')!;
    const stop = Date.now() + 400;
    while (Date.now() < stop) {
      lazy.textContent = String(Date.now());
      await sleep(10);
    }
    expect(harness.reasons.filter((reason) => reason === 'mutation').length).toBeGreaterThanOrEqual(2);
  });

  it('reads a page that keeps changing without news less and less often, and catches up on a record change', async () => {
    const harness = start({ debounceMs: 10, maxWaitMs: 40 });
    harness.foundSomething = false; // a ticking clock: every read finds the same record
    const lazy = harness.window.document.getElementById('lazy')!;
    const tick = setInterval(() => (lazy.textContent = String(Date.now())), 5);
    try {
      await sleep(1_500);
      const reads = harness.times.slice(1); // after the initial read
      const gaps = reads.slice(1).map((time, index) => time - reads[index]!);
      // Without backing off, 1.5 s of changes would be about 35 reads 40 ms apart.
      expect(reads.length).toBeLessThan(14);
      expect(Math.max(...gaps)).toBeGreaterThanOrEqual(300);

      harness.window.history.pushState({}, '', '/clients/2');
      harness.window.dispatchEvent(new harness.window.PopStateEvent('popstate'));
      const before = harness.reasons.length;
      await until(() => harness.reasons.slice(before).includes('navigation'), 200);
    } finally {
      clearInterval(tick);
    }
  });

  it('sees a pushState record change in the re-render itself, without waiting for an animation frame', async () => {
    const harness = start();
    // Frames that never come (a busy or throttled renderer): only the mutations can tell.
    Object.defineProperty(harness.window, 'requestAnimationFrame', { configurable: true, value: () => 0 });
    harness.window.history.pushState({}, '', '/clients/2');
    harness.window.document.querySelector('h1')!.textContent = 'Client 2';
    await until(() => harness.reasons.includes('navigation'));
    expect(harness.reasons).toEqual(['initial', 'navigation']);
  });

  it('reads typing in an edit form at once even after backing off', async () => {
    const harness = start({ debounceMs: 10, maxWaitMs: 40 });
    harness.foundSomething = false;
    const lazy = harness.window.document.getElementById('lazy')!;
    for (let index = 0; index < 40; index += 1) {
      lazy.textContent = String(index);
      await sleep(15);
    }
    const before = harness.reasons.length;
    const input = harness.window.document.getElementById('edit')!;
    input.dispatchEvent(new harness.window.Event('input', { bubbles: true }));
    await until(() => harness.reasons.length > before, 150);
  });

  it('reads a lazily loaded field when it arrives', async () => {
    const harness = start();
    await sleep(30);
    harness.window.document.getElementById('lazy')!.innerHTML = '<time datetime="2026-02-10T10:30">10 Feb 2026</time>';
    await until(() => harness.reasons.length === 2);
    expect(harness.reasons[1]).toBe('mutation');
  });

  it('reads again after typing in an edit form', async () => {
    const harness = start();
    const input = harness.window.document.getElementById('edit')!;
    input.dispatchEvent(new harness.window.Event('input', { bubbles: true }));
    await until(() => harness.reasons.length === 2);
    expect(harness.reasons[1]).toBe('mutation');
  });

  it('does not read while the tab is hidden, and reads once when it is shown', async () => {
    const harness = start();
    harness.setHidden(true);
    harness.window.history.pushState(null, '', '/clients/5');
    harness.window.document.querySelector('h1')!.textContent = 'Client 5';
    await sleep(120);
    expect(harness.reasons).toEqual(['initial']);
    harness.setHidden(false);
    await until(() => harness.reasons.length === 2);
    await sleep(60);
    expect(harness.reasons).toEqual(['initial', 'navigation']);
  });

  it('puts off the first read of a tab opened in the background', async () => {
    const harness = start({ hidden: true });
    await sleep(50);
    expect(harness.reasons).toEqual([]);
    harness.setHidden(false);
    await until(() => harness.reasons.length === 1);
    expect(harness.reasons).toEqual(['initial']);
  });

  it('stops everything when aborted', async () => {
    const harness = start({ pollMs: 10 });
    harness.window.document.getElementById('lazy')!.textContent = 'changing';
    harness.controller.abort();
    harness.window.history.pushState(null, '', '/clients/6');
    harness.window.document.querySelector('h1')!.textContent = 'Client 6';
    harness.setHidden(true);
    harness.setHidden(false);
    await sleep(80);
    expect(harness.reasons).toEqual(['initial']);
  });

  it('never lets an exception from the reader escape into the page', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const window = new Window({ url: 'https://crm.example.com/clients/1' });
    window.document.write('<html><body><p>x</p></body></html>');
    const controller = new AbortController();
    let calls = 0;
    expect(() =>
      watchPage({
        window: window as unknown as globalThis.Window,
        signal: controller.signal,
        debounceMs: 5,
        pollMs: 0,
        onSettled: () => {
          calls += 1;
          throw new Error('reader failed');
        },
      }),
    ).not.toThrow();
    window.document.querySelector('p')!.textContent = 'y';
    await until(() => calls === 2);
    expect(debug).toHaveBeenCalledTimes(2);
    controller.abort();
    window.close();
  });
});

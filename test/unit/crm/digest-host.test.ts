import { describe, expect, it } from 'vitest';
import type { PageDigest } from '../../../lib/crm/digest/collect';
import { createOffscreenAnalyser, READER_MESSAGE, type OffscreenApi } from '../../../lib/crm/digest/host';

const digest: PageDigest = { url: 'https://crm.example.com/c/1', html: '<html><body></body></html>', values: [], partial: false, visibleText: '', visibleTextPartial: false };
const snapshot = { name: 'Ann Lee' };

/** Chrome's offscreen API and the reader document, as the worker sees them: the browser may close the document at any time. */
function fakeChrome() {
  const state = { open: false, created: 0 };
  const offscreen: OffscreenApi = {
    createDocument: () => {
      if (state.open) return Promise.reject(new Error('Only a single offscreen document may be created.'));
      state.open = true;
      state.created++;
      return Promise.resolve();
    },
    hasDocument: () => Promise.resolve(state.open),
  };
  const send = (message: unknown): Promise<unknown> => {
    if (!state.open) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    expect((message as { type: string }).type).toBe(READER_MESSAGE);
    return Promise.resolve({ snapshot });
  };
  return { state, offscreen, send };
}

describe('the worker reads digests in the offscreen document', () => {
  it('opens the document once for many reads', async () => {
    const chrome = fakeChrome();
    const analyse = createOffscreenAnalyser(() => chrome.offscreen, chrome.send);
    expect(await analyse(digest, [])).toEqual(snapshot);
    expect(await analyse(digest, [])).toEqual(snapshot);
    expect(chrome.state.created).toBe(1);
  });

  it('reopens the document the browser closed, and the read still answers', async () => {
    const chrome = fakeChrome();
    const analyse = createOffscreenAnalyser(() => chrome.offscreen, chrome.send);
    await analyse(digest, []);
    chrome.state.open = false; // closed by the browser
    expect(await analyse(digest, [])).toEqual(snapshot);
    expect(chrome.state.created).toBe(2);
  });

  it('a restarted worker finds the document its last life opened and uses it', async () => {
    const chrome = fakeChrome();
    await createOffscreenAnalyser(() => chrome.offscreen, chrome.send)(digest, []);
    const afterRestart = createOffscreenAnalyser(() => chrome.offscreen, chrome.send);
    expect(await afterRestart(digest, [])).toEqual(snapshot);
    expect(chrome.state.created).toBe(1);
  });

  it('rejects when the document cannot answer, and tries again on the next read', async () => {
    const chrome = fakeChrome();
    let broken = true;
    const send = (message: unknown) => (broken ? Promise.resolve(undefined) : chrome.send(message));
    const analyse = createOffscreenAnalyser(() => chrome.offscreen, send);
    await expect(analyse(digest, [])).rejects.toThrow(/did not answer/);
    broken = false;
    expect(await analyse(digest, [])).toEqual(snapshot);
  });
});

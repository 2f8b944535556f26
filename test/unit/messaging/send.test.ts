import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { request, sendToBackground } from '../../../lib/messaging/send';
import { makeSite } from '../factories';

describe('sendToBackground / request', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('unwraps the data of an ok reply', async () => {
    const sites = [makeSite()];
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: sites }));
    await expect(request({ type: 'ui/sites.list' })).resolves.toEqual(sites);
  });

  it('turns an error reply into an exception carrying its message', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: false, error: 'no permission for https://x.test' }));
    await expect(request({ type: 'ui/sites.enable', origin: 'https://x.test' })).rejects.toThrow('no permission for https://x.test');
  });

  it('reports a transport failure (no background listening) as an error reply, not a throw', async () => {
    const reply = await sendToBackground({ type: 'ui/settings.get' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/listener/i);
  });

  it('reports a missing or malformed reply as an error reply', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve('garbage'));
    await expect(sendToBackground({ type: 'ui/settings.get' })).resolves.toEqual({ ok: false, error: 'no reply from the background' });
  });
});

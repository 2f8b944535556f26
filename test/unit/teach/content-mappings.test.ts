import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FieldMapping } from '../../../lib/crm/mappings';
import type { ContentMessage, Reply } from '../../../lib/messages';
import { followTaughtMappings } from '../../../lib/teach/content-mappings';
import { deferred, tick } from '../factories';

type Send = Parameters<typeof followTaughtMappings>[0]['send'];

const PHONE: FieldMapping = { field: 'phones', selector: '#phone' };
const EMAIL: FieldMapping = { field: 'emails', label: 'E-mail' };

/** The background as the content script reaches it: each `cs/mappings.get` is answered by `reply`. */
function setUp(reply: () => Promise<Reply<FieldMapping[]>>) {
  const requests: ContentMessage[] = [];
  const send = ((message: ContentMessage) => {
    requests.push(message);
    return reply();
  }) as Send;
  const controller = new AbortController();
  const onChange = vi.fn();
  const onMessage = fakeBrowser.runtime.onMessage;
  const added = vi.spyOn(onMessage, 'addListener');
  const taught = followTaughtMappings({ send, onMessage, signal: controller.signal, onChange });
  const fromBackground = async (message: unknown) => {
    const replies = await onMessage.trigger(message, { id: 'touchbook' });
    await Promise.all(replies.map(async (reply): Promise<unknown> => reply));
  };
  const listening = () => added.mock.calls.some(([listener]) => onMessage.hasListener(listener));
  return { taught, requests, controller, onChange, listening, fromBackground };
}

const ok = (data: FieldMapping[]) => Promise.resolve<Reply<FieldMapping[]>>({ ok: true, data });

describe('followTaughtMappings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads without mappings until the background answers, then with them, and says so', async () => {
    const first = deferred<Reply<FieldMapping[]>>();
    const { taught, requests, onChange } = setUp(() => first.promise);
    expect(requests).toEqual([{ type: 'cs/mappings.get' }]);
    expect(taught.current()).toEqual([]);
    expect(onChange).not.toHaveBeenCalled();

    first.resolve({ ok: true, data: [PHONE] });
    await tick();
    expect(taught.current()).toEqual([PHONE]);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('asks again when the background says the mappings changed, and only then', async () => {
    let data = [PHONE];
    const { taught, requests, onChange, fromBackground } = setUp(() => ok(data));
    await tick();

    for (const other of [{ type: 'bg/other' }, { kind: 'bg/mappings.changed' }, 'bg/mappings.changed', null, undefined, 42]) await fromBackground(other);
    await tick();
    expect(requests).toHaveLength(1);
    expect(onChange).toHaveBeenCalledTimes(1);

    data = [PHONE, EMAIL];
    await fromBackground({ type: 'bg/mappings.changed' });
    await tick();
    expect(requests).toHaveLength(2);
    expect(taught.current()).toEqual([PHONE, EMAIL]);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('is ready once the first answer is in, and an answer that changes nothing asks for no re-read', async () => {
    const first = deferred<Reply<FieldMapping[]>>();
    let reply = () => first.promise;
    const { taught, onChange, fromBackground } = setUp(() => reply());
    let ready = false;
    void taught.ready.then(() => (ready = true));
    await tick();
    expect(ready).toBe(false);

    first.resolve({ ok: true, data: [] }); // nothing taught on this CRM: the usual case
    await tick();
    expect(ready).toBe(true);
    expect(onChange).not.toHaveBeenCalled();

    reply = () => ok([]);
    await fromBackground({ type: 'bg/mappings.changed' }); // taught on another CRM
    await tick();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('is ready even when the background is unreachable', async () => {
    const { taught } = setUp(() => Promise.reject(new Error('Could not establish connection.')));
    await expect(taught.ready).resolves.toBeUndefined();
    expect(taught.current()).toEqual([]);
  });

  it('keeps what it has when the background cannot answer', async () => {
    let reply: Reply<FieldMapping[]> = { ok: true, data: [PHONE] };
    const { taught, onChange, fromBackground } = setUp(() => Promise.resolve(reply));
    await tick();
    reply = { ok: false, error: 'Extension context invalidated.' };
    await fromBackground({ type: 'bg/mappings.changed' });
    await tick();
    expect(taught.current()).toEqual([PHONE]);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('stops listening when the page script is stopped, and ignores an answer that arrives after', async () => {
    const pending = deferred<Reply<FieldMapping[]>>();
    const { taught, requests, onChange, listening, controller, fromBackground } = setUp(() => pending.promise);
    expect(listening()).toBe(true);

    controller.abort();
    expect(listening()).toBe(false);
    pending.resolve({ ok: true, data: [PHONE] });
    await fromBackground({ type: 'bg/mappings.changed' });
    await tick();
    expect(requests).toHaveLength(1);
    expect(taught.current()).toEqual([]);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('an older answer that arrives after a newer one does not bring back forgotten fields', async () => {
    const answers = [deferred<Reply<FieldMapping[]>>(), deferred<Reply<FieldMapping[]>>(), deferred<Reply<FieldMapping[]>>()];
    let asked = 0;
    const { taught, fromBackground } = setUp(() => answers[asked++]!.promise);
    answers[0]!.resolve({ ok: true, data: [] });
    await tick();

    // Taught, then forgotten at once: two changes, whose answers come back in the wrong order.
    await fromBackground({ type: 'bg/mappings.changed' });
    await fromBackground({ type: 'bg/mappings.changed' });
    answers[2]!.resolve({ ok: true, data: [] });
    await tick();
    answers[1]!.resolve({ ok: true, data: [PHONE] });
    await tick();
    expect(taught.current()).toEqual([]);
  });
});

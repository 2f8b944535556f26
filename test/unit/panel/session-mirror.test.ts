import { describe, expect, it } from 'vitest';
import type { StorageArea } from '../../../lib/background/focus';
import { createSessionMirror } from '../../../lib/panel/session-mirror';

/** A `storage.session` stand-in that counts the reads reaching it; `hold` delays the next read. */
function fakeArea(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  let release: (() => void) | null = null;
  const area = {
    reads: 0,
    hold: false,
    release: () => release?.(),
    values,
    async get(keys: string | string[]) {
      area.reads += 1;
      const wanted = typeof keys === 'string' ? [keys] : keys;
      const snapshot = Object.fromEntries(wanted.flatMap((key) => (values.has(key) ? [[key, values.get(key)]] : [])));
      if (area.hold) await new Promise<void>((resolve) => (release = resolve));
      return snapshot;
    },
    set(items: Record<string, unknown>) {
      for (const [key, value] of Object.entries(items)) values.set(key, value);
      return Promise.resolve();
    },
    remove(keys: string | string[]) {
      for (const key of typeof keys === 'string' ? [keys] : keys) values.delete(key);
      return Promise.resolve();
    },
  } satisfies StorageArea & Record<string, unknown>;
  return area;
}

describe('createSessionMirror', () => {
  it('reads a key from the browser once, then answers from the changes it is told of', async () => {
    const area = fakeArea({ 'focus:7': { clientId: 'a' } });
    const mirror = createSessionMirror(area);
    await expect(mirror.area.get('focus:7')).resolves.toEqual({ 'focus:7': { clientId: 'a' } });
    mirror.changed({ 'focus:7': { newValue: { clientId: 'b' } } });
    await expect(mirror.area.get(['focus:7'])).resolves.toEqual({ 'focus:7': { clientId: 'b' } });
    expect(area.reads).toBe(1);
  });

  it('answers a removed key as absent, and asks the browser for keys it has not heard of', async () => {
    const area = fakeArea({ 'focus-last-client-tab': 7 });
    const mirror = createSessionMirror(area);
    mirror.changed({ 'focus:7': {} });
    await expect(mirror.area.get(['focus:7', 'focus-last-client-tab'])).resolves.toEqual({ 'focus-last-client-tab': 7 });
    await expect(mirror.area.get('focus:7')).resolves.toEqual({});
    expect(area.reads).toBe(1);
  });

  it('keeps a change that arrived while a read was under way over what that read found', async () => {
    const area = fakeArea({ 'focus:7': { clientId: 'old' } });
    const mirror = createSessionMirror(area);
    area.hold = true;
    const reading = mirror.area.get('focus:7');
    mirror.changed({ 'focus:7': { newValue: { clientId: 'new' } } });
    area.release();
    await expect(reading).resolves.toEqual({ 'focus:7': { clientId: 'new' } });
    area.hold = false;
    await expect(mirror.area.get('focus:7')).resolves.toEqual({ 'focus:7': { clientId: 'new' } });
  });

  it('writes through to the browser', async () => {
    const area = fakeArea();
    const mirror = createSessionMirror(area);
    await mirror.area.set({ 'clock-offset': 60_000 });
    await mirror.area.remove('clock-offset');
    expect(area.values.size).toBe(0);
  });
});

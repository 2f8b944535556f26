import { describe, expect, it } from 'vitest';
import { openPageGate, PAGE_GATE_KEY, publishPageGate } from '../../../lib/sites/page-gate';
import { createRegistrationSync } from '../../../lib/sites/registration';
import { startScriptLifetime } from '../../../lib/sites/script-lifetime';

function memoryStorage(initial: Record<string, unknown> = {}) {
  const items: Record<string, unknown> = { ...initial };
  return {
    items,
    get: (key: string) => Promise.resolve(key in items ? { [key]: items[key] } : {}),
    set: (patch: Record<string, unknown>) => Promise.resolve(void Object.assign(items, patch)),
  };
}

describe('page gate', () => {
  it('opens only on an enabled origin, port included', async () => {
    const storage = memoryStorage();
    await publishPageGate(storage, ['http://127.0.0.1:8080']);
    expect(await openPageGate(storage, 'http://127.0.0.1:8080')).toMatch(/^[0-9a-f]{32}$/);
    // Same host, another port: the match pattern injects the script here too; it must stop.
    expect(await openPageGate(storage, 'http://127.0.0.1:3000')).toBeNull();
    expect(await openPageGate(storage, 'https://127.0.0.1:8080')).toBeNull();
  });

  it('stays shut before the background has said anything, and on a tampered value', async () => {
    expect(await openPageGate(memoryStorage(), 'https://crm.example.com')).toBeNull();
    const tampered = memoryStorage({ [PAGE_GATE_KEY]: { secret: 'short', origins: ['https://crm.example.com'] } });
    expect(await openPageGate(tampered, 'https://crm.example.com')).toBeNull();
  });

  it('keeps one secret per install across changes of the enabled sites, and it is random', async () => {
    const storage = memoryStorage();
    const first = await publishPageGate(storage, ['https://a.example']);
    const second = await publishPageGate(storage, ['https://a.example', 'https://b.example']);
    expect(second.secret).toBe(first.secret);
    expect(second.origins).toEqual(['https://a.example', 'https://b.example']);
    const other = await publishPageGate(memoryStorage(), ['https://a.example']);
    expect(other.secret).not.toBe(first.secret);
  });

  it('is published before the script is registered, so a page loading right after is read', async () => {
    const order: string[] = [];
    const scripting = {
      getRegisteredContentScripts: () => Promise.resolve([]),
      registerContentScripts: () => Promise.resolve(void order.push('register')),
      updateContentScripts: () => Promise.resolve(),
      unregisterContentScripts: () => Promise.resolve(),
    };
    const sync = createRegistrationSync(scripting, () => Promise.resolve(['https://crm.example.com']), () => Promise.resolve(void order.push('publish')));
    await sync();
    expect(order).toEqual(['publish', 'register']);
  });

  it('names lifetime events after the secret: a page that knows the extension id cannot stop the reader', async () => {
    const storage = memoryStorage();
    const { secret } = await publishPageGate(storage, ['https://crm.example.com']);
    const reader = startScriptLifetime(document, secret, 'crm');
    // What a hostile page could send: every name built from public facts about the extension.
    for (const guess of ['touchbook', 'abcdefghijklmnopabcdefghijklmnop', 'crm', '']) document.dispatchEvent(new Event(`${guess}:crm:started`));
    expect(reader.aborted).toBe(false);
    startScriptLifetime(document, secret, 'crm');
    expect(reader.aborted).toBe(true);
  });
});

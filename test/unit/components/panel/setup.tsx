/**
 * The side panel's parts rendered over a real client panel model (default English book, real
 * plans in a fresh database), with script values as the side panel builds them.
 */
import { vi } from 'vitest';
import type { ScriptValueSources } from '../../../../components/ClientPanel';
import type { ClientRecord } from '../../../../lib/db/schema';
import type { ClientPanelDeps } from '../../../../lib/panel/client-model';
import { scriptValues } from '../../../../lib/suggest/script-values';
import { tick } from '../../factories';
import { loadedPanel } from '../../panel/client-deps';
import { daysAgo, makeClient, makeProduct } from '../../suggest/factories';

/** Anna bought a car 200 days ago; her card shows interest in tuning and alloy wheels. */
export function carOwner(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return makeClient({ tags: ['tuning', 'alloy wheels'], products: [makeProduct({ purchasedAt: daysAgo(200) })], ...overrides });
}

/** Script values as the side panel fills them; the manager's own name and company are not set. */
export function valuesFor(client: () => ClientRecord | null, manager: { name: string | null; company: string | null } = { name: null, company: null }): ScriptValueSources {
  const base = (extra: { touch?: { dueAt: number; goal: string }; nextProduct?: string; product?: string }) => {
    const current = client();
    return current
      ? scriptValues(current, { managerName: manager.name, companyName: manager.company, locale: 'en', timeZone: 'Europe/Kyiv', now: Date.now(), ...extra })
      : {};
  };
  return {
    forTouch: (touch) => base({ touch }),
    forOffer: (offer) => base({ nextProduct: offer.nextProduct, product: offer.core.product.name }),
  };
}

export async function panelFor(client: ClientRecord = carOwner(), overrides: Partial<ClientPanelDeps> = {}) {
  const panel = await loadedPanel(client, overrides);
  return { ...panel, values: valuesFor(() => panel.model.client.value) };
}

/** Signals re-render a macrotask later. */
export async function rendered(): Promise<void> {
  await tick();
  await tick();
}

/** Stubs the clipboard; returns the spy. */
export function stubClipboard() {
  const writeText = vi.fn((_text: string) => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

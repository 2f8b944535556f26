/**
 * What a CRM page's content script needs to know before it does any work, kept by the
 * background in the extension's local storage area (content scripts can read it, pages cannot):
 * - `origins`: the origins the user enabled, port included. Match patterns cannot name a port
 *   in Firefox, so a script registered for 127.0.0.1:8080 is also injected on 127.0.0.1:3000;
 *   it must stop there before reading anything.
 * - `secret`: a random value made once per install. Copies of the script tell each other "a newer
 *   copy started" through a DOM event; named after the secret, a page can neither send that event
 *   (to stop the reader) nor listen for it (to detect Touchbook), as it could with a name derived
 *   from the public extension id.
 * No zod here: this runs in the content script, which pays for every byte. (Parameters are called
 * `area`: WXT auto-imports its 3 KB storage helper for a bare identifier of the other name even
 * with `imports: false`.)
 */
export const PAGE_GATE_KEY = 'page-gate';

export interface PageGate {
  secret: string;
  origins: string[];
}

interface GateArea {
  get: (key: string) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
}

function isPageGate(value: unknown): value is PageGate {
  if (typeof value !== 'object' || value === null) return false;
  const { secret, origins } = value as Partial<PageGate>;
  return typeof secret === 'string' && /^[0-9a-f]{32}$/.test(secret) && Array.isArray(origins) && origins.every((origin) => typeof origin === 'string');
}

function newSecret(random: (bytes: Uint8Array) => Uint8Array): string {
  return [...random(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Background side: records the enabled origins, keeping the install's secret (made on first use). */
export async function publishPageGate(
  area: GateArea,
  origins: readonly string[],
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): Promise<PageGate> {
  const { [PAGE_GATE_KEY]: stored } = await area.get(PAGE_GATE_KEY);
  const gate: PageGate = { secret: isPageGate(stored) ? stored.secret : newSecret(random), origins: [...new Set(origins)].sort() };
  await area.set({ [PAGE_GATE_KEY]: gate });
  return gate;
}

/**
 * Content side: the secret to name lifetime events with, or null when this page's origin is not
 * one the user enabled (or the background has not said yet): then the script does nothing.
 */
export async function openPageGate(area: Pick<GateArea, 'get'>, origin: string): Promise<string | null> {
  const { [PAGE_GATE_KEY]: gate } = await area.get(PAGE_GATE_KEY);
  return isPageGate(gate) && gate.origins.includes(origin) ? gate.secret : null;
}

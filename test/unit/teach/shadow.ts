import { vi } from 'vitest';

/**
 * The toast and the picker draw in closed shadow roots the page cannot reach; the test keeps the
 * handles `attachShadow` returns instead. Returns them, in the order they were attached.
 */
export function captureShadowRoots(): () => ShadowRoot[] {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  return () => attach.mock.results.map((result) => result.value as ShadowRoot);
}

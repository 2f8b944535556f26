import type { browser } from 'wxt/browser';
import { matchPatternFor } from './origins';

type Permissions = Pick<typeof browser.permissions, 'request' | 'contains'>;

/**
 * Asks the browser for access to exactly one CRM origin. Call it synchronously inside the click
 * handler: Firefox refuses `permissions.request` once the handler has awaited anything.
 */
export async function requestSiteAccess(permissions: Permissions, origin: string): Promise<boolean> {
  const request = { origins: [matchPatternFor(origin)] };
  const requested = permissions.request(request).catch(() => false);
  // When access is already granted no prompt is needed, and headless browsers never settle one.
  if (await permissions.contains(request)) return true;
  return requested;
}

import { amocrm } from './amocrm';
import { bitrix24 } from './bitrix24';
import { hubspot } from './hubspot';
import { odoo } from './odoo';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { CrmAdapter } from './types';
import { zoho } from './zoho';

export { NOT_A_RECORD, type AdapterReading, type CrmAdapter } from './types';

/** Every built-in adapter. A new CRM is one file in this folder and one line here. */
export const ADAPTERS: readonly CrmAdapter[] = [salesforce, hubspot, pipedrive, zoho, bitrix24, amocrm, odoo];

/**
 * Adapters whose record URL shape matches, the ones whose usual host matches first: a custom
 * domain still gets its CRM's adapter, but on the CRM's own host there is no doubt.
 */
export function adaptersFor(url: URL): CrmAdapter[] {
  const matching = ADAPTERS.filter((adapter) => adapter.matches(url));
  return [...matching.filter((adapter) => adapter.hosts.test(url.hostname)), ...matching.filter((adapter) => !adapter.hosts.test(url.hostname))];
}

import type { CrmProfile } from '../../book/crm-profile-schema';
import { amocrm } from './amocrm';
import { bitrix24 } from './bitrix24';
import { HUBSPOT_PROFILE } from './builtin/hubspot';
import { PIPEDRIVE_PROFILE } from './builtin/pipedrive';
import { ZOHO_PROFILE } from './builtin/zoho';
import { odoo } from './odoo';
import { profileAdapter } from './profile';
import { salesforce } from './salesforce';
import type { CrmAdapter } from './types';

export { NOT_A_RECORD, type AdapterReading, type CrmAdapter } from './types';

/**
 * Built-in CRMs the profile language carries (issue 17): data in ./builtin, run by the same
 * interpreter as a sales book's `crmAdapters`, their snapshots' `source` the CRM's id. `anyHost`:
 * the record path is trusted on custom domains too, the hosts only rank the profile first.
 */
export const BUILTIN_PROFILES: ReadonlyArray<{ profile: CrmProfile; anyHost: boolean }> = [
  { profile: HUBSPOT_PROFILE, anyHost: true },
  { profile: PIPEDRIVE_PROFILE, anyHost: false },
  { profile: ZOHO_PROFILE, anyHost: true },
];

const [hubspot, pipedrive, zoho] = BUILTIN_PROFILES.map(({ profile, anyHost }): CrmAdapter => profileAdapter(profile, { source: profile.id, anyHost }));

/**
 * Every built-in adapter. Bitrix24 and amoCRM are code around a profile in ./builtin (the page
 * behind a slider is no record; labelled custom fields, a deal's main contact); Salesforce and Odoo
 * stay code (cached pages in shadow roots and ids typed by prefix; hash-query URLs and the model
 * told by the form). A new CRM is a profile in ./builtin, or one file here.
 */
export const ADAPTERS: readonly CrmAdapter[] = [salesforce, hubspot!, pipedrive!, zoho!, bitrix24, amocrm, odoo];

/**
 * Adapters whose record URL shape matches, the ones whose usual host matches first: a custom
 * domain still gets its CRM's adapter, but on the CRM's own host there is no doubt.
 */
export function adaptersFor(url: URL): CrmAdapter[] {
  const matching = ADAPTERS.filter((adapter) => adapter.matches(url));
  return [...matching.filter((adapter) => adapter.hosts.test(url.hostname)), ...matching.filter((adapter) => !adapter.hosts.test(url.hostname))];
}

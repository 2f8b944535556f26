/**
 * Who read a snapshot, in the words the panel shows: a snapshot's `source` is a built-in
 * adapter's id, `book:<profile id>` for a sales book's CRM profile, or `generic`.
 */
export type ReaderName = { kind: 'generic' } | { kind: 'book'; profile: string } | { kind: 'adapter'; name: string };

const ADAPTER_NAMES: Readonly<Record<string, string>> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  bitrix24: 'Bitrix24',
  amocrm: 'amoCRM / Kommo',
  odoo: 'Odoo',
};

export function readerName(source: string): ReaderName {
  if (source.startsWith('book:')) return { kind: 'book', profile: source.slice('book:'.length) };
  if (source === 'generic') return { kind: 'generic' };
  return { kind: 'adapter', name: ADAPTER_NAMES[source] ?? source };
}

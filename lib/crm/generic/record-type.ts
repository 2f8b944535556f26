import type { RecordType } from '../draft';

/**
 * What kind of record a page shows and its id, from the URL and from markup that says so
 * (`data-record-type`, `data-record-id`), for CRMs no adapter knows.
 */
// Word endings are spelled as letter ranges, not \p{L}: a case-insensitive Unicode property
// class costs about a millisecond to compile, on every CRM page the content script starts on.
const CYR = '[а-яёіїєґ]*';
const GRK = '[α-ωάέήίόύώϊϋΐΰς]*';
const TYPE_WORDS: ReadonlyArray<readonly [RegExp, RecordType]> = [
  [new RegExp(`^(contacts?|persons?|people|clients?|customers?|kunden?|klient[a-z]*|clientes?|contatos?|contactos?|kontakt[ey]?|клиент${CYR}|контакт${CYR}|клієнт${CYR}|pelatis|pelates|πελάτ${GRK}|επαφ${GRK})$`, 'i'), 'contact'],
  [new RegExp(`^(deals?|opportunit(y|ies)|sales?|orders?|negocios?|affaires?|transakcje|neg[oó]cios?|pipelines?|сделк${CYR}|угод${CYR}|συμφωνί${GRK})$`, 'i'), 'deal'],
  [new RegExp(`^(leads?|prospects?|лид${CYR}|лід${CYR})$`, 'i'), 'lead'],
  [new RegExp(`^(compan(y|ies)|accounts?|organi[sz]ations?|orgs?|firms?|firm[ae]n?|empresas?|entreprises?|firmy|компани${CYR}|компані${CYR}|εταιρεί${GRK})$`, 'i'), 'company'],
];

export function recordTypeFromWord(word: string | null | undefined): RecordType | null {
  if (!word) return null;
  for (const [pattern, type] of TYPE_WORDS) if (pattern.test(word.trim())) return type;
  return null;
}

/** Query parameters that name the record in server-rendered CRMs (`?module=Contacts&record=…`) or the one open over a list (`?open=405`). */
const ID_PARAMS = ['record', 'id', 'open', 'record_id', 'recordId', 'entity_id', 'entityId', 'contact_id', 'deal_id'];
const TYPE_PARAMS = ['module', 'type', 'entity', 'object'];

/** The last typed word in the path or hash route ("/crm/deals/42" -> deal), else in the query. */
export function recordTypeFromUrl(url: URL): RecordType | null {
  const segments = routeSegments(url);
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const type = recordTypeFromWord(segments[index]);
    if (type) return type;
  }
  for (const name of TYPE_PARAMS) {
    const type = recordTypeFromWord(url.searchParams.get(name));
    if (type) return type;
  }
  return null;
}

/** The last path or hash segment that looks like a record id (digits, or letters mixed with digits), else a query id. */
export function recordIdFromUrl(url: URL): string | null {
  const segments = routeSegments(url);
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index]!;
    if (looksLikeId(segment) && !/^v\d+$/i.test(segment)) return segment;
  }
  for (const name of ID_PARAMS) {
    const value = url.searchParams.get(name);
    if (value && looksLikeId(value)) return value;
  }
  return null;
}

function looksLikeId(value: string): boolean {
  return /\d/.test(value) && /^[\w-]{1,64}$/.test(value);
}

function routeSegments(url: URL): string[] {
  return `${url.pathname}/${url.hash.replace(/^#!?/, '')}`
    .split(/[/?&=#]/)
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

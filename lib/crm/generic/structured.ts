import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
import type { RecordType, SnapshotDraft } from '../draft';
import type { PageHints } from '../page-hints';
import { parseDate } from '../parse/dates';
import { emailFromMailto, normalizeEmail } from '../parse/emails';
import { parsePhone } from '../parse/phones';
import type { Phone } from '../snapshot';

/**
 * Structured data a page publishes about a person or organisation: JSON-LD, microdata and
 * hCard. When present it is exact, so it is read before any heuristic.
 */
export interface Entity {
  type: 'person' | 'organization';
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  emails: string[];
  phones: string[];
  jobTitle?: string | null;
  organization?: string | null;
  birthDate?: string | null;
}

const CONFIDENCE = 0.9;

export function readStructuredData(
  sources: { jsonLd: readonly string[]; microdata: readonly Element[]; hcards: readonly Element[] },
  context: RecordContext,
  draft: SnapshotDraft,
  hints: PageHints,
): RecordType | null {
  const entity =
    sources.jsonLd.map(entityFromJsonLd).find((found) => found !== null) ??
    sources.microdata.filter((element) => context.includes(element)).map(entityFromMicrodata).find((found) => found !== null) ??
    sources.hcards.filter((element) => context.includes(element)).map(entityFromHCard).find((found) => found !== null) ??
    null;
  if (!entity) return null;
  draft.offer('name', entity.name, 'structured', CONFIDENCE);
  draft.offer('firstName', entity.givenName, 'structured', CONFIDENCE);
  draft.offer('lastName', entity.familyName, 'structured', CONFIDENCE);
  draft.offer('jobTitle', entity.jobTitle, 'structured', CONFIDENCE);
  draft.offer('company', entity.type === 'person' ? entity.organization : entity.name, 'structured', CONFIDENCE);
  draft.offer('birthday', entity.birthDate ? parseDate(entity.birthDate, hints.dateOrder) : null, 'structured', CONFIDENCE);
  draft.add('emails', entity.emails.map(normalizeEmail).filter((email): email is string => email !== null), 'structured', CONFIDENCE);
  const phones: Phone[] = entity.phones.filter((raw) => raw.trim()).map((raw) => parsePhone(raw, hints.country));
  draft.add('phones', phones, 'structured', CONFIDENCE);
  return entity.type === 'person' ? 'contact' : 'company';
}

// JSON-LD -------------------------------------------------------------------------------------

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function entityFromJsonLd(source: string): Entity | null {
  if (source.length > 200_000) return null;
  let data: Json;
  try {
    data = JSON.parse(source) as Json;
  } catch {
    return null;
  }
  return findEntity(data, 0);
}

function findEntity(node: Json, depth: number): Entity | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) {
      const found = findEntity(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  // Only people: an Organization in JSON-LD is far more often the site's publisher than the record.
  if (typeOf(node['@type']) === 'person') return entityFromObject(node, 'person');
  return findEntity(node['@graph'] ?? node.mainEntity ?? null, depth + 1);
}

function typeOf(value: Json | undefined): Entity['type'] | null {
  const types = Array.isArray(value) ? value : [value];
  if (types.includes('Person')) return 'person';
  if (types.some((type) => typeof type === 'string' && /^(Organization|Corporation|LocalBusiness)$/.test(type))) return 'organization';
  return null;
}

function entityFromObject(node: { [key: string]: Json }, type: Entity['type']): Entity {
  const organization = node.worksFor ?? node.affiliation ?? null;
  return {
    type,
    name: text(node.name),
    givenName: text(node.givenName),
    familyName: text(node.familyName),
    emails: texts(node.email).map((email) => email.replace(/^mailto:/i, '')),
    phones: texts(node.telephone).map((phone) => phone.replace(/^tel:/i, '')),
    jobTitle: text(node.jobTitle),
    organization: organization && typeof organization === 'object' && !Array.isArray(organization) ? text(organization.name) : text(organization),
    birthDate: text(node.birthDate),
  };
}

function text(value: Json | undefined): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : null;
}

function texts(value: Json | undefined): string[] {
  const values = Array.isArray(value) ? value : [value ?? null];
  return values.map((item) => text(item)).filter((item): item is string => item !== null).slice(0, 20);
}

// Microdata -----------------------------------------------------------------------------------

function entityFromMicrodata(scope: Element): Entity | null {
  const itemType = scope.getAttribute('itemtype') ?? '';
  const type = /schema\.org\/Person/i.test(itemType) ? 'person' : /schema\.org\/(Organization|Corporation|LocalBusiness)/i.test(itemType) ? 'organization' : null;
  if (!type) return null;
  const props = new Map<string, string[]>();
  for (const element of Array.from(scope.querySelectorAll('[itemprop]')).slice(0, 100)) {
    // A nested item (worksFor) contributes its name only, under its own property.
    const owner = element.parentElement?.closest('[itemscope]');
    const name = element.getAttribute('itemprop') ?? '';
    if (owner !== scope) {
      if (name === 'name' && owner) addProp(props, owner.getAttribute('itemprop') ?? '', microdataValue(element));
      continue;
    }
    if (!element.hasAttribute('itemscope')) addProp(props, name, microdataValue(element));
  }
  const first = (key: string) => props.get(key)?.[0] ?? null;
  return {
    type,
    name: first('name'),
    givenName: first('givenName'),
    familyName: first('familyName'),
    emails: (props.get('email') ?? []).map((email) => emailFromMailto(email) ?? email),
    phones: (props.get('telephone') ?? []).map((phone) => phone.replace(/^tel:/i, '')),
    jobTitle: first('jobTitle'),
    organization: first('worksFor') ?? first('affiliation'),
    birthDate: first('birthDate'),
  };
}

function addProp(props: Map<string, string[]>, names: string, value: string | null): void {
  if (!value) return;
  for (const name of names.split(/\s+/).filter(Boolean)) props.set(name, [...(props.get(name) ?? []), value]);
}

function microdataValue(element: Element): string | null {
  const value =
    element.getAttribute('content') ??
    element.getAttribute('datetime') ??
    (element.localName === 'a' ? element.getAttribute('href') : null) ??
    visibleText(element, 300);
  return value ? value.trim() : null;
}

// hCard ---------------------------------------------------------------------------------------

function entityFromHCard(card: Element): Entity | null {
  const pick = (className: string) => {
    const element = card.querySelector(`.${className}`);
    return element ? visibleText(element, 300) || null : null;
  };
  const name = pick('fn');
  if (!name) return null;
  const emails = Array.from(card.querySelectorAll('.email'))
    .slice(0, 20)
    .map((element) => (element.localName === 'a' ? emailFromMailto(element.getAttribute('href') ?? '') : null) ?? visibleText(element, 320));
  const phones = Array.from(card.querySelectorAll('.tel')).slice(0, 20).map((element) => visibleText(element, 64));
  const birthday = card.querySelector('.bday');
  return {
    type: card.querySelector('.fn.org') ? 'organization' : 'person',
    name,
    givenName: pick('given-name'),
    familyName: pick('family-name'),
    emails,
    phones,
    jobTitle: pick('title') ?? pick('role'),
    organization: pick('org'),
    birthDate: birthday ? (birthday.getAttribute('datetime') ?? birthday.getAttribute('title') ?? visibleText(birthday, 40)) : null,
  };
}

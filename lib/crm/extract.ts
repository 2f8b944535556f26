import type { ClientSnapshotInput, FieldOrigin, SnapshotField } from './snapshot';

/**
 * The walking skeleton's extractor: reads the record's heading, `mailto:`/`tel:` links and
 * definition-list label/value pairs from the main content. It is deliberately small (it runs in the
 * content script on every CRM page); per-CRM adapters and the full generic extractor build on it.
 * It imports no schema: the background validates what it sends.
 */

const IGNORED_REGIONS = 'nav, aside, footer, [role="navigation"], [role="complementary"], [aria-hidden="true"]';

const LABELS: Partial<Record<SnapshotField, readonly string[]>> = {
  company: ['company', 'organization', 'organisation', 'account', 'компания', 'компанія', 'εταιρεία'],
  jobTitle: ['job title', 'title', 'position', 'должность', 'посада', 'θέση'],
  stage: ['deal stage', 'stage', 'status', 'этап', 'етап', 'стадия', 'στάδιο'],
  owner: ['owner', 'responsible', 'manager', 'ответственный', 'відповідальний', 'υπεύθυνος'],
  birthday: ['birthday', 'date of birth', 'день рождения', 'день народження', 'γενέθλια'],
  tags: ['tags', 'теги', 'ετικέτες'],
};

type Provenance = NonNullable<ClientSnapshotInput['provenance']>;

export function extractSnapshot(doc: Document, pageUrl: string): ClientSnapshotInput | null {
  const url = new URL(pageUrl);
  const root = doc.querySelector('main') ?? doc.body;
  if (!root) return null;

  const provenance: Provenance = {};
  const note = (field: SnapshotField, via: FieldOrigin, confidence: number) => {
    provenance[field] = { via, confidence };
  };

  const emails = unique(linkTargets(root, 'mailto:').map((value) => value.toLowerCase()));
  if (emails.length) note('emails', 'link', 0.95);
  const phones = unique(linkTargets(root, 'tel:')).map((raw) => ({ raw, e164: toE164(raw) }));
  if (phones.length) note('phones', 'link', 0.95);

  const heading = root.querySelector('h1');
  const name = heading && !isIgnored(heading) ? cleanText(heading.textContent) : null;
  if (name) note('name', 'heading', 0.7);

  // A page with neither a heading nor a way to reach the person is not a client card.
  if (!name || (emails.length === 0 && phones.length === 0)) return null;

  const fields = labelValuePairs(root);
  const byField = (field: SnapshotField): string | null => {
    const labels = LABELS[field] ?? [];
    const pair = fields.find((candidate) => labels.includes(candidate.label.toLowerCase()));
    if (!pair) return null;
    note(field, 'label', 0.8);
    return pair.value;
  };
  const [firstName, ...rest] = name.split(/\s+/);

  return {
    source: 'generic',
    origin: url.origin,
    url: url.href,
    recordType: 'contact',
    recordId: recordIdFromUrl(url),
    name,
    firstName: firstName ?? null,
    lastName: rest.length ? rest.join(' ') : null,
    company: byField('company'),
    jobTitle: byField('jobTitle'),
    stage: byField('stage'),
    owner: byField('owner'),
    tags: splitList(byField('tags')),
    emails,
    phones,
    fields,
    provenance,
  };
}

function linkTargets(root: Element, scheme: 'mailto:' | 'tel:'): string[] {
  const values: string[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>(`a[href^="${scheme}" i]`)) {
    if (isIgnored(link)) continue;
    const target = decodeURIComponent(link.getAttribute('href')!.slice(scheme.length).split('?')[0] ?? '').trim();
    if (target) values.push(target);
  }
  return values;
}

function labelValuePairs(root: Element): Array<{ label: string; value: string }> {
  const pairs: Array<{ label: string; value: string }> = [];
  for (const term of root.querySelectorAll('dt')) {
    if (isIgnored(term)) continue;
    const definition = term.nextElementSibling;
    if (definition?.tagName !== 'DD') continue;
    const label = cleanText(term.textContent);
    const value = cleanText(definition.textContent);
    if (label && value) pairs.push({ label: label.slice(0, 200), value: value.slice(0, 2000) });
    if (pairs.length >= 300) break;
  }
  return pairs;
}

function isIgnored(element: Element): boolean {
  return element.closest(IGNORED_REGIONS) !== null;
}

function cleanText(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').replace(/\s+/g, ' ').trim();
  return cleaned.length ? cleaned.slice(0, 300) : null;
}

function splitList(value: string | null): string[] {
  return value ? unique(value.split(/[,;]|\s{2,}/).map((tag) => tag.trim()).filter(Boolean)) : [];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Keeps digits and a leading plus; only numbers already written in international form qualify. */
export function toE164(raw: string): string | null {
  const compact = raw.replace(/[^\d+]/g, '');
  return /^\+\d{6,15}$/.test(compact) ? compact : null;
}

/** The last path or hash segment that looks like a record id (digits, or letters mixed with digits). */
export function recordIdFromUrl(url: URL): string | null {
  const segments = `${url.pathname}/${url.hash.replace(/^#/, '')}`.split(/[/?&=#]/).filter(Boolean);
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index]!;
    if (/\d/.test(segment) && /^[\w-]{1,64}$/.test(segment)) return segment;
  }
  return null;
}

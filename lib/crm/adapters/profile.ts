import type { CrmProfile } from '../../book/crm-profile-schema';
import type { RecordType } from '../draft';
import { openTrees, queryAllIn, type QueryRoot } from '../dom/tree';
import { dateOf, dateTimeOf, emailsOf, isVisible, matchPath, moneyOf, phonesOf, tagsOf, textOf } from './helpers';
import { compilePathPattern, hostMatches, pathPatternNames } from './path-pattern';
import type { AdapterReading, CrmAdapter } from './types';

/**
 * Runs a CRM profile, a sales book's declarative adapter (lib/book/crm-profile-schema.ts), as a
 * CrmAdapter: the path patterns compiled by our own code, the selectors run inside try/catch (one
 * the browser refuses is skipped and said in `problems`), the values parsed by the readers the
 * built-in adapters use (the page's locale hints for dates and phones, money with its currency).
 */

interface CompiledRecord {
  pattern: RegExp;
  recordType: CrmProfile['records'][number]['recordType'];
  idSegment: string | null;
}

export interface ProfileAdapter extends CrmAdapter {
  /** Selectors skipped so far and why (a selector the browser cannot parse), for "what was read" and tests. */
  problems: string[];
  /** The record type and id a URL's path gives, without reading the page; null off the profile's paths and hosts. */
  recordOf(url: URL): Pick<AdapterReading, 'recordType' | 'recordId'> | null;
}

/** Snapshot `source` is at most 64 characters; "book:" tells a profile's reading from a built-in adapter's. */
export function profileSource(profile: Pick<CrmProfile, 'id'>): string {
  return `book:${profile.id}`.slice(0, 64);
}

export interface ProfileAdapterOptions {
  /** The snapshot's `source`: a built-in profile's is its CRM's id ("pipedrive"), a book's is `book:<id>`. */
  source?: string;
  /**
   * Claim record paths on any host, the profile's hosts only ranking it first (built-in profiles of
   * CRMs that are self-hosted or on custom domains, their paths distinctive). A book's profile is
   * used on its hosts only.
   */
  anyHost?: boolean;
}

export function profileAdapter(profile: CrmProfile, options: ProfileAdapterOptions = {}): ProfileAdapter {
  const records: CompiledRecord[] = profile.records.flatMap((record) => {
    const pattern = compilePathPattern(record.path);
    if (!pattern) return [];
    const names = pathPatternNames(record.path);
    return [{ pattern, recordType: record.recordType, idSegment: record.idSegment ?? (names.includes('id') ? 'id' : null) }];
  });
  const problems: string[] = [];
  /** `trees`: the root and the open shadow roots under it, found once per reading (a walk of the whole tree). */
  const query = (trees: readonly QueryRoot[], selector: string, where: string): Element[] => {
    try {
      return queryAllIn(trees, selector);
    } catch (error) {
      const problem = `${where}: skipped "${selector}", not a selector this browser reads (${error instanceof Error ? error.message : String(error)})`;
      if (!problems.includes(problem)) {
        problems.push(problem);
        console.debug(`[touchbook] CRM profile ${profile.id}: ${problem}`);
      }
      return [];
    }
  };
  const onHost = (url: URL) => options.anyHost === true || profile.hosts.some((host) => hostMatches(host, url.hostname));
  const routeOf = (url: URL) => {
    for (const record of records) {
      const groups = matchPath(url, record.pattern);
      if (groups) return { record, groups };
    }
    return null;
  };

  return {
    id: options.source ?? profileSource(profile),
    problems,
    hosts: hostsRegExp(profile.hosts),
    matches: (url) => onHost(url) && routeOf(url) !== null,
    recordOf(url) {
      const route = onHost(url) ? routeOf(url) : null;
      return route ? recordOfRoute(route) : null;
    },
    extract(doc, url, hints) {
      const route = routeOf(url);
      if (!route || !onHost(url)) return null;
      let scope: Element | null = null;
      if (profile.scope !== undefined) {
        scope = firstShown(query(openTrees(doc), profile.scope, 'scope'));
        if (!scope && profile.scopeOptional !== true) return null;
      }
      const trees = openTrees(scope ?? doc);
      const all = (selectors: readonly string[] | undefined, where: string) =>
        // An element two selectors match (a fallback that also finds the first's) is read once.
        unique((selectors ?? []).flatMap((selector) => query(trees, selector, where))).filter(isVisible);
      const first = (selectors: readonly string[] | undefined, where: string) => {
        for (const selector of selectors ?? []) {
          const found = firstShown(query(trees, selector, where));
          if (found) return found;
        }
        return null;
      };
      const { fields } = profile;
      const reading: AdapterReading = {
        ...recordOfRoute(route),
        scope,
        name: textOf(first(profile.title, 'title')) ?? textOf(first(fields.name, 'fields.name')),
        firstName: textOf(first(fields.firstName, 'fields.firstName')),
        lastName: textOf(first(fields.lastName, 'fields.lastName')),
        company: textOf(first(fields.company, 'fields.company')),
        jobTitle: textOf(first(fields.jobTitle, 'fields.jobTitle')),
        stage: textOf(first(fields.stage, 'fields.stage')),
        owner: textOf(first(fields.owner, 'fields.owner')),
        amount: moneyOf(first(fields.amount, 'fields.amount')),
        birthday: dateOf(first(fields.birthday, 'fields.birthday'), hints),
        lastPurchase: dateOf(first(fields.lastPurchase, 'fields.lastPurchase'), hints),
        nextContact: dateTimeOf(first(fields.nextContact, 'fields.nextContact'), hints),
        tags: unique(all(fields.tags, 'fields.tags').flatMap((element) => tagsOf(element))),
        phones: phonesOf(all(fields.phone, 'fields.phone'), hints),
        emails: emailsOf(all(fields.email, 'fields.email')),
        products: unique(all(fields.product, 'fields.product').map((element) => textOf(element, 200)).filter((name): name is string => name !== null)).map(
          (name) => ({ name }),
        ),
      };
      return reading;
    },
  };
}

/** The book's profiles for a URL, as adapters: tried before the built-in ones (the team lead's explicit word). */
export function profileAdaptersFor(url: URL, profiles: readonly CrmProfile[] | undefined): CrmAdapter[] {
  return (profiles ?? []).map((profile) => profileAdapter(profile)).filter((adapter) => adapter.matches(url));
}

function recordOfRoute(route: { record: CompiledRecord; groups: Record<string, string> }): Pick<AdapterReading, 'recordType' | 'recordId'> {
  return {
    recordType: recordTypeOf(route.record.recordType, route.groups),
    recordId: route.record.idSegment ? (route.groups[route.record.idSegment] ?? null) : null,
  };
}

function recordTypeOf(spec: CompiledRecord['recordType'], groups: Record<string, string>): RecordType {
  if (typeof spec === 'string') return spec;
  const value = groups[spec.segment];
  return (value !== undefined && Object.hasOwn(spec.values, value) ? spec.values[value] : undefined) ?? spec.otherwise ?? 'unknown';
}

/** Host patterns are lowercase letters, digits, "-", "." and a leading "*." (HOST_PATTERN): nothing to escape but the dots. */
function hostsRegExp(hosts: readonly string[]): RegExp {
  const dots = (host: string) => host.replace(/\./g, '\\.');
  return new RegExp(hosts.map((host) => (host.startsWith('*.') ? `(^|\\.)${dots(host.slice(2))}$` : `^${dots(host)}$`)).join('|'));
}

function firstShown(elements: readonly Element[]): Element | null {
  return elements.find(isVisible) ?? null;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ClientSnapshotInput } from '../../../lib/crm/snapshot';

/**
 * The saved CRM pages under test/fixtures/crm/<crm>/, each `<page>.html` with the snapshot it
 * must produce in `<page>.expected.json`: `{ url, snapshot }`, snapshot null for pages that are
 * not a record. An expected snapshot lists what the page shows; every field it leaves out is
 * expected to be empty, so reading something that is not there counts against precision.
 */
export const FIXTURE_ROOT = join(import.meta.dirname, '../../fixtures/crm');

export type ExpectedSnapshot = Partial<ClientSnapshotInput>;

export interface Fixture {
  /** "hubspot/contact" */
  name: string;
  crm: string;
  htmlPath: string;
  url: string;
  expected: ExpectedSnapshot | null;
  /**
   * Fields the extractor is known to get wrong on this page ("*": the whole page), with `note`
   * saying why. They still count in precision and recall; the test checks they are still wrong,
   * so a fix is noticed and the list shrinks.
   */
  knownMisses: string[];
  note: string | null;
}

export function loadFixtureSet(root = FIXTURE_ROOT): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const crm of readdirSync(root).sort()) {
    const folder = join(root, crm);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith('.expected.json')) continue;
      const page = file.replace(/\.expected\.json$/, '');
      const spec = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
        url: string;
        snapshot: ExpectedSnapshot | null;
        knownMisses?: string[];
        note?: string;
      };
      fixtures.push({
        name: relative(root, join(folder, page)),
        crm,
        htmlPath: join(folder, `${page}.html`),
        url: spec.url,
        expected: spec.snapshot,
        knownMisses: spec.knownMisses ?? [],
        note: spec.note ?? null,
      });
    }
  }
  return fixtures;
}

/** The fields compared and scored; `fields` and `provenance` are diagnostics, not answers. */
export const SCORED_FIELDS = [
  'recordType', 'recordId', 'name', 'firstName', 'lastName', 'company', 'jobTitle', 'phones', 'emails', 'stage', 'amount',
  'birthday', 'lastPurchase', 'nextContact', 'tags', 'owner', 'products', 'messengers',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

const LIST_FIELDS = new Set<ScoredField>(['phones', 'emails', 'tags', 'products', 'messengers']);

/** What a field should be when the expected snapshot does not mention it. */
export function expectedValue(expected: ExpectedSnapshot, field: ScoredField): unknown {
  const value = (expected as Record<string, unknown>)[field];
  if (value !== undefined) return value;
  if (field === 'recordType') return 'unknown';
  return LIST_FIELDS.has(field) ? [] : null;
}

export function actualValue(actual: ClientSnapshotInput | null, field: ScoredField): unknown {
  if (!actual) return LIST_FIELDS.has(field) ? [] : null;
  const value = (actual as Record<string, unknown>)[field];
  if (value === undefined) return LIST_FIELDS.has(field) ? [] : null;
  return value;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Scores one page: a scalar field is one answer (right, wrong, missing or invented); a list field
 * is one answer per item. A wrong value is both a false positive and a false negative.
 */
export function scorePage(expected: ExpectedSnapshot | null, actual: ClientSnapshotInput | null): Score {
  const score: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const field of SCORED_FIELDS) {
    const want = expected ? expectedValue(expected, field) : LIST_FIELDS.has(field) ? [] : field === 'recordType' ? null : null;
    const got = actualValue(actual, field);
    if (LIST_FIELDS.has(field)) {
      const wanted = (want as unknown[]).map(itemKey);
      const gotten = (got as unknown[]).map(itemKey);
      for (const item of gotten) {
        if (wanted.includes(item)) score.truePositives += 1;
        else score.falsePositives += 1;
      }
      for (const item of wanted) if (!gotten.includes(item)) score.falseNegatives += 1;
      continue;
    }
    const isEmpty = (value: unknown) => value === null || value === undefined || (field === 'recordType' && value === 'unknown' && want === null);
    if (!isEmpty(got) && !isEmpty(want) && same(got, want)) score.truePositives += 1;
    else {
      if (!isEmpty(got)) score.falsePositives += 1;
      if (!isEmpty(want)) score.falseNegatives += 1;
    }
  }
  return score;
}

/** Phones are the same number when their E.164 (or digits) match; other items by value. */
function itemKey(item: unknown): string {
  if (item && typeof item === 'object' && 'raw' in item) {
    const phone = item as { raw: string; e164: string | null };
    return phone.e164 ?? phone.raw.replace(/\D/g, '');
  }
  return JSON.stringify(item);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function addScores(total: Score, score: Score): Score {
  return {
    truePositives: total.truePositives + score.truePositives,
    falsePositives: total.falsePositives + score.falsePositives,
    falseNegatives: total.falseNegatives + score.falseNegatives,
  };
}

export function precision(score: Score): number {
  const claimed = score.truePositives + score.falsePositives;
  return claimed === 0 ? 1 : score.truePositives / claimed;
}

export function recall(score: Score): number {
  const present = score.truePositives + score.falseNegatives;
  return present === 0 ? 1 : score.truePositives / present;
}

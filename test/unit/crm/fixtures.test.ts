import { afterAll, describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../../lib/crm/extract';
import { ClientSnapshotSchema, type ClientSnapshotInput } from '../../../lib/crm/snapshot';
import {
  actualValue,
  addScores,
  expectedValue,
  loadFixtureSet,
  precision,
  recall,
  SCORED_FIELDS,
  scorePage,
  type Score,
} from './fixture-set';
import { loadFixture } from './page';

/**
 * Every saved CRM page against the snapshot it must produce, field by field; then precision and
 * recall over the whole set, printed as a table.
 */
const fixtures = loadFixtureSet();
const scores = new Map<string, Score>();

describe('CRM fixture pages', () => {
  it('has fixtures for every adapter, the demo CRM and the generic extractor', () => {
    const crms = new Set(fixtures.map((fixture) => fixture.crm));
    for (const crm of ['hubspot', 'salesforce', 'pipedrive', 'zoho', 'bitrix24', 'amocrm', 'odoo', 'demo', 'generic']) expect(crms).toContain(crm);
    expect(fixtures.filter((fixture) => fixture.crm === 'generic').length).toBeGreaterThanOrEqual(6);
  });

  for (const fixture of fixtures) {
    it(`reads ${fixture.name}`, () => {
      const page = loadFixture(fixture.htmlPath, fixture.url);
      const actual = extractSnapshot(page.document, fixture.url);
      scores.set(fixture.name, scorePage(fixture.expected, actual));

      if (fixture.expected === null) {
        expect(actual).toBeNull();
        return;
      }
      if (fixture.knownMisses.includes('*')) {
        expect(actual, `${fixture.note ?? ''} - now read: remove "*" from knownMisses`).toBeNull();
        return;
      }
      expect(actual).not.toBeNull();
      expect.soft(actual?.source).toBe(fixture.expected.source);
      for (const field of SCORED_FIELDS) {
        const want = expectedValue(fixture.expected, field);
        if (fixture.knownMisses.includes(field)) {
          expect.soft(actualValue(actual, field), `${field}: known miss now read right - remove it from knownMisses`).not.toEqual(want);
        } else {
          expect.soft(actualValue(actual, field), field).toEqual(want);
        }
      }
      // What the content script sends must pass the background's schema.
      expect(ClientSnapshotSchema.safeParse(actual).success).toBe(true);
      expect(provenanceCoversFields(actual!)).toBe(true);
    });
  }
});

function provenanceCoversFields(snapshot: ClientSnapshotInput): boolean {
  const provenance = snapshot.provenance ?? {};
  return (['name', 'company', 'emails', 'phones'] as const).every((field) => {
    const value = snapshot[field];
    const present = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
    return !present || provenance[field] !== undefined;
  });
}

const PRECISION_FLOOR = 0.95;
const RECALL_FLOOR = 0.95;

afterAll(() => {
  if (scores.size < fixtures.length) return; // a filtered run: no report
  const byCrm = new Map<string, Score>();
  let total: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const fixture of fixtures) {
    const score = scores.get(fixture.name)!;
    byCrm.set(fixture.crm, addScores(byCrm.get(fixture.crm) ?? { truePositives: 0, falsePositives: 0, falseNegatives: 0 }, score));
    total = addScores(total, score);
  }
  const row = (name: string, score: Score) =>
    `${name.padEnd(12)} ${String(score.truePositives).padStart(4)} ${String(score.falsePositives).padStart(4)} ${String(score.falseNegatives).padStart(4)}   ${precision(score).toFixed(3)}   ${recall(score).toFixed(3)}`;
  const misses = fixtures.filter((fixture) => fixture.knownMisses.length).map((fixture) => `  ${fixture.name}: ${fixture.knownMisses.join(', ')} - ${fixture.note ?? ''}`);
  console.log(
    [
      `Extraction over ${fixtures.length} fixture pages (field answers; list fields count per item)`,
      'crm            TP   FP   FN   precision recall',
      ...[...byCrm].map(([crm, score]) => row(crm, score)),
      row('all', total),
      ...(misses.length ? ['Known misses (counted above):', ...misses] : []),
    ].join('\n'),
  );
  expect(precision(total)).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  expect(recall(total)).toBeGreaterThanOrEqual(RECALL_FLOOR);
});

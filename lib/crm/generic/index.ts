import { RecordContext } from '../dom/context';
import { DEFAULT_BUDGET, scanPage, type PageScan } from '../dom/scan';
import type { SnapshotDraft } from '../draft';
import { applyFieldValue } from '../field-values';
import { fieldForLabel, type LabelField } from '../labels';
import type { PageHints } from '../page-hints';
import { foldCase } from '../text';
import { readChips } from './chips';
import { readFreeText, readIconValues, readPlainPhones } from './free-text';
import { recordDialog } from './dialog';
import { recordHeading } from './heading';
import { readContactLinks } from './links';
import { collectPairs, type FieldPair } from './pairs';
import { readProducts } from './products';
import { recordIdFromUrl, recordTypeFromUrl, recordTypeFromWord } from './record-type';
import { readStructuredData } from './structured';
import { readSubtitle } from './subtitle';

/**
 * The generic extractor: reads a record card from any CRM it has never seen. One bounded scan
 * of the page, then readers from the most to the least certain - structured data, contact
 * links, the heading, label/value pairs, icons, free text, the line under the heading - each
 * filling what is still empty (or improving what a less certain reader filled). Adapters run
 * before it and set `scope`; without one, the record is in an open dialog or in `<main>`.
 */
export interface GenericReading {
  scan: PageScan;
  context: RecordContext;
  pairs: FieldPair[];
}

export function readGeneric(doc: Document, url: URL, hints: PageHints, draft: SnapshotDraft, scope: Element | null): GenericReading {
  const scan = scanPage(doc, DEFAULT_BUDGET, scope ?? doc.getElementsByTagName('main')[0] ?? null);
  const page = new RecordContext(doc.body);
  const dialog = scope ? null : recordDialog(scan, page);
  const context = new RecordContext(scope ?? dialog ?? visibleMain(scan, page));

  const structuredType = readStructuredData(scan, context, draft, hints);
  readContactLinks(scan.contactLinks, context, draft, hints);
  const heading = recordHeading(scan, context, dialog !== null);
  draft.offer('name', heading?.text, 'heading', 0.75);

  const pairs = collectPairs(scan, context);
  // A company's "Revenue" is its turnover, not the amount of a deal with it.
  const isCompany = (draft.recordType === 'unknown' ? recordTypeFromUrl(url) : draft.recordType) === 'company';
  for (const pair of pairs) {
    draft.addPair(pair.label, pair.value.text);
    const match = fieldForLabel(pair.label);
    if (match && !(isCompany && match.field === 'amount')) applyFieldValue(draft, match.field, pair.value, { via: 'label', confidence: labelConfidence(match.field, match.exact), hints });
  }
  preferReadableName(draft, pairs);
  readProducts(scan.tables, context, draft, hints);
  readIconValues(scan.icons, context, draft, hints);
  readPlainPhones(scan.phoneTexts, context, draft, hints);
  readFreeText(scan.freeTexts, context, draft, hints);
  readChips(scan.chips, context, heading?.element ?? null, draft);

  if (draft.recordType === 'unknown') draft.recordType = markedRecordType(scan, context) ?? recordTypeFromUrl(url) ?? structuredType ?? 'unknown';
  draft.recordId ??= markedRecordId(scan, context) ?? recordIdFromUrl(url);
  // The line under a person's name is their job and company; under a deal's or a company's, something else.
  if (heading && draft.recordType !== 'deal' && draft.recordType !== 'company') readSubtitle(heading.element, context, draft);
  return { scan, context, pairs };
}

/**
 * An exact label is trusted more than the heading for most fields, but not for the name: on a
 * deal page "Contact name" names the person, while the heading names the deal. A phone or email
 * under a longer label ("Home phone") is as sure as under an exact one: its value was checked.
 */
function labelConfidence(field: LabelField, exact: boolean): number {
  if (field === 'name') return exact ? 0.7 : 0.6;
  return exact || CHECKED.has(field) ? 0.8 : 0.6;
}

const CHECKED = new Set<LabelField>(['phone', 'email', 'telegram', 'whatsapp', 'viber']);

/**
 * Some CRMs print the record's title in capitals ("MARCUS REED"); when a field holds the same
 * name as written, that is the one to keep.
 */
function preferReadableName(draft: SnapshotDraft, pairs: readonly FieldPair[]): void {
  const name = draft.get('name');
  const claim = draft.claimOf('name');
  if (!name || !claim || name !== name.toUpperCase() || name === name.toLowerCase()) return;
  const written = pairs.find((pair) => fieldForLabel(pair.label)?.field === 'name' && foldCase(pair.value.text) === foldCase(name));
  if (written) draft.offer('name', written.value.text, claim.via, claim.confidence + 0.01);
}

/** The visible `<main>` (or `role=main`), else the body: where a record card normally is. */
function visibleMain(scan: PageScan, page: RecordContext): Element {
  return scan.mains.find((main) => page.includes(main)) ?? page.scope;
}

function markedRecordType(scan: PageScan, context: RecordContext) {
  const marker = scan.recordMarkers.find((element) => element === context.scope || context.includes(element));
  return recordTypeFromWord(marker?.getAttribute('data-record-type') ?? marker?.getAttribute('data-entity-type'));
}

function markedRecordId(scan: PageScan, context: RecordContext): string | null {
  const marker = scan.recordMarkers.find((element) => element === context.scope || context.includes(element));
  const id = marker?.getAttribute('data-record-id') ?? marker?.getAttribute('data-entity-id');
  return id && /^[\w.:-]{1,128}$/.test(id) ? id : null;
}

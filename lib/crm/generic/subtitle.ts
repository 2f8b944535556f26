import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
import { countChildren, hasSingleChild } from '../dom/tree';
import type { SnapshotDraft } from '../draft';
import { isKnownLabel } from '../labels';
import { looksLikeOrganization } from '../parse/names';
import { isJobOrDepartment, namesJob } from './job-titles';
import { recordTypeFromWord } from './record-type';

/**
 * The line under a person's name that says what they do and where: "CTO, Brightleaf Software
 * Inc.", "Head of Sales at Northwind", "Директор в ООО «Ромашка»", "Acme GmbH · Einkaufsleiterin".
 * It has no label, so it is read only right under the record's heading, only when short, and only
 * when one part names a job: a date, a status or an address under the name is left alone.
 */
const MAX_SUBTITLE = 120;
const MAX_TITLE = 60;
/** Below the labels (0.6 and up) and icons (0.65): an unlabelled line is the last guess. */
const CONFIDENCE = 0.55;
const SUBTITLE_TAGS = new Set(['p', 'div', 'span', 'small', 'strong', 'em', 'b', 'a', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function readSubtitle(heading: Element, context: RecordContext, draft: SnapshotDraft): void {
  const element = subtitleOf(heading);
  if (!element || !context.includes(element)) return;
  const text = visibleText(element, MAX_SUBTITLE + 1);
  const link = element.querySelector('a');
  const read = text.length <= MAX_SUBTITLE ? splitSubtitle(text, link ? visibleText(link, MAX_SUBTITLE) : null) : null;
  if (!read) return;
  draft.offer('jobTitle', read.jobTitle, 'heading', CONFIDENCE);
  draft.offer('company', read.company, 'heading', CONFIDENCE);
}

/**
 * The element right after the heading, or after the wrapper the heading sits alone in (a header
 * block: `<div class="title"><h1>…</h1></div><p>CTO, …</p>`), when it is a short line of text.
 */
function subtitleOf(heading: Element): Element | null {
  let anchor = heading;
  for (let level = 0; level < 2 && !anchor.nextElementSibling && anchor.parentElement && hasSingleChild(anchor.parentElement); level += 1) {
    anchor = anchor.parentElement;
  }
  const next = anchor.nextElementSibling;
  return next && SUBTITLE_TAGS.has(next.localName) && countChildren(next, 3) <= 2 ? next : null;
}

interface Subtitle {
  jobTitle: string;
  company: string | null;
}

/** Between a job and a company. Punctuation also separates "Company · Job"; words only "Job at Company". */
const SEPARATOR = /\s*[,|·•]\s+|\s+[—–-]\s+|\s+(?:at|@|в|у|σε|στην|στη|στο|bei|en|chez|w|na|em)\s+/gi;
const SYMMETRIC = /^[,|·•—–-]$/;
/** Russian and Ukrainian inflect what follows "в"/"у" ("в Ромашке"); only a marked or Latin name keeps its form. */
const INFLECTING = /^[ву]$/i;

/**
 * `linked` is the text of a link in the line: "Sticky at <a href=/companies/13>Dietrich LLC</a>"
 * links the company to its own record, which vouches for any job title before it.
 */
function splitSubtitle(text: string, linked: string | null): Subtitle | null {
  if (/[:：]|\S@\S/.test(text)) return null; // a "Label: value" line or an email address
  for (const match of text.matchAll(SEPARATOR)) {
    const separator = match[0].trim();
    const before = text.slice(0, match.index).trim();
    const after = text.slice(match.index + match[0].length).trim();
    const companyLinked = after === linked && !SYMMETRIC.test(separator) && isCompany(after);
    if (companyLinked && before.length <= MAX_TITLE && before.split(' ').length <= 6) return { jobTitle: before, company: after };
    if (isJobTitle(before) && isCompany(after) && (!INFLECTING.test(separator) || keepsItsForm(after))) return { jobTitle: before, company: after };
    if (SYMMETRIC.test(separator) && isJobTitle(after) && isCompany(before)) return { jobTitle: after, company: before };
  }
  // No company: the whole line is a job when every part is one ("CEO, Founder") or a department ("VP, Sales").
  const parts = text.split(SEPARATOR);
  return text.length <= MAX_TITLE && parts.some(isJobTitle) && parts.every((part) => isJobTitle(part) || isJobOrDepartment(part)) ? { jobTitle: text, company: null } : null;
}

function isJobTitle(text: string): boolean {
  return text.length >= 2 && text.length <= MAX_TITLE && !/\d/.test(text) && text.split(' ').length <= 6 && namesJob(text);
}

/** A company's name: short, no date or time in it, and not a job, a department, a label or a record type. */
function isCompany(text: string): boolean {
  if (text.length < 2 || text.length > 100 || /\d\s*[./:-]\s*\d|\d{4}/.test(text) || text.split(' ').length > 8) return false;
  return !isJobOrDepartment(text) && !isKnownLabel(text) && recordTypeFromWord(text) === null;
}

function keepsItsForm(company: string): boolean {
  return looksLikeOrganization(company) || !/[а-яёіїєґ]/i.test(company);
}

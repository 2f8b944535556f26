import { isKnownLabel } from '../labels';
import { countChildren, parentAcrossShadow } from './tree';
import { isComputedVisible, judgesByRenderedText } from './visibility';

/** Containers of feeds, timelines and comment threads: what people wrote, not who the client is. */
const FEED_HINT = /(^|[\s_-])(feed|timeline|activit(y|ies)|history|comments?|chatter|stream|flow(?!-root)|conversations?|journal|лента|история|комментари[а-яё]*|стрічка|історія|коментар[а-яіїєґ]*)([\s_-]|$)/i;
export const FEED_ROLES = new Set(['feed', 'log', 'comment']);
/** A cheap first look before the precise pattern: most class names mention none of these. */
const FEED_WORDS = /feed|timeline|activit|history|comment|chatter|stream|flow|conversation|journal|лента|истори|коммент|стрічк|істор|комент/i;

/** Class names, ids or labels of a feed ("activity-feed", "dvTimeline", "o-mail-Chatter"). */
export function isFeedHint(hint: string): boolean {
  return FEED_WORDS.test(hint) && FEED_HINT.test(hint.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/** Cells and terms are never items of a list of records; their parents' children are columns. */
const NEVER_ITEMS = new Set(['td', 'th', 'dt', 'dd', 'option', 'span', 'a', 'b', 'strong', 'i', 'em', 'label', 'input']);
/** Containers that announce a list of other records. */
const RECORD_LIST_HINT = /(^|[\s_-])(related|others?|similar|associat\w*|colleagues|members|participants|people|employees|team|suggest\w*|duplicates?|recent|results)([\s_-]|$)/i;
const CONTACT_HREF = /^\s*(mailto:|tel:|callto:|sms:|https?:\/\/(www\.)?(t\.me|wa\.me)\/)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

type Verdict = 'in' | 'out';

/**
 * Decides whether an element found by the scan belongs to the open record: inside the record's
 * scope, not hidden, not in a comment or activity feed, not an item in a list of OTHER records
 * (a sidebar of related contacts, each with its own email link). Verdicts are memoised per
 * element, so checking many candidates costs about one climb per distinct ancestor.
 */
export class RecordContext {
  private readonly verdicts = new Map<Element, Verdict>();
  private readonly listParents = new Map<Element, ReadonlySet<Element>>();
  private readonly rendered = new Map<Element, boolean>();

  constructor(readonly scope: Element) {}

  /** True when the element is part of the open record as a person sees it. */
  includes(element: Element): boolean {
    return this.verdictFor(element) === 'in' && this.isRendered(element);
  }

  private verdictFor(element: Element): Verdict {
    const path: Element[] = [];
    let verdict: Verdict = 'out'; // reaching the top without meeting the scope: outside
    for (let current: Element | null = element; current; current = parentAcrossShadow(current)) {
      const known = this.verdicts.get(current);
      if (known) {
        verdict = known;
        break;
      }
      if (current === this.scope) {
        verdict = 'in';
        break;
      }
      path.push(current);
      if (this.excludes(current)) {
        verdict = 'out';
        break;
      }
    }
    // Everything below an excluded ancestor is out; everything on a clean path to the scope is in.
    for (const visited of path) this.verdicts.set(visited, verdict);
    return verdict;
  }

  /** Would this element, as an ancestor, put its content outside the record? */
  private excludes(element: Element): boolean {
    const tag = element.localName;
    // Cells and inline elements are neither feeds nor records: only an explicit "hidden" counts.
    if (NEVER_ITEMS.has(tag)) return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
    if (!element.hasAttributes()) return this.isRecordListItem(element);
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('inert')) return true;
    const style = element.getAttribute('style');
    if (style !== null && HIDDEN_STYLE.test(style)) return true;
    const role = element.getAttribute('role');
    if (role !== null && FEED_ROLES.has(role)) return true;
    if ((tag === 'details' || tag === 'dialog') && !element.hasAttribute('open')) return true;
    if (isFeedHint(hintOf(element))) return true;
    return this.isRecordListItem(element);
  }

  /**
   * Is the element one of several alike siblings that each stand for a record of their own?
   * Alike: same tag and class. A record: the item links somewhere (its own page) or shows its own
   * heading or picture, besides a contact link. A list of the client's own phone numbers has
   * contact links only, so it stays in.
   */
  private isRecordListItem(element: Element): boolean {
    if (NEVER_ITEMS.has(element.localName)) return false;
    const parent = element.parentElement;
    if (!parent) return false;
    // The memo first: counting a parent's children walks them all, and a long list has thousands.
    let items = this.listParents.get(parent);
    if (!items) {
      items = parent.firstElementChild === parent.lastElementChild ? NO_ITEMS : findRecordItems(parent);
      this.listParents.set(parent, items);
    }
    return items.has(element);
  }

  /**
   * Visible by computed style (classes can hide what attributes do not say). The check is the
   * costly part, so it is made once per parent: siblings are almost always shown or hidden together.
   * A parsed digest judges by text instead: the element's own, as its parent's holds labels that a
   * shown copy of the record shows too.
   */
  private isRendered(element: Element): boolean {
    const holder = judgesByRenderedText(element.ownerDocument) ? element : (element.parentElement ?? element);
    let rendered = this.rendered.get(holder);
    if (rendered === undefined) {
      rendered = isComputedVisible(holder);
      this.rendered.set(holder, rendered);
    }
    return rendered;
  }
}

/** Class, id, label and test id of an element: the words a container is named by. */
function hintOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.id} ${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('data-test-id') ?? element.getAttribute('data-testid') ?? ''}`;
}

const NO_ITEMS: ReadonlySet<Element> = new Set();

/** Alike siblings examined before deciding for the whole group: the first few tell a list's kind. */
const SAMPLE = 6;

function findRecordItems(parent: Element): Set<Element> {
  const records = new Set<Element>();
  const groups = new Map<string, Element[]>();
  let seen = 0;
  for (let child = parent.firstElementChild; child && seen < 5_000; child = child.nextElementSibling, seen += 1) {
    const signature = `${child.localName}.${child.getAttribute('class') ?? ''}`;
    const group = groups.get(signature);
    if (group) group.push(child);
    else groups.set(signature, [child]);
  }
  let announced: boolean | null = null;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const traits = group.slice(0, SAMPLE).map(itemTraits);
    const withContact = traits.filter((trait) => trait.contactLinks > 0).length;
    if (withContact < 2) continue;
    const withIdentity = traits.filter((trait) => trait.pageLinks > 0 || trait.hasHeading || trait.hasPicture || trait.leadsWithName).length;
    announced ??= RECORD_LIST_HINT.test(`${hintOf(parent)} ${parent.parentElement ? hintOf(parent.parentElement) : ''}`.replace(/([a-z])([A-Z])/g, '$1 $2'));
    if (withIdentity >= 2 || announced || isWideTable(parent)) for (const item of group) records.add(item);
  }
  return records;
}

interface ItemTraits {
  contactLinks: number;
  pageLinks: number;
  hasHeading: boolean;
  hasPicture: boolean;
  /** The item starts with a name in bold ("<strong>Jonas Weber</strong> – Einkauf – …"), not a label. */
  leadsWithName: boolean;
}

const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** What an item holds, from a small bounded walk (items of a list are small). */
function itemTraits(item: Element): ItemTraits {
  const traits: ItemTraits = { contactLinks: 0, pageLinks: 0, hasHeading: false, hasPicture: false, leadsWithName: leadsWithName(item) };
  const stack: Element[] = [item];
  for (let visited = 0; stack.length && visited < 150; visited += 1) {
    const element = stack.pop()!;
    const tag = element.localName;
    if (tag === 'a') {
      const href = element.getAttribute('href') ?? '';
      if (CONTACT_HREF.test(href)) traits.contactLinks += 1;
      else if (href && !href.startsWith('#') && !/^javascript:/i.test(href)) traits.pageLinks += 1;
    } else if (HEADING_TAGS.has(tag)) traits.hasHeading = true;
    else if (tag === 'img' || /avatar/i.test(element.getAttribute('class') ?? '')) traits.hasPicture = true;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push(child);
  }
  return traits;
}

function leadsWithName(item: Element): boolean {
  const first = item.firstElementChild;
  if (!first || (first.localName !== 'strong' && first.localName !== 'b') || item.firstChild !== first) return false;
  const text = (first.textContent ?? '').trim();
  return text.length >= 3 && text.length <= 60 && !/[:：@\d]/.test(text) && !isKnownLabel(text);
}

/**
 * Rows of a data table are records: three or more columns of values under a header. A table of
 * "Label: | value | Label: | value" rows (older CRMs' detail views) is one record's fields.
 */
function isWideTable(parent: Element): boolean {
  if (parent.localName !== 'tbody' && parent.localName !== 'table') return false;
  let row = parent.firstElementChild;
  while (row && (row.localName !== 'tr' || isHeaderRow(row))) row = row.nextElementSibling;
  return row !== null && countChildren(row, 3) >= 3 && !isLabelValueRow(row);
}

function isHeaderRow(row: Element): boolean {
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) if (cell.localName !== 'th') return false;
  return true;
}

function isLabelValueRow(row: Element): boolean {
  const first = row.firstElementChild;
  if (!first || countChildren(row, 8) % 2 !== 0) return false;
  const text = (first.textContent ?? '').trim();
  return first.localName === 'th' || /[:：]$/.test(text) || isKnownLabel(text);
}

import { isKnownLabel } from '../labels';
import { isPhoneText } from '../parse/phones';
import { FEED_ROLES, isFeedHint } from './context';

/**
 * The one walk over the page. It visits each element once (open shadow roots included), does a
 * few cheap reads per element, and files what may carry record data into lists: headings, contact
 * links, definition terms, table rows, labels, "Label: value" texts... Everything later works
 * on these lists, never on the whole page again.
 *
 * What cannot hold the record is not walked: navigation and other page chrome, hidden subtrees,
 * activity feeds, the rows of data tables (grids of other records). The record's own area (the
 * adapter's scope, or `<main>`) is walked first, and the walk is bounded in elements, depth and
 * time, so a huge or hostile page costs a known amount and still has its record read.
 */

export interface ScanBudget {
  maxElements: number;
  maxDepth: number;
  /** Candidates kept per kind; a record card has tens, not thousands. */
  maxPerKind: number;
  /** Contact links get more room: lists of other records full of them may come before the card. */
  maxLinks: number;
  /**
   * A safety net for slow machines and pathological pages: the walk stops after this long (so the
   * whole extraction stays well under a 50 ms long task). Busy record pages of 50,000 nodes finish
   * below it on a desktop; a page of 50,000 nodes with nothing to skip is cut here, after its
   * record area.
   */
  maxMs: number;
}

export const DEFAULT_BUDGET: ScanBudget = { maxElements: 60_000, maxDepth: 800, maxPerKind: 400, maxLinks: 1_000, maxMs: 20 };

export interface PageScan {
  /** `<main>` and `role="main"` elements: where the record most likely is. */
  mains: Element[];
  headings: Element[];
  subheadings: Element[];
  /**
   * h3-h6 and leaves styled as headings (`MuiTypography-h5`, `record-title`): the record's name
   * in CRMs whose only h1 is the application's title, or that have none.
   */
  minorHeadings: Element[];
  /** Chips, badges and pills: a record's status beside its name, its tags under a "Tags" heading. */
  chips: Element[];
  /** Leaves whose whole text is a phone number, written without a link, a label or a "+". */
  phoneTexts: Element[];
  /** Links whose href is mailto:, tel:, callto:, sms: or a messenger. */
  contactLinks: HTMLAnchorElement[];
  terms: Element[];
  rows: Element[];
  tables: Element[];
  labels: Element[];
  controls: Element[];
  /** Elements labelled by `aria-label`/`aria-labelledby` that are not form controls. */
  ariaLabelled: Element[];
  /** Short texts that are a known label or end with a colon, with the value somewhere after them. */
  labelTexts: Element[];
  /** Elements whose own text reads "Label: value". */
  inlinePairs: Element[];
  /** Empty elements that look like icons (class, title or aria-label naming phone, mail...). */
  icons: Element[];
  /** Texts with an "@" or a "+<digit>": email addresses or phone numbers written out. */
  freeTexts: Element[];
  jsonLd: string[];
  microdata: Element[];
  hcards: Element[];
  /** Elements that name the record they show: `data-record-id`, `data-entity-id`. */
  recordMarkers: Element[];
  /** Open `<dialog>`s and `role=dialog` or `aria-modal` elements: a record may be open in one, over a list. */
  dialogs: Element[];
  visited: number;
  truncated: boolean;
}

/** Subtrees that never hold record data a person sees. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'canvas', 'iframe', 'frame', 'object', 'embed', 'video', 'audio',
  'picture', 'img', 'link', 'meta', 'head', 'button', 'option', 'datalist', 'map', 'math',
]);
/** Page chrome around the record. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'tooltip', 'toolbar', 'tablist']);
const TEXT_TAGS = new Set(['span', 'div', 'p', 'strong', 'b', 'small', 'em', 'label', 'li', 'h3', 'h4', 'h5', 'h6', 'font', 'legend', 'figcaption', 'summary', 'td', 'th', 'dt']);
const ICON_TAGS = new Set(['i', 'span', 'svg', 'em', 'img']);
const ICON_HINT = /phone|tel\b|call|mobile|mail|envelope|telegram|whatsapp|viber|birthday|cake|gift|building|company|briefcase|office|user-tie|work|money|dollar|euro|currency|calendar|owner/i;
const CONTACT_HREF = /^\s*(mailto:|tel:|callto:|sms:|tg:|whatsapp:|viber:|https?:\/\/(www\.)?(t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|web\.whatsapp\.com)\/)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|content-visibility\s*:\s*hidden/i;

function emptyScan(): PageScan {
  return {
    mains: [], headings: [], subheadings: [], minorHeadings: [], chips: [], phoneTexts: [], contactLinks: [], terms: [], rows: [], tables: [], labels: [], controls: [],
    ariaLabelled: [], labelTexts: [], inlinePairs: [], icons: [], freeTexts: [], jsonLd: [], microdata: [], hcards: [],
    recordMarkers: [], dialogs: [], visited: 0, truncated: false,
  };
}

/**
 * Scans the page. `first`, when given (the adapter's record element, or the page's `<main>`), is
 * walked before the rest of the body, so a page too big for the budget still has its record read.
 */
export function scanPage(doc: Document, budget: ScanBudget = DEFAULT_BUDGET, first: Element | null = null): PageScan {
  const scan = emptyScan();
  collectHeadScripts(doc, scan);
  const body = doc.body;
  if (!body) return scan;
  const walk: Walk = {
    doc,
    scan,
    budget,
    deadline: performance.now() + budget.maxMs,
    skip: null,
    seenShadowRoots: new Set(),
    keep: (list, element) => {
      if (list.length < budget.maxPerKind) list.push(element);
    },
  };
  if (first && first !== body && body.contains(first)) {
    walkTree(first, 0, walk);
    walk.skip = first; // walked already
  }
  walkTree(body, 0, walk);
  return scan;
}

interface Walk {
  doc: Document;
  scan: PageScan;
  budget: ScanBudget;
  deadline: number;
  skip: Element | null;
  seenShadowRoots: Set<ShadowRoot>;
  keep: Keep;
}

/**
 * Walks one tree (the body, or a shadow root) in document order with a native TreeWalker: one
 * call per step, and a subtree is skipped by moving to the next sibling. An open shadow root is
 * walked before its host's light children, as it renders in their place. Returns false when the
 * budget ran out.
 */
function walkTree(root: Element | ShadowRoot, baseDepth: number, walk: Walk): boolean {
  const { scan, budget } = walk;
  const walker = walk.doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let element = (isElementNode(root) ? root : walker.firstChild()) as Element | null;
  let depth = baseDepth;
  while (element) {
    if (scan.visited >= budget.maxElements || ((scan.visited & 1023) === 0 && performance.now() > walk.deadline)) {
      scan.truncated = true;
      return false;
    }
    const inside = element === walk.skip ? 'none' : visit(element, walk);
    if (inside !== 'none' && canHostShadow(element.localName)) {
      const shadow = element.shadowRoot;
      if (shadow && !walk.seenShadowRoots.has(shadow)) {
        walk.seenShadowRoots.add(shadow);
        if (!walkTree(shadow, depth + 1, walk)) return false;
      }
    }
    if (inside === 'all') {
      if (depth >= budget.maxDepth) {
        scan.truncated = true; // deeper than any real page: not read
      } else {
        const child = walker.firstChild() as Element | null;
        if (child) {
          element = child;
          depth += 1;
          continue;
        }
      }
    }
    element = null;
    for (;;) {
      const sibling = walker.nextSibling() as Element | null;
      if (sibling) {
        element = sibling;
        break;
      }
      if (!walker.parentNode()) break;
      depth -= 1;
    }
  }
  return true;
}

/** The elements `attachShadow` accepts: custom elements and these (per the DOM standard). */
const SHADOW_HOST_TAGS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

function canHostShadow(tag: string): boolean {
  return SHADOW_HOST_TAGS.has(tag) || tag.includes('-');
}

function isElementNode(node: Node): node is Element {
  return node.nodeType === 1;
}

/** What to walk inside an element: nothing, only a shadow root it may have (a leaf), or everything. */
type Inside = 'none' | 'shadow-only' | 'all';

/** Files one element into the scan's lists; says what inside it is worth walking. */
function visit(element: Element, walk: Walk): Inside {
  const { scan, keep } = walk;
  scan.visited += 1;
  const tag = element.localName;
  const isLeaf = element.firstElementChild === null;
  // A leaf's text is read once, here, for both the icon test and the text tests below.
  const leafText = isLeaf && (TEXT_TAGS.has(tag) || ICON_TAGS.has(tag) || tag === 'a') ? (element.textContent ?? '') : '';

  if ((isLeaf || tag === 'svg') && ICON_TAGS.has(tag) && looksLikeIcon(element, leafText)) keep(scan.icons, element);
  if (SKIPPED_TAGS.has(tag)) {
    if (tag === 'script' && element.getAttribute('type') === 'application/ld+json') scan.jsonLd.push(element.textContent ?? '');
    return 'none';
  }
  if (CHROME_TAGS.has(tag)) return 'none';

  const traits = readAttributes(element, !isLeaf);
  if (traits.hidden || traits.feed || (traits.role !== null && (CHROME_ROLES.has(traits.role) || FEED_ROLES.has(traits.role)))) return 'none';
  if (traits.role === 'main') keep(scan.mains, element);
  else if (traits.role === 'heading' && traits.headingLevel === '1') keep(scan.headings, element);
  if (traits.itemscope) keep(scan.microdata, element);
  if (traits.recordMarker) keep(scan.recordMarkers, element);
  if ((traits.labelledBy || (traits.labelled && !isLeaf)) && !FORM_OR_LINK_TAGS.has(tag)) keep(scan.ariaLabelled, element);
  if (traits.vcard) keep(scan.hcards, element);
  if (traits.chip) keep(scan.chips, element);
  if (traits.styledHeading || (traits.role === 'heading' && traits.headingLevel !== '1')) keep(scan.minorHeadings, element);
  if (traits.modal || traits.role === 'dialog' || traits.role === 'alertdialog' || (tag === 'dialog' && element.hasAttribute('open'))) keep(scan.dialogs, element);

  switch (tag) {
    case 'main': keep(scan.mains, element); break;
    case 'h1': keep(scan.headings, element); break;
    case 'h2': keep(scan.subheadings, element); break;
    case 'h3': case 'h4': case 'h5': case 'h6': keep(scan.minorHeadings, element); break;
    case 'a': {
      const href = element.getAttribute('href');
      if (href !== null && CONTACT_HREF.test(href) && scan.contactLinks.length < walk.budget.maxLinks) scan.contactLinks.push(element as HTMLAnchorElement);
      break;
    }
    case 'dt': keep(scan.terms, element); break;
    case 'tr': keep(scan.rows, element); break;
    case 'table': keep(scan.tables, element); break;
    // Rows under a header of three or more columns are other records (or products, which are
    // read from the table itself): a related-records grid can be half of a busy page.
    case 'tbody': if (isDataTable(element.parentElement)) return 'none'; break;
    case 'label': keep(scan.labels, element); break;
    case 'input': case 'select': case 'textarea': keep(scan.controls, element); break;
    default: break;
  }

  if (isLeaf) {
    if (leafText && (TEXT_TAGS.has(tag) || tag === 'a')) fileLeafText(element, leafText, scan, keep);
  } else {
    fileMixedText(element, tag, scan, keep);
  }
  return isLeaf ? 'shadow-only' : 'all';
}

const FORM_OR_LINK_TAGS = new Set(['input', 'select', 'textarea', 'a']);

interface AttributeTraits {
  hidden: boolean;
  /** A feed or timeline container: its subtree is what people wrote, and is not walked. */
  feed: boolean;
  role: string | null;
  headingLevel: string | null;
  itemscope: boolean;
  recordMarker: boolean;
  labelled: boolean;
  labelledBy: boolean;
  vcard: boolean;
  modal: boolean;
  /** A class that styles the element as a heading (read on leaves) or as a chip. */
  styledHeading: boolean;
  chip: boolean;
}

const NO_TRAITS: AttributeTraits = {
  hidden: false, feed: false, role: null, headingLevel: null, itemscope: false, recordMarker: false, labelled: false, labelledBy: false, vcard: false,
  modal: false, styledHeading: false, chip: false,
};

/**
 * Everything the walk wants from an element's attributes: their names in one call, then values
 * only for the few that matter. Asking for a dozen attributes by name costs several times more
 * than this on the one or two attributes an element usually carries.
 */
function readAttributes(element: Element, isContainer: boolean): AttributeTraits {
  if (!element.hasAttributes()) return NO_TRAITS;
  if (!isContainer) return readLeafAttributes(element);
  const traits = resetTraits();
  for (const name of element.getAttributeNames()) {
    switch (name) {
      case 'hidden':
      case 'inert':
        traits.hidden = true;
        break;
      case 'aria-hidden':
        if (element.getAttribute(name) === 'true') traits.hidden = true;
        break;
      case 'style':
        if (HIDDEN_STYLE.test(element.getAttribute(name) ?? '')) traits.hidden = true;
        break;
      case 'role':
        traits.role = element.getAttribute(name);
        break;
      case 'aria-level':
        traits.headingLevel = element.getAttribute(name);
        break;
      case 'itemscope':
        traits.itemscope = true;
        break;
      case 'data-record-id':
      case 'data-entity-id':
        traits.recordMarker = true;
        break;
      case 'aria-label':
        traits.labelled = true;
        break;
      case 'aria-labelledby':
        traits.labelledBy = true;
        break;
      case 'aria-modal':
        traits.modal = element.getAttribute(name) === 'true';
        break;
      case 'class': {
        const className = element.getAttribute(name) ?? '';
        if (className.includes('vcard')) traits.vcard = true;
        if (isFeedHint(className)) traits.feed = true;
        traits.chip = CHIP_WORDS.test(className) && CHIP_CLASS.test(className);
        break;
      }
      default:
        break;
    }
  }
  return traits;
}

/** One traits object, reused: the walk reads it before moving to the next element. */
const SHARED_TRAITS: AttributeTraits = { ...NO_TRAITS };

function resetTraits(): AttributeTraits {
  const traits = SHARED_TRAITS;
  traits.hidden = traits.feed = traits.itemscope = traits.recordMarker = traits.labelled = traits.labelledBy = traits.vcard = traits.modal = false;
  traits.styledHeading = traits.chip = false;
  traits.role = traits.headingLevel = null;
  return traits;
}

/** Leaves that can be a labelled value, a heading or a chip by their attributes. */
const LABELLED_LEAF_TAGS = new Set(['div', 'span']);
/** `MuiTypography-h5`, `h4`, `page-heading`, `record-title`; not a bare "title" (hCard's job title). */
const HEADING_CLASS = /(^|[\s_-])(h[1-6]|heading|headline|(record|entity|page|profile)[-_]?title)(\s|$)/i;
/** `MuiChip-root`, `badge`, `ant-tag`; not the chip's own label inside it. */
const CHIP_CLASS = /((^|[\s_-])(chip|badge|pill|tag)|[a-z](Chip|Badge|Pill|Tag))(-root)?(\s|$)/;
const CHIP_WORDS = /hip|adge|ill|ag/;
const LEAF_HINT = /-h[1-6]|^h[1-6]|\sh[1-6]|ead|itle|hip|adge|ill|ag/;

/**
 * A leaf has no subtree to prune, so its hidden state is left to the record context; only the
 * two attributes that make a leaf a candidate are read, and only on the tags that carry them.
 */
function readLeafAttributes(element: Element): AttributeTraits {
  const traits = resetTraits();
  if (!LABELLED_LEAF_TAGS.has(element.localName)) return traits;
  traits.labelledBy = element.hasAttribute('aria-labelledby');
  const className = element.getAttribute('class');
  // One cheap look first: most leaves' classes name neither a heading nor a chip.
  if (className !== null && LEAF_HINT.test(className)) {
    traits.styledHeading = HEADING_CLASS.test(className);
    traits.chip = CHIP_CLASS.test(className);
  }
  const role = element.getAttribute('role');
  if (role !== null) {
    traits.role = role;
    traits.headingLevel = element.getAttribute('aria-level');
  }
  return traits;
}

type Keep = (list: Element[], element: Element) => void;

/** A table with a header row of three or more `th` cells (in `thead`, or first in the body). */
function isDataTable(table: Element | null): boolean {
  if (!table || table.localName !== 'table') return false;
  let head: Element | null = null;
  for (let part = table.firstElementChild; part && !head; part = part.nextElementSibling) {
    if (part.localName === 'thead' || part.localName === 'tbody') head = part; // after any caption or colgroup
  }
  const row = head?.firstElementChild;
  if (!row || row.localName !== 'tr') return false;
  let cells = 0;
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.localName !== 'th') return false;
    cells += 1;
  }
  return cells >= 3;
}

const PHONE_START = /^\s*[+(]?\d/;

/** Nothing worth filing: no "@", no colon, no leading "+", and too long or with digits for a label. */
function isPlainValue(text: string): boolean {
  return !text.includes('@') && !text.includes(':') && !text.includes('：') && (text.length > 48 || /\d/.test(text)) && !/^\s*\+\d/.test(text);
}

function fileLeafText(element: Element, text: string, scan: PageScan, keep: Keep): void {
  if (text.length > 400) return;
  // A paragraph is prose (a note that is only a number); a field's value is a span, a cell, a link.
  if (text.length <= 40 && PHONE_START.test(text) && element.localName !== 'p' && isPhoneText(text)) keep(scan.phoneTexts, element);
  if (isPlainValue(text)) return;
  const trimmed = text.trim();
  const length = trimmed.length;
  if (length === 0 || length > 300) return;
  if (trimmed.includes('@') || /^\+\d/.test(trimmed)) keep(scan.freeTexts, element);
  if (length > 60 || element.localName === 'a') return;
  const colon = trimmed.indexOf(':');
  if (colon === length - 1 || trimmed.endsWith('：')) {
    if (length > 1) keep(scan.labelTexts, element);
  } else if (colon > 0 && colon <= 40 && !/^\d/.test(trimmed) && !trimmed.includes('://')) {
    keep(scan.inlinePairs, element);
  } else if (length <= 40 && !/\d/.test(trimmed) && isKnownLabel(trimmed)) {
    keep(scan.labelTexts, element);
  }
}

/** "Phone: <a href=tel:…>" and "Olivia: olivia@x.com <b>…</b>": text written before elements. */
function fileMixedText(element: Element, tag: string, scan: PageScan, keep: Keep): void {
  if (!TEXT_TAGS.has(tag)) return;
  const first = element.firstChild;
  if (!first || first.nodeType !== 3) return;
  const data = (first as Text).data;
  const colon = data.indexOf(':');
  // "Followed by <a>Kira Mann</a>": a known label needs no colon.
  if ((colon > 0 && colon <= 40 && data.trim().length <= 60) || (colon < 0 && data.length <= 40 && isKnownLabel(data))) keep(scan.inlinePairs, element);
  if (data.includes('@')) keep(scan.freeTexts, element);
}

function looksLikeIcon(element: Element, leafText: string): boolean {
  const isSvg = element.localName === 'svg';
  // An svg's <title> names it; any other element with text is not an icon.
  const text = isSvg ? (element.textContent ?? '').slice(0, 40) : '';
  if (!isSvg && leafText.length > 2 && (leafText.length > 8 || leafText.trim().length > 2)) return false;
  if (!element.hasAttributes() && !text) return false;
  return ICON_HINT.test(`${iconHint(element)} ${text}`);
}

/** What names an icon: its class, `data-icon`, `data-testid` (Material UI's "PhoneIcon"), title, label or alt text. */
export function iconHint(element: Element): string {
  return ['class', 'data-icon', 'data-testid', 'title', 'aria-label', 'alt'].map((name) => element.getAttribute(name) ?? '').join(' ');
}

function collectHeadScripts(doc: Document, scan: PageScan): void {
  const head = doc.head;
  if (!head) return;
  for (let child = head.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'script' && child.getAttribute('type') === 'application/ld+json') scan.jsonLd.push(child.textContent ?? '');
  }
}

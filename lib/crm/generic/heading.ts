import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
import type { PageScan } from '../dom/scan';
import { parentAcrossShadow } from '../dom/tree';
import { foldCase } from '../text';
import { recordTypeFromWord } from './record-type';

/**
 * The record's name from its main heading. List and dashboard pages have headings too: a record
 * noun ("Clients", "Сделки") or one of these words is a section, not a name.
 */
const SECTION_TITLES = new Set(
  [
    'dashboard', 'reports', 'overview', 'home', 'inbox', 'tasks', 'calendar', 'settings', 'search results', 'not found',
    'отчеты', 'отчёты', 'задачи', 'рабочий стол', 'звіти', 'завдання', 'αναφορές', 'berichte', 'übersicht', 'informes',
    'rapports', 'raporty', 'relatórios', 'painel',
  ].map(foldCase),
);

/** Verbs of "Edit contact", "Kontakt bearbeiten", "Новый клиент": with a record noun, a form's title. */
const FORM_VERB = /^(edit|editing|new|create|add|bearbeiten|neuer?|neue|anlegen|редактирование|редактировать|новый|новая|создание|редагування|новий|нова|επεξεργασία|νέος|νέα|editar|nuevo|nueva|modifier|nouveau|nouvelle|edytuj|edycja|nowy|nowa|novo|nova)$/i;

function isSectionTitle(text: string): boolean {
  const folded = foldCase(text);
  return SECTION_TITLES.has(folded) || (!folded.includes(' ') && recordTypeFromWord(text) !== null);
}

function isFormTitle(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  return words.length <= 4 && words.some((word) => FORM_VERB.test(word)) && words.some((word) => recordTypeFromWord(word) !== null);
}

export interface Heading {
  element: Element;
  text: string;
}

/** The record's main heading: the first of these in the record (up to `tries` of them) that names something. */
export function findHeading(headings: readonly Element[], context: RecordContext, tries = Infinity, minor = false): Heading | null {
  let tried = 0;
  for (const element of headings) {
    if (!context.includes(element)) continue;
    if ((tried += 1) > tries) break;
    const text = visibleText(element, 300);
    if (!text || text.length > 200) continue;
    // A small heading is as likely a section's ("Kontakte der Firma", "Related deals") as a name.
    if (minor && text.split(' ').some((word) => recordTypeFromWord(word) !== null)) continue;
    // A name has letters: "$424.3K" or "12" heads a column of a board.
    if (isSectionTitle(text) || isFormTitle(text) || !/\p{L}.*\p{L}/u.test(text)) continue;
    return { element, text };
  }
  return null;
}

/**
 * The heading that names the record. Its h1, when it has one; else (in a dialog over a list, or on
 * a page whose only h1 is the application's title in the app bar, or that has none) an h2, then
 * an h3-h6 or a leaf styled as a heading. An h1 of the record area that names no record (a list's
 * "Clients", a dashboard) means the page shows none, and smaller headings are not asked.
 */
export function recordHeading(scan: PageScan, context: RecordContext, inDialog: boolean): Heading | null {
  const titles = scan.headings.filter((element) => !isApplicationTitle(element));
  const heading = findHeading(titles, context);
  if (heading || (!inDialog && titles.some((element) => context.includes(element)))) return heading;
  return findHeading(scan.subheadings, context, 5) ?? findHeading(scan.minorHeadings, context, 5, true);
}

/** Containers of a page's own content: a heading inside one is not the application's title. */
const CONTENT_TAGS = new Set(['main', 'article', 'section', 'dialog']);
const APP_BAR = /app-?bar|nav-?bar|top-?bar|masthead/i;

/**
 * The application's name in its top bar (react-admin's `RaAppBar-title`, a `<header>` banner):
 * the same on every page, so never a record's. A header inside the content is the record's own.
 */
function isApplicationTitle(heading: Element): boolean {
  let inBar = false;
  for (let element = parentAcrossShadow(heading); element; element = parentAcrossShadow(element)) {
    const role = element.getAttribute('role');
    if (CONTENT_TAGS.has(element.localName) || role === 'main' || role === 'dialog') return false;
    if (element.localName === 'header' || role === 'banner' || APP_BAR.test(element.getAttribute('class') ?? '')) inBar = true;
  }
  return inBar;
}

import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
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
export function findHeading(headings: readonly Element[], context: RecordContext, tries = Infinity): Heading | null {
  let tried = 0;
  for (const element of headings) {
    if (!context.includes(element)) continue;
    if ((tried += 1) > tries) break;
    const text = visibleText(element, 300);
    if (!text || text.length > 200) continue;
    if (isSectionTitle(text) || isFormTitle(text) || /^[\p{P}\p{S}\d\s]+$/u.test(text)) continue;
    return { element, text };
  }
  return null;
}

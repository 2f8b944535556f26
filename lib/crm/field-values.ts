import type { ReadValue } from './dom/read';
import type { SnapshotDraft } from './draft';
import type { LabelField } from './labels';
import type { PageHints } from './page-hints';
import { parseAmount } from './parse/amounts';
import { parseDate, parseDateTime } from './parse/dates';
import { emailsIn } from './parse/emails';
import { messengerFromValue } from './parse/messengers';
import { looksLikePhone, parsePhone } from './parse/phones';
import type { FieldOrigin, Phone } from './snapshot';
import { cleanText, foldCase, unique } from './text';

/**
 * Turns a value read next to a label into a snapshot field: parses dates, money, phones and
 * emails, splits tags, and refuses placeholders ("—", "Not set", "Не заполнено") that CRMs show
 * for empty fields. Shared by the generic extractor and taught mappings.
 */

/** What CRMs print in an empty field, folded. */
const EMPTY_VALUES = new Set(
  [
    '-', '--', '---', '—', '–', '...', '…', 'n/a', 'na', 'none', 'not set', 'no value', 'empty', 'unknown', 'loading', 'loading...', 'loading…',
    'add', '+ add', 'add value', 'select', 'select...', 'click to add', 'нет', 'не указано', 'не указан', 'не заполнено', 'поле не заполнено',
    'не выбрано', 'не вказано', 'немає', 'не заповнено', 'поле не заповнене', 'κανένα', 'δεν έχει οριστεί', 'keine angabe', 'nicht angegeben',
    'leer', 'ninguno', 'sin asignar', 'sin valor', 'aucun', 'aucune', 'non renseigné', 'vide', 'brak', 'nenhum', 'não informado', 'vazio',
  ].map(foldCase),
);

export function isPlaceholder(text: string): boolean {
  return EMPTY_VALUES.has(foldCase(text.trim()));
}

export interface ApplyOptions {
  via: FieldOrigin;
  confidence: number;
  hints: PageHints;
  /** Taught mappings replace list fields instead of adding to them. */
  replaceLists?: boolean;
}

export function applyFieldValue(draft: SnapshotDraft, field: LabelField, value: ReadValue, options: ApplyOptions): boolean {
  const { via, confidence, hints } = options;
  const text = value.text.trim();
  if (!text || isPlaceholder(text)) return false;
  // A mapping that finds nothing usable must not empty the field the heuristics filled.
  const put = options.replaceLists ? draft.replace.bind(draft) : draft.add.bind(draft);
  const putList: typeof put = (field, values, via, confidence) => {
    if (values.length) put(field, values, via, confidence);
  };

  switch (field) {
    case 'name':
    case 'firstName':
    case 'middleName':
    case 'lastName':
    case 'company':
    case 'jobTitle':
    case 'stage':
    case 'owner':
      return draft.offer(field, text, via, confidence);
    case 'phone': {
      const phones = phonesIn(value, hints.country);
      putList('phones', phones, via, confidence);
      return phones.length > 0;
    }
    case 'email': {
      const emails = emailsIn(value.parts.length ? value.parts.join(' ') : text);
      putList('emails', emails, via, confidence);
      return emails.length > 0;
    }
    case 'telegram':
    case 'whatsapp':
    case 'viber': {
      const handles = splitValues(value)
        .map((part) => messengerFromValue(field, part, hints.country))
        .filter((handle) => handle !== null);
      putList('messengers', handles, via, confidence);
      return handles.length > 0;
    }
    case 'amount':
      return draft.offer('amount', parseAmount(text), via, confidence);
    case 'birthday':
    case 'lastPurchase':
      return draft.offer(field, parseDate(value.machine ?? '', 'dmy') ?? parseDate(text, hints.dateOrder), via, confidence);
    case 'nextContact':
      return draft.offer('nextContact', dateTimeText(value, hints), via, confidence);
    case 'tags': {
      const tags = unique(splitValues(value).map((tag) => cleanText(tag, 100)).filter((tag): tag is string => tag !== null && !isPlaceholder(tag)));
      putList('tags', tags, via, confidence);
      return tags.length > 0;
    }
  }
}

/** Values written together: chips, or "a, b; c". */
export function splitValues(value: ReadValue): string[] {
  if (value.parts.length) return value.parts;
  return value.text.split(/\s*[,;|•·\n]\s*/).map((part) => part.trim()).filter(Boolean);
}

export function phonesIn(value: ReadValue, country: string | null): Phone[] {
  const candidates = value.parts.length ? value.parts : value.text.split(/\s*[,;\n]\s*|\s{3,}/);
  const phones: Phone[] = [];
  for (const candidate of candidates) {
    const raw = candidate.trim();
    if (looksLikePhone(raw)) phones.push(parsePhone(raw, country));
  }
  return phones;
}

/** "10 Feb 2026, 10:30" -> "2026-02-10T10:30"; a date alone stays a date. */
function dateTimeText(value: ReadValue, hints: PageHints): string | null {
  const parts = parseDateTime(value.machine ?? '', 'dmy') ?? parseDateTime(value.text, hints.dateOrder);
  if (!parts) return null;
  return parts.time ? `${parts.date}T${parts.time}` : parts.date;
}

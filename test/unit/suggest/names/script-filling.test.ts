import { describe, expect, it } from 'vitest';
import { elBook } from '../../../../lib/book/defaults/el';
import { ruBook } from '../../../../lib/book/defaults/ru';
import { ukBook } from '../../../../lib/book/defaults/uk';
import { fillPlaceholders, partsToText } from '../../../../lib/book/placeholders';
import type { SalesBook } from '../../../../lib/book/schema';
import { extractSnapshot } from '../../../../lib/crm/extract';
import { ClientSnapshotSchema } from '../../../../lib/crm/snapshot';
import { mergeSnapshot } from '../../../../lib/db/clients';
import type { ClientRecord } from '../../../../lib/db/schema';
import { scriptValues, type ScriptContext } from '../../../../lib/suggest/script-values';
import { loadFixture, loadPage } from '../../crm/page';
import { makeClient } from '../factories';

/** The default book's satisfaction call, filled for a client as the side panel fills it. */
function satisfactionCall(book: SalesBook, client: ClientRecord, overrides: Partial<ScriptContext> = {}): string {
  const script = book.programmes.find((programme) => programme.id === 'durable-goods')?.touches.find((touch) => touch.id === 'satisfaction-call')?.script;
  if (!script) throw new Error('no satisfaction call in the book');
  const values = scriptValues(client, { managerName: 'Олег', companyName: 'Автодім', locale: 'en-GB', timeZone: 'Europe/Kyiv', language: book.language, ...overrides });
  return partsToText(fillPlaceholders(script, values));
}

const person = (name: string, firstName: string | null, lastName: string | null, extra: Partial<ClientRecord> = {}) =>
  makeClient({ name, firstName, lastName, ...extra });

describe('names in the default books\' scripts', () => {
  it('Ukrainian calls the client in the vocative', () => {
    expect(satisfactionCall(ukBook, person('Олександр Коваленко', 'Олександр', 'Коваленко'))).toMatch(/^Добрий день, Олександре! /);
    expect(satisfactionCall(ukBook, person('Марія Шевченко', 'Марія', 'Шевченко'))).toMatch(/^Добрий день, Маріє! /);
    expect(satisfactionCall(ukBook, person('Ігор Бондар', 'Ігор', 'Бондар'))).toMatch(/^Добрий день, Ігорю! /);
    // A name it does not know the pattern of is said as written.
    expect(satisfactionCall(ukBook, person('John Smith', 'John', 'Smith'))).toMatch(/^Добрий день, John! /);
  });

  it('Greek calls the client in the vocative', () => {
    expect(satisfactionCall(elBook, person('Γιώργος Παπαδόπουλος', 'Γιώργος', 'Παπαδόπουλος'))).toMatch(/^Γεια σας, Γιώργο! /);
    expect(satisfactionCall(elBook, person('Αλέξανδρος Νικολάου', 'Αλέξανδρος', 'Νικολάου'))).toMatch(/^Γεια σας, Αλέξανδρε! /);
    expect(satisfactionCall(elBook, person('Κώστας Ιωάννου', 'Κώστας', 'Ιωάννου'))).toMatch(/^Γεια σας, Κώστα! /);
    expect(satisfactionCall(elBook, person('Μαρία Γεωργίου', 'Μαρία', 'Γεωργίου'))).toMatch(/^Γεια σας, Μαρία! /);
  });

  it('Russian uses the name and patronymic when the card has one, else the first name', () => {
    expect(satisfactionCall(ruBook, person('Иванов Иван Сергеевич', 'Иван', 'Иванов'))).toMatch(/^Добрый день, Иван Сергеевич! /);
    expect(satisfactionCall(ruBook, person('Анна Смирнова', 'Анна', 'Смирнова', { middleName: 'Петровна' }))).toMatch(/^Добрый день, Анна Петровна! /);
    expect(satisfactionCall(ruBook, person('Анна Смирнова', 'Анна', 'Смирнова'))).toMatch(/^Добрый день, Анна! /);
  });

  it('English and the other placeholders are untouched', () => {
    const values = scriptValues(person('Олександр Коваленко', 'Олександр', 'Коваленко'), { managerName: null, locale: 'en-GB', timeZone: 'UTC', language: 'en' });
    expect(values['client.firstName']).toBe('Олександр');
    const uk = scriptValues(person('Олександр Коваленко', 'Олександр', 'Коваленко'), { managerName: null, locale: 'uk-UA', timeZone: 'UTC', language: 'uk' });
    expect(uk['client.name']).toBe('Олександр Коваленко');
    expect(uk['client.lastName']).toBe('Коваленко');
  });

  it('takes the script language from the locale when no book language is given (calendar export)', () => {
    const values = scriptValues(person('Олена Мельник', 'Олена', 'Мельник'), { managerName: null, locale: 'uk-UA', timeZone: 'Europe/Kyiv' });
    expect(values['client.firstName']).toBe('Олено');
  });

  it('a woman\'s name, as the card says, is not put through the masculine endings', () => {
    const card = { ...makeClient().lastSnapshot, fields: [{ label: 'Стать', value: 'жіноча' }] };
    const client = person('Кармен Коваль', 'Кармен', 'Коваль', { lastSnapshot: card });
    expect(satisfactionCall(ukBook, client)).toMatch(/^Добрий день, Кармен! /);
    expect(satisfactionCall(ukBook, person('Кармен Коваль', 'Кармен', 'Коваль'))).toMatch(/^Добрий день, Кармене! /);
  });
});

describe('the card\'s middle name reaches the script', () => {
  it('is read from a labelled field and carried to the client record', () => {
    const page = loadPage(
      `<html lang="ru"><body><main><dl>
        <dt>Имя</dt><dd>Иван</dd><dt>Отчество</dt><dd>Петрович</dd><dt>Фамилия</dt><dd>Иванов</dd>
        <dt>Телефон</dt><dd>+7 495 123-45-67</dd><dt>Компания</dt><dd>ООО «Ромашка»</dd></dl></main></body></html>`,
      'https://crm.example.ru/contacts/7',
    );
    const snapshot = ClientSnapshotSchema.parse(extractSnapshot(page.document, 'https://crm.example.ru/contacts/7'));
    expect(snapshot.middleName).toBe('Петрович');
    const client = mergeSnapshot(undefined, snapshot, 1, () => 'c1');
    expect(client.middleName).toBe('Петрович');
    // The full name the page gives has no patronymic; the field alone supplies it.
    expect(client.name).not.toContain('Петрович');
    expect(satisfactionCall(ruBook, { ...makeClient(), ...client })).toMatch(/^Добрый день, Иван Петрович! /);
  });

  it('is read by the Bitrix24 adapter (SECOND_NAME)', () => {
    const url = 'https://romashka.bitrix24.ru/crm/contact/details/42/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER';
    const page = loadFixture('test/fixtures/crm/bitrix24/contact.html', url);
    const snapshot = extractSnapshot(page.document, url);
    expect(snapshot?.middleName).toBe('Петрович');
  });

  it('is kept from an earlier visit when a later page does not show it', () => {
    const first = mergeSnapshot(undefined, ClientSnapshotSchema.parse({ ...makeClient().lastSnapshot, middleName: 'Петрович' }), 1, () => 'c1');
    const later = mergeSnapshot(first, ClientSnapshotSchema.parse({ ...makeClient().lastSnapshot }), 2, () => 'c2');
    expect(later.middleName).toBe('Петрович');
  });
});

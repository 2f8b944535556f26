import { describe, expect, it } from 'vitest';
import { addressName } from '../../../../lib/suggest/names';
import { looksLikePatronymic } from '../../../../lib/suggest/names/patronymic-ru';

const ru = (parts: { firstName?: string | null; middleName?: string | null; fullName?: string | null }) => addressName(parts, 'ru');

describe('Russian: name and patronymic', () => {
  it('reads the patronymic from a three-word full name in either order', () => {
    expect(ru({ firstName: 'Иван', fullName: 'Иванов Иван Сергеевич' })).toBe('Иван Сергеевич');
    expect(ru({ firstName: 'Иван', fullName: 'Иван Сергеевич Иванов' })).toBe('Иван Сергеевич');
    expect(ru({ firstName: 'Анна', fullName: 'Смирнова Анна Петровна' })).toBe('Анна Петровна');
    expect(ru({ firstName: 'Ольга', fullName: 'Кузнецова Ольга Ильинична' })).toBe('Ольга Ильинична');
    // A surname in -ович after the patronymic is not taken for it.
    expect(ru({ firstName: 'Иван', fullName: 'Иван Петрович Карпович' })).toBe('Иван Петрович');
  });

  it('takes the card\'s own middle-name field first', () => {
    expect(ru({ firstName: 'Иван', middleName: 'Петрович', fullName: 'Иван Иванов' })).toBe('Иван Петрович');
    expect(ru({ firstName: 'Эльдар', middleName: 'Мамед оглы', fullName: 'Алиев Эльдар' })).toBe('Эльдар Мамед оглы');
    // An initial or a Latin middle name is not a patronymic to say aloud.
    expect(ru({ firstName: 'Иван', middleName: 'П.', fullName: 'Иван П. Иванов' })).toBe('Иван');
    expect(ru({ firstName: 'John', middleName: 'Fitzgerald', fullName: 'John Fitzgerald Kennedy' })).toBe('John');
  });

  it('says the first name alone without a patronymic, and keeps the nominative', () => {
    expect(ru({ firstName: 'Ольга', fullName: 'Ольга Карпович' })).toBe('Ольга');
    expect(ru({ firstName: 'Александр', fullName: 'Александр Пушкин' })).toBe('Александр');
    expect(ru({ firstName: 'Мария', fullName: 'Мария Анна Смирнова' })).toBe('Мария');
  });

  it('finds the name in a three-word full name when the card has no first-name field', () => {
    expect(ru({ firstName: null, fullName: 'Петров Пётр Алексеевич' })).toBe('Пётр Алексеевич');
    expect(addressName('Пётр Алексеевич Петров', 'ru-RU')).toBe('Пётр Алексеевич');
    expect(ru({ firstName: null, fullName: 'ООО «Ромашка»' })).toBeNull();
  });

  it('does not repeat a patronymic the first-name field already holds', () => {
    expect(ru({ firstName: 'Иван Петрович', middleName: 'Петрович', fullName: 'Иванов Иван Петрович' })).toBe('Иван Петрович');
  });

  it('tells patronymics from other words', () => {
    for (const word of ['Петрович', 'Сергеевич', 'Ильич', 'Петровна', 'Ильинична', 'Саввична']) expect(looksLikePatronymic(word)).toBe(true);
    for (const word of ['Иванов', 'Мария', 'Бич', 'Petrovich']) expect(looksLikePatronymic(word)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { clientGender } from '../../../lib/lifecycle/gender';
import { makeClient, makeSnapshot } from '../factories';

const person = (name: string, firstName: string | null = null, lastName: string | null = null, fields: Array<{ label: string; value: string }> = []) =>
  makeClient({ name, firstName, lastName, lastSnapshot: { ...makeSnapshot(), fields } });

describe('clientGender', () => {
  it('reads the card\'s gender field first, in any of the four languages', () => {
    expect(clientGender(person('Саша Ким', 'Саша', 'Ким', [{ label: 'Пол', value: 'Женский' }]))).toBe('female');
    expect(clientGender(person('Alex Kim', 'Alex', 'Kim', [{ label: 'Gender:', value: 'F' }]))).toBe('female');
    expect(clientGender(person('Женя Коваль', 'Женя', 'Коваль', [{ label: 'Стать', value: 'чоловіча' }]))).toBe('male');
    expect(clientGender(person('Άλεξ', 'Άλεξ', null, [{ label: 'Φύλο', value: 'Γυναίκα' }]))).toBe('female');
    // The field beats the name.
    expect(clientGender(person('Мария Иванова', 'Мария', 'Иванова', [{ label: 'Gender', value: 'male' }]))).toBe('male');
  });

  it('tells from a Russian or Ukrainian name: patronymic, first name, surname', () => {
    expect(clientGender(person('Иванова Мария Петровна'))).toBe('female');
    expect(clientGender(person('Сидоров Иван Петрович'))).toBe('male');
    expect(clientGender(person('Ольга Карпович', 'Ольга', 'Карпович'))).toBe('female');
    expect(clientGender(person('Олена Коваленко', 'Олена', 'Коваленко'))).toBe('female');
    expect(clientGender(person('Никита Смирнов', 'Никита', 'Смирнов'))).toBe('male');
    expect(clientGender(person('Микола Бойко', 'Микола', 'Бойко'))).toBe('male');
    expect(clientGender(person('Любовь Орлова', 'Любовь', 'Орлова'))).toBe('female');
    expect(clientGender(person('Петрова', null, 'Петрова'))).toBe('female');
    expect(clientGender(person('Γιώργος Παπαδόπουλος', 'Γιώργος', 'Παπαδόπουλος'))).toBe('male');
  });

  it('says nothing when the name does not tell', () => {
    expect(clientGender(person('Саша Ким', 'Саша', 'Ким'))).toBeNull();
    expect(clientGender(person('Женя Бондаренко', 'Женя', 'Бондаренко'))).toBeNull();
    expect(clientGender(person('Jordan Smith', 'Jordan', 'Smith'))).toBeNull();
    expect(clientGender(person('Acme Ltd'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { addressName } from '../../../../lib/suggest/names';
import { ukrainianVocative } from '../../../../lib/suggest/names/vocative-uk';

const uk = (firstName: string, gender: 'female' | 'male' | null = null) => addressName({ firstName }, 'uk', { gender });

describe('the Ukrainian vocative', () => {
  it.each([
    // Masculine, hard and velar consonant stems
    ['Олександр', 'Олександре'], ['Іван', 'Іване'], ['Тарас', 'Тарасе'], ['Богдан', 'Богдане'], ['Ярослав', 'Ярославе'],
    ['Євген', 'Євгене'], ['Максим', 'Максиме'], ['Віктор', 'Вікторе'], ['Роман', 'Романе'], ['Степан', 'Степане'],
    ['Олег', 'Олегу'], ['Марк', 'Марку'], ['Петрик', 'Петрику'],
    // Masculine, soft stems and -о
    ['Андрій', 'Андрію'], ['Сергій', 'Сергію'], ['Юрій', 'Юрію'], ['Віталій', 'Віталію'], ['Олексій', 'Олексію'],
    ['Миколай', 'Миколаю'], ['Василь', 'Василю'], ['Олесь', 'Олесю'],
    ['Петро', 'Петре'], ['Дмитро', 'Дмитре'], ['Павло', 'Павле'], ['Михайло', 'Михайле'], ['Кирило', 'Кириле'], ['Юрко', 'Юрку'],
    // Masculine in -а, and the exceptions table
    ['Микола', 'Миколо'], ['Микита', 'Микито'], ['Ігор', 'Ігорю'], ['Федір', 'Федоре'], ['Яків', 'Якове'], ['Ілля', 'Ілле'],
    // Feminine
    ['Марія', 'Маріє'], ['Наталія', 'Наталіє'], ['Софія', 'Софіє'], ['Юлія', 'Юліє'], ['Надія', 'Надіє'], ['Зоя', 'Зоє'],
    ['Ольга', 'Ольго'], ['Оксана', 'Оксано'], ['Ірина', 'Ірино'], ['Олена', 'Олено'], ['Тетяна', 'Тетяно'],
    ['Катерина', 'Катерино'], ['Галина', 'Галино'], ['Людмила', 'Людмило'], ['Світлана', 'Світлано'], ['Наталка', 'Наталко'],
    ['Оля', 'Олю'], ['Таня', 'Таню'], ['Любов', 'Любове'],
  ])('%s -> %s', (name, vocative) => {
    expect(uk(name)).toBe(vocative);
  });

  it('keeps the card\'s capitalisation, and declines each part of a double name', () => {
    expect(uk('ОЛЕКСАНДР')).toBe('ОЛЕКСАНДРЕ');
    expect(uk('ольга')).toBe('ольго');
    expect(uk("В'ячеслав")).toBe("В'ячеславе");
    expect(uk('Анна-Марія')).toBe('Анно-Маріє');
  });

  it.each([
    ['John', 'Latin script'],
    ['Giorgos', 'Latin script'],
    ['Сергей', 'Russian spelling'],
    ['Дмитрий', 'Russian spelling'],
    ['Наталья', 'Russian spelling'],
    ['Алёна', 'Russian letter ё'],
    ['Саша', 'a sibilant stem, said either way'],
    ['Франц', 'an ending the rules do not know'],
    ['Мері', 'a foreign name in -і'],
    ['Олександр Петрович', 'several words in the first-name field'],
  ])('leaves %s in the nominative (%s)', (name) => {
    expect(uk(name)).toBe(name);
  });

  it('does not put a woman\'s name through the masculine endings', () => {
    expect(uk('Нінель')).toBe('Нінель');
    expect(uk('Марго', 'female')).toBe('Марго');
    expect(uk('Кармен', 'female')).toBe('Кармен');
    // Without the card saying so, a consonant ending reads as a man's name.
    expect(uk('Кармен')).toBe('Кармене');
    // The feminine endings do not depend on it.
    expect(uk('Ольга', 'female')).toBe('Ольго');
  });

  it('works on the lower-case word it is given', () => {
    expect(ukrainianVocative('олександр')).toBe('олександре');
    expect(ukrainianVocative('')).toBe('');
  });
});

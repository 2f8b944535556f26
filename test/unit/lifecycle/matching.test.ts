import { describe, expect, it } from 'vitest';
import { appliesToClient, conditionHolds, productMatches } from '../../../lib/lifecycle/matching';
import { makeClient } from '../factories';

const bought = (category: string, name = 'Item') => ({ name, category });
const inCategories = (categories: string[], category: string) => productMatches({ categories }, bought(category));

describe('productMatches: whole words and word forms', () => {
  it.each([
    ['car', 'Passenger cars'],
    ['cars', 'Car (new)'],
    ['vehicle', 'Commercial vehicles'],
    ['tyres', 'Tyre'],
    ['accessories', 'Car accessory'],
    ['supplies', 'Office supply'],
  ])('en: %s matches "%s"', (term, category) => {
    expect(inCategories([term], category)).toBe(true);
  });

  it.each([
    ['шины', 'Шины'],
    ['шины', 'Комплект шин'],
    ['шин', 'Хранение в шинах'],
    ['автомобили', 'Автомобиль с пробегом'],
    ['расходные материалы', 'Расходных материалов нет'],
  ])('ru: %s matches "%s"', (term, category) => {
    expect(inCategories([term], category)).toBe(true);
  });

  it.each([
    ['шини', 'Зимові шини'],
    ['шини', 'Зберігання шин'],
    ['техніка', 'Техніки вживаної'],
    ["обладнання", 'Обладнанням'],
  ])('uk: %s matches "%s"', (term, category) => {
    expect(inCategories([term], category)).toBe(true);
  });

  it.each([
    ['ελαστικά', 'Ελαστικά'],
    ['ελαστικά', 'Αποθήκευση ελαστικών'],
    ['αυτοκίνητο', 'Αυτοκίνητα'],
    ['αυτοκινητο', 'ΑΥΤΟΚΊΝΗΤΟ'],
  ])('el: %s matches "%s"', (term, category) => {
    expect(inCategories([term], category)).toBe(true);
  });

  it.each([
    ['car', 'Cartridges'],
    ['car', 'Scarves'],
    ['tyre', 'Tyrewall sealant'],
    ['техника', 'Сельхозтехника'],
    ['шины', 'Машины'],
    ['техніка', 'Сільгосптехніка'],
    ['шини', 'Машини'],
    ['ελαστικά', 'Φωτοελαστικά'],
    ['λάδι', 'Ελαιόλαδο'],
  ])('does not match a word inside another word: %s vs "%s"', (term, category) => {
    expect(inCategories([term], category)).toBe(false);
  });

  it('matches a several-word term only as consecutive words', () => {
    expect(inCategories(['extended warranty'], 'Extended warranty, 3 years')).toBe(true);
    expect(inCategories(['extended warranty'], 'Warranty (extended)')).toBe(false);
    expect(inCategories(['service plan'], 'Service and maintenance plan')).toBe(false);
    expect(inCategories(['расходные материалы'], 'Материалы расходные')).toBe(false);
    expect(inCategories(['αποθήκευση ελαστικών'], 'Αποθήκευση ελαστικών, χειμώνας')).toBe(true);
  });

  it('matches product names by words too: a toner buyer is not a car buyer', () => {
    expect(productMatches({ products: ['car'] }, { name: 'Toner cartridge TN-2420', category: null })).toBe(false);
    expect(productMatches({ products: ['service'] }, { name: 'Annual service, Toyota Yaris', category: null })).toBe(true);
  });

  it('a term with no letters or digits matches nothing', () => {
    expect(inCategories(['  '], 'Tyres')).toBe(false);
    expect(inCategories(['-'], 'Tyres')).toBe(false);
  });
});

describe('tags and stages use the same matcher', () => {
  it('matches tags by word forms, not inside other words', () => {
    const farmer = makeClient({ tags: ['interested in precision farming'] });
    expect(appliesToClient({ tags: ['farm'] }, farmer)).toBe(true);
    expect(appliesToClient({ tags: ['arm'] }, farmer)).toBe(false);
    expect(conditionHolds({ tagsAny: ['VIP'] }, makeClient({ tags: ['VIP', 'fleet'] }), null)).toBe(true);
    expect(conditionHolds({ tagsNone: ['fleet'] }, makeClient({ tags: ['fleetwood account'] }), null)).toBe(true);
  });

  it('matches stages by words', () => {
    expect(appliesToClient({ stages: ['won'] }, makeClient({ stage: 'Closed won' }))).toBe(true);
    expect(appliesToClient({ stages: ['won'] }, makeClient({ stage: 'Wonder list' }))).toBe(false);
    expect(appliesToClient({ stages: ['угода'] }, makeClient({ stage: 'Угоди закриті' }))).toBe(true);
  });
});

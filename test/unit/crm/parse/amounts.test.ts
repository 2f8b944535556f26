import { describe, expect, it } from 'vitest';
import { parseAmount, parseNumber } from '../../../../lib/crm/parse/amounts';

describe('parseAmount', () => {
  it.each([
    ['€12,400.00', 12400, 'EUR'],
    ['12 400,50 ₽', 12400.5, 'RUB'],
    ['12\u00a0400,50\u00a0₽', 12400.5, 'RUB'],
    ['12.400,00 €', 12400, 'EUR'],
    ['$1,200', 1200, 'USD'],
    ['1 200 грн', 1200, 'UAH'],
    ['UAH 5 000', 5000, 'UAH'],
    ['UAH\u00a01,850,000.00', 1850000, 'UAH'],
    ['R$ 3.200,00', 3200, 'BRL'],
    ['5 600,00 zł', 5600, 'PLN'],
    ['1’250.50 CHF', 1250.5, 'CHF'],
    ['£86,000', 86000, 'GBP'],
    ['9.800,00 €', 9800, 'EUR'],
    ['3\u202f200,00\u00a0€', 3200, 'EUR'],
    ['48 500 руб.', 48500, 'RUB'],
    ['7 320 EUR', 7320, 'EUR'],
    ['US$ 2,000', 2000, 'USD'],
    ['$12k', 12000, 'USD'],
    ['1,2 млн ₽', 1200000, 'RUB'],
  ])('reads %s', (text, value, currency) => {
    expect(parseAmount(text)).toEqual({ value, currency });
  });

  it('keeps a null currency when the text names none', () => {
    expect(parseAmount('12 400')).toEqual({ value: 12400, currency: null });
    expect(parseAmount('1.5')).toEqual({ value: 1.5, currency: null });
  });

  it('ignores three-letter words that are not currencies', () => {
    expect(parseAmount('12 400 NET')).toEqual({ value: 12400, currency: null });
  });

  it.each(['', 'n/a', '—', 'call me', '€'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,200', 1200],
    ['1.200', 1200],
    ['12,40', 12.4],
    ['1.850.000', 1850000],
    ['1,850,000.50', 1850000.5],
    ['1.234,567', 1234.567],
    ['-42', -42],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

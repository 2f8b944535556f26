import { parseNumber } from '../crm/parse/amounts';

export type PurchaseMoney = { amount: number; currency: string } | null;

/**
 * The amount and currency typed when recording a purchase: null when the amount is left empty
 * (a purchase without a sum still counts as a purchase), undefined when what was typed cannot be
 * kept as it is (no number, no three-letter currency): the form says so instead of guessing.
 * A leading minus records a refund.
 */
export function purchaseMoney(amountText: string, currencyText: string): PurchaseMoney | undefined {
  const raw = amountText.trim();
  if (!raw) return null;
  const negative = raw.startsWith('-');
  const value = parseNumber(negative ? raw.slice(1) : raw);
  const currency = currencyText.trim().toUpperCase();
  if (value === null || !/^[A-Z]{3}$/.test(currency)) return undefined;
  return { amount: negative ? -value : value, currency };
}

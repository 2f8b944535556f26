import type { PlaceholderName, PlaceholderValues } from '../book/placeholders';
import type { Product } from '../crm/snapshot';
import type { ClientRecord } from '../db/schema';
import { activeDiscount } from '../lifecycle/discount';
import { clientGender } from '../lifecycle/gender';
import { parseLocalDate, resolveTimeZone } from '../lifecycle/time';
import { timeOfDayGreeting } from './greeting';
import { addressName } from './names';
import { dateTimeFormat } from '../i18n/date-format';

/**
 * The values a script's placeholders are filled with (methodology, section 3: address the client
 * by name, never make a letter look like a template, never ask again for what the card already
 * says). Only values that exist go into the map: a missing one stays a visible gap for
 * `fillPlaceholders`, which the manager fills by voice, instead of "undefined" read to a client.
 */

export interface ScriptContext {
  /** The manager using Touchbook (settings), for "{{manager.name}} from {{company.name}}". */
  managerName: string | null;
  managerPhone?: string | null;
  /** The touch the script belongs to; a `TouchRecord` will do. */
  touch?: { dueAt: number; goal: string } | null;
  /**
   * The product the script is about (a touch's anchor purchase; null when that purchase named no
   * product); left out, the latest purchase.
   */
  product?: string | null;
  /** The product suggested next: a cross-sell offer's `nextProduct`. */
  nextProduct?: string | null;
  /** The manager's own company. */
  companyName?: string | null;
  /**
   * The second-purchase discount; `until` is "YYYY-MM-DD" or epoch ms. Left out, the client's own
   * while it lasts.
   */
  discount?: { amount: string | number; until?: string | number | null } | null;
  /** For dates said to the client, in their words: "12 March 2026" or "March 12, 2026". */
  locale: string;
  timeZone: string;
  /** The moment the script is read, for `{{greeting}}`; without it the greeting stays a gap. */
  now?: number;
  /** The script's language (the book's), for `{{greeting}}` and the name's form; else `locale`'s. */
  language?: string | null;
}

export function scriptValues(client: ClientRecord, context: ScriptContext): PlaceholderValues {
  const values: PlaceholderValues = {};
  const put = (name: PlaceholderName, value: string | number | null | undefined): void => {
    const present = typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '';
    if (present) values[name] = typeof value === 'string' ? value.trim() : value;
  };
  const formatDate = dateFormatter(context.locale, context.timeZone);
  const language = context.language ?? context.locale;

  put('client.name', client.name);
  // The name the script addresses the client by: "Олександре", "Γιώργο", "Иван Сергеевич".
  const nameParts = { firstName: client.firstName, middleName: client.middleName ?? null, fullName: client.name };
  put('client.firstName', addressName(nameParts, language, { gender: clientGender(client) }));
  put('client.lastName', client.lastName);
  put('client.company', client.company);
  put('client.jobTitle', client.jobTitle);
  put('client.phone', client.phones[0]?.raw);
  put('client.email', client.emails[0]);
  put('client.stage', client.stage);
  put('client.owner', client.owner);
  // null: the script's purchase is known and its product was not named; a gap, not another purchase.
  put('product', context.product !== undefined ? context.product : latestPurchase(client.products)?.name);
  put('product.next', context.nextProduct);
  put('manager.name', context.managerName);
  put('manager.phone', context.managerPhone);
  put('company.name', context.companyName);
  if (context.touch) {
    put('touch.dueDate', formatDate(context.touch.dueAt));
    put('touch.goal', context.touch.goal);
  }
  if (context.now !== undefined) put('greeting', timeOfDayGreeting(context.now, context.timeZone, language));
  const discount = context.discount !== undefined ? context.discount : activeDiscount(client.discount, context.now, context.timeZone);
  if (discount) {
    put('discount.amount', discount.amount);
    put('discount.until', formatDate(discount.until));
  }
  return values;
}

/**
 * The product a script means when it says "your {{product}}": the most recent purchase, since
 * that is the one the client remembers. Undated purchases count only when nothing is dated; of
 * those, the last listed is taken, as CRMs list newest last more often than not.
 */
export function latestPurchase(products: readonly Product[]): Product | null {
  return latestDatedPurchase(products) ?? products[products.length - 1] ?? null;
}

/** The purchase with the latest valid date; "YYYY-MM-DD" strings sort as the dates they name. */
export function latestDatedPurchase(products: readonly Product[]): Product | null {
  let latest: Product | null = null;
  for (const product of products) {
    if (!product.purchasedAt || !parseLocalDate(product.purchasedAt)) continue;
    if (!latest?.purchasedAt || product.purchasedAt > latest.purchasedAt) latest = product;
  }
  return latest;
}

/**
 * Formats an instant in the manager's zone, or a calendar date ("YYYY-MM-DD") as it stands.
 * A locale or zone from settings that the runtime does not know falls back to its defaults:
 * a script with a plainly formatted date beats no script.
 */
function dateFormatter(locale: string, timeZone: string): (value: string | number | null | undefined) => string | null {
  const inZone = safeFormatter(locale, resolveTimeZone(timeZone));
  const calendar = safeFormatter(locale, 'UTC');
  return (value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? inZone.format(value) : null;
    const date = typeof value === 'string' ? parseLocalDate(value.trim()) : null;
    // A calendar date is the same day everywhere: formatted at UTC midnight, in UTC.
    return date ? calendar.format(Date.UTC(date.year, date.month - 1, date.day)) : null;
  };
}

function safeFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  try {
    return dateTimeFormat(locale, { dateStyle: 'long', timeZone });
  } catch {
    return dateTimeFormat(undefined, { dateStyle: 'long', timeZone });
  }
}

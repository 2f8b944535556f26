import type { SalesBook } from '../book/schema';
import type { OfferRecord } from '../db/schema';
import type { DateRange } from './range';
import { inRange, todayIn } from './dated-purchases';

/**
 * Cross-sell per rule of the book: how many clients were offered it, and how many of those said
 * yes or no. The panel keeps one row per client and rule with its latest status, so every row is
 * an offer made, and `accepted` / `declined` are the answers so far (`open` still waits).
 */
export interface CrossSellRuleFigures {
  ruleId: string;
  /** The rule's title from the book, or null for a rule the book no longer has. */
  title: string | null;
  offered: number;
  accepted: number;
  declined: number;
  open: number;
  /** accepted / (accepted + declined); null before any answer. */
  acceptance: number | null;
}

/** Rows last changed in the range (the manager's local days), per rule, the book's order first. */
export function crossSellByRule({
  offers,
  range,
  timeZone,
  book,
}: {
  offers: readonly OfferRecord[];
  range: DateRange;
  timeZone: string;
  book?: Pick<SalesBook, 'crossSell'> | null;
}): CrossSellRuleFigures[] {
  const byRule = new Map<string, CrossSellRuleFigures>();
  const titles = new Map((book?.crossSell ?? []).map((rule) => [rule.id, rule.title]));
  for (const offer of offers) {
    if (!inRange(todayIn(offer.updatedAt, timeZone), range)) continue;
    let figures = byRule.get(offer.ruleId);
    if (!figures) {
      figures = { ruleId: offer.ruleId, title: titles.get(offer.ruleId) ?? null, offered: 0, accepted: 0, declined: 0, open: 0, acceptance: null };
      byRule.set(offer.ruleId, figures);
    }
    figures.offered += 1;
    if (offer.status === 'accepted') figures.accepted += 1;
    else if (offer.status === 'declined') figures.declined += 1;
    else figures.open += 1;
  }
  const order = [...titles.keys()];
  const place = (ruleId: string) => {
    const index = order.indexOf(ruleId);
    return index < 0 ? order.length : index;
  };
  return [...byRule.values()]
    .map((figures) => {
      const answered = figures.accepted + figures.declined;
      return { ...figures, acceptance: answered ? figures.accepted / answered : null };
    })
    .sort((a, b) => place(a.ruleId) - place(b.ruleId) || (a.ruleId < b.ruleId ? -1 : 1));
}

import { foldCase } from '../crm/text';
import type { UnmatchedObjectionRecord } from '../db/schema';
import type { DateRange } from './range';
import { inRange, todayIn } from './dated-purchases';

/**
 * Words clients used that the book had no answer for, for the team lead to write answers to:
 * the same words (case, accents and spacing aside) are one phrase, most heard first.
 */
export interface UnansweredPhrase {
  /** The latest wording heard. */
  text: string;
  count: number;
  /** Distinct clients who said it (objections typed without a client are not counted here). */
  clients: number;
  lastAt: number;
}

export interface UnansweredObjections {
  total: number;
  phrases: UnansweredPhrase[];
}

export function unansweredObjections({
  objections,
  range,
  timeZone,
  limit = 100,
}: {
  objections: readonly UnmatchedObjectionRecord[];
  range: DateRange;
  timeZone: string;
  limit?: number;
}): UnansweredObjections {
  const byKey = new Map<string, UnansweredPhrase & { clientIds: Set<string> }>();
  let total = 0;
  for (const objection of objections) {
    if (!inRange(todayIn(objection.createdAt, timeZone), range)) continue;
    total += 1;
    const key = foldCase(objection.text).replace(/[\s\p{P}]+/gu, ' ').trim();
    let phrase = byKey.get(key);
    if (!phrase) byKey.set(key, (phrase = { text: objection.text, count: 0, clients: 0, lastAt: objection.createdAt, clientIds: new Set() }));
    phrase.count += 1;
    if (objection.clientId) phrase.clientIds.add(objection.clientId);
    if (objection.createdAt >= phrase.lastAt) {
      phrase.lastAt = objection.createdAt;
      phrase.text = objection.text;
    }
  }
  const phrases = [...byKey.values()]
    .map(({ clientIds, ...phrase }) => ({ ...phrase, clients: clientIds.size }))
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, limit);
  return { total, phrases };
}

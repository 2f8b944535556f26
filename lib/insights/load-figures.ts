import type { TouchbookDb } from '../db/database';
import type { AnswerRecord, ClientRecord, OfferRecord, TouchRecord, UnmatchedObjectionRecord } from '../db/schema';
import type { DateRange } from './range';

const DAY_MS = 86_400_000;

/**
 * What the figures beyond revenue and touch counts read (load.ts reads purchases and touches):
 * offers, answers, unanswered objections in the range (by their `createdAt` index, a day of slack
 * each side for time zones; the pure functions then cut by the manager's local day) and done
 * touches for the cold-call report. One read-only transaction, so the figures agree.
 */
export interface FigureExtras {
  offers: OfferRecord[];
  answers: AnswerRecord[];
  objections: UnmatchedObjectionRecord[];
  /** Done touches (the state index); the cold-call report keeps the calls among them. */
  doneTouches: TouchRecord[];
}

/** `doneTouches: false` when the cold calls come from the daily aggregates: 50,000 rows fewer. */
export async function loadFigureExtras(db: TouchbookDb, range: DateRange, { doneTouches: withDone = true } = {}): Promise<FigureExtras> {
  const from = Date.parse(`${range.from}T00:00:00Z`) - DAY_MS;
  const to = Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS;
  return db.transaction('r', [db.offers, db.answers, db.unmatchedObjections, db.touches], async () => {
    const [offers, answers, objections, doneTouches] = await Promise.all([
      db.offers.toArray(),
      db.answers.toArray(),
      db.unmatchedObjections.where('createdAt').between(from, to, true, true).toArray(),
      withDone ? db.touches.where('[state+dueAt]').between(['done', -Infinity], ['done', Infinity], true, true).toArray() : [],
    ]);
    return { offers, answers, objections, doneTouches };
  });
}

/** Only the clients a list shows (a TOP-50, the riskiest churners), by primary key. */
export async function loadClientsById(db: TouchbookDb, ids: readonly string[]): Promise<Map<string, ClientRecord>> {
  const clients = await db.clients.bulkGet([...new Set(ids)]);
  return new Map(clients.filter((client): client is ClientRecord => client !== undefined).map((client) => [client.id, client]));
}

import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware, Table } from 'dexie';
import { applyDay, clientDays, emptyDay, encodePurchases, isEmptyDay, type BuyerRow, type ClientDays, type DailyAggregate } from '../insights/daily';
import { localDateFunction } from '../insights/range';
import type { TouchbookDb } from './database';
import type { EventRecord, SettingsRecord, TouchRecord } from './schema';

/**
 * Keeps the Insights daily aggregates (lib/insights/daily.ts) in step with every write, whoever
 * makes it: a Dexie middleware sees each change to `events` and `touches` in the transaction that
 * makes it and, in that same transaction, notes the clients whose rows changed
 * (`insightsDirty`). `refreshInsightAggregates` then recounts only those clients: their old share
 * of each day comes off the totals, the new one goes on. A change of time zone, or a table cleared
 * (a restore), rebuilds everything. Nothing here is held in memory between calls: a worker stopped
 * half-way leaves the dirty list in the database for the next refresh.
 */

/** A client's share of each day (to take off the totals when their rows change). */
export type InsightClientRecord = Omit<ClientDays, 'purchases'>;
/** A client's purchases, encoded (daily.ts): what the per-client figures read. */
export type InsightBuyerRecord = BuyerRow;
export type InsightDayRecord = DailyAggregate;
export interface InsightsDirtyRecord {
  /** A client id, or EVERYONE for a full rebuild. */
  clientId: string;
}
export interface InsightsMetaRecord {
  key: 'zone' | 'buyers';
  /** 'zone': the IANA zone the days were cut in; the page falls back to raw rows under another one. */
  zone?: string;
  /**
   * 'buyers': every `insightBuyers` row again, packed into one record (ids sorted, purchases in
   * step). The page reads this one record for TOP-50, segments and churn: ten thousand rows out of
   * IndexedDB took it half a second, one record of two arrays a few milliseconds.
   */
  ids?: string[];
  purchases?: string[];
  /** 'zone': the shape of the aggregates (`AGGREGATES_FORMAT`); another one is rebuilt. */
  format?: number;
  /** 'zone': the number the next new client gets (`ClientDays.number`). */
  nextNumber?: number;
}

/** 2: buyers by client number, not id (daily.ts). Aggregates of another format are rebuilt. */
export const AGGREGATES_FORMAT = 2;
const zoneRow = (zone: string, nextNumber: number): InsightsMetaRecord => ({ key: 'zone', zone, format: AGGREGATES_FORMAT, nextNumber });
const current = (meta: InsightsMetaRecord | undefined, zone: string) => meta?.zone === zone && meta.format === AGGREGATES_FORMAT;

export const EVERYONE = '*';
const DIRTY = 'insightsDirty';
const WATCHED = new Set(['events', 'touches']);

/** The zone the aggregates are cut in: the manager's setting, else this browser's. */
export function insightsZone(settings: Pick<SettingsRecord, 'timeZone'> | null | undefined): string {
  return settings?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

type Clientish = { clientId?: unknown; type?: unknown } | undefined;

function clientIdsOf(table: string, rows: readonly Clientish[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    if (!row || typeof row.clientId !== 'string') continue;
    if (table === 'events' && row.type !== 'purchase') continue; // only purchases feed the figures
    ids.push(row.clientId);
  }
  return ids;
}

let rowsChanged: (() => void) | null = null;
/**
 * Told after every write that puts clients on the dirty list: the worker notes the change for the
 * Insights first-screen record (lib/insights/first-screen-record.ts). One listener; null removes it.
 */
export function onInsightRowsChanged(listener: (() => void) | null): void {
  rowsChanged = listener;
}

export const insightsDirtyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'touchbook-insights-dirty',
  create(down) {
    return {
      ...down,
      // A write to events or touches also writes the dirty list: it joins the transaction.
      transaction(stores, mode, options) {
        const joins = mode === 'readwrite' && stores.some((store) => WATCHED.has(store)) && !stores.includes(DIRTY);
        return down.transaction(joins ? [...stores, DIRTY] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        return { ...table, mutate: (request) => markDirty(down, table, name, request) };
      },
    };
  },
};

async function markDirty(down: DBCore, table: DBCoreTable, name: string, request: DBCoreMutateRequest) {
  const trans = request.trans as unknown as IDBTransaction;
  // Schema upgrades rebuild the aggregates themselves (and may run before the list exists).
  if (trans.mode === 'versionchange' || !trans.objectStoreNames?.contains(DIRTY)) return table.mutate(request);
  let clientIds: string[];
  if (request.type === 'deleteRange') clientIds = [EVERYONE];
  else {
    const keys = request.type === 'delete' ? request.keys : (request.keys ?? request.values.map((value: unknown) => table.schema.primaryKey.extractKey!(value) as unknown));
    // The old rows tell whose share changes (a touch moved to another client changes two). An add
    // has none. That read doubled the cost of a batch write (`npm run bench -- lifecycle`).
    const before = request.type === 'add' ? [] : await oldRows(table, name, request.trans, keys, request.type === 'put' ? (request.values as Clientish[]) : null);
    clientIds = [...clientIdsOf(name, before), ...(request.type === 'delete' ? [] : clientIdsOf(name, request.values as Clientish[]))];
  }
  const unique = [...new Set(clientIds)];
  // Both at once: IndexedDB runs them in order in the one transaction, without a round trip
  // between (a step each costs most on a small batch; if the write fails the transaction does).
  const [result] = await Promise.all([
    table.mutate(request),
    unique.length ? down.table(DIRTY).mutate({ type: 'put', trans: request.trans, values: unique.map((clientId) => ({ clientId })) }) : null,
  ]);
  if (unique.length) rowsChanged?.();
  return result;
}

/**
 * The rows a write replaces, as far as their client matters. A batch of touches usually rewrites
 * one client's own rows (a re-plan): the `clientId` index lists that client's keys (keys only, no
 * rows read), and only rows not among them, new or moved from another client, are read.
 */
async function oldRows(table: DBCoreTable, name: string, trans: DBCoreMutateRequest['trans'], keys: readonly unknown[], values: readonly Clientish[] | null): Promise<Clientish[]> {
  const byClient = table.schema.getIndexByKeyPath('clientId');
  const clients = values && name === 'touches' && byClient ? [...new Set(values.map((value) => value?.clientId))] : [];
  if (!values || !byClient || !clients.length || clients.length > 4 || clients.some((id) => typeof id !== 'string')) {
    return (await table.getMany({ trans, keys: [...keys] })) as Clientish[];
  }
  const own = new Set<unknown>();
  for (const clientId of clients) {
    const range = { type: 1 /* DBCoreRangeType.Equal */, lower: clientId, upper: clientId } as const;
    for (const key of (await table.query({ trans, values: false, query: { index: byClient, range } })).result) own.add(key);
  }
  const unknown = keys.filter((key, index) => !own.has(key) || values[index]?.clientId === undefined);
  return unknown.length ? ((await table.getMany({ trans, keys: unknown })) as Clientish[]) : [];
}

/** The tables the aggregates are made from and kept in, as Dexie tables (a db's or an upgrade's). */
export type AggregateTables = Pick<TouchbookDb, 'events' | 'touches' | 'insightClients' | 'insightBuyers' | 'insightDays' | 'insightsDirty' | 'insightsMeta'>;

const shareOf = ({ clientId, number, days }: ClientDays): InsightClientRecord => ({ clientId, number, days });
const buyerOf = ({ clientId, purchases }: ClientDays): InsightBuyerRecord => ({ clientId, purchases: encodePurchases(purchases) });

/** Every client's share and every day's totals, from all rows. Runs inside the caller's transaction. */
export async function rebuildInsightAggregates(tables: AggregateTables, zone: string): Promise<void> {
  const [events, touches] = await Promise.all([tables.events.where('type').equals('purchase').toArray(), tables.touches.toArray()]);
  const byClient = new Map<string, { events: EventRecord[]; touches: TouchRecord[] }>();
  const of = (clientId: string) => {
    let rows = byClient.get(clientId);
    if (!rows) byClient.set(clientId, (rows = { events: [], touches: [] }));
    return rows;
  };
  for (const event of events) of(event.clientId).events.push(event);
  for (const touch of touches) of(touch.clientId).touches.push(touch);
  const localDateOf = localDateFunction(zone);
  const clients: ClientDays[] = [];
  const days = new Map<string, InsightDayRecord>();
  for (const [clientId, rows] of byClient) {
    const share = clientDays(clientId, rows.events, rows.touches, zone, localDateOf, clients.length);
    clients.push(share);
    for (const [day, figures] of Object.entries(share.days)) {
      let total = days.get(day);
      if (!total) days.set(day, (total = { day, ...emptyDay() }));
      applyDay(total, figures, 1);
    }
  }
  await Promise.all([tables.insightClients.clear(), tables.insightBuyers.clear(), tables.insightDays.clear(), tables.insightsDirty.clear()]);
  await Promise.all([
    tables.insightClients.bulkPut(clients.map(shareOf)),
    tables.insightBuyers.bulkPut(clients.filter((client) => client.purchases.length).map(buyerOf)),
    tables.insightDays.bulkPut([...days.values()]),
    tables.insightsMeta.bulkPut([zoneRow(zone, clients.length), packBuyers(clients.filter((client) => client.purchases.length).map(buyerOf))]),
  ]);
}

/** How many clients the last refresh recounted (or 'all'), for the benchmark and tests. */
export type RefreshResult = { recounted: number | 'all'; restarted?: true };

/**
 * A rebuild in chunks begins here: the aggregates are emptied and every client with a purchase
 * or a touch goes on the dirty list (read from the `clientId` indexes: keys only, no rows), so the
 * days add up again as the chunks recount them. Runs inside the caller's transaction.
 */
async function restartInsightAggregates(db: TouchbookDb, zone: string): Promise<void> {
  const [withEvents, withTouches] = await Promise.all([db.events.orderBy('clientId').uniqueKeys(), db.touches.orderBy('clientId').uniqueKeys()]);
  const clientIds = [...new Set([...withEvents, ...withTouches].map(String))];
  await Promise.all([db.insightClients.clear(), db.insightBuyers.clear(), db.insightDays.clear(), db.insightsDirty.clear()]);
  await Promise.all([
    db.insightsDirty.bulkPut(clientIds.map((clientId) => ({ clientId }))),
    db.insightsMeta.bulkPut([zoneRow(zone, 0), packBuyers([])]),
  ]);
}

/**
 * Brings the aggregates up to date in the background, `chunk` clients per transaction with a
 * pause between, so after a restore or an import of thousands of clients the worker never holds
 * the database (or itself) for long, and the page finds the work done. A full rebuild (a restore
 * in replace mode, a new zone) goes the same way (`restartInsightAggregates`). A worker stopped
 * half-way leaves the rest on the dirty list; the next start carries on, and a page opened
 * meanwhile asks for the rest at once (`refreshInsightAggregates` without a limit).
 */
export async function catchUpInsightAggregates(
  db: TouchbookDb,
  zone: () => Promise<string>,
  // Small chunks and a rest after each: the catch-up takes longer, but an open page (or the
  // worker's next message) never waits behind more than a tenth of a second of it.
  { chunk = 100, pause = () => new Promise<void>((resolve) => setTimeout(resolve, 100)) }: { chunk?: number; pause?: () => Promise<void> } = {},
): Promise<{ chunks: number; recounted: number }> {
  let chunks = 0;
  let recounted = 0;
  for (;;) {
    const result = await refreshInsightAggregates(db, await zone(), { limit: chunk });
    if (result.recounted === 0 && !result.restarted) return { chunks, recounted };
    chunks += 1;
    recounted += result.recounted === 'all' ? 0 : result.recounted;
    await pause();
  }
}

/**
 * Brings the aggregates up to date: recounts the clients on the dirty list, or rebuilds when the
 * zone changed or a table was cleared. One read-write transaction over the rows and the
 * aggregates, so no write can slip between reading a client's rows and storing their share.
 */
export async function refreshInsightAggregates(db: TouchbookDb, zone: string, { limit }: { limit?: number } = {}): Promise<RefreshResult> {
  const tables: Table[] = [db.events, db.touches, db.insightClients, db.insightBuyers, db.insightDays, db.insightsDirty, db.insightsMeta];
  return db.transaction('rw', tables, async () => {
    const [meta, everyone, dirty] = await Promise.all([
      db.insightsMeta.get('zone'),
      db.insightsDirty.get(EVERYONE),
      limit === undefined ? db.insightsDirty.toArray() : db.insightsDirty.limit(limit).toArray(),
    ]);
    if (!current(meta, zone) || everyone) {
      if (limit === undefined) {
        await rebuildInsightAggregates(db, zone);
        return { recounted: 'all' };
      }
      // In chunks: start afresh with every client on the dirty list; the next chunks count them.
      await restartInsightAggregates(db, zone);
      return { recounted: 0, restarted: true };
    }
    if (!dirty.length) return { recounted: 0 };
    const ids = dirty.map((entry) => entry.clientId);
    const localDateOf = localDateFunction(zone);
    const [before, events, touches] = await Promise.all([
      db.insightClients.bulkGet(ids),
      Promise.all(ids.map((id) => db.events.where('clientId').equals(id).toArray())),
      Promise.all(ids.map((id) => db.touches.where('clientId').equals(id).toArray())),
    ]);
    // A client keeps their number; a new one gets the next.
    let nextNumber = meta?.nextNumber ?? 0;
    const numbers = before.map((old) => old?.number ?? nextNumber++);
    const after = ids.map((id, index) => clientDays(id, events[index]!.filter((event) => event.type === 'purchase'), touches[index]!, zone, localDateOf, numbers[index]));
    const touched = new Set<string>();
    for (const share of [...before, ...after]) for (const day of Object.keys(share?.days ?? {})) touched.add(day);
    const dayKeys = [...touched];
    const totals = new Map((await db.insightDays.bulkGet(dayKeys)).map((row, index) => [dayKeys[index]!, row ?? { day: dayKeys[index]!, ...emptyDay() }]));
    for (const old of before) if (old) for (const [day, figures] of Object.entries(old.days)) applyDay(totals.get(day)!, figures, -1);
    for (const share of after) for (const [day, figures] of Object.entries(share.days)) applyDay(totals.get(day)!, figures, 1);
    const rows = [...totals.values()];
    // An install whose aggregates predate the packed record gets it here, once.
    const packed = (await db.insightsMeta.get('buyers')) ?? packBuyers(await db.insightBuyers.toArray());
    await Promise.all([
      db.insightsMeta.bulkPut([zoneRow(zone, nextNumber), patchBuyers(packed, after.map((share) => [share.clientId, share.purchases.length ? encodePurchases(share.purchases) : null]))]),
      db.insightDays.bulkPut(rows.filter((row) => !isEmptyDay(row))),
      db.insightDays.bulkDelete(rows.filter(isEmptyDay).map((row) => row.day)),
      db.insightClients.bulkPut(after.filter((share) => Object.keys(share.days).length > 0).map(shareOf)),
      db.insightClients.bulkDelete(after.filter((share) => Object.keys(share.days).length === 0).map((share) => share.clientId)),
      db.insightBuyers.bulkPut(after.filter((share) => share.purchases.length > 0).map(buyerOf)),
      db.insightBuyers.bulkDelete(after.filter((share) => share.purchases.length === 0).map((share) => share.clientId)),
      db.insightsDirty.bulkDelete(ids),
    ]);
    return { recounted: ids.length };
  });
}

/** Buyer rows as the one packed record the page reads (`InsightsMetaRecord` 'buyers'). */
export function packBuyers(rows: readonly InsightBuyerRecord[]): InsightsMetaRecord {
  const sorted = [...rows].sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
  return { key: 'buyers', ids: sorted.map((row) => row.clientId), purchases: sorted.map((row) => row.purchases) };
}

/** The packed record with some clients' purchases replaced (null: the client bought nothing, so goes). */
export function patchBuyers(packed: InsightsMetaRecord, changes: ReadonlyArray<readonly [clientId: string, purchases: string | null]>): InsightsMetaRecord {
  const ids = [...(packed.ids ?? [])];
  const purchases = [...(packed.purchases ?? [])];
  for (const [clientId, encoded] of changes) {
    // Binary search: a refresh usually changes one client of ten thousand.
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ids[middle]! < clientId) low = middle + 1;
      else high = middle;
    }
    const found = ids[low] === clientId;
    if (encoded === null) {
      if (found) {
        ids.splice(low, 1);
        purchases.splice(low, 1);
      }
    } else if (found) purchases[low] = encoded;
    else {
      ids.splice(low, 0, clientId);
      purchases.splice(low, 0, encoded);
    }
  }
  return { key: 'buyers', ids, purchases };
}

/**
 * Every client's encoded purchases for the per-client figures: the packed record, or the rows of
 * `insightBuyers` where it is missing (the page only reads; the worker writes it on its next refresh).
 */
export async function readBuyers(db: Pick<AggregateTables, 'insightBuyers' | 'insightsMeta'>): Promise<InsightBuyerRecord[]> {
  const packed = await db.insightsMeta.get('buyers');
  if (!packed?.ids || !packed.purchases) return db.insightBuyers.toArray();
  const purchases = packed.purchases;
  return packed.ids.map((clientId, index) => ({ clientId, purchases: purchases[index] ?? '' }));
}

/**
 * The zone the aggregates are cut in when no client waits to be recounted, else null. A page that
 * gets a zone reads the aggregates as they are; only with work waiting does it ask the worker to
 * refresh (which would wake it and queue behind its writes), and the worker catches up by itself
 * after a restore or an import (`catchUpInsightAggregates`), so that is rare.
 */
export function settledAggregatesZone(db: Pick<TouchbookDb, 'transaction' | 'insightsDirty' | 'insightsMeta'>): Promise<string | null> {
  return db.transaction('r', db.insightsDirty, db.insightsMeta, async () => {
    const [waiting, meta] = await Promise.all([db.insightsDirty.limit(1).count(), db.insightsMeta.get('zone')]);
    return waiting === 0 && meta?.zone && current(meta, meta.zone) ? meta.zone : null;
  });
}

/** The day totals from `fromDay` to `toDay` (both inclusive, YYYY-MM-DD), in day order. */
export function dailyAggregates(db: Pick<AggregateTables, 'insightDays'>, fromDay: string, toDay: string): Promise<InsightDayRecord[]> {
  return db.insightDays.where('day').between(fromDay, toDay, true, true).toArray();
}

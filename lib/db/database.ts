import { Dexie, type EntityTable, type Transaction } from 'dexie';
import {
  type AnswerRecord,
  type BookRecord,
  type ClientRecord,
  DEFAULT_SETTINGS,
  type EventRecord,
  type OfferRecord,
  type SettingsRecord,
  type SiteRecord,
  type TeamOutboxRecord,
  type TouchRecord,
  type UnmatchedObjectionRecord,
} from './schema';
import {
  insightsDirtyMiddleware,
  insightsZone,
  rebuildInsightAggregates,
  type AggregateTables,
  type InsightBuyerRecord,
  type InsightClientRecord,
  type InsightDayRecord,
  type InsightsDirtyRecord,
  type InsightsMetaRecord,
} from './insights-aggregates';

export const DATABASE_NAME = 'touchbook';

/**
 * The extension's local database. Only the background worker writes to it; pages read it through
 * messages or liveQuery. Keep every old `version()` declaration when adding a new one: Dexie
 * upgrades from whatever version a user's browser still has.
 */
export class TouchbookDb extends Dexie {
  clients!: EntityTable<ClientRecord, 'id'>;
  events!: EntityTable<EventRecord, 'id'>;
  touches!: EntityTable<TouchRecord, 'id'>;
  answers!: Dexie.Table<AnswerRecord, [string, string]>;
  books!: EntityTable<BookRecord, 'slot'>;
  sites!: EntityTable<SiteRecord, 'origin'>;
  settings!: EntityTable<SettingsRecord, 'key'>;
  offers!: Dexie.Table<OfferRecord, [string, string]>;
  unmatchedObjections!: EntityTable<UnmatchedObjectionRecord, 'id'>;
  // ---- version 3: the Insights daily aggregates (insights-aggregates.ts) ----
  insightClients!: EntityTable<InsightClientRecord, 'clientId'>;
  insightBuyers!: EntityTable<InsightBuyerRecord, 'clientId'>;
  insightDays!: EntityTable<InsightDayRecord, 'day'>;
  insightsDirty!: EntityTable<InsightsDirtyRecord, 'clientId'>;
  insightsMeta!: EntityTable<InsightsMetaRecord, 'key'>;
  // ---- version 4: the team view's outbox ----
  teamOutbox!: EntityTable<TeamOutboxRecord, 'id'>;

  constructor(options: ConstructorParameters<typeof Dexie>[1] = {}) {
    super(DATABASE_NAME, options);
    this.version(1).stores({
      clients: 'id, *recordKeys, *emails, *phoneKeys, name, updatedAt',
      events: 'id, clientId, [clientId+at], type',
      touches: 'id, clientId, [state+dueAt], [clientId+dueAt], programmeId',
      answers: '[clientId+questionId], clientId',
      books: 'slot',
      sites: 'origin',
      settings: 'key',
    });
    // Version 2: the lifecycle engine's fields on touches (and an index to find the ones whose
    // chance has passed), buyer type and churn reason on clients, working time on settings;
    // cross-sell offer outcomes and objections the book had no answer for.
    this.version(2)
      .stores({
        touches: 'id, clientId, [state+dueAt], [clientId+dueAt], programmeId, [state+expiresAt]',
        offers: '[clientId+ruleId], clientId',
        unmatchedObjections: 'id, createdAt',
      })
      .upgrade((tx) => upgradeToVersion2(tx));
    // Version 3: per-day totals for the Insights page (a year is 365 rows to read, not 150,000),
    // with each client's share of them, and the list of clients whose rows changed since.
    // The upgrade builds them from the rows already stored; no row of any other table changes.
    this.version(3)
      .stores({ insightClients: 'clientId', insightBuyers: 'clientId', insightDays: 'day', insightsDirty: 'clientId', insightsMeta: 'key' })
      .upgrade(async (tx) => {
        const settings = await tx.table<SettingsRecord, string>('settings').get('settings');
        const table = <Name extends keyof AggregateTables>(name: Name) => tx.table(name) as unknown as AggregateTables[Name];
        await rebuildInsightAggregates(
          {
            events: table('events'),
            touches: table('touches'),
            insightClients: table('insightClients'),
            insightBuyers: table('insightBuyers'),
            insightDays: table('insightDays'),
            insightsDirty: table('insightsDirty'),
            insightsMeta: table('insightsMeta'),
          },
          insightsZone(settings),
        );
      });
    this.use(insightsDirtyMiddleware);
    // Version 4: the team view's outbox (lib/team/outbox.ts), one row per day document to send.
    // A new table only: every existing record stays as it is, so no upgrade function.
    this.version(4).stores({ teamOutbox: 'id, seq' });
    // Version 5: an index on when a touch's outcome was recorded, so the team view finds the
    // outcomes recorded since its last count whatever day the touch was due (a late call on an
    // overdue touch). An index only: no record changes, no upgrade function.
    this.version(5).stores({ touches: 'id, clientId, [state+dueAt], [clientId+dueAt], programmeId, [state+expiresAt], outcomeAt' });
  }
}

/** Fills what version 2 added with neutral values, so old rows read like new ones. */
async function upgradeToVersion2(tx: Transaction): Promise<void> {
  await tx
    .table<Partial<TouchRecord> & Pick<TouchRecord, 'id' | 'updatedAt'>>('touches')
    .toCollection()
    .modify((touch) => {
      touch.programmeName ??= '';
      touch.priority ??= 0;
      touch.roleId ??= '';
      touch.anchorEventId ??= null;
      touch.occurrence ??= '';
      // Nothing planned these rows under version 1, so the planner must not remove them.
      touch.source ??= 'manager';
      touch.expiresAt ??= null;
      touch.snoozedUntil ??= null;
      touch.outcomeAt ??= null;
      touch.skipReason ??= null;
      touch.createdAt ??= touch.updatedAt;
    });
  await tx
    .table<ClientRecord>('clients')
    .toCollection()
    .modify((client) => {
      client.buyerType ??= null;
      client.churnReason ??= null;
    });
  await tx
    .table<SettingsRecord>('settings')
    .toCollection()
    .modify((settings) => {
      settings.workingDays ??= [...(DEFAULT_SETTINGS.workingDays ?? [])];
      settings.workDayStart ??= DEFAULT_SETTINGS.workDayStart;
      settings.workDayEnd ??= DEFAULT_SETTINGS.workDayEnd;
      settings.vacation ??= null;
      settings.remindersCheckedAt ??= null;
    });
}

export function openDatabase(options?: ConstructorParameters<typeof Dexie>[1]): TouchbookDb {
  return new TouchbookDb(options);
}

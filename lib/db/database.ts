import { Dexie, type EntityTable } from 'dexie';
import type {
  AnswerRecord,
  BookRecord,
  ClientRecord,
  EventRecord,
  SettingsRecord,
  SiteRecord,
  TouchRecord,
} from './schema';

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
  }
}

export function openDatabase(options?: ConstructorParameters<typeof Dexie>[1]): TouchbookDb {
  return new TouchbookDb(options);
}

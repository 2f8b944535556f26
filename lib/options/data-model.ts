import { signal } from '@preact/signals';
import type { BackupPortMessage } from '../background/backup-port';
import type { FieldMapping } from '../crm/mappings';
import type { Backup, SkippedRows } from '../db/backup';
import type { SettingsRecord, UnmatchedObjectionRecord } from '../db/schema';
import type { TouchRow } from '../export/touch-rows';
import { spreadsheetDateTime, touchesToCsv } from '../export/touches-csv';
import { createTranslator, type Translate } from '../i18n';
import { resolveTimeZone } from '../lifecycle/time';
import { toBookFieldMappings } from '../sites/mappings';
import { toCsv, type CsvColumn } from '../export/csv';

export interface DataModelDeps {
  exportBackup: () => Promise<Backup>;
  /** Sends the parsed file to the background and reports what it says, until done or failed. */
  importBackup: (backup: unknown, mode: 'merge' | 'replace', onMessage: (message: BackupPortMessage) => void) => void;
  mappings: () => Promise<Array<{ origin: string; mappings: FieldMapping[] }>>;
  forgetMapping: (origin: string, field: FieldMapping['field']) => Promise<unknown>;
  unmatched: () => Promise<UnmatchedObjectionRecord[]>;
  clearUnmatched: () => Promise<unknown>;
  /** Touches with their clients, read from the database: the pending ones or all of them. */
  touchRows: (which: 'pending' | 'all') => Promise<TouchRow[]>;
  /** The manager's settings the files need: the time zone, and names for the scripts. */
  settings: () => Promise<Pick<SettingsRecord, 'timeZone' | 'managerName' | 'companyName'>>;
  now?: () => number;
}

/** A file for the browser to save. */
export interface ExportFile {
  name: string;
  type: string;
  text: string;
  count: number;
}

export interface DataModelOptions {
  t: Translate;
  /** The UI language: dates in scripts. */
  locale: string;
}

/** The options page's data tools: backup and restore, taught fields, unanswered objections. */
export function createDataModel(deps: DataModelDeps, { t, locale }: DataModelOptions = { t: createTranslator('en'), locale: 'en' }) {
  const now = deps.now ?? Date.now;
  const mappings = signal<Array<{ origin: string; mappings: FieldMapping[] }>>([]);
  const unmatched = signal<UnmatchedObjectionRecord[]>([]);
  const progress = signal<{ done: number; total: number } | null>(null);
  /** A restore's outcome: the count and what was left out (with why), or the error. */
  const result = signal<{ ok: true; text: string; skipped: SkippedRows[] } | { ok: false; text: string } | null>(null);
  const exportResult = signal<{ ok: boolean; text: string } | null>(null);

  /** Builds a file from the touches; what it says after goes to `exportResult`. */
  const exportTouches = async (
    which: 'pending' | 'all',
    build: (rows: TouchRow[], context: ExportContext) => Omit<ExportFile, 'count'> | Promise<Omit<ExportFile, 'count'>>,
  ) => {
    exportResult.value = null;
    try {
      const [rows, settings] = await Promise.all([deps.touchRows(which), deps.settings()]);
      const at = now();
      // As the manager wrote it when valid: ICU would rename Europe/Kyiv to the old Europe/Kiev.
      const timeZone = settings.timeZone && resolveTimeZone(settings.timeZone, '') ? settings.timeZone : localTimeZone();
      const context = { ...settings, now: at, timeZone, day: spreadsheetDateTime(at, timeZone).slice(0, 10) };
      const file = { ...(await build(rows, context)), count: rows.length };
      exportResult.value = { ok: true, text: t('exportSaved', { count: file.count, file: file.name }) };
      return file;
    } catch (error) {
      exportResult.value = { ok: false, text: t('exportFailed', { error: error instanceof Error ? error.message : String(error) }) };
      return null;
    }
  };

  const load = async () => {
    const [nextMappings, nextUnmatched] = await Promise.all([deps.mappings(), deps.unmatched()]);
    mappings.value = nextMappings;
    unmatched.value = nextUnmatched;
  };

  return {
    mappings,
    unmatched,
    progress,
    result,
    exportResult,
    load,
    exportBackup: async () => `${JSON.stringify(await deps.exportBackup())}\n`,
    /** Parses the file here (a clear message for a file that is not JSON), then restores it. */
    importBackup: (text: string, mode: 'merge' | 'replace') =>
      new Promise<void>((resolve) => {
        result.value = null;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text) as unknown;
        } catch {
          result.value = { ok: false, text: 'not a JSON file' };
          return resolve();
        }
        progress.value = { done: 0, total: 0 };
        deps.importBackup(parsed, mode, (message) => {
          if (message.kind === 'progress') progress.value = { done: message.done, total: message.total };
          else {
            progress.value = null;
            result.value =
              message.kind === 'done'
                ? { ok: true, text: String(message.summary.total), skipped: message.summary.skipped }
                : { ok: false, text: message.error };
            // The restore is over either way; a list that fails to reload must not hang the page.
            void load().catch(() => undefined).finally(resolve);
          }
        });
      }),
    forgetMapping: async (origin: string, field: FieldMapping['field']) => {
      await deps.forgetMapping(origin, field);
      await load();
    },
    /** Taught fields as a sales book's `fieldMappings`, for a team lead to publish. */
    mappingsForBook: () => `${JSON.stringify({ fieldMappings: toBookFieldMappings(mappings.value) }, null, 2)}\n`,
    unmatchedAsCsv: () => toCsv(UNMATCHED_COLUMNS, unmatched.value),
    clearUnmatched: async () => {
      await deps.clearUnmatched();
      await load();
    },
    /** Pending touches as a calendar file; null (and a message in `exportResult`) when it failed. */
    plannedTouchesAsIcs: (): Promise<ExportFile | null> =>
      exportTouches('pending', async (rows, context) => {
        // Loaded on first use: the calendar writer is most of the export code's weight, and the
        // settings page opens far more often than it exports.
        const { touchesToIcs } = await import('../export/ics');
        return {
          name: `touchbook-planned-touches-${context.day}.ics`,
          type: 'text/calendar',
          text: touchesToIcs(rows, { ...context, locale, calendarName: t('exportCalendarName') }),
        };
      }),
    /** Every touch, history included, as a spreadsheet. */
    touchesAsCsv: (): Promise<ExportFile | null> =>
      exportTouches('all', (rows, context) => ({
        name: `touchbook-touches-${context.day}.csv`,
        type: 'text/csv',
        text: touchesToCsv(rows, { t, timeZone: context.timeZone }),
      })),
  };
}

export type DataModel = ReturnType<typeof createDataModel>;

type ExportContext = Pick<SettingsRecord, 'managerName' | 'companyName'> & { now: number; day: string; timeZone: string };

function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const UNMATCHED_COLUMNS: Array<CsvColumn<UnmatchedObjectionRecord>> = [
  { header: 'date', value: (row) => new Date(row.createdAt).toISOString() },
  { header: 'text', value: (row) => row.text },
];

import { signal } from '@preact/signals';
import type { FieldMapping } from '../crm/mappings';
import type { SkippedRows } from '../db/backup';
import type { SettingsRecord, UnmatchedObjectionRecord } from '../db/schema';
import type { TouchRow } from '../export/touch-rows';
import { spreadsheetDateTime, touchesToCsv } from '../export/touches-csv';
import type { Translate } from '../i18n';
import { resolveTimeZone } from '../lifecycle/time';
import { toBookFieldMappings } from '../sites/mappings';
import { toCsv, type CsvColumn } from '../export/csv';
import type { RestoreUpdate } from './backup-upload';

export interface DataModelDeps {
  /** The backup as pieces of JSON text, read from the database here (no message holds it). */
  exportBackup: (onProgress: (done: number, total: number) => void) => Promise<string[]>;
  /** Streams the file to the background and reports what happens, until done, failed or interrupted. */
  importBackup: (file: Blob, mode: 'merge' | 'replace', onUpdate: (update: RestoreUpdate) => void) => void;
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
export function createDataModel(deps: DataModelDeps, { t, locale }: DataModelOptions) {
  const now = deps.now ?? Date.now;
  const mappings = signal<Array<{ origin: string; mappings: FieldMapping[] }>>([]);
  const unmatched = signal<UnmatchedObjectionRecord[]>([]);
  /** A backup being saved or restored: which step, and how far (bytes of the file, then rows, then clients). */
  const progress = signal<BackupProgress | null>(null);
  /** A backup's outcome, worded: the count and what was left out (with why), or the error. */
  const result = signal<{ ok: true; text: string; skipped: SkippedRows[]; note?: string } | { ok: false; text: string } | null>(null);
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
    /** The backup file's pieces, or null (and why in `result`) when it could not be read. */
    exportBackup: async (): Promise<string[] | null> => {
      result.value = null;
      progress.value = { phase: 'export', done: 0, total: 0 };
      try {
        return await deps.exportBackup((done, total) => (progress.value = { phase: 'export', done, total }));
      } catch (error) {
        result.value = { ok: false, text: t('backupExportFailed', { error: error instanceof Error ? error.message : String(error) }) };
        return null;
      } finally {
        progress.value = null;
      }
    },
    /** Streams the file to the background, following its progress to the end, whatever the end is. */
    importBackup: async (file: Blob, mode: 'merge' | 'replace') => {
      result.value = null;
      // A file that does not even start like JSON is answered here, before anything is sent.
      const head = (await file.slice(0, 64).text()).replace(/^\uFEFF?\s*/, '');
      if (!head.startsWith('{')) {
        result.value = { ok: false, text: t('backupFailed', { error: 'not a JSON file' }) };
        return;
      }
      return new Promise<void>((resolve) => {
        progress.value = { phase: 'upload', done: 0, total: file.size };
        let written: { total: number; skipped: SkippedRows[] } | null = null;
        const restored = (summary: { total: number; skipped: SkippedRows[] }, note?: string) => ({
          ok: true as const,
          text: t('backupRestored', { count: summary.total }),
          skipped: summary.skipped,
          ...(note ? { note } : {}),
        });
        deps.importBackup(file, mode, (update) => {
          if (update.kind === 'progress') {
            progress.value = { phase: update.phase, done: update.done, total: update.total };
            return;
          }
          if (update.kind === 'written') {
            written = update.summary;
            return;
          }
          progress.value = null;
          if (update.kind === 'done') result.value = restored(update.summary);
          else if (update.kind === 'error') result.value = { ok: false, text: t('backupFailed', { error: update.error }) };
          // The worker was stopped: before the commit nothing changed (one transaction); after
          // it the data is in and only the re-planning, which the next start redoes, was cut.
          else if (written) result.value = restored(written, t('backupPlanInterrupted'));
          else result.value = { ok: false, text: t('backupFailed', { error: t('backupInterrupted') }) };
          // The restore is over either way; a list that fails to reload must not hang the page.
          void load().catch(() => undefined).finally(resolve);
        });
      });
    },
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

export interface BackupProgress {
  phase: 'export' | 'upload' | 'write' | 'plan';
  done: number;
  total: number;
}

type ExportContext = Pick<SettingsRecord, 'managerName' | 'companyName'> & { now: number; day: string; timeZone: string };

function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const UNMATCHED_COLUMNS: Array<CsvColumn<UnmatchedObjectionRecord>> = [
  { header: 'date', value: (row) => new Date(row.createdAt).toISOString() },
  { header: 'text', value: (row) => row.text },
];

import { signal } from '@preact/signals';
import type { BackupPortMessage } from '../background/backup-port';
import type { FieldMapping } from '../crm/mappings';
import type { Backup, SkippedRows } from '../db/backup';
import type { UnmatchedObjectionRecord } from '../db/schema';
import { toBookFieldMappings } from '../sites/mappings';

export interface DataModelDeps {
  exportBackup: () => Promise<Backup>;
  /** Sends the parsed file to the background and reports what it says, until done or failed. */
  importBackup: (backup: unknown, mode: 'merge' | 'replace', onMessage: (message: BackupPortMessage) => void) => void;
  mappings: () => Promise<Array<{ origin: string; mappings: FieldMapping[] }>>;
  forgetMapping: (origin: string, field: FieldMapping['field']) => Promise<unknown>;
  unmatched: () => Promise<UnmatchedObjectionRecord[]>;
  clearUnmatched: () => Promise<unknown>;
}

/** The options page's data tools: backup and restore, taught fields, unanswered objections. */
export function createDataModel(deps: DataModelDeps) {
  const mappings = signal<Array<{ origin: string; mappings: FieldMapping[] }>>([]);
  const unmatched = signal<UnmatchedObjectionRecord[]>([]);
  const progress = signal<{ done: number; total: number } | null>(null);
  /** A restore's outcome: the count and what was left out (with why), or the error. */
  const result = signal<{ ok: true; text: string; skipped: SkippedRows[] } | { ok: false; text: string } | null>(null);

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
    unmatchedAsCsv: () =>
      ['date,text', ...unmatched.value.map((row) => `${new Date(row.createdAt).toISOString()},${csvCell(row.text)}`)].join('\n') + '\n',
    clearUnmatched: async () => {
      await deps.clearUnmatched();
      await load();
    },
  };
}

export type DataModel = ReturnType<typeof createDataModel>;

/**
 * A CSV cell for a spreadsheet: quoted, and a leading =, +, - or @ neutralised with an apostrophe,
 * because the text is what a client said and a spreadsheet would run it as a formula.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

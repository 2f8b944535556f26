import { useSignal } from '@preact/signals';
import type { BackupTableName, SkipReason, SkippedRows } from '../lib/db/backup';
import type { MessageKey, Translate } from '../lib/i18n';
import type { BackupProgress, DataModel, ExportFile } from '../lib/options/data-model';
import { download } from './download';

/** Backup and restore, the fields taught on each CRM, and what clients said that the book lacks. */
export function DataSettings({ model, t }: { model: DataModel; t: Translate }) {
  const mode = useSignal<'merge' | 'replace'>('merge');
  const progress = model.progress.value;
  const result = model.result.value;
  const taught = model.mappings.value.filter((site) => site.mappings.length > 0);
  const exportResult = model.exportResult.value;
  const save = (making: Promise<ExportFile | null>) =>
    void making.then((file) => {
      if (file) download(file.name, file.text, file.type);
    });
  return (
    <>
      <section class="tb-card tb-stack" aria-labelledby="backup-title" data-testid="backup">
        <h2 id="backup-title">{t('backupTitle')}</h2>
        <p class="tb-muted">{t('backupHint')}</p>
        <div class="tb-row">
          <button
            class="tb-button"
            type="button"
            data-testid="backup-export"
            disabled={progress !== null}
            onClick={() =>
              void model.exportBackup().then((parts) => {
                if (parts) download(`touchbook-backup-${new Date().toISOString().slice(0, 10)}.json`, parts);
              })
            }
          >
            {t('backupExport')}
          </button>
        </div>
        <fieldset class="tb-row">
          <legend>{t('backupImportMode')}</legend>
          <label>
            <input type="radio" name="backup-mode" checked={mode.value === 'merge'} onChange={() => (mode.value = 'merge')} /> {t('backupMerge')}
          </label>
          <label>
            <input type="radio" name="backup-mode" checked={mode.value === 'replace'} onChange={() => (mode.value = 'replace')} /> {t('backupReplace')}
          </label>
        </fieldset>
        <label class="tb-field">
          <span>{t('backupImport')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-testid="backup-file"
            disabled={progress !== null}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void model.importBackup(file, mode.value);
              event.currentTarget.value = '';
            }}
          />
        </label>
        {progress && (
          <label class="tb-field" data-testid="backup-progress" data-phase={progress.phase} data-done={progress.done} data-total={progress.total}>
            <span>{t(PHASES[progress.phase])}</span>
            <progress max={progress.total || 1} value={progress.done} />
          </label>
        )}
        {result && (
          <p class={result.ok ? 'tb-muted' : 'tb-error'} role="status" data-testid="backup-result">
            {result.text}
            {result.ok && result.note && ` ${result.note}`}
          </p>
        )}
        {result?.ok && result.skipped.length > 0 && <SkippedList skipped={result.skipped} t={t} />}
      </section>

      <section class="tb-card tb-stack" aria-labelledby="exports-title" data-testid="exports">
        <h2 id="exports-title">{t('exportTitle')}</h2>
        <p class="tb-muted">{t('exportHint')}</p>
        <div class="tb-row">
          <button class="tb-button" type="button" data-testid="export-ics" onClick={() => save(model.plannedTouchesAsIcs())}>
            {t('exportCalendar')}
          </button>
          <button class="tb-button" type="button" data-testid="export-csv" onClick={() => save(model.touchesAsCsv())}>
            {t('exportTouchesCsv')}
          </button>
        </div>
        {exportResult && (
          <p class={exportResult.ok ? 'tb-muted' : 'tb-error'} role="status" data-testid="export-result">
            {exportResult.text}
          </p>
        )}
        <p class="tb-muted" data-testid="export-calendar-how-to">
          {t('exportCalendarHowTo')}
        </p>
      </section>

      <section class="tb-card tb-stack" aria-labelledby="taught-title" data-testid="taught-fields">
        <h2 id="taught-title">{t('taughtTitle')}</h2>
        {taught.length === 0 ? (
          <p class="tb-muted">{t('taughtNone')}</p>
        ) : (
          <>
            {taught.map((site) => (
              <div>
                <h3>{site.origin}</h3>
                <ul class="tb-list">
                  {site.mappings.map((mapping) => (
                    <li>
                      <span>
                        <strong>{mapping.field}</strong> <code>{mapping.selector ?? mapping.label}</code>
                      </span>
                      <button class="tb-button" type="button" onClick={() => void model.forgetMapping(site.origin, mapping.field)}>
                        {t('taughtForget')}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <button class="tb-button" type="button" onClick={() => download('touchbook-field-mappings.json', model.mappingsForBook())}>
              {t('taughtExport')}
            </button>
          </>
        )}
      </section>

      <section class="tb-card tb-stack" aria-labelledby="unmatched-title" data-testid="unmatched">
        <h2 id="unmatched-title">{t('unmatchedTitle')}</h2>
        {model.unmatched.value.length === 0 ? (
          <p class="tb-muted">{t('unmatchedNone')}</p>
        ) : (
          <>
            <ul class="tb-plain-list">
              {model.unmatched.value.slice(0, 100).map((row) => (
                <li>“{row.text}”</li>
              ))}
            </ul>
            <div class="tb-row">
              <button class="tb-button" type="button" onClick={() => download('touchbook-unanswered-objections.csv', model.unmatchedAsCsv(), 'text/csv')}>
                {t('unmatchedExport')}
              </button>
              <button class="tb-button" type="button" onClick={() => void model.clearUnmatched()}>
                {t('unmatchedClear')}
              </button>
            </div>
          </>
        )}
      </section>
    </>
  );
}

const PHASES: Record<BackupProgress['phase'], MessageKey> = {
  export: 'backupExporting',
  upload: 'backupSending',
  write: 'backupImporting',
  plan: 'backupPlanning',
};

const TABLE_NAMES: Record<BackupTableName, MessageKey> = {
  clients: 'backupTableClients',
  events: 'backupTableEvents',
  touches: 'backupTableTouches',
  answers: 'backupTableAnswers',
  offers: 'backupTableOffers',
  books: 'backupTableBooks',
  sites: 'backupTableSites',
  settings: 'backupTableSettings',
  unmatchedObjections: 'backupTableUnmatched',
};

const SKIP_REASONS: Record<SkipReason, MessageKey> = {
  'missing-client': 'backupSkipMissingClient',
  'unsafe-url': 'backupSkipUnsafeUrl',
  'unknown-time-zone': 'backupSkipUnknownTimeZone',
  'invalid-book': 'backupSkipInvalidBook',
  'policy-controlled': 'backupSkipPolicyControlled',
};

/** What a restore left out, per table and reason, with the first few so they can be found in the file. */
function SkippedList({ skipped, t }: { skipped: SkippedRows[]; t: Translate }) {
  return (
    <div data-testid="backup-skipped">
      <p>{t('backupSkippedTitle')}</p>
      <ul class="tb-plain-list">
        {skipped.map((group) => (
          <li>
            {`${t(TABLE_NAMES[group.table])}: ${group.count}, ${t(SKIP_REASONS[group.reason])}`}
            {group.examples.length > 0 && ` (${t('backupSkippedExamples', { examples: group.examples.join('; ') })})`}
          </li>
        ))}
      </ul>
    </div>
  );
}

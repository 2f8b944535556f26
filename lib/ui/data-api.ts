import { browser } from 'wxt/browser';
import { BACKUP_PORT } from '../background/backup-port';
import { request } from '../messaging/send';
import { sendBackupFile } from '../options/backup-upload';
import type { DataModelDeps } from '../options/data-model';
import { settingsApi } from './background-api';

/** The data tools' background half; the page reads touches and backups for export from the database itself. */
export const dataApi: Omit<DataModelDeps, 'touchRows' | 'exportBackup'> = {
  importBackup: (file, mode, onUpdate) => sendBackupFile(browser.runtime.connect({ name: BACKUP_PORT }), file, mode, onUpdate),
  mappings: () => request({ type: 'ui/mappings.list' }),
  forgetMapping: (origin, field) => request({ type: 'ui/mappings.forget', origin, field }),
  unmatched: () => request({ type: 'ui/unmatched.list' }),
  clearUnmatched: () => request({ type: 'ui/unmatched.clear' }),
  settings: () => settingsApi.get(),
};

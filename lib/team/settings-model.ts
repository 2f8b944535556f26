import { signal } from '@preact/signals';
import type { MessageKey } from '../i18n/messages/en';
import { ManagerIdSchema } from './docs';
import type { TeamStatus } from './service';
import { checkTeamUrl, type EffectiveTeamSettings, type TeamField, type TeamSettings } from './settings';

export interface TeamSettingsDeps {
  load: () => Promise<EffectiveTeamSettings>;
  save: (settings: TeamSettings) => Promise<void>;
  /** Asks for the database's origin; must be called before anything is awaited in the click. */
  requestAccess: (url: string) => Promise<boolean>;
  status: () => Promise<TeamStatus>;
  syncNow: () => Promise<TeamStatus>;
}

export type TeamFormError = { key: MessageKey; origin?: string };

const URL_ERRORS: Record<'invalid' | 'https' | 'credentials' | 'database', MessageKey> = {
  invalid: 'teamErrorUrlInvalid',
  https: 'teamErrorUrlHttps',
  credentials: 'teamErrorUrlCredentials',
  database: 'teamErrorUrlDatabase',
};

/** The options page's team section: the settings form, what is sent, and the sync status. */
export function createTeamSettingsModel(deps: TeamSettingsDeps) {
  const settings = signal<TeamSettings | null>(null);
  const locked = signal<TeamField[]>([]);
  const status = signal<TeamStatus | null>(null);
  const error = signal<TeamFormError | null>(null);
  const saved = signal(false);
  const busy = signal(false);

  const refreshStatus = async () => {
    status.value = await deps.status().catch(() => null);
  };

  return {
    settings,
    locked,
    status,
    error,
    saved,
    busy,
    async load() {
      const effective = await deps.load();
      settings.value = effective.settings;
      locked.value = effective.locked;
      await refreshStatus();
    },
    /** Validates, asks for the host permission (synchronously, inside the click), then stores. */
    async save(next: TeamSettings): Promise<boolean> {
      saved.value = false;
      error.value = null;
      const url = next.url.trim() === '' ? null : checkTeamUrl(next.url, next.managerId);
      if (url && !url.ok) {
        error.value = { key: URL_ERRORS[url.error] };
        return false;
      }
      if (next.enabled && !url) {
        error.value = { key: 'teamErrorUrlInvalid' };
        return false;
      }
      if ((next.enabled || next.managerId !== '') && !ManagerIdSchema.safeParse(next.managerId).success) {
        error.value = { key: 'teamErrorManagerId' };
        return false;
      }
      const access = url?.ok ? deps.requestAccess(url.url) : Promise.resolve(true);
      busy.value = true;
      try {
        if (!(await access)) {
          error.value = { key: 'teamErrorPermission', origin: url?.ok ? new URL(url.url).origin : '' };
          return false;
        }
        const normalised = { ...next, url: url?.ok ? url.url : '' };
        await deps.save(normalised);
        settings.value = normalised;
        saved.value = true;
        await refreshStatus();
        return true;
      } finally {
        busy.value = false;
      }
    },
    async syncNow() {
      busy.value = true;
      try {
        status.value = await deps.syncNow();
      } finally {
        busy.value = false;
      }
    },
  };
}
export type TeamSettingsModel = ReturnType<typeof createTeamSettingsModel>;

import { z } from 'zod';
import { ManagerIdSchema } from './docs';

/**
 * The team view's settings. They live in `storage.local` under one key, never in `storage.sync`
 * (the password must not travel to the browser vendor's servers), never in Dexie (so a backup
 * file carries no credentials), and are off until a manager or the policy turns them on.
 */
export const TEAM_SETTINGS_KEY = 'team-settings';

export const TeamSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** The team database's URL, e.g. `https://couch.example.com/team`. */
  url: z.string().max(2048).default(''),
  user: z.string().max(200).default(''),
  password: z.string().max(1000).default(''),
  managerId: z.string().max(64).default(''),
  managerName: z.string().max(200).default(''),
  /** Team decisions: what may leave the browser beyond the default aggregates. */
  shareTopClients: z.boolean().default(false),
  shareClientOutcomes: z.boolean().default(false),
});
export type TeamSettings = z.output<typeof TeamSettingsSchema>;

/**
 * The `team` object of the enterprise policy (storage.managed, next to the book's keys). Whatever
 * it sets, the manager cannot change; the password is never taken from a policy.
 */
export const TeamPolicySchema = z.object({
  enabled: z.boolean().optional(),
  url: z.string().max(2048).optional(),
  user: z.string().max(200).optional(),
  managerId: z.string().max(64).optional(),
  managerName: z.string().max(200).optional(),
  shareTopClients: z.boolean().optional(),
  shareClientOutcomes: z.boolean().optional(),
});
export type TeamPolicy = z.output<typeof TeamPolicySchema>;
export type TeamField = keyof TeamPolicy;

export interface EffectiveTeamSettings {
  settings: TeamSettings;
  /** The fields the policy set: shown, not editable. */
  locked: TeamField[];
}

export function parseStoredSettings(raw: unknown): TeamSettings {
  const parsed = TeamSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : TeamSettingsSchema.parse({});
}

/** The policy's `team` object, or null when absent or malformed (an unreadable policy locks nothing). */
export function parseTeamPolicy(managed: unknown): TeamPolicy | null {
  if (typeof managed !== 'object' || managed === null) return null;
  const parsed = TeamPolicySchema.safeParse((managed as { team?: unknown }).team);
  return parsed.success && parsed.data ? parsed.data : null;
}

export function effectiveSettings(stored: TeamSettings, policy: TeamPolicy | null): EffectiveTeamSettings {
  const settings = { ...stored };
  const locked: TeamField[] = [];
  for (const [key, value] of Object.entries(policy ?? {}) as Array<[TeamField, unknown]>) {
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    (settings as Record<TeamField, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
    locked.push(key);
  }
  return { settings, locked };
}

/** In a URL (typically the policy's), stands for the manager's id: `https://couch.example.com/touchbook-{managerId}`. */
export const MANAGER_PLACEHOLDER = '{managerId}';

/**
 * A manager id as part of a database name: CouchDB allows no "." there, so it becomes "_"
 * (scripts/lib/couch-team.mjs names the databases the same way).
 */
export function managerDbPart(managerId: string): string {
  return managerId.replace(/\./g, '_');
}

/**
 * The database URL, if it is one Touchbook will send credentials to: HTTPS, or plain HTTP only to
 * this computer (a CouchDB or pouchdb-server on 127.0.0.1 for a trial or a test); a database
 * name in the path; no user or password inside the URL (those belong in their own fields).
 */
export function checkTeamUrl(value: string, managerId = ''): { ok: true; url: string } | { ok: false; error: 'invalid' | 'https' | 'credentials' | 'database' } {
  let text = value.trim();
  // One policy for the whole team names each manager's own database (docs/team-view.md).
  if (text.includes(MANAGER_PLACEHOLDER)) {
    if (!ManagerIdSchema.safeParse(managerId).success) return { ok: false, error: 'database' };
    text = text.split(MANAGER_PLACEHOLDER).join(managerDbPart(managerId));
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'invalid' };
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) return { ok: false, error: 'https' };
  if (url.username || url.password) return { ok: false, error: 'credentials' };
  if (url.search || url.hash) return { ok: false, error: 'invalid' };
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '' || path.split('/').pop()?.startsWith('_')) return { ok: false, error: 'database' };
  return { ok: true, url: `${url.origin}${path}` };
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export type ReadyTeam =
  | { ready: true; url: string; user: string; password: string; managerId: string; managerName: string; shareTopClients: boolean; shareClientOutcomes: boolean }
  | { ready: false; reason: 'off' | 'url' | 'manager' };

/** Whether this browser should send, and with what; the replicator reads only this. */
export function readyTeam(settings: TeamSettings): ReadyTeam {
  if (!settings.enabled) return { ready: false, reason: 'off' };
  const url = checkTeamUrl(settings.url, settings.managerId);
  if (!url.ok) return { ready: false, reason: 'url' };
  if (!ManagerIdSchema.safeParse(settings.managerId).success) return { ready: false, reason: 'manager' };
  return {
    ready: true,
    url: url.url,
    user: settings.user,
    password: settings.password,
    managerId: settings.managerId,
    managerName: settings.managerName,
    shareTopClients: settings.shareTopClients,
    shareClientOutcomes: settings.shareClientOutcomes,
  };
}

type StorageArea = { get: (keys: string) => Promise<Record<string, unknown>>; set: (items: Record<string, unknown>) => Promise<void> };

export async function loadTeamSettings(local: StorageArea, readManaged: () => Promise<unknown>): Promise<EffectiveTeamSettings> {
  const { [TEAM_SETTINGS_KEY]: raw } = await local.get(TEAM_SETTINGS_KEY);
  // Firefox rejects when no policy exists; that means "no policy".
  const managed = await readManaged().catch(() => null);
  return effectiveSettings(parseStoredSettings(raw), parseTeamPolicy(managed));
}

export async function saveTeamSettings(local: StorageArea, settings: TeamSettings): Promise<void> {
  await local.set({ [TEAM_SETTINGS_KEY]: TeamSettingsSchema.parse(settings) });
}

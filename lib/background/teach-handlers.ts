import { listSites, saveSite } from '../db/sites';
import { resolveUiLanguage } from '../i18n/languages';
import { PICKER_MESSAGE_KEYS } from '../teach/picker-keys';
import { getSettings } from '../db/settings';
import { bookMappingsFor, mergeMappings, TEACHABLE_FIELDS, withMapping, type TeachableField } from '../sites/mappings';
import type { BackgroundToContent } from '../messages';
import type { BackgroundDeps } from './handlers';
import type { ContentHandlers, UiHandlers } from './router';

/** The picker's file; injected only when the manager starts "Teach a field". */
export const PICKER_SCRIPT_FILE = '/content-scripts/picker.js';
const PENDING_SELECTION_PREFIX = 'teach-selection:';
const PENDING_PICK_PREFIX = 'teach-pick:';

type TeachContentHandlers = Pick<ContentHandlers, 'cs/mappings.get' | 'cs/teach' | 'cs/teach.context'>;
type TeachUiHandlers = Pick<UiHandlers, 'ui/teach.start' | 'ui/mappings.list' | 'ui/mappings.forget'>;

/**
 * Teaching fields: the picker in the page reports where a value sits, the background keeps it on
 * the site, and every open page of that CRM reads itself again with the new mapping.
 */
export function createTeachContentHandlers(deps: BackgroundDeps): TeachContentHandlers {
  const { db, books } = deps;

  const mappingsFor = async (origin: string) => {
    const [site, book] = await Promise.all([db.sites.get(origin), books.teamBook()]);
    return mergeMappings(bookMappingsFor(book, origin), site?.mappings ?? []);
  };

  return {
    'cs/mappings.get': (_message, sender) => mappingsFor(sender.origin),
    'cs/teach': async ({ mapping }, sender) => {
      const site = await db.sites.get(sender.origin);
      if (!site) throw new Error(`${sender.origin} is not enabled`);
      await saveSite(db, { ...site, mappings: withMapping(site.mappings ?? [], mapping) });
      await notifyPagesOf(deps, site.pattern);
      return mappingsFor(sender.origin);
    },
    'cs/teach.context': async (_message, sender) => {
      // A context-menu click, or "Teach the name" in the panel, leaves the field waiting for the
      // picker it injected (one use only).
      const keys = [`${PENDING_SELECTION_PREFIX}${sender.tabId}`, `${PENDING_PICK_PREFIX}${sender.tabId}`] as const;
      const pending = await deps.session.get([...keys]);
      await deps.session.remove([...keys]);
      const teachable = (value: unknown) => TEACHABLE_FIELDS.find((field) => field === value) ?? null;
      const language = resolveUiLanguage((await getSettings(db)).uiLanguage, [deps.uiLanguage()]);
      const words = await deps.messages(language);
      return {
        language,
        messages: Object.fromEntries(PICKER_MESSAGE_KEYS.map((key) => [key, words[key]])),
        selectionField: teachable(pending[keys[0]]),
        pickField: teachable(pending[keys[1]]),
      };
    },
  };
}

/** "Use as client phone" on selected text: the picker teaches the selection without asking. */
export async function teachSelection(deps: BackgroundDeps, tabId: number, frameId: number, field: TeachableField): Promise<void> {
  await deps.session.set({ [`${PENDING_SELECTION_PREFIX}${tabId}`]: field });
  await deps.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PICKER_SCRIPT_FILE] });
}

export function createTeachUiHandlers(deps: BackgroundDeps): TeachUiHandlers {
  const { db, focus, scripting } = deps;
  return {
    'ui/teach.start': async ({ tabId, field }) => {
      const target = tabId ?? (await focus.lastClientTab());
      if (target === null) throw new Error('no CRM page to teach on');
      const pickKey = `${PENDING_PICK_PREFIX}${target}`;
      if (field) await deps.session.set({ [pickKey]: field });
      else await deps.session.remove(pickKey);
      await scripting.executeScript({ target: { tabId: target }, files: [PICKER_SCRIPT_FILE] });
      return { tabId: target };
    },
    'ui/mappings.list': async () =>
      (await listSites(db)).map((site) => ({ origin: site.origin, mappings: site.mappings ?? [] })),
    'ui/mappings.forget': async ({ origin, field }) => {
      const site = await db.sites.get(origin);
      if (!site) return [];
      const mappings = (site.mappings ?? []).filter((mapping) => mapping.field !== field);
      await saveSite(db, { ...site, mappings });
      await notifyPagesOf(deps, site.pattern);
      return mappings;
    },
  };
}

async function notifyPagesOf({ tabs }: BackgroundDeps, pattern: string): Promise<void> {
  const message: BackgroundToContent = { type: 'bg/mappings.changed' };
  const tabIds = (await tabs.query({ url: pattern })).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  // A tab whose page has no content script (still loading, or not a record) has nobody to tell.
  await Promise.all(tabIds.map((tabId) => tabs.sendMessage(tabId, message).catch(() => undefined)));
}

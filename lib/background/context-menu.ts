import type { browser } from 'wxt/browser';
import type { MessageKey, Translate } from '../i18n';
import type { TeachableField } from '../sites/mappings';

/**
 * "Touchbook: use as client name / phone / email" on selected text in an enabled CRM: the quick
 * way to teach a field without opening the picker. Shown only on enabled sites.
 */
const MENU_FIELDS = [
  ['name', 'menuUseAsName'],
  ['phones', 'menuUseAsPhone'],
  ['emails', 'menuUseAsEmail'],
] as const satisfies ReadonlyArray<readonly [TeachableField, MessageKey]>;

const MENU_PREFIX = 'touchbook-teach-';

type Menus = Pick<typeof browser.contextMenus, 'create' | 'removeAll'>;

/** Rebuilds the menu for the enabled sites' match patterns (none: no menu at all). */
export async function installTeachMenu(menus: Menus, patterns: string[], t: Translate): Promise<void> {
  await menus.removeAll();
  if (patterns.length === 0) return;
  for (const [field, titleKey] of MENU_FIELDS) {
    menus.create({ id: `${MENU_PREFIX}${field}`, title: t(titleKey), contexts: ['selection'], documentUrlPatterns: patterns });
  }
}

/** The field a clicked menu item teaches, or null for a menu item that is not ours. */
export function fieldOfMenuItem(menuItemId: string | number): TeachableField | null {
  const id = String(menuItemId);
  if (!id.startsWith(MENU_PREFIX)) return null;
  return MENU_FIELDS.find(([field]) => `${MENU_PREFIX}${field}` === id)?.[0] ?? null;
}

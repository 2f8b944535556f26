/** The toolbar badge: how many touches are due, in as few characters as the badge can show. */

export const BADGE_COLOR = '#c2410c';

/** `browser.action` as far as the badge uses it (MV3 in both browsers). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { color: string }): Promise<void> | void;
}

/** The badge tells counts apart up to here; anything more reads "99+". */
export const BADGE_COUNT_LIMIT = 100;

/** '' for nothing due (the badge disappears), '1'...'99', then '99+'. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

export async function showDueCount(action: BadgeApi, count: number): Promise<string> {
  const text = badgeText(count);
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor?.({ color: BADGE_COLOR });
  return text;
}

import { z } from 'zod';
import type { Programme, Role } from '../book/schema';
import type { SettingsRecord, TouchRecord } from '../db/schema';

/**
 * Who performs a touch decides whose list it lands in. The book names a role on every touch
 * (sales manager, service advisor, finance...); the manager says in the settings which roles are
 * theirs. Their own touches come first, remind and count on the badge; the others are listed as
 * "for the service team" with a hand-over that copies the touch as a task for the CRM.
 */

/** A manager who has not chosen is a sales manager: that is who installs a sales copilot. */
export const DEFAULT_ROLE_IDS: readonly string[] = ['sales-manager'];

/** How many hand-overs are remembered; older ones are forgotten first (their touches long closed). */
export const HANDED_OVER_LIMIT = 500;

const roleId = z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a role id such as service-advisor');
export const RoleIdsSchema = z.array(roleId).min(1, 'choose at least one role').max(32);
export const HandedOverSchema = z.array(z.string().min(1).max(200)).max(HANDED_OVER_LIMIT);

/** Every role the book's touches name, once each, in the book's order: what a manager can be. */
export function bookRoles(book: { programmes: ReadonlyArray<Pick<Programme, 'touches'>> }): Role[] {
  const roles = new Map<string, Role>();
  for (const programme of book.programmes) for (const touch of programme.touches) if (!roles.has(touch.role.id)) roles.set(touch.role.id, touch.role);
  return [...roles.values()];
}

export function ownRoleIdsOf(settings: Pick<SettingsRecord, 'roleIds'>): readonly string[] {
  return settings.roleIds?.length ? settings.roleIds : DEFAULT_ROLE_IDS;
}

export function handedOverOf(settings: Pick<SettingsRecord, 'handedOverTouchIds'>): readonly string[] {
  return settings.handedOverTouchIds ?? [];
}

/** Touches planned before roles were recorded carry no role id: they stay the manager's own. */
export function isOwnTouch(touch: Pick<TouchRecord, 'roleId'>, ownRoleIds: readonly string[]): boolean {
  return touch.roleId === '' || ownRoleIds.includes(touch.roleId);
}

/** A predicate for the reminder pass and the badge: the manager's own, not handed over. */
export function ownTouchFilter(settings: Pick<SettingsRecord, 'roleIds' | 'handedOverTouchIds'>) {
  const own = ownRoleIdsOf(settings);
  const handedOver = new Set(handedOverOf(settings));
  return (touch: Pick<TouchRecord, 'id' | 'roleId'>) => isOwnTouch(touch, own) && !handedOver.has(touch.id);
}

export interface RoleGroup<T> {
  roleId: string;
  /** The role's name as the book words it on the touch. */
  role: string;
  items: T[];
}

export interface RoleSplit<T> {
  own: T[];
  /** Touches for other roles, one group per role in the order they first appear. */
  others: Array<RoleGroup<T>>;
  /** Touches the manager passed on; kept apart so they can be taken back. */
  handedOver: T[];
}

export function splitByRole<T extends { touch: Pick<TouchRecord, 'id' | 'roleId' | 'role'> }>(
  items: readonly T[],
  ownRoleIds: readonly string[],
  handedOverIds: readonly string[],
): RoleSplit<T> {
  const handed = new Set(handedOverIds);
  const split: RoleSplit<T> = { own: [], others: [], handedOver: [] };
  const groups = new Map<string, RoleGroup<T>>();
  for (const item of items) {
    if (handed.has(item.touch.id)) split.handedOver.push(item);
    else if (isOwnTouch(item.touch, ownRoleIds)) split.own.push(item);
    else {
      let group = groups.get(item.touch.roleId);
      if (!group) {
        group = { roleId: item.touch.roleId, role: item.touch.role || item.touch.roleId, items: [] };
        groups.set(item.touch.roleId, group);
        split.others.push(group);
      }
      group.items.push(item);
    }
  }
  return split;
}

/** Adds or removes a hand-over; the newest are kept when the list is full. */
export function withHandOver(ids: readonly string[], touchId: string, handedOver: boolean): string[] {
  const rest = ids.filter((id) => id !== touchId);
  return handedOver ? [...rest, touchId].slice(-HANDED_OVER_LIMIT) : rest;
}

export interface HandOverLabels {
  client: string;
  due: string;
  performer: string;
  channel: string;
  script: string;
  link: string;
}

/**
 * The touch as a task another team can pick up from the CRM: plain text, one fact per line, in
 * the manager's language. Nothing the task does not need (no notes, no history).
 */
export function handOverText(
  item: {
    touch: Pick<TouchRecord, 'goal' | 'role'>;
    client: { name: string; company: string | null; url: string | null };
  },
  labels: HandOverLabels,
  /** The due time and channel as the manager reads them, and the script filled from the card. */
  facts: { due: string; channel: string; script: string },
): string {
  const { touch, client } = item;
  const lines = [
    touch.goal,
    `${labels.client}: ${client.company ? `${client.name} (${client.company})` : client.name}`,
    `${labels.due}: ${facts.due}`,
    `${labels.performer}: ${touch.role}`,
    `${labels.channel}: ${facts.channel}`,
  ];
  if (facts.script.trim()) lines.push(`${labels.script}: ${facts.script.trim()}`);
  if (client.url) lines.push(`${labels.link}: ${client.url}`);
  return lines.join('\n');
}

import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { DueList, DueTouchView } from '../background/lifecycle-service';
import { addDuration, localDateOf, startOfLocalDay } from '../lifecycle/time';
import type { TouchOutcome } from '../db/schema';
import { splitByRole, type RoleGroup } from '../roles/routing';

export interface DueModelDeps {
  list: () => Promise<DueList>;
  done: (touchId: string, outcome: TouchOutcome) => Promise<unknown>;
  snooze: (touchId: string, until: number) => Promise<unknown>;
  handOver: (touchId: string, handedOver: boolean) => Promise<unknown>;
}

/** The manager's own touches by when, then the other roles' touches, then what was handed over. */
export interface DueGroups {
  overdue: DueTouchView[];
  today: DueTouchView[];
  others: Array<RoleGroup<DueTouchView>>;
  handedOver: DueTouchView[];
}

export interface DueModel {
  /** Null until loaded. */
  list: ReadonlySignal<DueList | null>;
  groups: ReadonlySignal<DueGroups>;
  problem: ReadonlySignal<string | null>;
  load: () => Promise<void>;
  done: (touchId: string, outcome?: TouchOutcome) => Promise<void>;
  snoozeFor: (touchId: string, ms: number) => Promise<void>;
  snoozeUntil: (touchId: string, until: number) => Promise<void>;
  /** Tomorrow at the same time of day. */
  snoozeTomorrow: (touchId: string) => Promise<void>;
  /** Another role's touch was copied as a task (or is taken back). */
  handOver: (touchId: string, handedOver: boolean) => Promise<void>;
}

/** The popup's list of due and overdue touches, and what the manager does with them. */
export function createDueModel(deps: DueModelDeps): DueModel {
  const list = signal<DueList | null>(null);
  const problem = signal<string | null>(null);
  // "Today" ends at the manager's midnight, by the background's clock and time zone.
  const groups = computed<DueGroups>(() => {
    if (!list.value) return { overdue: [], today: [], others: [], handedOver: [] };
    const { items, now, timeZone, ownRoleIds, handedOverTouchIds } = list.value;
    const { own, others, handedOver } = splitByRole(items, ownRoleIds, handedOverTouchIds);
    const startOfToday = startOfLocalDay(localDateOf(now, timeZone), timeZone);
    return {
      overdue: orderCallLists(own.filter((item) => item.touch.dueAt < startOfToday)),
      today: orderCallLists(own.filter((item) => item.touch.dueAt >= startOfToday)),
      others,
      handedOver,
    };
  });
  const now = () => list.value?.now ?? Date.now();

  const act = async (work: () => Promise<unknown>) => {
    problem.value = null;
    try {
      await work();
      list.value = await deps.list();
    } catch (error) {
      problem.value = error instanceof Error ? error.message : String(error);
    }
  };

  return {
    list,
    groups,
    problem,
    load: () => act(() => Promise.resolve()),
    done: (touchId, outcome = 'reached') => act(() => deps.done(touchId, outcome)),
    snoozeFor: (touchId, ms) => act(() => deps.snooze(touchId, now() + ms)),
    snoozeUntil: (touchId, until) => act(() => deps.snooze(touchId, until)),
    // A calendar day in the manager's time zone: 10:00 stays 10:00 across a clock change.
    handOver: (touchId, handedOver) => act(() => deps.handOver(touchId, handedOver)),
    snoozeTomorrow: (touchId) => act(() => deps.snooze(touchId, addDuration(now(), 'P1D', list.value?.timeZone ?? 'UTC'))),
  };
}

/**
 * The calls of a programme ordered by a segment (`callListOrder`) follow its groups, A before B
 * before C, clients with no group last, each group in time order; they take the places in the
 * list the programme's calls had, so every other touch stays where its time puts it.
 */
export function orderCallLists(items: readonly DueTouchView[]): DueTouchView[] {
  const places = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (!item.callList) return;
    const key = item.touch.programmeId;
    places.set(key, [...(places.get(key) ?? []), index]);
  });
  const ordered = [...items];
  for (const indexes of places.values()) {
    const calls = indexes.map((index) => items[index]!).sort((a, b) => rankOf(a) - rankOf(b));
    indexes.forEach((index, position) => (ordered[index] = calls[position]!));
  }
  return ordered;
}

function rankOf(item: DueTouchView): number {
  return item.callList?.group?.rank ?? Number.MAX_SAFE_INTEGER;
}

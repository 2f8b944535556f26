import { signal, computed } from '@preact/signals';
import { shiftDay } from './aggregate';
import type { CouchClient, Seq } from './couch';
import { DOC_PREFIX, parseDayDocs, type DayDoc, type SkippedDoc } from './docs';
import { objectionDraft, periodRange, teamView, type TeamView } from './team-view';

/**
 * The lead's side: reads every manager's day documents through the changes feed (from the start,
 * then only what changed since the last read), checks each with zod, and keeps the valid ones by
 * id, so a document updated in place replaces its old version instead of being counted twice.
 */
export interface TeamPull {
  docs: Map<string, DayDoc>;
  skipped: Map<string, SkippedDoc>;
  since: Seq;
}

export function emptyPull(): TeamPull {
  return { docs: new Map(), skipped: new Map(), since: 0 };
}

export async function pullTeam(client: CouchClient, previous: TeamPull, pageSize = 500): Promise<TeamPull> {
  const docs = new Map(previous.docs);
  const skipped = new Map(previous.skipped);
  let since = previous.since;
  for (;;) {
    const page = await client.changes(since, pageSize);
    for (const change of page.results) {
      if (!change.id.startsWith(DOC_PREFIX)) continue; // design documents and anything not ours
      docs.delete(change.id);
      skipped.delete(change.id);
      if (change.deleted) continue;
      const { docs: valid, skipped: invalid } = parseDayDocs([{ id: change.id, doc: change.doc }]);
      for (const doc of valid) docs.set(doc._id, doc);
      for (const bad of invalid) skipped.set(bad.id, bad);
    }
    since = page.last_seq;
    if (page.results.length < pageSize) break;
  }
  return { docs, skipped, since };
}

export type PeriodPreset = '7' | '30' | 'month';

/**
 * The period ends today, or tomorrow when a manager is already there: a manager in Tokyo starts
 * the next day while a lead in Lisbon is still on this one. Never further: a wrong clock must not
 * stretch the period.
 */
export function periodEnd(today: string, docs: ReadonlyArray<{ day: string }>): string {
  const tomorrow = shiftDay(today, 1);
  return docs.some((doc) => doc.day === tomorrow) ? tomorrow : today;
}

export interface LeadModelDeps {
  /** A client for the team database, or null when the settings do not name a usable one. */
  client: () => Promise<CouchClient | null>;
  today: () => string;
  copy: (text: string) => Promise<void>;
  placeholderAnswer: string;
}

export function createLeadModel(deps: LeadModelDeps) {
  const state = signal<'loading' | 'ready' | 'error' | 'unconfigured'>('loading');
  const error = signal<string | null>(null);
  const pull = signal<TeamPull>(emptyPull());
  const preset = signal<PeriodPreset>('7');
  /** The last drafted entry, shown on the page too (the clipboard may refuse), and whether it was copied. */
  const draft = signal<{ text: string; json: string; copied: boolean } | null>(null);
  const view = computed<TeamView>(() => {
    const docs = [...pull.value.docs.values()];
    return teamView(docs, periodRange(preset.value, periodEnd(deps.today(), docs)));
  });
  const skipped = computed(() => [...pull.value.skipped.values()]);

  async function refresh(): Promise<void> {
    const client = await deps.client();
    if (!client) {
      state.value = 'unconfigured';
      return;
    }
    try {
      pull.value = await pullTeam(client, pull.value);
      error.value = null;
      state.value = 'ready';
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : String(caught);
      // Figures read before stay on screen; the error says they may be behind.
      state.value = pull.value.docs.size > 0 ? 'ready' : 'error';
    }
  }

  return {
    state,
    error,
    preset,
    view,
    skipped,
    draft,
    refresh,
    choosePreset: (next: PeriodPreset) => (preset.value = next),
    /** Copies a book entry for the objection, ready to paste into the book's `objections` list. */
    copyDraft: async (text: string) => {
      const json = JSON.stringify(objectionDraft(text, deps.placeholderAnswer), null, 2);
      draft.value = { text, json, copied: false };
      const copied = await deps.copy(json).then(
        () => true,
        () => false,
      );
      draft.value = { text, json, copied };
    },
  };
}
export type LeadModel = ReturnType<typeof createLeadModel>;

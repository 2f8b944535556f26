import { signal, computed } from '@preact/signals';
import { shiftDay } from './aggregate';
import type { CouchClient, Seq } from './couch';
import { DOC_PREFIX, parseDayDocs, TEAM_INDEX_ID, TeamIndexSchema, type DayDoc, type SkippedDoc, type TeamIndexEntry } from './docs';
import { objectionDraft, periodRange, teamView, type TeamView } from './team-view';

/**
 * The lead's side: reads every manager's day documents through the changes feed (from the start,
 * then only what changed since the last read), checks each with zod, and keeps the valid ones by
 * id, so a document updated in place replaces its old version instead of being counted twice.
 * One pull per database: each manager's own database as the team index lists them, or the one
 * team database the settings name when there is no index.
 */
export interface TeamPull {
  docs: Map<string, DayDoc>;
  skipped: Map<string, SkippedDoc>;
  since: Seq;
}

export function emptyPull(): TeamPull {
  return { docs: new Map(), skipped: new Map(), since: 0 };
}

/** `owner`: the manager whose database this is; a document of anyone else in it is skipped. */
export async function pullTeam(client: CouchClient, previous: TeamPull, pageSize = 500, owner: string | null = null): Promise<TeamPull> {
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
      for (const doc of valid) {
        if (owner === null || doc.managerId === owner) docs.set(doc._id, doc);
        else skipped.set(doc._id, { id: doc._id, reason: `managerId: ${doc.managerId} in the database of ${owner}` });
      }
      for (const bad of invalid) skipped.set(bad.id, bad);
    }
    since = page.last_seq;
    if (page.results.length < pageSize) break;
  }
  return { docs, skipped, since };
}

export interface SourceFailure {
  managerId: string;
  db: string;
  error: string;
}

export interface TeamRead {
  /** Per database read: the index's database names, or '' for the one team database. */
  sources: Map<string, TeamPull>;
  /** The managers the team index lists; null when the settings name one team database. */
  roster: TeamIndexEntry[] | null;
  /** The managers' databases that could not be read this time (what was read before stays). */
  failures: SourceFailure[];
}

export function emptyRead(): TeamRead {
  return { sources: new Map(), roster: null, failures: [] };
}

/** A browser opens about six connections per server: more at once would only queue. */
const PARALLEL_READS = 6;

/**
 * Reads the team from the database the settings name: when it holds the team index, every
 * manager's database it lists (each on its own: one that fails leaves the others shown), else
 * the database itself. The index is checked with zod; an invalid one is an error, not a guess.
 */
export async function readTeam(client: CouchClient, previous: TeamRead, pageSize = 500): Promise<TeamRead> {
  const raw = await client.getDoc(TEAM_INDEX_ID);
  if (raw === null) {
    const pull = await pullTeam(client, previous.roster === null ? (previous.sources.get('') ?? emptyPull()) : emptyPull(), pageSize);
    return { sources: new Map([['', pull]]), roster: null, failures: [] };
  }
  const index = TeamIndexSchema.safeParse(raw);
  if (!index.success) {
    const issue = index.error.issues[0];
    throw new Error(`the team index (${TEAM_INDEX_ID}) is invalid: ${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid document'}`);
  }
  const roster = index.data.managers;
  const sources = new Map<string, TeamPull>();
  const failures: SourceFailure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < roster.length) {
      const entry = roster[next++]!;
      const before = previous.roster === null ? emptyPull() : (previous.sources.get(entry.db) ?? emptyPull());
      try {
        sources.set(entry.db, await pullTeam(client.sibling(entry.db), before, pageSize, entry.id));
      } catch (error) {
        sources.set(entry.db, before);
        failures.push({ managerId: entry.id, db: entry.db, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, roster.length) }, worker));
  failures.sort((a, b) => roster.findIndex((entry) => entry.id === a.managerId) - roster.findIndex((entry) => entry.id === b.managerId));
  return { sources, roster, failures };
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
  const read = signal<TeamRead>(emptyRead());
  const preset = signal<PeriodPreset>('7');
  /** The last drafted entry, shown on the page too (the clipboard may refuse), and whether it was copied. */
  const draft = signal<{ text: string; json: string; copied: boolean } | null>(null);
  const docs = computed(() => [...read.value.sources.values()].flatMap((pull) => [...pull.docs.values()]));
  const view = computed<TeamView>(() => teamView(docs.value, periodRange(preset.value, periodEnd(deps.today(), docs.value))));
  const skipped = computed(() => [...read.value.sources.values()].flatMap((pull) => [...pull.skipped.values()]));
  const failures = computed(() => read.value.failures);
  /** The index's managers with nothing in the period: a lead should see who is silent. */
  const silent = computed(() => {
    const shown = new Set(view.value.managers.map((row) => row.managerId));
    return (read.value.roster ?? []).filter((entry) => !shown.has(entry.id));
  });

  async function refresh(): Promise<void> {
    const client = await deps.client();
    if (!client) {
      state.value = 'unconfigured';
      return;
    }
    try {
      read.value = await readTeam(client, read.value);
      error.value = null;
      state.value = 'ready';
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : String(caught);
      // Figures read before stay on screen; the error says they may be behind.
      state.value = docs.value.length > 0 ? 'ready' : 'error';
    }
  }

  return {
    state,
    error,
    preset,
    view,
    skipped,
    failures,
    silent,
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

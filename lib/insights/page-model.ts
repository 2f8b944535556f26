import { computed, signal } from '@preact/signals';
import type { ChartData, TableView } from './chart-data';
import { DEFAULT_RANGE_PRESET, presetRange, type DateRange, type RangePreset } from './range';

/** A headline number: "Repeat share 38%", with the same period last year beside it. */
export interface HeadlineFigure {
  id: string;
  label: string;
  value: string;
  comparison?: string;
  /** A short verdict the reader can act on ("inside the 30-50% target"). */
  note?: string;
}

export interface InsightsTable {
  id: string;
  title: string;
  table: TableView;
}

/** What the page draws for one range: already formatted, so components only lay it out. */
export interface InsightsView {
  headlines: HeadlineFigure[];
  charts: ChartData[];
  tables: InsightsTable[];
}

export interface InsightsSource {
  /** The view for a range; `onFirst` may get a first screen early, before the slower figures. */
  load: (range: DateRange, onFirst?: (view: InsightsView) => void) => Promise<InsightsView>;
  /** Calls back whenever the underlying data changes; returns the unsubscribe. */
  watch: (onChange: () => void) => () => void;
}

/**
 * The Insights page's state: the chosen range, the view for it, and live reloading. A reload
 * that finishes after a newer one started is dropped, so a fast range change never shows stale
 * numbers.
 */
export function createInsightsModel(
  source: InsightsSource,
  {
    now,
    timeZone,
    first = null,
  }: {
    now: () => Date;
    timeZone: string;
    /**
     * A first screen for the default range drawn before anything is read (the worker's record,
     * first-screen.ts): shown at once, then replaced by the live figures as they come.
     */
    first?: InsightsView | null;
  },
) {
  const preset = signal<RangePreset | 'custom'>(DEFAULT_RANGE_PRESET);
  const range = signal<DateRange>(presetRange(DEFAULT_RANGE_PRESET, now(), timeZone));
  const view = signal<InsightsView | null>(first);
  const problem = signal<string | null>(null);
  const loading = signal(false);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const next = await source.load(range.value, (first) => {
        if (mine === generation) view.value = first;
      });
      if (mine !== generation) return;
      view.value = next;
      problem.value = null;
    } catch (error) {
      if (mine !== generation) return;
      problem.value = error instanceof Error ? error.message : String(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    preset,
    range,
    view,
    problem,
    loading,
    isEmpty: computed(() => view.value !== null && view.value.charts.length === 0 && view.value.tables.length === 0),
    reload,
    choosePreset(next: RangePreset) {
      preset.value = next;
      range.value = presetRange(next, now(), timeZone);
      return reload();
    },
    chooseRange(next: DateRange) {
      if (next.from > next.to) return Promise.resolve();
      preset.value = 'custom';
      range.value = next;
      return reload();
    },
    /**
     * Starts live updates; the page calls the returned function when it goes away. The watch
     * starts once the first view is in: its own first query should not slow the first chart.
     */
    start(): () => void {
      let stopWatching: (() => void) | null = null;
      let stopped = false;
      void reload().finally(() => {
        if (!stopped) stopWatching = source.watch(() => void reload());
      });
      return () => {
        stopped = true;
        stopWatching?.();
      };
    },
  };
}

export type InsightsModel = ReturnType<typeof createInsightsModel>;

import { signal, type ReadonlySignal } from '@preact/signals';
import type { PanelFocus } from '../messages';

/**
 * `stalled`: the followed page has been "reading" for longer than a page takes to load, so it
 * was most likely opened before Touchbook was installed or updated and needs a reload.
 */
export type PanelView = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'focus'; stalled?: boolean } & PanelFocus);

/** How long a page may stay unread before the panel offers to reload it. */
export const READING_PATIENCE_MS = 4_000;

export interface PanelModelDeps {
  /** The tab this panel follows; null when the panel is open in a tab of its own. */
  resolveTabId: () => Promise<number | null>;
  fetchFocus: (tabId: number | null) => Promise<PanelFocus>;
  /** For tests: how long a page may stay unread before the panel calls it stalled. */
  patienceMs?: number;
}

export interface PanelModel {
  view: ReadonlySignal<PanelView>;
  /** Re-reads the focus; call it whenever the tab, the page or the data may have changed. */
  refresh: () => Promise<void>;
}

/**
 * The side panel's state: what the followed tab shows. Refreshes may overlap (a tab switch and a
 * page update arrive together); only the newest one is allowed to land.
 */
export function createPanelModel({ resolveTabId, fetchFocus, patienceMs = READING_PATIENCE_MS }: PanelModelDeps): PanelModel {
  const view = signal<PanelView>({ kind: 'loading' });
  let generation = 0;
  let patience: ReturnType<typeof setTimeout> | undefined;

  /** A page still "reading" after the patience is called stalled; any other focus ends the wait. */
  const awaitReading = (focus: PanelFocus) => {
    clearTimeout(patience);
    if (focus.state !== 'reading') return;
    patience = setTimeout(() => {
      const now = view.value;
      if (now.kind === 'focus' && now.state === 'reading' && now.tabId === focus.tabId) view.value = { ...now, stalled: true };
    }, patienceMs);
  };

  const refresh = async () => {
    const mine = ++generation;
    try {
      const focus = await fetchFocus(await resolveTabId());
      if (mine !== generation) return;
      const previous = view.value;
      const sameReading = focus.state === 'reading' && previous.kind === 'focus' && previous.state === 'reading' && previous.tabId === focus.tabId;
      view.value = { kind: 'focus', ...focus, ...(sameReading && previous.stalled ? { stalled: true } : {}) };
      if (!sameReading) awaitReading(focus);
    } catch (error) {
      if (mine === generation) view.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  };

  return { view, refresh };
}

import { signal, type ReadonlySignal } from '@preact/signals';
import type { PanelFocus } from '../messages';

export type PanelView = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'focus' } & PanelFocus);

export interface PanelModelDeps {
  /** The tab this panel follows; null when the panel is open in a tab of its own. */
  resolveTabId: () => Promise<number | null>;
  fetchFocus: (tabId: number | null) => Promise<PanelFocus>;
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
export function createPanelModel({ resolveTabId, fetchFocus }: PanelModelDeps): PanelModel {
  const view = signal<PanelView>({ kind: 'loading' });
  let generation = 0;

  const refresh = async () => {
    const mine = ++generation;
    try {
      const focus = await fetchFocus(await resolveTabId());
      if (mine === generation) view.value = { kind: 'focus', ...focus };
    } catch (error) {
      if (mine === generation) view.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  };

  return { view, refresh };
}

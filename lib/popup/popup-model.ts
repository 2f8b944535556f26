import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { webOrigin } from '../sites/origins';
import type { SitesModel } from '../sites/sites-model';

export interface ActiveTab {
  id?: number;
  windowId?: number;
  url?: string;
}

export interface PopupModel {
  tab: ReadonlySignal<ActiveTab | null>;
  /** The web origin of the active tab, or null where Touchbook cannot run. */
  origin: ReadonlySignal<string | null>;
  enabledHere: ReadonlySignal<boolean>;
  load: () => Promise<void>;
  toggleHere: () => Promise<void>;
}

export function createPopupModel(deps: { sites: SitesModel; activeTab: () => Promise<ActiveTab | null> }): PopupModel {
  const tab = signal<ActiveTab | null>(null);
  const origin = computed(() => webOrigin(tab.value?.url));
  const enabledHere = computed(() => deps.sites.sites.value.some((site) => site.origin === origin.value));

  return {
    tab,
    origin,
    enabledHere,
    load: async () => {
      const [active] = await Promise.all([deps.activeTab(), deps.sites.load()]);
      tab.value = active;
    },
    toggleHere: async () => {
      const here = origin.value;
      if (!here) return;
      if (enabledHere.value) await deps.sites.disable(here);
      else await deps.sites.enable(here);
    },
  };
}

import { signal, type ReadonlySignal } from '@preact/signals';
import type { SiteRecord } from '../db/schema';
import type { MessageKey } from '../i18n';
import { normaliseOriginInput } from './origins';

export interface SitesModelDeps {
  list: () => Promise<SiteRecord[]>;
  /** Must be called from the click handler: the permission prompt needs the user's gesture. */
  requestAccess: (origin: string) => Promise<boolean>;
  enable: (origin: string) => Promise<SiteRecord>;
  disable: (origin: string) => Promise<null>;
}

export type SitesProblem = { key: MessageKey; params?: Record<string, string> } | { text: string };

export interface SitesModel {
  sites: ReadonlySignal<SiteRecord[]>;
  problem: ReadonlySignal<SitesProblem | null>;
  busy: ReadonlySignal<boolean>;
  load: () => Promise<void>;
  /** Enables what the user typed or the current tab's origin. Resolves true when it worked. */
  enable: (input: string) => Promise<boolean>;
  disable: (origin: string) => Promise<void>;
}

export function createSitesModel(deps: SitesModelDeps): SitesModel {
  const sites = signal<SiteRecord[]>([]);
  const problem = signal<SitesProblem | null>(null);
  const busy = signal(false);

  const run = async (work: () => Promise<boolean>): Promise<boolean> => {
    busy.value = true;
    problem.value = null;
    try {
      return await work();
    } catch (error) {
      problem.value = { text: error instanceof Error ? error.message : String(error) };
      return false;
    } finally {
      busy.value = false;
    }
  };

  const load = async () => {
    try {
      sites.value = await deps.list();
    } catch (error) {
      problem.value = { text: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    sites,
    problem,
    busy,
    load,
    enable: (input) => {
      const origin = normaliseOriginInput(input);
      if (!origin) {
        problem.value = { key: 'optionsInvalidOrigin' };
        return Promise.resolve(false);
      }
      // Ask before anything asynchronous happens, while the click still counts as a user gesture.
      const granted = deps.requestAccess(origin);
      return run(async () => {
        if (!(await granted)) {
          problem.value = { key: 'optionsPermissionDenied', params: { origin } };
          return false;
        }
        await deps.enable(origin);
        await load();
        return true;
      });
    },
    disable: async (origin) => {
      await run(async () => {
        await deps.disable(origin);
        await load();
        return true;
      });
    },
  };
}

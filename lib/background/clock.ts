import type { StorageArea } from './focus';

const OFFSET = 'clock-offset';

/**
 * The extension's clock. Demo builds can move it (an offset in `storage.session`), so a demo or an
 * end-to-end test can jump to the day a touch falls due; shipped builds never set the offset. The
 * worker and the side panel both read it, so the panel orders touches by the same "now".
 */
export function createClock(session: Pick<StorageArea, 'get' | 'set'>, systemNow: () => number = Date.now) {
  return {
    now: async () => {
      const { [OFFSET]: offset } = await session.get(OFFSET);
      return systemNow() + (typeof offset === 'number' ? offset : 0);
    },
    setOffset: async (offsetMs: number) => {
      await session.set({ [OFFSET]: offsetMs });
      return systemNow() + offsetMs;
    },
  };
}

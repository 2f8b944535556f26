import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Two projects: the component tests render into the shared document and get a fresh one per file;
 * everything else shares one module graph per worker (`isolate: false`), which cuts the unit step
 * from about six minutes to under two, since importing zod, Dexie and the book anew for each of
 * 150 files was most of the time.
 */
const COMPONENT_TESTS = 'test/unit/components/**/*.test.{ts,tsx}';

export default defineConfig({
  plugins: [WxtVitest()],
  define: { __TOUCHBOOK_DEMO_BUILD__: 'false' },
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
    projects: [
      { extends: true, test: { name: 'components', include: [COMPONENT_TESTS] } },
      { extends: true, test: { name: 'lib', include: ['test/unit/**/*.test.{ts,tsx}'], exclude: [COMPONENT_TESTS], isolate: false } },
    ],
  },
});

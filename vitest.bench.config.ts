import { defineConfig } from 'vitest/config';

/**
 * Benchmarks: `npx vitest run --config vitest.bench.config.ts`. Kept apart from the unit tests
 * (their glob does not match `*.bench.ts`) because they are slow and measure, not verify.
 * Files run one after another so their timings do not disturb each other.
 */
export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['test/bench/**/*.bench.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

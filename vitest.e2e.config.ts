import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers with the built extension (see scripts/e2e.mjs).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});

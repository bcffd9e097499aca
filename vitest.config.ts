import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The browser and build tests start processes; two cores are plenty for the rest.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

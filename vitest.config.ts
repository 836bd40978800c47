import { defineConfig } from 'vitest/config';

// One runner for every suite. Suites that need the external corpus print "skipped: no corpus" when it is absent.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'engine/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});

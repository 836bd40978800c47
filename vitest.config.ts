import { defineConfig } from 'vitest/config';

// One runner for every suite. Suites that need the external corpus print "skipped: no corpus" when it is absent.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'engine/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Bounds that catch a hung test, not a slow machine (issue 13): at least 3× what the slowest test or hook under
    // them takes on a 2-core machine with one core kept busy; tests that take longer say their own bound.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default'],
  },
});

import { defineConfig } from 'vitest/config';

// Three projects: `npm test` runs unit + integration (SQLite and PostgreSQL); `npm run verify`
// adds e2e in Debian Chromium against the real `serve`.
export default defineConfig({
  test: {
    reporters: ['default'],
    // Vitest's default is one worker per core minus one: a single worker on the 2-core office/CI
    // machine, which ran the whole suite file after file. Unit and integration files are independent
    // (own SQLite file, own PostgreSQL database, port 0), so two run at once; the tests wait on
    // PostgreSQL and on child processes often enough that both cores stay busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/pgGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/e2eGlobalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time on a 2-core machine keeps timings stable.
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Ceilings, not waits: browser tests start Chromium and a server each, and on a busy 2-core machine
// (other work, or two CPU-bound processes beside the suite) a step can take many seconds.
const ceilings = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        // Pure logic, the database layer, the exports and the web's models: no server, no browser.
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          ...ceilings,
          // Each file is single-threaded JavaScript: two at a time use both cores.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The API over real HTTP, the CLI and the server's processes.
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          ...ceilings,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real Chromium against a real server: one file at a time, after the others (Chromium
        // already uses the second core). One Chromium for the group, and the files share one
        // worker's imports (each file still starts its own server on its own copy of the demo).
        test: {
          name: 'browser',
          globalSetup: ['e2e/chromium-server.ts'],
          isolate: false,
          include: ['e2e/**/*.test.ts'],
          ...ceilings,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Ceilings, not waits: browser tests start Chromium and a server each, and on a busy 2-core machine
// (other work, or two CPU-bound processes beside the suite) a step can take many seconds.
const ceilings = { testTimeout: 120_000, hookTimeout: 120_000 };

// `npm run test:shuffle` (TEST_SHUFFLE=1): files and tests in random order, Vitest printing the seed;
// TEST_SEED=N repeats an order. Set here, at the root (tests within files) and per project (files):
// Vitest's --sequence.* flags replace each project's `sequence`, its groupOrder included, and a run
// of all three projects then refuses to start.
const shuffle = process.env.TEST_SHUFFLE === '1';
const seed = Number(process.env.TEST_SEED ?? Date.now());
const order = (groupOrder: number) => ({ groupOrder, shuffle, seed });

export default defineConfig({
  test: {
    sequence: { shuffle, seed },
    projects: [
      {
        // Pure logic, the database layer, the exports and the web's models: no server, no browser.
        test: {
          name: 'unit',
          // Files share their worker's imports (0024): each builds its own state, none mocks a module.
          isolate: false,
          include: ['packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          ...ceilings,
          // Each file is single-threaded JavaScript: two at a time use both cores.
          maxWorkers: 2,
          sequence: order(0),
        },
      },
      {
        // The API over real HTTP, the CLI and the server's processes.
        test: {
          name: 'api',
          isolate: false,
          include: ['apps/api/src/**/*.test.ts'],
          ...ceilings,
          maxWorkers: 2,
          sequence: order(0),
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
          // A polled condition, like a locator's wait, may take a busy machine long to hold (harness.ts).
          expect: { poll: { timeout: 60_000 } },
          maxWorkers: 1,
          sequence: order(1),
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    // Ceilings, not waits: browser tests start Chromium and a server each, and on a busy 2-core
    // machine (other work, or two CPU-bound processes beside the suite) a step can take many seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

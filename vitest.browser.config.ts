import { defineConfig } from 'vitest/config'

// Browser tests: playwright-core drives the system Chromium with the built extension (dist/)
// loaded. One file at a time: each launches its own browser, and the machine has two cores.
export default defineConfig({
  test: {
    name: 'browser',
    environment: 'node',
    include: ['tests/**/*.spec.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // The browser and its extension answer in milliseconds, but a loaded 2-core machine can take
    // seconds: give `expect.poll` room before it calls something missing.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
})

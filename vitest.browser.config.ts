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
  },
})

import preact from '@preact/preset-vite'
import { defineConfig } from 'vitest/config'

// Two projects: pure logic and the store in Node (fake-indexeddb is loaded before Dexie), and
// Preact components in happy-dom. Browser tests against the built extension live in tests/ and
// have their own config (vitest.browser.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
    ],
  },
})

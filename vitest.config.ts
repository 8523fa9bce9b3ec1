import preact from '@preact/preset-vite'
import { defineConfig } from 'vitest/config'

// The schedule maths run once more in each of these zones (DST both ways, none, half-hour and
// +12:45/+13:45 offsets). Node applies a TZ set in process.env at once; the setup file fails any
// test file that runs in another zone. The tests are pure, so files share a worker (isolate: false).
const SCHEDULE_ZONES = [
  'Europe/Madrid',
  'America/Mexico_City',
  'America/Bogota',
  'Asia/Kolkata',
  'Pacific/Chatham',
]

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
      ...SCHEDULE_ZONES.map((zone) => ({
        test: {
          name: `schedule ${zone}`,
          environment: 'node' as const,
          include: ['src/core/schedule/**/*.test.ts'],
          env: { TZ: zone, MARGEN_TEST_TZ: zone },
          setupFiles: ['src/core/schedule/tz-setup.ts'],
          isolate: false,
        },
      })),
    ],
  },
})

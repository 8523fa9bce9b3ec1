import { crx } from '@crxjs/vite-plugin'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'
import manifest from './manifest.json' with { type: 'json' }

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    target: 'chrome116',
    sourcemap: false,
    rollupOptions: {
      // Pages that the manifest does not name are entry points of their own.
      input: {
        review: 'src/ui/review/index.html',
        onboarding: 'src/ui/onboarding/index.html',
        insights: 'src/ui/insights/index.html',
      },
    },
  },
  // The extension's pages are served from chrome-extension://, never from the Vite dev server in
  // tests; pin the port so that `vite dev` and HMR stay predictable.
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
})

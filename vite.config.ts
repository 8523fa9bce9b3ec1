import { crx } from '@crxjs/vite-plugin'
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'
import manifest from './manifest.json' with { type: 'json' }
import { classicScript } from './scripts/classic-script.ts'

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest }),
    // The review page's database read starts before its modules load (early-start.ts).
    classicScript({
      entry: 'src/ui/review/early-start.ts',
      page: 'src/ui/review/index.html',
      fileName: 'assets/review-start.js',
      maxBytes: 2048,
    }),
  ],
  build: {
    target: 'chrome116',
    sourcemap: false,
    rolldownOptions: {
      // Pages that the manifest does not name are entry points of their own.
      input: {
        review: 'src/ui/review/index.html',
        onboarding: 'src/ui/onboarding/index.html',
        insights: 'src/ui/insights/index.html',
      },
      output: {
        // A page loads its own chunk and at most two shared ones, not a dozen small files: every
        // module request of an extension page is a round trip through the browser process, and
        // on a busy machine each one delays the first paint (bench/review.ts).
        codeSplitting: {
          groups: [
            // The polyfill: imported by the background, and by pages only when first needed.
            { name: 'browser', test: /webextension-polyfill|src[\\/]platform[\\/]/, priority: 3 },
            // What the background needs too: kept free of the pages' Preact code.
            {
              name: 'shared-core',
              test: /node_modules[\\/](dexie|zod)[\\/]|src[\\/](core|store|background)[\\/]/,
              minShareCount: 2,
              priority: 2,
            },
            { name: 'shared-ui', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  // The extension's pages are served from chrome-extension://, never from the Vite dev server in
  // tests; pin the port so that `vite dev` and HMR stay predictable.
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
})

/** The hook's size, gzipped, as shipped in dist/. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Figure } from './lib/figure'

export function hookSize(): { hookBytes: number; hookGzipBytes: number } {
  const manifest = JSON.parse(
    readFileSync(fileURLToPath(new URL('../dist/manifest.json', import.meta.url)), 'utf8'),
  ) as {
    content_scripts: { world?: string; js: string[] }[]
  }
  const file = manifest.content_scripts.find((c) => c.world === 'MAIN')?.js[0]
  if (!file) throw new Error('no MAIN-world script in dist/manifest.json')
  const code = readFileSync(fileURLToPath(new URL(`../dist/${file}`, import.meta.url)))
  return { hookBytes: code.length, hookGzipBytes: gzipSync(code, { level: 9 }).length }
}

export function sizeBench(): { figures: Figure[]; raw: ReturnType<typeof hookSize> } {
  const raw = hookSize()
  return {
    figures: [
      {
        key: 'hook.gzipBytes',
        label: 'Hook size, gzipped (level 9)',
        value: raw.hookGzipBytes,
        unit: 'B',
        budget: { op: '<=', limit: 2048 },
        note: `${raw.hookBytes} B minified, dist/ as built`,
      },
    ],
    raw,
  }
}

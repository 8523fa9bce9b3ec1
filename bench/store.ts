/**
 * Figure 4: the store in real Chromium IndexedDB. Bundles bench/browser/store-bench.ts (in memory;
 * dist/ is not involved) and runs it on a loopback page in headless Chromium with a persistent,
 * temporary profile, so IndexedDB lives on disk as the extension's does (an incognito context
 * would keep it in memory).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { CHROME_FLAGS, chromePath } from '../tests/harness/chrome'
import type { Figure } from './lib/figure'
import { median, round, summarize } from './lib/stats'

const root = fileURLToPath(new URL('..', import.meta.url))

export interface StoreRaw {
  write10kConcurrentMs: number
  write2kSequentialMs: number
  write10kBulkMs: number
  totalStored: number
  digestCaptures: number
  /** In the order they ran, one per block. */
  digestMs: number[]
  /** The same block of 2,000 captures, five times. */
  bigDigestMs: number[]
  raw2kEachMs: number
  raw10kOneTxMs: number
}

async function bundle(): Promise<string> {
  const out = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      lib: { entry: 'bench/browser/store-bench.ts', formats: ['iife'], name: 'storeBench' },
      minify: true,
    },
  })
  const outputs = Array.isArray(out)
    ? out.flatMap((o) => ('output' in o ? o.output : []))
    : 'output' in out
      ? out.output
      : []
  const chunk = outputs.find((o) => o.type === 'chunk')
  if (chunk?.type !== 'chunk') throw new Error('store bench did not bundle')
  return chunk.code
}

export async function storeRaw(): Promise<StoreRaw> {
  const html = `<!doctype html><title>store bench</title><script>${await bundle()}</script>`
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html')
    res.end(html)
  }).listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const { port } = server.address() as AddressInfo
  const profile = await mkdtemp(join(tmpdir(), 'margen-bench-store-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: true,
    args: CHROME_FLAGS,
  })
  try {
    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.waitForFunction(() => window.benchResult !== undefined, undefined, {
      timeout: 300_000,
    })
    const result = (await page.evaluate(() => window.benchResult)) as StoreRaw & { error?: string }
    if (result.error) throw new Error(result.error)
    return result
  } finally {
    await context.close()
    server.close()
    await rm(profile, { recursive: true, force: true })
  }
}

export async function storeBench(): Promise<{ figures: Figure[]; raw: StoreRaw }> {
  const raw = await storeRaw()
  const digest = summarize(raw.digestMs)
  const ms = (x: number) => `${round(x)} ms`
  return {
    figures: [
      {
        key: 'store.write10kMs',
        label: 'Store: 10,000 captures written through store.add(), all in flight',
        value: raw.write10kConcurrentMs,
        unit: 'ms',
        budget: { op: '<', limit: 1000 },
        note:
          `the background's write path (src/store/captures.ts decides how they share transactions); ` +
          `each awaited before the next: ${ms(raw.write2kSequentialMs / 2)} per 1,000`,
      },
      {
        key: 'store.write10kBulkMs',
        label: '  10,000 captures in one Dexie bulkAdd (one transaction)',
        value: raw.write10kBulkMs,
        unit: 'ms',
      },
      {
        key: 'store.raw10kEachMs',
        label: '  platform floor: raw IndexedDB, one transaction per add (2,000 ×5)',
        value: raw.raw2kEachMs * 5,
        unit: 'ms',
        note: `raw IndexedDB, same indexes, no Dexie; 10,000 in one transaction: ${ms(raw.raw10kOneTxMs)}`,
      },
      {
        key: 'store.digestMedianMs',
        label: `Store: a block's digest over ${raw.totalStored.toLocaleString('en-US')} stored, median`,
        value: digest.p50,
        unit: 'ms',
        budget: { op: '<', limit: 50 },
        note:
          `heldInSession + digestOf + digestLine, ${digest.n} blocks of ${raw.digestCaptures} ` +
          `captures: p95 ${ms(digest.p95)}, max ${ms(digest.max)}; a 2,000-capture block: ` +
          `median ${ms(median(raw.bigDigestMs))}`,
      },
    ],
    raw,
  }
}

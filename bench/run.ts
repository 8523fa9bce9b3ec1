/**
 * `npm run bench`: every budget of DESIGN.md ("Budgets") against the built extension in dist/.
 * Builds nothing; prints a table, writes bench/.out/results.json, and exits non-zero only when a
 * benchmark crashes (a missed budget is reported as MISSED, not as a failure).
 * Run some only: `npm run bench -- size decide store delivery hold popup review insights`.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromePath } from '../tests/harness/chrome'
import { DEFAULT_DIST, launchMargen, type Margen } from '../tests/harness/launch'
import { type FixtureServer, startFixtureServer } from '../tests/harness/server'
import type { decideBench } from './decide'
import { deliveryBench } from './delivery'
import { holdBench } from './hold'
import { insightsBench } from './insights'
import { type Bare, launchBare } from './lib/bare'
import { type Figure, renderTable, statusOf } from './lib/figure'
import { popupBench } from './popup'
import { reviewBench } from './review'
import { scheduleBench } from './schedule'
import { sizeBench } from './size'
import { storeBench } from './store'

interface Outcome {
  figures: Figure[]
  raw: unknown
}

const OUT_DIR = new URL('./.out/', import.meta.url)
const ALL = [
  'size',
  'decide',
  'schedule',
  'store',
  'delivery',
  'hold',
  'popup',
  'review',
  'insights',
] as const
type Name = (typeof ALL)[number]

/** A hash of every file in dist/, to notice a rebuild during the run. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256')
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else hash.update(p).update(readFileSync(p))
    }
  }
  walk(dir)
  return hash.digest('hex').slice(0, 16)
}

async function main(): Promise<number> {
  const dist = process.env.MARGEN_DIST ?? DEFAULT_DIST
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.error(`No built extension in ${dist}: run \`npm run build\` first.`)
    return 1
  }
  const asked = process.argv.slice(2).filter((a) => a !== '--')
  const unknown = asked.filter((a) => !(ALL as readonly string[]).includes(a))
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${ALL.join(', ')}`)
    return 1
  }
  const run = new Set<Name>(asked.length ? (asked as Name[]) : ALL)
  const distBefore = fingerprint(dist)
  const loadBefore = loadavg()[0] ?? 0
  const results: Record<string, Outcome | { error: string }> = {}
  const crashed: string[] = []

  async function bench(name: Name, fn: () => Promise<Outcome> | Outcome): Promise<void> {
    if (!run.has(name)) return
    const t0 = Date.now()
    process.stderr.write(`bench: ${name}…`)
    try {
      results[name] = await fn()
      process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`)
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err)
      process.stderr.write(' CRASHED\n')
      console.error(error)
      results[name] = { error }
      crashed.push(name)
    }
  }

  await bench('size', sizeBench)
  await bench('decide', decideBundled)
  await bench('schedule', () => {
    const r = scheduleBench()
    const f = (key: string, label: string, name: string) => ({
      key,
      label,
      value: r[`${name}UsPerCall`] ?? Number.NaN,
      unit: 'µs/call',
      note: `${r[`${name}TotalMs`]} ms for ${r[`${name}Calls`]} calls`,
    })
    return {
      raw: r,
      figures: [
        f('schedule.nextBoundary', 'Schedule: nextBoundary, a year of minutes', 'nextBoundary'),
        f('schedule.quietAt', 'Schedule: quietAt, a year of minutes', 'quietAt'),
        f('schedule.wake', 'Schedule: state recompute at wake-up (30 skipped)', 'wakeRecompute'),
      ],
    }
  })
  await bench('store', storeBench)

  let server: FixtureServer | undefined
  /** Runs `fn` with a browser `launch` opens, and closes it after. */
  const withBrowser = async <B extends { close(): Promise<void> }, T>(
    launch: () => Promise<B>,
    fn: (browser: B) => Promise<T>,
  ): Promise<T> => {
    const browser = await launch()
    try {
      return await fn(browser)
    } finally {
      await browser.close()
    }
  }
  const launchWithServer = async () => {
    server ??= await startFixtureServer()
    return launchMargen({ server, dist })
  }
  const withMargen = <T>(fn: (m: Margen) => Promise<T>) => withBrowser(launchWithServer, fn)
  const withBare = <T>(fn: (b: Bare) => Promise<T>) => withBrowser(() => launchBare(dist), fn)
  try {
    // A browser each: the delivery rounds notify on the hold bench's sites, and the per-site
    // limit (300 captures a minute, core/limits.ts) would count them against it.
    if (run.has('delivery')) await withMargen((m) => bench('delivery', () => deliveryBench(m)))
    if (run.has('hold')) await withMargen((m) => bench('hold', () => holdBench(m)))
    if (run.has('popup'))
      await withBare((b) => withMargen((m) => bench('popup', () => popupBench(b, m))))
    if (run.has('review'))
      await withBare((b) => withMargen((m) => bench('review', () => reviewBench(b, m))))
    if (run.has('insights')) await withMargen((m) => bench('insights', () => insightsBench(m)))
  } catch (err) {
    console.error(err)
    crashed.push('browser')
  } finally {
    await server?.stop()
  }

  const figures = Object.values(results).flatMap((r) => ('figures' in r ? r.figures : []))
  const distAfter = fingerprint(dist)
  const loadAfter = loadavg()[0] ?? 0
  console.log()
  console.log(renderTable(figures))
  console.log()
  const missed = figures.filter((f) => statusOf(f) === 'MISSED')
  for (const f of missed) console.log(`MISSED: ${f.label.trim()}`)
  if (missed.length === 0 && figures.some((f) => f.budget)) console.log('All budgets met.')
  if (crashed.length) console.log(`CRASHED: ${crashed.join(', ')}`)
  const load = `machine load (1-min average): ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end, ${cpus().length} CPUs`
  console.log(
    Math.max(loadBefore, loadAfter) > cpus().length / 2
      ? `WARNING: ${load}: other work competed for the CPUs; timings are inflated and noisy.`
      : load,
  )
  if (distBefore !== distAfter)
    console.log('WARNING: dist/ changed during the run (rebuilt?): run the bench again.')

  let chromium = ''
  try {
    chromium = execFileSync(chromePath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {}
  mkdirSync(OUT_DIR, { recursive: true })
  const file = new URL('results.json', OUT_DIR)
  const summary = {
    at: new Date().toISOString(),
    node: process.version,
    chromium,
    cpus: cpus().length,
    loadavg: { start: loadBefore, end: loadAfter },
    dist: { fingerprint: distBefore, changedDuringRun: distBefore !== distAfter },
    figures: figures.map((f) => ({ ...f, status: statusOf(f) })),
    crashed,
    results,
  }
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`)
  console.log(`Written: bench/.out/results.json`)
  return crashed.length ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)

/**
 * The decide bench, bundled and minified by vite as the extension is, then run in a fresh Node:
 * timing it under tsx would time tsx's function-naming helper along with the code.
 */
async function decideBundled(): Promise<ReturnType<typeof decideBench>> {
  const { build } = await import('vite')
  const outDir = fileURLToPath(new URL('decide/', OUT_DIR))
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: fileURLToPath(new URL('./decide-main.ts', import.meta.url)),
      outDir,
      minify: true,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'decide.mjs' } },
    },
  })
  const out = execFileSync(process.execPath, [join(outDir, 'decide.mjs')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out) as ReturnType<typeof decideBench>
}

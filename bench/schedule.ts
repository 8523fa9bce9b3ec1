/**
 * Schedule maths, in Node, in the machine's time zone: what the background computes at every
 * wake-up (src/background/quiet-now.ts). A realistic schedule: three blocks Monday to Friday,
 * working hours 9–18 on weekdays and off-hours on.
 * - `nextBoundary` and `quietAt`, each called at every minute of a year (525,600 calls);
 * - "state recompute at wake-up": the pure part of `quietNow`, both calls with a skipped set of
 *   30 ids (the occurrences of the last nine days, as "end now" leaves them), at every 10th
 *   minute of the same year.
 * Returns total ms and µs per call; a checksum of the results keeps the calls from being
 * optimised away.
 */
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { nextBoundary, type QuietOptions, quietAt } from '../src/core/schedule'
import type { Schedule } from '../src/core/schedule/schema'

const WEEKDAYS = [1, 2, 3, 4, 5]
const NINE_TO_SIX = { start: 9 * 60, end: 18 * 60 }

export const BENCH_SCHEDULE: Schedule = {
  blocks: [
    { id: 'deep', label: 'Deep work', days: WEEKDAYS, start: 9 * 60, end: 11 * 60 },
    { id: 'admin', label: 'Admin', days: WEEKDAYS, start: 13 * 60 + 30, end: 14 * 60 + 30 },
    { id: 'write', label: 'Writing', days: WEEKDAYS, start: 16 * 60, end: 17 * 60 + 15 },
  ],
  workingHours: [null, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, null],
  offHours: true,
}

const MINUTE = 60_000
const YEAR_MINUTES = 365 * 24 * 60

/** Local midnight of Monday 5 January 2026, in the machine's zone. */
const FROM = new Date(2026, 0, 5).getTime()

const pad = (n: number) => String(n).padStart(2, '0')
const dateOf = (t: number) => {
  const d = new Date(t)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** 30 ids of the kind "end now" leaves: block occurrences and off-hours periods of past days. */
function skippedAround(t: number): Set<string> {
  const ids = new Set<string>()
  for (let back = 1; ids.size < 30; back++) {
    const day = dateOf(t - back * 24 * 3_600_000)
    for (const b of BENCH_SCHEDULE.blocks) if (ids.size < 30) ids.add(`${b.id}@${day}`)
    if (ids.size < 30) ids.add(`off-hours@${day}T18:00`)
  }
  return ids
}

function timed(calls: number, step: (i: number) => number): { ms: number; usPerCall: number } {
  let check = 0
  const t0 = performance.now()
  for (let i = 0; i < calls; i++) check += step(i)
  const ms = performance.now() - t0
  if (Number.isNaN(check)) throw new Error('unreachable: keeps the checksum alive')
  return { ms, usPerCall: (ms * 1000) / calls }
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

export function scheduleBench(): Record<string, number> {
  const s = BENCH_SCHEDULE
  const at = (i: number) => FROM + i * MINUTE
  // Warm-up: a day of minutes for each, so that the first figure is not mostly JIT time.
  for (let i = 0; i < 1440; i++) {
    nextBoundary(s, at(i))
    quietAt(s, at(i))
  }

  const next = timed(YEAR_MINUTES, (i) => nextBoundary(s, at(i)) ?? 0)
  const quiet = timed(YEAR_MINUTES, (i) => quietAt(s, at(i))?.until ?? 0)

  const wakeCalls = YEAR_MINUTES / 10
  const skipped = skippedAround(FROM + 180 * 24 * 3_600_000)
  const opts: QuietOptions = { skipped, manual: null }
  const wake = timed(wakeCalls, (i) => {
    const t = at(i * 10)
    return (quietAt(s, t, opts)?.until ?? 0) + (nextBoundary(s, t, opts) ?? 0)
  })

  return {
    nextBoundaryCalls: YEAR_MINUTES,
    nextBoundaryTotalMs: round(next.ms, 1),
    nextBoundaryUsPerCall: round(next.usPerCall),
    quietAtCalls: YEAR_MINUTES,
    quietAtTotalMs: round(quiet.ms, 1),
    quietAtUsPerCall: round(quiet.usPerCall),
    wakeRecomputeCalls: wakeCalls,
    wakeRecomputeSkippedIds: skipped.size,
    wakeRecomputeTotalMs: round(wake.ms, 1),
    wakeRecomputeUsPerCall: round(wake.usPerCall),
  }
}

// `npx tsx bench/schedule.ts`: run it alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(scheduleBench())
}

/**
 * The quiet period in force at an instant, and the next instant it changes. The background calls
 * these at every wake-up, so they look only a few days around t: one day ahead first, nine when
 * that is not enough to be sure.
 */
import type { QuietPeriod } from '../decide'
import { dayOf } from './local-time'
import { hasOffHours } from './off-hours'
import { type Candidate, periodsIn, type QuietOptions, type Window } from './periods'
import type { Schedule } from './schema'

/**
 * Days looked at after t's day: the usual case, then enough for any one period (off-hours last
 * under 7 days and an hour). The far window ends 8 days or more after t, even in a week that
 * springs forward: that is the horizon of `quietAt`'s `until`.
 */
const NEAR = 1
const FAR = 9
export const HORIZON = 8 * 24 * 3_600_000

/** The periods from local midnight before t to the end of `ahead` days after t's day. */
function around(schedule: Schedule, t: number, ahead: number, opts: QuietOptions) {
  const day = dayOf(t)
  return periodsIn(schedule, day, day + ahead, opts)
}

/** The candidate in force at x: blocks, then the manual session, then off-hours. */
export function inForce(candidates: readonly Candidate[], x: number): Candidate | null {
  let best: Candidate | null = null
  for (const c of candidates)
    if (c.start <= x && x < c.end && (best === null || c.rank < best.rank)) best = c
  return best
}

const samePeriod = (a: Candidate | null, b: Candidate | null) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id)

/** End of the quiet stretch that covers t: overlapping and touching periods run on. */
function stretchEnd(candidates: readonly Candidate[], t: number): number {
  let end = t
  for (let grew = true; grew; ) {
    grew = false
    for (const c of candidates)
      if (c.start <= end && c.end > end) {
        end = c.end
        grew = true
      }
  }
  return end
}

/**
 * The quiet period at t, or null when nothing holds.
 * - `kind`, `id`: the period in force at t. Scheduled blocks come first, then the manual session,
 *   then off-hours. So a manual session inside a block extends nothing (the block's occurrence
 *   keeps its id and its one digest), and one that outlasts the block carries on as itself.
 * - `until`: when it stops being quiet, which is not always when this period ends: a block that
 *   runs into another block, into the manual session or into off-hours goes on until the whole
 *   stretch ends. A stretch that lasts past HORIZON (8 days) after t reports some instant
 *   past it instead (schedules quiet around the clock): ask again then.
 */
export function quietAt(
  schedule: Schedule,
  t: number,
  opts: QuietOptions = {},
): QuietPeriod | null {
  let w = around(schedule, t, NEAR, opts)
  const now = inForce(w.candidates, t)
  if (now === null) return null
  let until = stretchEnd(w.candidates, t)
  if (until >= w.to) {
    w = around(schedule, t, FAR, opts)
    until = stretchEnd(w.candidates, t)
  }
  return { kind: now.kind, id: now.id, until }
}

/** First instant after t in the window where the period in force changes; null if none. */
function changeIn(w: Window, t: number): number | null {
  const points: number[] = []
  for (const c of w.candidates) {
    if (c.start > t && c.start < w.to) points.push(c.start)
    if (c.end > t && c.end < w.to) points.push(c.end)
  }
  points.sort((a, b) => a - b)
  const now = inForce(w.candidates, t)
  for (const p of points) if (!samePeriod(inForce(w.candidates, p), now)) return p
  return null
}

/**
 * The earliest instant after t at which `quietAt` gives another period or none; below the
 * horizon its `until` changes only there too. Null when nothing ever changes: no blocks, no
 * off-hours, no manual session ahead. Skipped occurrences can push the next change past a week; then it looks one
 * week further for each skipped id, up to a year.
 */
export function nextBoundary(
  schedule: Schedule,
  t: number,
  opts: QuietOptions = {},
): number | null {
  const manual = opts.manual
  const manualAhead = manual != null && (manual.until > t || (manual.startedAt ?? t) > t)
  if (schedule.blocks.length === 0 && !hasOffHours(schedule) && !manualAhead) return null
  const skips = Math.min(opts.skipped?.size ?? 0, 52)
  for (const ahead of skips > 0 ? [NEAR, FAR, FAR + 7 * skips] : [NEAR, FAR]) {
    const change = changeIn(around(schedule, t, ahead, opts), t)
    if (change !== null) return change
  }
  return null
}

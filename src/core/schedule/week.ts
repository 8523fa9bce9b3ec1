/** The quiet periods of a stretch of time, as the week view draws them. */
import { createWallClock, dayOf } from './local-time'
import { periodsIn, type QuietOptions, type QuietSpan } from './periods'
import { inForce } from './quiet'
import type { Schedule } from './schema'

/**
 * Who is in force over [from, to): sorted, non-overlapping spans, each the part of one period
 * that is in force there (blocks before the manual session before off-hours, as in `quietAt`).
 * Two spans touch only when the period changes; `merge` of the result gives the quiet time.
 */
export function quietSpans(
  schedule: Schedule,
  from: number,
  to: number,
  opts: QuietOptions = {},
): QuietSpan[] {
  if (to <= from) return []
  const { candidates } = periodsIn(schedule, dayOf(from), dayOf(to), opts)
  const points = [from, to]
  for (const c of candidates)
    for (const p of [c.start, c.end]) if (p > from && p < to) points.push(p)
  points.sort((a, b) => a - b)

  const out: QuietSpan[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const c = start < end ? inForce(candidates, start) : null
    if (!c) continue
    const last = out[out.length - 1]
    if (last && last.end === start && last.kind === c.kind && last.id === c.id) last.end = end
    else out.push({ kind: c.kind, id: c.id, ...(c.blockId && { blockId: c.blockId }), start, end })
  }
  return out
}

/**
 * The week that starts at local midnight of the day of `weekStart` and lasts 7 local days (167
 * or 169 hours across a DST change). Periods that began before it or end after it are cut.
 */
export function weekIntervals(
  schedule: Schedule,
  weekStart: number,
  opts: QuietOptions = {},
): QuietSpan[] {
  const at = createWallClock()
  const day = dayOf(weekStart)
  return quietSpans(schedule, at(day, 0), at(day + 7, 0), opts)
}

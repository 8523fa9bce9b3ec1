/**
 * Off-hours: the gaps between working stretches. Each is named after the nominal end of the
 * working hours it follows, `off-hours@YYYY-MM-DDTHH:MM`: stable, and the same whichever day it
 * is looked at from.
 */
import { type WallClock, wallKey, weekdayOf } from './local-time'
import type { Schedule, WorkingHours } from './schema'

/**
 * Off-hours hold only with working hours on some day: "outside working hours" with none would be
 * a quiet period without end. `validateSchedule` refuses that combination.
 */
export const hasOffHours = (s: Schedule) => s.offHours && s.workingHours.some((r) => r !== null)

/**
 * How far back to look for the working hours a stretch follows. A week is enough unless a DST gap
 * swallows the only working day of the week; two weeks cover that too.
 */
const LOOK_BACK = 15

interface Work {
  start: number
  end: number
  /** Nominal end, for the id of the off-hours after it. */
  endDay: number
  endMinute: number
}

function workOn(hours: WorkingHours, at: WallClock, day: number): Work | null {
  const r = hours[weekdayOf(day)]
  if (!r) return null
  const endDay = r.end < r.start ? day + 1 : day
  const start = at(day, r.start)
  const end = at(endDay, r.end)
  // Working hours wholly inside a DST gap do not happen that day.
  return end > start ? { start, end, endDay, endMinute: r.end } : null
}

/** The later-ending of the working hours of `day` and of the day before (which may cross into it). */
function lastWorkBefore(hours: WorkingHours, at: WallClock, day: number): Work | null {
  for (let d = day; d > day - LOOK_BACK; d--) {
    const w = workOn(hours, at, d)
    if (!w) continue
    const before = workOn(hours, at, d - 1)
    // On a tie (both end in the same DST gap) the earlier day's, as `offHoursIn` picks going on.
    return before && before.end >= w.end ? before : w
  }
  return null
}

export interface Gap {
  start: number
  end: number
  id: string
}

const gap = (start: number, end: number, after: Work | null, first: number): Gap => ({
  start,
  end,
  // Nothing in LOOK_BACK days: only a schedule without working hours, which has no off-hours.
  id: `off-hours@${after ? wallKey(after.endDay, after.endMinute) : wallKey(first, 0)}`,
})

/** The off-hours stretches that overlap [from, to), from the working hours of days first…last. */
export function offHoursIn(
  hours: WorkingHours,
  at: WallClock,
  { first, last, from, to }: { first: number; last: number; from: number; to: number },
): Gap[] {
  const out: Gap[] = []
  let prev = lastWorkBefore(hours, at, first - 1)
  for (let day = first; day <= last && (prev?.end ?? from) < to; day++) {
    const w = workOn(hours, at, day)
    if (!w) continue
    const end = prev?.end ?? from
    if (w.start > end && w.start > from) out.push(gap(end, w.start, prev, first))
    if (w.end > end) prev = w
  }
  const end = prev?.end ?? from
  if (end < to) out.push(gap(end, to, prev, first))
  return out
}

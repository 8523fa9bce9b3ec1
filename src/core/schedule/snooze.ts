/**
 * "Snooze until the next open period": when a held item should come back. In a quiet period,
 * when the whole quiet stretch ends; in open time, when the next quiet stretch ends (the user is
 * working now and asked not to see it until the next time they come up for air). With no quiet
 * period ahead at all (no blocks, no off-hours), the start of the next working day, else a day.
 */
import { DAY, dayOf, instantOf, weekdayOf } from './local-time'
import type { QuietOptions } from './periods'
import { nextBoundary, quietAt } from './quiet'
import type { Schedule } from './schema'

export function snoozeUntil(schedule: Schedule, t: number, opts: QuietOptions = {}): number {
  const now = quietAt(schedule, t, opts)
  if (now) return now.until
  const next = nextBoundary(schedule, t, opts)
  const then = next === null ? null : quietAt(schedule, next, opts)
  if (then) return then.until
  return nextWorkingStart(schedule, t) ?? t + DAY
}

/** The start of working hours on the first later day that has them. */
function nextWorkingStart(schedule: Schedule, t: number): number | null {
  const today = dayOf(t)
  for (let d = 1; d <= 7; d++) {
    const day = today + d
    const hours = schedule.workingHours[weekdayOf(day)]
    if (hours) return instantOf(day, hours.start)
  }
  return null
}

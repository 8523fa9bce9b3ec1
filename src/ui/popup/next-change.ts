/**
 * What the popup says about now and next: the period in force and when it changes, from the
 * same inputs the background uses (background/quiet-now.ts), so the two agree. Pure; see
 * next-change.test.ts.
 */
import { nextBoundary, type QuietOptions, quietAt } from '../../core/schedule'
import type { Schedule } from '../../core/schedule/schema'

export type Period =
  | { kind: 'open' }
  | { kind: 'focus' }
  | { kind: 'block'; label: string }
  | { kind: 'off-hours' }

export interface Stretch {
  period: Period
  /** When this period gives way to another one (or to open); null: never, as far as we know. */
  until: number | null
}

/** The period in force at t, and how long it lasts before the period in force changes. */
export function stretchAt(schedule: Schedule, opts: QuietOptions, t: number): Stretch {
  const quiet = quietAt(schedule, t, opts)
  const until = nextBoundary(schedule, t, opts)
  if (!quiet) return { period: { kind: 'open' }, until }
  if (quiet.kind === 'off-hours') return { period: { kind: 'off-hours' }, until }
  if (opts.manual && quiet.id === opts.manual.id) return { period: { kind: 'focus' }, until }
  const blockId = quiet.id.split('@')[0]
  const label = schedule.blocks.find((b) => b.id === blockId)?.label ?? ''
  return { period: { kind: 'block', label }, until }
}

export interface NextChange {
  now: Stretch
  /** What follows `now`, when `now` ends at all. */
  next: Stretch | null
}

export function nextChange(schedule: Schedule, opts: QuietOptions, t: number): NextChange {
  const now = stretchAt(schedule, opts, t)
  return { now, next: now.until === null ? null : stretchAt(schedule, opts, now.until) }
}

/** What the popup's header shows: the period now, and one line about what comes after it. */
export interface HeaderState {
  now: { period: Period; until: number | null }
  /** `then`: what follows the quiet period now; `next`: when quiet starts again, while open. */
  after: { kind: 'then' | 'next'; at: number; stretch: Stretch } | null
}

export interface ScheduleInputs {
  schedule: Schedule
  opts: QuietOptions
}

/**
 * The running session (as the background recorded it) wins for "now", so the header agrees with
 * the badge; the schedule gives what follows. Without a session the schedule gives both.
 */
export function headerState(
  active: { kind: 'manual' | 'block' | 'off-hours'; label?: string; endsAt: number } | undefined,
  inputs: ScheduleInputs | undefined,
  t: number,
): HeaderState {
  const at = (x: number) => (inputs ? stretchAt(inputs.schedule, inputs.opts, x) : null)
  if (active) {
    const period: Period =
      active.kind === 'manual'
        ? { kind: 'focus' }
        : active.kind === 'off-hours'
          ? { kind: 'off-hours' }
          : { kind: 'block', label: active.label ?? '' }
    const then = at(active.endsAt)
    return {
      now: { period, until: active.endsAt },
      after: then && { kind: 'then', at: active.endsAt, stretch: then },
    }
  }
  const now = at(t)
  if (!now) return { now: { period: { kind: 'open' }, until: null }, after: null }
  const next = now.until === null ? null : at(now.until)
  const kind = now.period.kind === 'open' ? 'next' : 'then'
  return { now, after: next && now.until !== null ? { kind, at: now.until, stretch: next } : null }
}

/**
 * The quiet periods of a run of local days, as instants, before deciding which one is in force:
 * block occurrences, off-hours stretches and the manual session. They may overlap.
 *
 * Ids (stable, unique per period; they name the digest and what "end now" skips):
 * - block occurrence: `${block.id}@YYYY-MM-DD`, the local date it starts;
 * - off-hours: `off-hours@YYYY-MM-DDTHH:MM`, the nominal end of the working hours it follows;
 * - manual session: its own id.
 * A period whose id is in `skipped` does not happen at all.
 */

import { createWallClock, dayKey, weekdayOf } from './local-time'
import { hasOffHours, offHoursIn } from './off-hours'
import type { Schedule } from './schema'

export interface Span {
  start: number
  end: number
}

export interface QuietSpan extends Span {
  kind: 'block' | 'off-hours'
  id: string
  /** Set for an occurrence of a weekly block. */
  blockId?: string
}

export interface ManualSession {
  id: string
  until: number
  /** When it began; without it, the session covers everything before `until`. */
  startedAt?: number
}

export interface QuietOptions {
  /** Ids of periods ended early ("end now"). */
  skipped?: ReadonlySet<string>
  manual?: ManualSession | null
}

export interface Candidate extends QuietSpan {
  /** Where candidates overlap, the lowest rank is in force (see RANK). */
  rank: number
}

/**
 * Blocks, then the manual session, then off-hours. Among (invalidly) overlapping blocks, the
 * earliest scheduled start, then the first in the list.
 */
const RANK = { manual: 1e13, offHours: 2e13 }
const blockRank = (day: number, minute: number, index: number) =>
  (day * 1440 + minute) * 128 + index

export interface Window {
  from: number
  to: number
  candidates: Candidate[]
}

const NO_SKIPS: ReadonlySet<string> = new Set()

/** Keeps a period that is not skipped and not empty once cut at the window's end. */
function keep(out: Candidate[], c: Candidate, to: number, skipped: ReadonlySet<string>): void {
  if (c.end > to) c.end = to
  if (c.end > c.start && (skipped.size === 0 || !skipped.has(c.id))) out.push(c)
}

/**
 * Periods as they are on [local midnight of day `lo`, local midnight after day `hi`), with ends
 * cut there. Some may start before it.
 */
export function periodsIn(schedule: Schedule, lo: number, hi: number, opts: QuietOptions): Window {
  const at = createWallClock()
  const skipped = opts.skipped ?? NO_SKIPS
  const from = at(lo, 0)
  const to = at(hi + 1, 0)
  const out: Candidate[] = []

  // A block that starts the day before `lo` may still run into it.
  const { blocks } = schedule
  for (let day = lo - 1; day <= hi; day++) {
    const weekday = weekdayOf(day)
    let key = ''
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!
      if (!b.days.includes(weekday)) continue
      key ||= dayKey(day)
      const start = at(day, b.start)
      const end = at(b.end < b.start ? day + 1 : day, b.end)
      const rank = blockRank(day, b.start, i)
      keep(
        out,
        { kind: 'block', id: `${b.id}@${key}`, blockId: b.id, start, end, rank },
        to,
        skipped,
      )
    }
  }

  const m = opts.manual
  if (m) {
    const start = m.startedAt ?? from
    const c: Candidate = {
      kind: 'block',
      id: m.id,
      blockId: undefined,
      start,
      end: m.until,
      rank: RANK.manual,
    }
    keep(out, c, to, skipped)
  }

  if (hasOffHours(schedule)) {
    const days = { first: lo - 1, last: hi, from, to }
    for (const { start, end, id } of offHoursIn(schedule.workingHours, at, days)) {
      const c: Candidate = {
        kind: 'off-hours',
        id,
        blockId: undefined,
        start,
        end,
        rank: RANK.offHours,
      }
      keep(out, c, to, skipped)
    }
  }
  return { from, to, candidates: out }
}

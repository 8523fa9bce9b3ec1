/** What one day column of the week view draws, in minutes of that local day. Pure. */
import type { QuietSpan } from '../../core/schedule'
import type { Schedule } from '../../core/schedule/schema'

export type Bar =
  | { kind: 'work'; from: number; to: number }
  | { kind: 'off-hours'; from: number; to: number }
  | { kind: 'block'; from: number; to: number; label: string; index: number }

/** Local midnight of the Monday of t's week. */
export function mondayOf(t: number): number {
  const d = new Date(t)
  d.setHours(0, 0, 0, 0)
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7))
  return d.getTime()
}

const midnight = (monday: number, offset: number) => {
  const d = new Date(monday)
  d.setDate(d.getDate() + offset)
  return d.getTime()
}

/** Minutes of the wall clock, so that a DST day still draws 09:00 at 09:00. */
const wall = (t: number) => {
  const d = new Date(t)
  return d.getHours() * 60 + d.getMinutes()
}

/** Bars for day `offset` (0 = Monday) of the week that starts at `monday`. */
export function dayBars(
  schedule: Schedule,
  spans: readonly QuietSpan[],
  monday: number,
  offset: number,
): Bar[] {
  const bars: Bar[] = []
  const weekday = (offset + 1) % 7
  const hours = schedule.workingHours[weekday]
  const before = schedule.workingHours[(weekday + 6) % 7]
  if (before && before.end < before.start && before.end > 0)
    bars.push({ kind: 'work', from: 0, to: before.end })
  if (hours)
    bars.push({ kind: 'work', from: hours.start, to: hours.end > hours.start ? hours.end : 1440 })

  const from = midnight(monday, offset)
  const to = midnight(monday, offset + 1)
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue
    const a = s.start <= from ? 0 : wall(s.start)
    const b = s.end >= to ? 1440 : wall(s.end)
    if (b <= a) continue
    if (s.kind === 'off-hours') bars.push({ kind: 'off-hours', from: a, to: b })
    else {
      const index = schedule.blocks.findIndex((x) => x.id === s.blockId)
      const label = schedule.blocks[index]?.label ?? ''
      bars.push({ kind: 'block', from: a, to: b, label, index })
    }
  }
  return bars
}

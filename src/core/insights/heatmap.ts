/**
 * When captures arrive: a weekday × hour-of-day grid in local time, weeks starting on Monday.
 * On a fall-back day the repeated hour counts twice into the same cell; a spring-forward gap's
 * hour simply gets nothing that day.
 */
import type { InsightRow } from './row'
import { dayIn, hourIn, isoWeekday, type Zone } from './zone'

export interface Heatmap {
  /** cells[weekday][hour]: weekday 0 = Monday … 6 = Sunday, hour 0–23. */
  cells: number[][]
  /** The largest cell, for the colour scale (0 when empty). */
  max: number
}

export function heatmap(zone: Zone, rows: readonly Pick<InsightRow, 'at'>[]): Heatmap {
  const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  let max = 0
  for (const r of rows) {
    const line = cells[isoWeekday(dayIn(zone, r.at))]!
    const hour = hourIn(zone, r.at)
    const n = (line[hour] ?? 0) + 1
    line[hour] = n
    if (n > max) max = n
  }
  return { cells, max }
}

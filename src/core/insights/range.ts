/**
 * The period insights look at: the last N local calendar days, today included, so that "last 7
 * days" on a Wednesday afternoon starts on last Thursday at midnight.
 */
import { dayIn, dayStart, type Zone } from './zone'

export const RANGE_DAYS = [7, 30, 90] as const
export type RangeDays = (typeof RANGE_DAYS)[number]
export const DEFAULT_RANGE: RangeDays = 30

export interface Range {
  firstDay: number
  lastDay: number
  /** The first instant of firstDay. */
  from: number
  /** The first instant after lastDay: rows from `from` up to (not including) `to` count. */
  to: number
}

export function rangeOf(zone: Zone, now: number, days: number): Range {
  const lastDay = dayIn(zone, now)
  const firstDay = lastDay - days + 1
  return { firstDay, lastDay, from: dayStart(zone, firstDay), to: dayStart(zone, lastDay + 1) }
}

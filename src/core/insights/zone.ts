/**
 * Local calendar days for insights, in an injected time zone: the page passes LOCAL_ZONE (the
 * browser's zone, through `Date`), tests pass a named zone (testing.ts), so that DST days can be
 * checked in any zone without changing the process's TZ.
 *
 * Days are day numbers (days since 1970-01-01, as in core/schedule/local-time), weeks are ISO
 * weeks: they start on Monday.
 */

import { DAY, HOUR, instantOfWallIn, MINUTE, offsetAt } from '../schedule/local-time'

export { DAY, HOUR, MINUTE }

export interface Zone {
  /** Offset of local time from UTC at instant t, in ms, positive east of Greenwich. */
  offsetAt(t: number): number
}

export const LOCAL_ZONE: Zone = { offsetAt }

/** The local day number of instant t. */
export const dayIn = (zone: Zone, t: number) => Math.floor((t + zone.offsetAt(t)) / DAY)

/** The local hour of instant t (0–23); in a repeated (fall-back) hour, that hour twice. */
export function hourIn(zone: Zone, t: number): number {
  const wall = t + zone.offsetAt(t)
  return Math.floor((wall - Math.floor(wall / DAY) * DAY) / HOUR)
}

/** 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday. */
export const isoWeekday = (day: number) => (((day + 3) % 7) + 7) % 7

/** The Monday that starts day's ISO week. */
export const mondayOf = (day: number) => day - isoWeekday(day)

/**
 * The first instant of local day `day`. Where midnight does not exist (a DST gap at 00:00, as in
 * America/Santiago), the day starts when the clock jumps; where midnight happens twice, at the
 * first one: core/schedule's rule, in this zone.
 */
export const dayStart = (zone: Zone, day: number): number =>
  instantOfWallIn((t) => zone.offsetAt(t), day * DAY)

const QUARTER = 15 * MINUTE

/**
 * The same zone, faster over many instants: the offset is looked up once per quarter hour of UTC
 * time and kept when it is the same at both ends of it (no zone changes twice within 15 minutes);
 * a quarter hour with a change in it is asked instant by instant. Exact either way.
 */
export function memoZone(zone: Zone): Zone {
  const memo = new Map<number, number | null>()
  return {
    offsetAt(t) {
      const q = Math.floor(t / QUARTER)
      let offset = memo.get(q)
      if (offset === undefined) {
        const start = zone.offsetAt(q * QUARTER)
        offset = start === zone.offsetAt(q * QUARTER + QUARTER - 1) ? start : null
        memo.set(q, offset)
      }
      return offset ?? zone.offsetAt(t)
    },
  }
}

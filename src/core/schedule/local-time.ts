/**
 * Wall-clock time in the system's time zone, through plain `Date` (the extension runs in the
 * user's browser; tests set TZ). Nothing is cached between calls, so when the system's time zone
 * changes, the next call follows it.
 *
 * A calendar day is a day number (days since 1970-01-01, the same in every zone) and a wall time
 * is a day and a minute of that day.
 *
 * DST, for a wall time that:
 * - does not exist (spring-forward gap: 02:30 in Europe/Madrid on 2026-03-29) → the first instant
 *   after the gap, the one the clock jumps to (03:00 CEST). `new Date(2026, 2, 29, 2, 30)` would
 *   give 03:30, so it is not used for this;
 * - happens twice (fall-back: 02:30 in Europe/Madrid on 2026-10-25) → the first one (CEST).
 * Both keep wall → instant non-decreasing, so nothing ends before it starts; a block that lies
 * wholly inside a gap has zero length and does not happen that day.
 *
 * Assumes that a zone never changes its offset twice within 6 days. In the tz database since 1970
 * the closest two changes are 7 days apart (Brazil, October 2000).
 */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
export const MINUTES_PER_DAY = 1440

/** Bounds of real UTC offsets (Pacific/Kiritimati +14, Etc/GMT+12 −12). */
const MAX_EAST = 14 * HOUR
const MAX_WEST = 12 * HOUR

/** Offset of local time from UTC at instant t, in ms, positive east of Greenwich. */
export function offsetAt(t: number): number {
  return -new Date(t).getTimezoneOffset() * MINUTE
}

/** The local calendar day of instant t. */
export function dayOf(t: number): number {
  return Math.floor((t + offsetAt(t)) / DAY)
}

/** The local minute of the day of instant t (0–1439). */
export function minuteOf(t: number): number {
  const wall = t + offsetAt(t)
  return Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE)
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * `YYYY-MM-DD`, by arithmetic: it names every occurrence, so it runs often, and a `Date` with
 * `toISOString` costs ten times more. Civil-from-days, http://howardhinnant.github.io/date_algorithms.html
 */
export function dayKey(day: number): string {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

/** `YYYY-MM-DDTHH:MM`, the nominal wall time (not the instant it maps to). */
export function wallKey(day: number, minute: number): string {
  return `${dayKey(day)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`
}

/** The instant of a wall time given as ms (day × DAY + minute × MINUTE), by the rules above. */
export const instantOfWall = (wall: number): number => instantOfWallIn(offsetAt, wall)

/**
 * `instantOfWall` in the zone whose offsets `offset` gives (insights pass a zone, so that tests
 * can check any zone's DST days without changing the process's TZ).
 */
export function instantOfWallIn(offset: (t: number) => number, wall: number): number {
  const before = offset(wall - MAX_EAST)
  const after = offset(wall + MAX_WEST)
  const early = wall - before
  if (before === after) return early
  const late = wall - after
  const earlyOk = offset(early) === before
  const lateOk = offset(late) === after
  if (earlyOk && lateOk) return Math.min(early, late)
  if (earlyOk) return early
  if (lateOk) return late
  // In the gap: the clock jumped over `wall` at some instant in (late, early]. Find it.
  let lo = late
  let hi = early
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (offset(mid) === before) lo = mid
    else hi = mid
  }
  return hi
}

export function instantOf(day: number, minute: number): number {
  return instantOfWall(day * DAY + minute * MINUTE)
}

/** Days checked at once for an offset change: 4 days plus the margins span 5.1 days. */
const CHUNK = 4

/**
 * `instantOf` for many wall times in one computation. Most weeks have no offset change: one
 * offset, looked up once for a run of days, then serves every minute of them.
 */
export type WallClock = (day: number, minute: number) => number

export function createWallClock(): WallClock {
  const chunks = new Map<number, number | null>()
  const days = new Map<number, number | null>()
  return (day, minute) => {
    const wall = day * DAY + minute * MINUTE
    const chunk = Math.floor(day / CHUNK)
    const offset =
      steady(chunks, chunk, chunk * CHUNK, chunk * CHUNK + CHUNK - 1) ?? steady(days, day, day, day)
    return offset === null ? instantOfWall(wall) : wall - offset
  }
}

/** The offset of every wall time of days first…last, or null if it changes in them. */
function steady(memo: Map<number, number | null>, key: number, first: number, last: number) {
  let offset = memo.get(key)
  if (offset === undefined) {
    const before = offsetAt(first * DAY - MAX_EAST)
    offset = before === offsetAt((last + 1) * DAY + MAX_WEST) ? before : null
    memo.set(key, offset)
  }
  return offset
}

/**
 * Test helpers for the schedule tests (imported only by *.test.ts): the zone the tests run in,
 * its offset changes, and fast-check arbitraries for schedules and instants.
 */
import fc from 'fast-check'
import { describe } from 'vitest'
import { DAY, HOUR, MINUTE, offsetAt } from './local-time'
import type { Schedule, TimeRange, WeeklyBlock } from './schema'

export const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/** Registers `fn`'s tests only when running in `name` (the TZ projects of vitest.config.ts). */
export function inZone(name: string, fn: () => void): void {
  if (zone() === name) describe(`in ${name}`, fn)
}

/** Local wall time to instant, with a 1-based month; only for wall times that exist once. */
export const local = (y: number, month: number, d: number, h = 0, mi = 0) =>
  new Date(y, month - 1, d, h, mi).getTime()

export const hm = (h: number, m = 0) => h * 60 + m

export const range = (start: number, end: number): TimeRange => ({ start, end })

export function block(id: string, days: number[], start: number, end: number): WeeklyBlock {
  return { id, label: id, days, start, end }
}

/** A weekday-morning block as settings store it; `over` may break it on purpose. */
export const backofficeBlock = (over: Record<string, unknown> = {}) => ({
  id: 'b1',
  label: 'Backoffice',
  days: [1, 2, 3, 4, 5],
  start: 9 * 60,
  end: 11 * 60,
  ...over,
})

export function schedule(parts: Partial<Schedule> = {}): Schedule {
  return {
    blocks: [],
    workingHours: [null, null, null, null, null, null, null],
    offHours: false,
    ...parts,
  }
}

/** Every instant in [from, to) where the current zone's offset changes, to the millisecond. */
export function transitions(from: number, to: number): number[] {
  const out: number[] = []
  for (let t = from; t < to; t += HOUR) {
    if (offsetAt(t) === offsetAt(t + HOUR)) continue
    let lo = t
    let hi = t + HOUR
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (offsetAt(mid) === offsetAt(lo)) lo = mid
      else hi = mid
    }
    out.push(hi)
  }
  return out
}

export const SPAN_FROM = Date.UTC(2024, 0, 1)
export const SPAN_TO = Date.UTC(2031, 0, 1)
export const ZONE_CHANGES = transitions(SPAN_FROM - 30 * DAY, SPAN_TO + 30 * DAY)

/** Minutes that often sit on DST changes (02:00–03:45) or on each other, and any other. */
export const minuteArb = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.constantFrom(0, 1, 60, 120, 150, 165, 180, 210, 225, 540, 600, 660, 1020, 1380, 1439),
)
export const rangeArb = fc
  .record({ start: minuteArb, end: minuteArb })
  .filter((r) => r.start !== r.end)
const daysArb = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 })

export const blocksArb = (maxLength = 4) =>
  fc
    .array(fc.record({ days: daysArb, r: rangeArb }), { maxLength })
    .map((list) => list.map((b, i) => block(`b${i}`, b.days, b.r.start, b.r.end)))

export const workingHoursArb = fc.tuple(
  ...Array.from({ length: 7 }, () => fc.option(rangeArb, { nil: null, freq: 3 })),
) as fc.Arbitrary<Schedule['workingHours']>

export const scheduleArb = fc.record({
  blocks: blocksArb(),
  workingHours: workingHoursArb,
  offHours: fc.boolean(),
})

/** Instants from 2024 to 2030: anywhere, on a whole minute, or within 3 days of a DST change. */
export const instantArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: SPAN_FROM, max: SPAN_TO }),
  fc.integer({ min: SPAN_FROM / MINUTE, max: SPAN_TO / MINUTE }).map((m) => m * MINUTE),
  ...(ZONE_CHANGES.length === 0
    ? []
    : [
        fc
          .tuple(
            fc.constantFrom(...ZONE_CHANGES),
            fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
          )
          .map(([t, m]) => t + m * MINUTE),
      ]),
)

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createWallClock,
  DAY,
  dayKey,
  dayOf,
  instantOf,
  MINUTE,
  minuteOf,
  offsetAt,
  wallKey,
  weekdayOf,
} from './local-time'
import { hm, instantArb, inZone, local, minuteArb, ZONE_CHANGES, zone } from './testing'

/** Offsets on 15 January 2026, in `getTimezoneOffset` minutes, of the zones the TZ projects use. */
const JANUARY: Record<string, number> = {
  'Europe/Madrid': -60,
  'America/Mexico_City': 360,
  'America/Bogota': 300,
  'Asia/Kolkata': -330,
  'Pacific/Chatham': -825,
}

describe('the time zone', () => {
  it('is the one the vitest project sets (MARGEN_TEST_TZ), in Intl and in Date', () => {
    const wanted = process.env.MARGEN_TEST_TZ
    if (!wanted) return // the plain unit project runs in the machine's zone
    // ICU may name a zone by an older alias (Asia/Kolkata → Asia/Calcutta): compare canonical names.
    expect(zone()).toBe(
      new Intl.DateTimeFormat('en', { timeZone: wanted }).resolvedOptions().timeZone,
    )
    expect(new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(JANUARY[wanted])
  })
})

describe('calendar days', () => {
  it('name days and weekdays the same in every zone', () => {
    const day = Date.UTC(2026, 10, 16) / DAY
    expect(dayKey(day)).toBe('2026-11-16')
    expect(weekdayOf(day)).toBe(1)
    expect(weekdayOf(0)).toBe(4)
    expect(weekdayOf(-1)).toBe(3)
    expect(wallKey(day, hm(9, 5))).toBe('2026-11-16T09:05')
    expect(dayKey(Date.UTC(1999, 11, 31) / DAY)).toBe('1999-12-31')
    expect(dayKey(Date.UTC(2028, 1, 29) / DAY)).toBe('2028-02-29')
  })

  it('dayKey agrees with toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400_000, max: 400_000 }), (day) => {
        expect(dayKey(day)).toBe(new Date(day * DAY).toISOString().slice(0, 10))
      }),
    )
  })

  it('reads the local day and minute of an instant', () => {
    const t = local(2026, 11, 16, 9, 30) + 59_999
    expect(dayKey(dayOf(t))).toBe('2026-11-16')
    expect(minuteOf(t)).toBe(hm(9, 30))
  })
})

describe('instantOf (wall time → instant)', () => {
  const wallArb = instantArb.map((t) => [dayOf(t), minuteOf(t)] as const)
  const wallOf = (t: number) => dayOf(t) * 1440 + minuteOf(t)

  it('gives the first instant showing that wall time, or the end of the gap it falls in', () => {
    fc.assert(
      fc.property(wallArb, minuteArb, ([day], minute) => {
        const t = instantOf(day, minute)
        const wanted = day * 1440 + minute
        if (wallOf(t) === wanted) {
          // exists: and no earlier instant shows it (fall-back: the first of the two)
          expect(wallOf(t - 1)).not.toBe(wanted)
          const earlier = t - (offsetAt(t - DAY) - offsetAt(t))
          if (earlier < t) expect(wallOf(earlier)).not.toBe(wanted)
        } else {
          // skipped by a spring-forward gap: t is the instant the clock jumps over it
          expect(wallOf(t)).toBeGreaterThan(wanted)
          expect(wallOf(t - 1)).toBeLessThan(wanted)
          expect(offsetAt(t)).toBeGreaterThan(offsetAt(t - 1))
        }
      }),
    )
  })

  it('never goes back as the wall time goes on', () => {
    fc.assert(
      fc.property(wallArb, fc.integer({ min: 0, max: 3 * 1440 }), ([day, minute], step) => {
        const later = day * 1440 + minute + step
        expect(instantOf(Math.floor(later / 1440), later % 1440)).toBeGreaterThanOrEqual(
          instantOf(day, minute),
        )
      }),
    )
  })

  it('agrees with the batched wall clock, DST days included', () => {
    fc.assert(
      fc.property(wallArb, minuteArb, ([day], minute) => {
        expect(createWallClock()(day, minute)).toBe(instantOf(day, minute))
      }),
    )
    for (const change of ZONE_CHANGES) {
      const at = createWallClock()
      const day = dayOf(change)
      for (let m = 0; m < 1440; m += 5) expect(at(day, m)).toBe(instantOf(day, m))
    }
  })

  it('matches new Date() away from DST changes', () => {
    expect(instantOf(Date.UTC(2026, 10, 16) / DAY, hm(9))).toBe(local(2026, 11, 16, 9))
  })
})

inZone('Europe/Madrid', () => {
  const day = (m: number, d: number) => Date.UTC(2026, m - 1, d) / DAY
  it('spring forward (2026-03-29, 02:00 CET → 03:00 CEST): the gap maps to 03:00', () => {
    expect(instantOf(day(3, 29), hm(1, 59))).toBe(Date.UTC(2026, 2, 29, 0, 59))
    for (const m of [hm(2), hm(2, 30), hm(2, 59), hm(3)])
      expect(instantOf(day(3, 29), m)).toBe(Date.UTC(2026, 2, 29, 1, 0))
    expect(instantOf(day(3, 29), hm(3, 1))).toBe(Date.UTC(2026, 2, 29, 1, 1))
  })
  it('fall back (2026-10-25, 03:00 CEST → 02:00 CET): the repeated hour is the first one', () => {
    expect(instantOf(day(10, 25), hm(2))).toBe(Date.UTC(2026, 9, 25, 0, 0))
    expect(instantOf(day(10, 25), hm(2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30))
    expect(instantOf(day(10, 25), hm(3))).toBe(Date.UTC(2026, 9, 25, 2, 0))
  })
})

inZone('Pacific/Chatham', () => {
  const day = (m: number, d: number) => Date.UTC(2026, m - 1, d) / DAY
  it('spring forward (2026-09-27, 02:45 +12:45 → 03:45 +13:45): the gap maps to 03:45', () => {
    expect(instantOf(day(9, 27), hm(2, 44))).toBe(Date.UTC(2026, 8, 26, 13, 59))
    expect(instantOf(day(9, 27), hm(3, 0))).toBe(Date.UTC(2026, 8, 26, 14, 0))
    expect(instantOf(day(9, 27), hm(3, 45))).toBe(Date.UTC(2026, 8, 26, 14, 0))
  })
  it('fall back (2026-04-05, 03:45 +13:45 → 02:45 +12:45): the first 03:00 is at +13:45', () => {
    expect(instantOf(day(4, 5), hm(3, 0))).toBe(Date.UTC(2026, 3, 4, 13, 15))
    expect(instantOf(day(4, 5), hm(3, 45))).toBe(Date.UTC(2026, 3, 4, 15, 0))
    expect(dayOf(Date.UTC(2026, 10, 15, 20, 0))).toBe(day(11, 16)) // already Monday there
  })
})

describe('a change of the system time zone', () => {
  it('applies at the next call: nothing is cached', () => {
    const saved = process.env.TZ
    const before = zone()
    const t = Date.UTC(2026, 10, 16, 8, 30)
    try {
      process.env.TZ = 'Europe/Madrid'
      expect([dayKey(dayOf(t)), minuteOf(t)]).toEqual(['2026-11-16', hm(9, 30)])
      process.env.TZ = 'America/Bogota'
      expect([dayKey(dayOf(t)), minuteOf(t)]).toEqual(['2026-11-16', hm(3, 30)])
      expect(instantOf(dayOf(t), hm(9))).toBe(Date.UTC(2026, 10, 16, 14))
    } finally {
      if (saved === undefined) Reflect.deleteProperty(process.env, 'TZ')
      else process.env.TZ = saved
    }
    expect(zone()).toBe(before)
    expect(offsetAt(t)).toBe(-new Date(t).getTimezoneOffset() * MINUTE)
  })
})

import { describe, expect, it } from 'vitest'
import { fixedZone, UTC, zoneNamed } from './testing'
import {
  DAY,
  dayIn,
  dayStart,
  HOUR,
  hourIn,
  isoWeekday,
  LOCAL_ZONE,
  memoZone,
  mondayOf,
} from './zone'

const madrid = zoneNamed('Europe/Madrid')
const santiago = zoneNamed('America/Santiago')
const kolkata = zoneNamed('Asia/Kolkata')
const utc = Date.UTC
/** The day number of a calendar date (UTC arithmetic: the same in every zone). */
const day = (y: number, m: number, d: number) => utc(y, m - 1, d) / DAY

describe('zones for insights', () => {
  it('reads a named zone through Intl, with its DST offsets', () => {
    expect(madrid.offsetAt(utc(2026, 0, 15, 12))).toBe(HOUR)
    expect(madrid.offsetAt(utc(2026, 6, 15, 12))).toBe(2 * HOUR)
    expect(kolkata.offsetAt(utc(2026, 6, 15, 12))).toBe(5.5 * HOUR)
    expect(santiago.offsetAt(utc(2026, 0, 15, 12))).toBe(-3 * HOUR)
  })

  it('LOCAL_ZONE follows Date', () => {
    const t = utc(2026, 4, 1, 12)
    expect(LOCAL_ZONE.offsetAt(t)).toBe(-new Date(t).getTimezoneOffset() * 60_000)
  })

  it('puts an instant on its local day and hour, not the UTC one', () => {
    // 23:30Z on Sunday 2026-03-01 is 00:30 on Monday in Madrid and 05:00 Monday in Kolkata.
    const t = utc(2026, 2, 1, 23, 30)
    expect(dayIn(UTC, t)).toBe(day(2026, 3, 1))
    expect(dayIn(madrid, t)).toBe(day(2026, 3, 2))
    expect(hourIn(madrid, t)).toBe(0)
    expect(hourIn(kolkata, t)).toBe(5)
    expect(dayIn(fixedZone(-5), t)).toBe(day(2026, 3, 1))
    expect(hourIn(fixedZone(-5), t)).toBe(18)
  })

  it('numbers weekdays from Monday and finds the Monday of a week', () => {
    expect(isoWeekday(day(2026, 3, 2))).toBe(0) // a Monday
    expect(isoWeekday(day(2026, 3, 8))).toBe(6) // a Sunday
    expect(isoWeekday(0)).toBe(3) // 1970-01-01, a Thursday
    expect(mondayOf(day(2026, 3, 8))).toBe(day(2026, 3, 2))
    expect(mondayOf(day(2026, 3, 9))).toBe(day(2026, 3, 9))
    expect(isoWeekday(day(1969, 12, 29))).toBe(0) // before the epoch too
  })

  it('a spring-forward day lasts 23 hours and a fall-back day 25 (Europe/Madrid)', () => {
    const spring = day(2026, 3, 29)
    expect(dayStart(madrid, spring)).toBe(utc(2026, 2, 28, 23))
    expect(dayStart(madrid, spring + 1) - dayStart(madrid, spring)).toBe(23 * HOUR)
    const fall = day(2026, 10, 25)
    expect(dayStart(madrid, fall)).toBe(utc(2026, 9, 24, 22))
    expect(dayStart(madrid, fall + 1) - dayStart(madrid, fall)).toBe(25 * HOUR)
  })

  it('a day whose midnight falls in a DST gap starts when the clock jumps (America/Santiago)', () => {
    // 2026-09-06: 00:00 CLT (04:00Z) jumps to 01:00 CLST.
    const d = day(2026, 9, 6)
    expect(dayStart(santiago, d)).toBe(utc(2026, 8, 6, 4))
    expect(dayIn(santiago, utc(2026, 8, 6, 4) - 1)).toBe(d - 1)
    expect(hourIn(santiago, utc(2026, 8, 6, 4))).toBe(1)
  })

  it('a day whose midnight comes after a repeated hour starts at that midnight (America/Santiago)', () => {
    // 2026-04-05: 24:00 CLST on Saturday (03:00Z) goes back to 23:00 CLT; midnight is at 04:00Z.
    const d = day(2026, 4, 5)
    expect(dayStart(santiago, d)).toBe(utc(2026, 3, 5, 4))
    expect(dayIn(santiago, utc(2026, 3, 5, 3, 30))).toBe(d - 1)
    expect(dayStart(santiago, d + 1) - dayStart(santiago, d)).toBe(24 * HOUR)
  })
})

describe('dayStart in zones with odd offsets and DST', () => {
  const zones = ['Europe/Madrid', 'America/Mexico_City', 'Pacific/Chatham', 'Asia/Kolkata']
  it.each(zones)(
    'in %s, every day of 2024–2027 starts at the first instant of that day',
    (name) => {
      const z = zoneNamed(name)
      // Every 5th day, plus every day of March, April, September, October and November.
      for (let d = day(2024, 1, 1); d < day(2028, 1, 1); d++) {
        const month = new Date(d * DAY).getUTCMonth() + 1
        if (d % 5 !== 0 && ![3, 4, 9, 10, 11].includes(month)) continue
        const start = dayStart(z, d)
        expect(dayIn(z, start)).toBe(d)
        expect(dayIn(z, start - 1)).toBe(d - 1)
        expect(hourIn(z, start)).toBeLessThanOrEqual(1)
      }
    },
  )
})

describe('memoZone', () => {
  it('answers exactly as the zone it remembers, also around offset changes', () => {
    for (const name of [
      'Europe/Madrid',
      'America/St_Johns',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
    ]) {
      const z = zoneNamed(name)
      const m = memoZone(z)
      // Every 61 minutes through 2026, then every 10 seconds around each change found.
      for (let t = utc(2026, 0, 1); t < utc(2027, 0, 1); t += 61 * 60_000) {
        const o = m.offsetAt(t)
        expect(o).toBe(z.offsetAt(t))
        if (o !== m.offsetAt(t + 61 * 60_000))
          for (let s = t; s <= t + 61 * 60_000; s += 10_000)
            expect(m.offsetAt(s)).toBe(z.offsetAt(s))
      }
    }
  })
})

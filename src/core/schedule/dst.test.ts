import { describe, expect, it } from 'vitest'
import { merge } from './intervals'
import { DAY, dayKey, dayOf, HOUR, MINUTE, minuteOf, offsetAt, weekdayOf } from './local-time'
import { nextBoundary, quietAt } from './quiet'
import { block, hm, inZone, range, schedule, ZONE_CHANGES, zone } from './testing'
import { quietSpans, weekIntervals } from './week'

/** A nominal wall minute (day × 1440 + minute) as a one-day block starting then. */
function blockAt(id: string, wall: number, minutes: number) {
  const day = Math.floor(wall / 1440)
  const start = wall % 1440
  return { day, b: block(id, [weekdayOf(day)], start, (start + minutes) % 1440) }
}
const wallMinute = (t: number) => dayOf(t) * 1440 + minuteOf(t)

// Expectations computed from the zone's own offset changes, so they hold in every zone (and test
// nothing where the zone has no DST, as in America/Bogota).
describe(`at every offset change of ${zone()} from 2024 to 2030`, () => {
  it('a block starting in a spring-forward gap starts when the clock jumps', () => {
    for (const t of ZONE_CHANGES.filter((c) => offsetAt(c) > offsetAt(c - 1))) {
      const first = wallMinute(t - 1) + 1 // the first wall minute that does not exist
      const { day, b } = blockAt('g', first, 120)
      const s = schedule({ blocks: [b] })
      expect(quietAt(s, t - 1)).toBeNull()
      expect(quietAt(s, t)?.id).toBe(`g@${dayKey(day)}`)
      expect(nextBoundary(s, t - HOUR)).toBe(t)
    }
  })

  it('a block wholly inside the gap does not happen that day', () => {
    for (const t of ZONE_CHANGES.filter((c) => offsetAt(c) - offsetAt(c - 1) >= 2 * MINUTE)) {
      const first = wallMinute(t - 1) + 1
      const { day, b } = blockAt('g', first, (offsetAt(t) - offsetAt(t - 1)) / MINUTE - 1)
      const spans = quietSpans(schedule({ blocks: [b] }), t - DAY, t + DAY)
      expect(spans.map((x) => x.id)).not.toContain(`g@${dayKey(day)}`)
    }
  })

  it('a block starting in a repeated (fall-back) hour starts at its first occurrence', () => {
    for (const t of ZONE_CHANGES.filter((c) => offsetAt(c) < offsetAt(c - 1))) {
      const repeated = wallMinute(t) // the first wall minute shown twice
      const firstTime = repeated * MINUTE - offsetAt(t - 1)
      const { day, b } = blockAt('r', repeated, 1)
      const s = schedule({ blocks: [b] })
      expect(quietAt(s, firstTime - 1)).toBeNull()
      expect(quietAt(s, firstTime)).toEqual({
        kind: 'block',
        id: `r@${dayKey(day)}`,
        until: firstTime + MINUTE,
      })
      expect(quietAt(s, t)).toBeNull() // the second time the clock shows it
    }
  })
})

inZone('Europe/Madrid', () => {
  const utc = (m: number, d: number, h: number, mi = 0) => Date.UTC(2026, m - 1, d, h, mi)

  describe('spring forward, Sunday 2026-03-29 (02:00 CET → 03:00 CEST at 01:00Z)', () => {
    it('a block from 02:30 starts at 03:00 CEST', () => {
      const s = schedule({ blocks: [block('b', [0], hm(2, 30), hm(4))] })
      expect(quietAt(s, utc(3, 29, 1) - 1)).toBeNull()
      expect(quietAt(s, utc(3, 29, 1))).toEqual({
        kind: 'block',
        id: 'b@2026-03-29',
        until: utc(3, 29, 2),
      })
      expect(nextBoundary(s, utc(3, 29, 0))).toBe(utc(3, 29, 1))
    })
    it('a Saturday-night block to 03:00 lasts 3 hours, not 4', () => {
      const s = schedule({ blocks: [block('n', [6], hm(23), hm(3))] })
      expect(quietAt(s, utc(3, 28, 22))).toEqual({
        kind: 'block',
        id: 'n@2026-03-28',
        until: utc(3, 29, 1),
      })
    })
    it('a block from 02:00 to 02:45 does not happen; next Sunday it does', () => {
      const s = schedule({ blocks: [block('lost', [0], hm(2), hm(2, 45))] })
      expect(quietAt(s, utc(3, 29, 1))).toBeNull()
      expect(nextBoundary(s, utc(3, 28, 12))).toBe(utc(4, 5, 0))
    })
    it('off-hours after working hours that end in the gap keep the nominal time in their id', () => {
      const sat = range(hm(9), hm(2, 30))
      const s = schedule({
        workingHours: [null, null, null, null, null, null, sat],
        offHours: true,
      })
      expect(quietAt(s, utc(3, 29, 1) - 1)).toBeNull()
      expect(quietAt(s, utc(3, 29, 1))?.id).toBe('off-hours@2026-03-29T02:30')
    })
    it('that week lasts 167 hours', () => {
      const s = schedule({
        blocks: [
          block('am', [0, 1, 2, 3, 4, 5, 6], 0, hm(12)),
          block('pm', [0, 1, 2, 3, 4, 5, 6], hm(12), 0),
        ],
      })
      const week = merge(weekIntervals(s, utc(3, 23, 12)))
      expect(week).toEqual([{ start: utc(3, 22, 23), end: utc(3, 29, 22) }])
    })
  })

  describe('fall back, Sunday 2026-10-25 (03:00 CEST → 02:00 CET at 01:00Z)', () => {
    it('a block from 02:30 starts at the first 02:30 (CEST)', () => {
      const s = schedule({ blocks: [block('b', [0], hm(2, 30), hm(5))] })
      expect(quietAt(s, utc(10, 25, 0, 29))).toBeNull()
      expect(quietAt(s, utc(10, 25, 0, 30))).toEqual({
        kind: 'block',
        id: 'b@2026-10-25',
        until: utc(10, 25, 4),
      })
    })
    it('a block until 02:30 ends at the first 02:30, though the clock shows 02:15 again later', () => {
      const s = schedule({ blocks: [block('b', [0], hm(1), hm(2, 30))] })
      expect(quietAt(s, utc(10, 24, 23))?.until).toBe(utc(10, 25, 0, 30))
      expect(quietAt(s, utc(10, 25, 1, 15))).toBeNull()
    })
    it('that week lasts 169 hours', () => {
      const s = schedule({
        blocks: [
          block('all', [0, 1, 2, 3, 4, 5, 6], 0, hm(23, 59)),
          block('min', [0, 1, 2, 3, 4, 5, 6], hm(23, 59), 0),
        ],
      })
      const week = merge(weekIntervals(s, utc(10, 19, 12)))
      expect(week).toEqual([{ start: utc(10, 18, 22), end: utc(10, 25, 23) }])
    })
  })
})

inZone('Pacific/Chatham', () => {
  const utc = (m: number, d: number, h: number, mi = 0) => Date.UTC(2026, m - 1, d, h, mi)

  it('spring forward 2026-09-27 (02:45 +12:45 → 03:45 +13:45): 03:00–04:00 lasts 15 minutes', () => {
    const s = schedule({ blocks: [block('b', [0], hm(3), hm(4))] })
    expect(quietAt(s, utc(9, 26, 14))).toEqual({
      kind: 'block',
      id: 'b@2026-09-27',
      until: utc(9, 26, 14, 15),
    })
    expect(nextBoundary(s, utc(9, 26, 12))).toBe(utc(9, 26, 14))
  })
  it('a block from 02:50 to 03:40 falls wholly in the gap and does not happen', () => {
    const s = schedule({ blocks: [block('lost', [0], hm(2, 50), hm(3, 40))] })
    expect(quietSpans(s, utc(9, 26, 0), utc(9, 27, 0))).toEqual([])
  })
  it('fall back 2026-04-05 (03:45 +13:45 → 02:45 +12:45): 03:00–03:30 happens once, at +13:45', () => {
    const s = schedule({ blocks: [block('b', [0], hm(3), hm(3, 30))] })
    expect(quietAt(s, utc(4, 4, 13, 15))).toEqual({
      kind: 'block',
      id: 'b@2026-04-05',
      until: utc(4, 4, 13, 45),
    })
    expect(quietAt(s, utc(4, 4, 14, 15))).toBeNull()
  })
  it('names occurrences by the local date, a day ahead of UTC', () => {
    const s = schedule({ blocks: [block('deep', [1], hm(9), hm(11))] })
    expect(quietAt(s, utc(11, 15, 19, 15))?.id).toBe('deep@2026-11-16')
  })
})

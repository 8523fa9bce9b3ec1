import { describe, expect, it } from 'vitest'
import { emptyBuckets } from './buckets'
import { rangeOf } from './range'
import { bucketize, row, UTC, zoneNamed } from './testing'
import { DAY, isoWeekday } from './zone'

const madrid = zoneNamed('Europe/Madrid')
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY

describe('captures per day', () => {
  // Last 7 days up to Sunday 2026-03-29 in Madrid (the spring-forward day).
  const now = Date.UTC(2026, 2, 29, 12)
  const range = rangeOf(madrid, now, 7)

  it('has one bucket per day of the range, empty ones included', () => {
    const b = bucketize(madrid, 'day', range, [])
    expect(b.map((x) => x.first)).toEqual([23, 24, 25, 26, 27, 28, 29].map((d) => day(2026, 3, d)))
    expect(b.every((x) => x.first === x.last && x.captures === 0)).toBe(true)
  })

  it('counts held, delivered and breakthroughs; a breakthrough is a delivery in a quiet period', () => {
    const at = Date.UTC(2026, 2, 25, 10)
    const b = bucketize(madrid, 'day', range, [
      row({ at }),
      row({ at, verdict: 'deliver', reason: 'open' }),
      row({ at, verdict: 'deliver', reason: 'urgent-keyword' }),
      row({ at, verdict: 'deliver', reason: 'emergency-sender' }),
      row({ at, verdict: 'hold', reason: 'off-hours' }),
    ])
    expect(b[2]).toMatchObject({ captures: 5, held: 2, delivered: 3, breakthroughs: 2 })
  })

  it('puts late evening on the local day, not the UTC one, also on a DST day', () => {
    const b = bucketize(madrid, 'day', range, [
      // 23:30 CET on Tuesday the 24th is 22:30Z.
      row({ at: Date.UTC(2026, 2, 24, 22, 30) }),
      // 00:30 CET on Wednesday the 25th is still the 24th in UTC.
      row({ at: Date.UTC(2026, 2, 24, 23, 30) }),
      // 03:30 CEST on the 29th, just after the jump (01:30Z).
      row({ at: Date.UTC(2026, 2, 29, 1, 30) }),
      // 23:30 on Saturday the 28th, the last evening before the change (CET, 22:30Z).
      row({ at: Date.UTC(2026, 2, 28, 22, 30) }),
    ])
    expect(b.map((x) => x.captures)).toEqual([0, 1, 1, 0, 0, 1, 1])
  })

  it('ignores rows outside the range', () => {
    const b = bucketize(madrid, 'day', range, [
      row({ at: range.from - 1 }),
      row({ at: range.from }),
      row({ at: range.to - 1 }),
      row({ at: range.to }),
    ])
    expect(b.map((x) => x.captures)).toEqual([1, 0, 0, 0, 0, 0, 1])
  })

  it('counts an episode in the bucket where it started', () => {
    const start = Date.UTC(2026, 2, 26, 22, 58) // 23:58 CET on the 26th
    const b = bucketize(madrid, 'day', range, [], [start, start + 60_000 * 60])
    expect(b.map((x) => x.episodes)).toEqual([0, 0, 0, 1, 1, 0, 0])
  })
})

describe('captures per ISO week', () => {
  it('covers the range with Monday-to-Sunday weeks, cut at both ends', () => {
    // 30 days up to Wednesday 2026-05-13: from Tuesday 2026-04-14.
    const range = rangeOf(UTC, Date.UTC(2026, 4, 13, 9), 30)
    const b = emptyBuckets('week', range)
    expect(b.map((x) => [x.first, x.last])).toEqual([
      [day(2026, 4, 14), day(2026, 4, 19)],
      [day(2026, 4, 20), day(2026, 4, 26)],
      [day(2026, 4, 27), day(2026, 5, 3)],
      [day(2026, 5, 4), day(2026, 5, 10)],
      [day(2026, 5, 11), day(2026, 5, 13)],
    ])
    expect(b.slice(1).every((x) => isoWeekday(x.first) === 0)).toBe(true)
    expect(b.reduce((n, x) => n + x.last - x.first + 1, 0)).toBe(30)
  })

  it('puts Sunday night in its week and Monday 00:30 local in the next (Europe/Madrid)', () => {
    const range = rangeOf(madrid, Date.UTC(2026, 2, 11, 12), 14) // up to Wednesday the 11th
    const b = bucketize(madrid, 'week', range, [
      row({ at: Date.UTC(2026, 2, 8, 22, 30) }), // Sunday 23:30 CET
      row({ at: Date.UTC(2026, 2, 8, 23, 30) }), // Monday 00:30 CET, still Sunday in UTC
      row({ at: Date.UTC(2026, 2, 9, 23, 30) }),
    ])
    expect(b.map((x) => [x.first, x.captures])).toEqual([
      [day(2026, 2, 26), 0],
      [day(2026, 3, 2), 1],
      [day(2026, 3, 9), 2],
    ])
  })

  it('a week across the fall-back change still gets all its captures', () => {
    const range = rangeOf(madrid, Date.UTC(2026, 9, 28, 12), 7) // Thu 22 … Wed 28 October
    const at = (d: number, h: number) => Date.UTC(2026, 9, d, h)
    const rows = [22, 23, 24, 25, 25, 26, 27, 28].map((d, i) =>
      row({ at: at(d, i === 4 ? 1 : 10) }),
    )
    const b = bucketize(madrid, 'week', range, rows)
    expect(b.map((x) => x.captures)).toEqual([5, 3])
  })
})

import { describe, expect, it } from 'vitest'
import { rangeOf } from './range'
import { UTC, zoneNamed } from './testing'
import { DAY, dayIn, HOUR } from './zone'

const madrid = zoneNamed('Europe/Madrid')

describe('the period insights look at', () => {
  it('is the last N local days, today included, up to the coming midnight', () => {
    const now = Date.UTC(2026, 4, 13, 15, 0) // Wednesday afternoon
    const r = rangeOf(UTC, now, 7)
    expect(r.lastDay).toBe(dayIn(UTC, now))
    expect(r.firstDay).toBe(r.lastDay - 6)
    expect(r.from).toBe(Date.UTC(2026, 4, 7)) // the Thursday before
    expect(r.to).toBe(Date.UTC(2026, 4, 14))
  })

  it('starts at local midnight across a DST change (Europe/Madrid)', () => {
    // 30 days back from 2026-04-10 crosses the spring-forward of 2026-03-29.
    const now = Date.UTC(2026, 3, 10, 8) // 10:00 CEST
    const r = rangeOf(madrid, now, 30)
    expect(r.from).toBe(Date.UTC(2026, 2, 11, 23)) // 2026-03-12 00:00 CET
    expect(r.to).toBe(Date.UTC(2026, 3, 10, 22)) // 2026-04-11 00:00 CEST
    // 30 calendar days, one of them 23 hours long.
    expect(r.to - r.from).toBe(30 * DAY - HOUR)
  })

  it('just after local midnight, today is the new day', () => {
    const now = Date.UTC(2026, 0, 14, 23, 1) // 00:01 on 2026-01-15 in Madrid
    const r = rangeOf(madrid, now, 1)
    expect(r.from).toBe(Date.UTC(2026, 0, 14, 23))
    expect(r.to - r.from).toBe(DAY)
  })
})

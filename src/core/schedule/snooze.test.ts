import { describe, expect, it } from 'vitest'
import { DAY } from './local-time'
import { snoozeUntil } from './snooze'
import { block, hm, local, range, schedule } from './testing'

// 2026-11-23 is a Monday.
const mon = (h: number, m = 0) => local(2026, 11, 23, h, m)

describe('snoozeUntil', () => {
  const backoffice = schedule({ blocks: [block('b', [1, 2, 3, 4, 5], hm(9), hm(11))] })

  it('in a block: when the block ends', () => {
    expect(snoozeUntil(backoffice, mon(10))).toBe(mon(11))
  })

  it('in open time: when the next block ends, not when it starts', () => {
    expect(snoozeUntil(backoffice, mon(8))).toBe(mon(11))
    expect(snoozeUntil(backoffice, mon(12))).toBe(local(2026, 11, 24, 11))
  })

  it('a block that runs into another runs on to the end of the whole stretch', () => {
    const s = schedule({
      blocks: [block('a', [1], hm(9), hm(10)), block('b', [1], hm(10), hm(12, 30))],
    })
    expect(snoozeUntil(s, mon(9, 15))).toBe(mon(12, 30))
  })

  it('in a manual session: when the session ends', () => {
    const manual = { id: 'm', startedAt: mon(13), until: mon(13, 50) }
    expect(snoozeUntil(backoffice, mon(13, 5), { manual })).toBe(mon(13, 50))
  })

  it('with no quiet period ahead: the next working day starts, else a day later', () => {
    const hours = schedule({
      workingHours: [null, range(hm(9), hm(17)), null, range(hm(8, 30), hm(14)), null, null, null],
    })
    expect(snoozeUntil(hours, mon(10))).toBe(local(2026, 11, 25, 8, 30))
    expect(snoozeUntil(schedule(), mon(10))).toBe(mon(10) + DAY)
  })

  it('in off-hours: when working hours start again', () => {
    const s = schedule({
      workingHours: [null, range(hm(9), hm(17)), range(hm(9), hm(17)), null, null, null, null],
      offHours: true,
    })
    expect(snoozeUntil(s, mon(20))).toBe(local(2026, 11, 24, 9))
  })
})

import { describe, expect, it } from 'vitest'
import { HORIZON, nextBoundary, quietAt } from './quiet'
import { block, hm, local, range, schedule } from './testing'

// Examples in the week of Monday 16 November 2026, far from any DST change; `local` reads the
// wall times in whatever zone the test runs in.
const mon = (h: number, m = 0) => local(2026, 11, 16, h, m)
const at = (day: number, h: number, m = 0) => local(2026, 11, day, h, m)

const deep = block('deep', [1, 2, 3, 4, 5], hm(9), hm(11))
const weekdays = range(hm(9), hm(17))
const office = schedule({
  workingHours: [null, weekdays, weekdays, weekdays, weekdays, weekdays, null],
  offHours: true,
})

describe('quietAt and nextBoundary with weekly blocks', () => {
  it('an empty schedule is never quiet and has no boundary', () => {
    expect(quietAt(schedule(), mon(10))).toBeNull()
    expect(nextBoundary(schedule(), mon(10))).toBeNull()
  })

  it('a block holds from its start (inclusive) to its end (exclusive)', () => {
    const s = schedule({ blocks: [deep] })
    expect(quietAt(s, mon(9) - 1)).toBeNull()
    expect(quietAt(s, mon(9))).toEqual({ kind: 'block', id: 'deep@2026-11-16', until: mon(11) })
    expect(quietAt(s, mon(11) - 1)?.id).toBe('deep@2026-11-16')
    expect(quietAt(s, mon(11))).toBeNull()
    expect(nextBoundary(s, mon(8))).toBe(mon(9))
    expect(nextBoundary(s, mon(9))).toBe(mon(11))
    expect(nextBoundary(s, at(20, 11))).toBe(at(23, 9)) // Friday → Monday
  })

  it('a block crossing midnight belongs to the day it starts', () => {
    const s = schedule({ blocks: [block('night', [5], hm(22), hm(2))] })
    expect(quietAt(s, at(21, 1))).toEqual({
      kind: 'block',
      id: 'night@2026-11-20',
      until: at(21, 2),
    })
    expect(quietAt(s, at(20, 1))).toBeNull()
  })

  it('a Sunday block runs on into Monday, the next week', () => {
    const s = schedule({ blocks: [block('late', [0], hm(23), hm(1))] })
    expect(quietAt(s, at(23, 0, 30))).toEqual({
      kind: 'block',
      id: 'late@2026-11-22',
      until: at(23, 1),
    })
    expect(nextBoundary(s, at(23, 1))).toBe(at(29, 23))
  })

  it('blocks that touch make one quiet stretch, with a boundary where the id changes', () => {
    const s = schedule({ blocks: [deep, block('calls', [1], hm(11), hm(12))] })
    expect(quietAt(s, mon(10))).toEqual({ kind: 'block', id: 'deep@2026-11-16', until: mon(12) })
    expect(nextBoundary(s, mon(10))).toBe(mon(11))
    expect(quietAt(s, mon(11))).toEqual({ kind: 'block', id: 'calls@2026-11-16', until: mon(12) })
  })

  it('overlapping blocks (refused by validation) are resolved: the earlier start first', () => {
    const s = schedule({ blocks: [block('b', [1], hm(10), hm(12)), deep] })
    expect(quietAt(s, mon(10, 30))).toEqual({
      kind: 'block',
      id: 'deep@2026-11-16',
      until: mon(12),
    })
    expect(nextBoundary(s, mon(10, 30))).toBe(mon(11))
    expect(quietAt(s, mon(11))?.id).toBe('b@2026-11-16')
  })

  it('skipping an occurrence ("end now") skips only that one', () => {
    const s = schedule({ blocks: [deep] })
    const opts = { skipped: new Set(['deep@2026-11-16']) }
    expect(quietAt(s, mon(10), opts)).toBeNull()
    expect(nextBoundary(s, mon(10), opts)).toBe(at(17, 9))
    expect(quietAt(s, at(17, 10), opts)?.id).toBe('deep@2026-11-17')
  })

  it('looks past a week when skipped occurrences leave nothing closer', () => {
    const s = schedule({ blocks: [block('weekly', [1], hm(9), hm(10))] })
    const opts = { skipped: new Set(['weekly@2026-11-23']) }
    expect(nextBoundary(s, mon(12), opts)).toBe(local(2026, 11, 30, 9))
  })
})

describe('off-hours', () => {
  it('hold outside working hours, named after the working day they follow', () => {
    expect(quietAt(office, mon(8))).toEqual({
      kind: 'off-hours',
      id: 'off-hours@2026-11-13T17:00',
      until: mon(9),
    })
    expect(quietAt(office, mon(12))).toBeNull()
    expect(quietAt(office, mon(17))).toEqual({
      kind: 'off-hours',
      id: 'off-hours@2026-11-16T17:00',
      until: at(17, 9),
    })
    expect(quietAt(office, at(21, 12))?.id).toBe('off-hours@2026-11-20T17:00')
    expect(nextBoundary(office, at(21, 12))).toBe(at(23, 9))
  })

  it('are off unless switched on', () => {
    expect(quietAt({ ...office, offHours: false }, mon(8))).toBeNull()
    expect(nextBoundary({ ...office, offHours: false }, mon(8))).toBeNull()
  })

  it('a block that runs into off-hours keeps its id until it ends; quiet goes on', () => {
    const s = { ...office, blocks: [block('wrap', [1], hm(16), hm(18))] }
    expect(quietAt(s, mon(16, 30))).toEqual({
      kind: 'block',
      id: 'wrap@2026-11-16',
      until: at(17, 9),
    })
    expect(nextBoundary(s, mon(16, 30))).toBe(mon(18))
    expect(quietAt(s, mon(18))?.id).toBe('off-hours@2026-11-16T17:00')
  })

  it('a block inside off-hours interrupts them; the same off-hours resume after it', () => {
    const s = { ...office, blocks: [block('sat', [6], hm(10), hm(12))] }
    expect(quietAt(s, at(21, 11))).toEqual({
      kind: 'block',
      id: 'sat@2026-11-21',
      until: at(23, 9),
    })
    expect(nextBoundary(s, at(21, 9))).toBe(at(21, 10))
    expect(nextBoundary(s, at(21, 11))).toBe(at(21, 12))
    expect(quietAt(s, at(21, 12))?.id).toBe('off-hours@2026-11-20T17:00')
  })

  it('ending a block early leaves the off-hours under it in force', () => {
    const s = { ...office, blocks: [block('wrap', [1], hm(16), hm(18))] }
    const opts = { skipped: new Set(['wrap@2026-11-16']) }
    expect(quietAt(s, mon(16, 30), opts)).toBeNull()
    expect(quietAt(s, mon(17, 30), opts)?.id).toBe('off-hours@2026-11-16T17:00')
  })

  it('working hours may cross midnight', () => {
    const night = range(hm(22), hm(6))
    const s = schedule({
      workingHours: [null, night, null, null, null, null, null],
      offHours: true,
    })
    expect(quietAt(s, at(17, 5))).toBeNull()
    expect(quietAt(s, at(17, 6))?.id).toBe('off-hours@2026-11-17T06:00')
    expect(quietAt(s, at(17, 6))?.until).toBe(at(23, 22))
  })
})

describe('manual sessions', () => {
  const s = schedule({ blocks: [deep] })
  const manual = (until: number, startedAt?: number) => ({
    manual: { id: 'm', until, ...(startedAt !== undefined && { startedAt }) },
  })

  it('outside any block hold on their own', () => {
    expect(quietAt(s, mon(14), manual(mon(15)))).toEqual({ kind: 'block', id: 'm', until: mon(15) })
    expect(nextBoundary(s, mon(14), manual(mon(15)))).toBe(mon(15))
    expect(nextBoundary(schedule(), mon(15), manual(mon(15)))).toBeNull()
  })

  it('inside a block extend nothing', () => {
    const opts = manual(mon(10, 30))
    expect(quietAt(s, mon(9, 30), opts)).toEqual({
      kind: 'block',
      id: 'deep@2026-11-16',
      until: mon(11),
    })
    expect(nextBoundary(s, mon(9, 30), opts)).toBe(mon(11))
  })

  it('that outlast a block carry on as themselves after it', () => {
    const opts = manual(mon(12))
    expect(quietAt(s, mon(10), opts)).toEqual({
      kind: 'block',
      id: 'deep@2026-11-16',
      until: mon(12),
    })
    expect(nextBoundary(s, mon(10), opts)).toBe(mon(11))
    expect(quietAt(s, mon(11), opts)).toEqual({ kind: 'block', id: 'm', until: mon(12) })
    expect(quietAt(s, mon(12), opts)).toBeNull()
  })

  it('that run into a block last until the block ends', () => {
    const opts = manual(mon(9, 30), mon(8, 30))
    expect(quietAt(s, mon(8), opts)).toBeNull()
    expect(nextBoundary(s, mon(8), opts)).toBe(mon(8, 30))
    expect(quietAt(s, mon(8, 45), opts)).toEqual({ kind: 'block', id: 'm', until: mon(11) })
    expect(nextBoundary(s, mon(8, 45), opts)).toBe(mon(9))
  })

  it('during off-hours take over, and the off-hours resume after them', () => {
    const opts = manual(mon(8))
    expect(quietAt(office, mon(7), opts)).toEqual({ kind: 'block', id: 'm', until: mon(9) })
    expect(quietAt(office, mon(8), opts)?.id).toBe('off-hours@2026-11-13T17:00')
  })
})

describe('a schedule that is quiet around the clock', () => {
  const s = { ...office, blocks: [block('work', [1, 2, 3, 4, 5], hm(9), hm(17))] }
  it('reports the horizon as until, and still finds each change', () => {
    const q = quietAt(s, mon(10))
    expect(q?.id).toBe('work@2026-11-16')
    expect(q?.until).toBeGreaterThanOrEqual(mon(10) + HORIZON)
    expect(nextBoundary(s, mon(10))).toBe(mon(17))
  })
})

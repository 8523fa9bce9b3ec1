import { describe, expect, it } from 'vitest'
import type { Schedule } from '../../core/schedule/schema'
import { headerState, nextChange, stretchAt } from './next-change'

// Monday 16 November 2026, local time, far from any DST change.
const at = (day: number, h: number, m = 0) => new Date(2026, 10, day, h, m).getTime()
const mon = (h: number, m = 0) => at(16, h, m)
const hm = (h: number, m = 0) => h * 60 + m
const nine = { start: hm(9), end: hm(18) }

const schedule: Schedule = {
  blocks: [
    { id: 'bo', label: 'Backoffice', days: [1, 2, 3, 4, 5], start: hm(9), end: hm(11) },
    { id: 'calls', label: 'Calls', days: [1], start: hm(15), end: hm(17) },
  ],
  workingHours: [null, nine, nine, nine, nine, nine, null],
  offHours: false,
}

describe('stretchAt', () => {
  it('names the block in force and when it ends', () => {
    expect(stretchAt(schedule, {}, mon(10))).toEqual({
      period: { kind: 'block', label: 'Backoffice' },
      until: mon(11),
    })
  })

  it('is open until the next block', () => {
    expect(stretchAt(schedule, {}, mon(12))).toEqual({ period: { kind: 'open' }, until: mon(15) })
  })

  it('tells a manual session from a block, and off-hours', () => {
    const manual = { id: 'm1', startedAt: mon(12), until: mon(13) }
    expect(stretchAt(schedule, { manual }, mon(12, 30)).period).toEqual({ kind: 'focus' })
    const off = stretchAt({ ...schedule, offHours: true }, {}, mon(19))
    expect(off).toEqual({ period: { kind: 'off-hours' }, until: at(17, 9) })
  })

  it('never changes without blocks, off-hours or a manual session', () => {
    const empty: Schedule = { ...schedule, blocks: [] }
    expect(stretchAt(empty, {}, mon(10))).toEqual({ period: { kind: 'open' }, until: null })
  })
})

describe('nextChange', () => {
  it('during a block: then open until the next one', () => {
    expect(nextChange(schedule, {}, mon(10))).toEqual({
      now: { period: { kind: 'block', label: 'Backoffice' }, until: mon(11) },
      next: { period: { kind: 'open' }, until: mon(15) },
    })
  })

  it('when open: the next block and its label', () => {
    expect(nextChange(schedule, {}, mon(12)).next).toEqual({
      period: { kind: 'block', label: 'Calls' },
      until: mon(17),
    })
  })

  it('skips an occurrence ended early', () => {
    const skipped = new Set(['calls@2026-11-16'])
    expect(nextChange(schedule, { skipped }, mon(12))).toEqual({
      now: { period: { kind: 'open' }, until: at(17, 9) },
      next: { period: { kind: 'block', label: 'Backoffice' }, until: at(17, 11) },
    })
  })

  it('has no next when nothing ever changes', () => {
    expect(nextChange({ ...schedule, blocks: [] }, {}, mon(10)).next).toBeNull()
  })
})

describe('headerState', () => {
  const inputs = { schedule, opts: {} }

  it('open: says when the next block starts and its name', () => {
    expect(headerState(undefined, inputs, mon(12))).toEqual({
      now: { period: { kind: 'open' }, until: mon(15) },
      after: {
        kind: 'next',
        at: mon(15),
        stretch: { period: { kind: 'block', label: 'Calls' }, until: mon(17) },
      },
    })
  })

  it('in a recorded block: its label and end, then open until the next one', () => {
    const row = { kind: 'block' as const, label: 'Backoffice', endsAt: mon(11) }
    expect(headerState(row, inputs, mon(10))).toEqual({
      now: { period: { kind: 'block', label: 'Backoffice' }, until: mon(11) },
      after: { kind: 'then', at: mon(11), stretch: { period: { kind: 'open' }, until: mon(15) } },
    })
  })

  it('in a manual session: focus, then whatever the schedule has', () => {
    const row = { kind: 'manual' as const, endsAt: mon(9, 30) }
    const state = headerState(row, inputs, mon(8, 45))
    expect(state.now.period).toEqual({ kind: 'focus' })
    expect(state.after?.stretch).toEqual({
      period: { kind: 'block', label: 'Backoffice' },
      until: mon(11),
    })
  })

  it('follows the schedule before the background has recorded the block', () => {
    expect(headerState(undefined, inputs, mon(10)).now).toEqual({
      period: { kind: 'block', label: 'Backoffice' },
      until: mon(11),
    })
  })

  it('without the schedule yet: open, or the session alone', () => {
    expect(headerState(undefined, undefined, mon(10))).toEqual({
      now: { period: { kind: 'open' }, until: null },
      after: null,
    })
    expect(headerState({ kind: 'manual', endsAt: mon(11) }, undefined, mon(10)).after).toBeNull()
  })
})

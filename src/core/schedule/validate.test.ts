import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EMPTY_SCHEDULE, type WeeklyBlock } from './schema'
import { block, blocksArb, hm, range, schedule, workingHoursArb } from './testing'
import { validateSchedule, weekMinutes } from './validate'

const errorsOf = (input: unknown) => {
  const check = validateSchedule(input)
  return check.ok ? [] : check.errors.map(({ path, code }) => `${path} ${code}`)
}

describe('validateSchedule', () => {
  it('accepts the empty schedule and a usual week', () => {
    expect(validateSchedule(EMPTY_SCHEDULE)).toEqual({ ok: true, schedule: EMPTY_SCHEDULE })
    const week = schedule({
      blocks: [block('deep', [1, 2, 3, 4, 5], hm(9), hm(11)), block('night', [5], hm(22), hm(2))],
      workingHours: [null, range(hm(9), hm(17)), null, null, null, null, null],
      offHours: true,
    })
    expect(validateSchedule(week).ok).toBe(true)
  })

  it('puts each field error on its field, with a code for the UI and English text', () => {
    const bad = schedule({
      blocks: [
        { id: 'a', label: '', days: [], start: hm(9), end: hm(9) },
        { id: 'b', label: 'x'.repeat(61), days: [1, 1], start: 1440, end: 0 },
      ],
      workingHours: [range(hm(8), hm(8)), null, null, null, null, null, null],
    })
    expect(errorsOf(bad).sort()).toEqual([
      'blocks.0.days no-days',
      'blocks.0.end end-equals-start',
      'blocks.0.label label-empty',
      'blocks.1.days duplicate-day',
      'blocks.1.label label-too-long',
      'blocks.1.start invalid',
      'workingHours.0.end end-equals-start',
    ])
    const check = validateSchedule(bad)
    expect(check.ok || check.errors.find((e) => e.code === 'no-days')?.message).toBe(
      'Choose at least one day',
    )
  })

  it('refuses overlapping blocks, on both, naming the other and the day', () => {
    const s = schedule({
      blocks: [block('a', [1], hm(9), hm(11)), block('b', [1, 2], hm(10), hm(12))],
    })
    const check = validateSchedule(s)
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors).toEqual([
      {
        path: 'blocks.0',
        code: 'overlap',
        message: 'Overlaps another block',
        params: { other: 1, day: 1 },
      },
      {
        path: 'blocks.1',
        code: 'overlap',
        message: 'Overlaps another block',
        params: { other: 0, day: 1 },
      },
    ])
  })

  it('sees a block crossing midnight into the next day, and Saturday night into Sunday', () => {
    const monNight = block('n', [1], hm(22), hm(2))
    expect(errorsOf(schedule({ blocks: [monNight, block('t', [2], hm(1), hm(3))] }))).toHaveLength(
      2,
    )
    expect(errorsOf(schedule({ blocks: [monNight, block('t', [2], hm(2), hm(3))] }))).toEqual([])
    const satNight = block('s', [6], hm(23), hm(1))
    expect(errorsOf(schedule({ blocks: [satNight, block('u', [0], hm(0, 30), hm(2))] }))).toEqual([
      'blocks.0 overlap',
      'blocks.1 overlap',
    ])
  })

  it('lets blocks touch end to start', () => {
    const s = schedule({ blocks: [block('a', [1], hm(9), hm(11)), block('b', [1], hm(11), hm(9))] })
    expect(validateSchedule(s).ok).toBe(true)
  })

  it('refuses repeated block ids and off-hours without any working hours', () => {
    const s = schedule({
      blocks: [block('a', [1], hm(9), hm(10)), block('a', [2], hm(9), hm(10))],
      offHours: true,
    })
    expect(errorsOf(s)).toEqual([
      'blocks.0.id duplicate-id',
      'blocks.1.id duplicate-id',
      'offHours off-hours-without-working-hours',
    ])
  })

  it('refuses what is not a schedule at all', () => {
    expect(errorsOf(null)).toEqual([' invalid'])
    expect(errorsOf({ ...EMPTY_SCHEDULE, workingHours: [] })[0]).toMatch(/^workingHours/)
  })
})

/** Minute-by-minute count of the blocks running in one week (Sunday 00:00 = 0). */
function overlapsByBitmap(blocks: WeeklyBlock[]): boolean {
  const week = new Uint8Array(7 * 1440)
  for (const b of blocks)
    for (const d of b.days) {
      const length = (b.end - b.start + 1440) % 1440
      for (let m = 0; m < length; m++)
        if (++week[(d * 1440 + b.start + m) % week.length]! > 1) return true
    }
  return false
}

describe('validation, as a property', () => {
  it('accepts exactly the schedules whose blocks never overlap', () => {
    fc.assert(
      fc.property(blocksArb(5), workingHoursArb, (blocks, workingHours) => {
        const check = validateSchedule({ blocks, workingHours, offHours: false })
        expect(check.ok).toBe(!overlapsByBitmap(blocks))
      }),
      { numRuns: 500 },
    )
  })

  it('weekMinutes covers as many minutes as the block lasts in a week', () => {
    fc.assert(
      fc.property(blocksArb(1), ([b]) => {
        if (!b) return
        const total = weekMinutes(b).reduce((sum, [s, e]) => sum + e - s, 0)
        expect(total).toBe(b.days.length * ((b.end - b.start + 1440) % 1440))
      }),
    )
  })
})

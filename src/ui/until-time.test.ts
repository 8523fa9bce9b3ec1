import { describe, expect, it } from 'vitest'
import { untilFromInput } from './until-time'

// Local time: the input's "HH:MM" is a wall-clock time in the user's zone.
const at = (d: number, h: number, m: number, s = 0) => new Date(2025, 2, d, h, m, s).getTime()

describe('untilFromInput', () => {
  it('is today when the time is still ahead', () => {
    expect(untilFromInput(at(3, 9, 15), '11:40')).toEqual({
      ok: true,
      until: at(3, 11, 40),
      tomorrow: false,
    })
  })

  it('is tomorrow when the time is earlier than now, or now', () => {
    expect(untilFromInput(at(3, 22, 0), '06:30')).toEqual({
      ok: true,
      until: at(4, 6, 30),
      tomorrow: true,
    })
    expect(untilFromInput(at(3, 23, 50), '00:20')).toEqual({
      ok: true,
      until: at(4, 0, 20),
      tomorrow: true,
    })
    // Now itself is tomorrow, a whole day away: longer than a block may last.
    expect(untilFromInput(at(3, 11, 40), '11:40')).toEqual({ ok: false, reason: 'too-long' })
    expect(untilFromInput(at(3, 11, 40, 30), '11:40')).toEqual({ ok: false, reason: 'too-long' })
  })

  it('refuses more than 12 hours away', () => {
    expect(untilFromInput(at(3, 9, 0), '21:00')).toMatchObject({ ok: true })
    expect(untilFromInput(at(3, 9, 0), '21:01')).toEqual({ ok: false, reason: 'too-long' })
    expect(untilFromInput(at(3, 9, 0), '08:59')).toEqual({ ok: false, reason: 'too-long' })
  })

  it('accepts seconds and refuses an empty or broken value', () => {
    expect(untilFromInput(at(3, 9, 0), '10:00:30')).toMatchObject({ ok: true, until: at(3, 10, 0) })
    expect(untilFromInput(at(3, 9, 0), '')).toEqual({ ok: false, reason: 'missing' })
    expect(untilFromInput(at(3, 9, 0), '25:00')).toEqual({ ok: false, reason: 'missing' })
  })
})

import { describe, expect, it } from 'vitest'
import { createI18n } from './i18n'
import { english } from './i18n-english'
import { timeLeft, timeLeftText } from './time-left'

const MIN = 60_000
const end = Date.UTC(2025, 2, 3, 11, 40)

describe('timeLeft', () => {
  it('rounds minutes up, as the clock reads', () => {
    expect(timeLeft(end - 22.5 * MIN, end)).toEqual({ kind: 'minutes', minutes: 23 })
    expect(timeLeft(end - 23 * MIN, end)).toEqual({ kind: 'minutes', minutes: 23 })
  })

  it('says "less than a minute" under 60 s, and when already past', () => {
    expect(timeLeft(end - 59_999, end)).toEqual({ kind: 'lessThanMinute' })
    expect(timeLeft(end + 5 * MIN, end)).toEqual({ kind: 'lessThanMinute' })
    expect(timeLeft(end - MIN, end)).toEqual({ kind: 'minutes', minutes: 1 })
  })

  it('switches to hours from 60 min', () => {
    expect(timeLeft(end - 59.5 * MIN, end)).toEqual({ kind: 'hours', hours: 1 })
    expect(timeLeft(end - 65 * MIN, end)).toEqual({ kind: 'hoursMinutes', hours: 1, minutes: 5 })
    expect(timeLeft(end - 120 * MIN, end)).toEqual({ kind: 'hours', hours: 2 })
    expect(timeLeft(end - 12 * 60 * MIN, end)).toEqual({ kind: 'hours', hours: 12 })
  })
})

describe('timeLeftText', () => {
  const i18n = createI18n(english)
  it('reads naturally in English', () => {
    expect(timeLeftText(i18n, { kind: 'minutes', minutes: 23 })).toBe('23 min left')
    expect(timeLeftText(i18n, { kind: 'hours', hours: 1 })).toBe('1 h left')
    expect(timeLeftText(i18n, { kind: 'hoursMinutes', hours: 1, minutes: 5 })).toBe(
      '1 h 5 min left',
    )
    expect(timeLeftText(i18n, { kind: 'lessThanMinute' })).toBe('less than a minute left')
  })
})

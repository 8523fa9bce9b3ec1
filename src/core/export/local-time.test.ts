import { describe, expect, it } from 'vitest'
import { isoLocal, isoUtc, localDate } from './local-time'

describe('export times', () => {
  // Summer and winter in the northern hemisphere, a date near the year's end, a leap day.
  const instants = [
    Date.UTC(2026, 6, 1, 12, 30, 45),
    Date.UTC(2026, 11, 31, 23, 59, 59),
    Date.UTC(2028, 1, 29, 0, 0, 0),
    Date.UTC(2026, 2, 29, 1, 30, 0),
  ]

  it('writes the local time with the offset in force then, naming the same instant', () => {
    for (const ms of instants) {
      const text = isoLocal(ms)
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
      expect(Date.parse(text)).toBe(ms)
      const d = new Date(ms)
      expect(text.slice(11, 13)).toBe(String(d.getHours()).padStart(2, '0'))
    }
  })

  it('writes UTC in whole seconds, and the local date for file names', () => {
    expect(isoUtc(Date.UTC(2026, 10, 24, 8, 5, 3, 999))).toBe('2026-11-24T08:05:03Z')
    const noonUtc = Date.UTC(2026, 10, 24, 12)
    // Noon UTC is the same date everywhere but the far Pacific (UTC+12 and beyond).
    if (Math.abs(new Date(noonUtc).getTimezoneOffset()) < 12 * 60)
      expect(localDate(noonUtc)).toBe('2026-11-24')
    const d = new Date(noonUtc)
    expect(localDate(noonUtc)).toBe(
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
    )
  })
})

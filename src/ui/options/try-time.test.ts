import { describe, expect, it } from 'vitest'
import { fromLocalInput, toLocalInput } from './try-time'

describe('datetime-local values', () => {
  it('round-trips a local wall time', () => {
    const ms = new Date(2025, 2, 4, 9, 5).getTime()
    expect(toLocalInput(ms)).toBe('2025-03-04T09:05')
    expect(fromLocalInput('2025-03-04T09:05')).toBe(ms)
    expect(fromLocalInput('2025-03-04T09:05:30')).toBe(ms)
  })

  it('refuses empty and impossible values', () => {
    expect(fromLocalInput('')).toBeNull()
    expect(fromLocalInput('2025-02-31T10:00')).toBeNull()
    expect(fromLocalInput('2025-03-04T24:00')).toBeNull()
    expect(fromLocalInput('tomorrow')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { extendedEnd, MAX_SESSION_MINUTES, MINUTE, sessionEnd } from './focus'

const now = Date.UTC(2026, 10, 24, 9, 0)

describe('sessionEnd', () => {
  it('ends after the chosen minutes', () => {
    expect(sessionEnd(now, { minutes: 25 })).toBe(now + 25 * MINUTE)
    expect(sessionEnd(now, { minutes: 90 })).toBe(now + 90 * MINUTE)
  })

  it('ends at a chosen time in the future', () => {
    expect(sessionEnd(now, { until: now + 3 * 60 * MINUTE })).toBe(now + 3 * 60 * MINUTE)
  })

  it('refuses a past end, a too-long session and ambiguous requests', () => {
    expect(sessionEnd(now, { until: now })).toBeInstanceOf(Error)
    expect(sessionEnd(now, { until: now + (MAX_SESSION_MINUTES + 1) * MINUTE })).toBeInstanceOf(
      Error,
    )
    expect(sessionEnd(now, { minutes: 5, until: now + MINUTE })).toBeInstanceOf(Error)
    expect(sessionEnd(now, {})).toBeInstanceOf(Error)
  })
})

describe('extendedEnd', () => {
  it('adds minutes to the current end', () => {
    expect(extendedEnd(now, now + 10 * MINUTE, 15)).toBe(now + 25 * MINUTE)
  })
  it('extends from now when the end has just passed', () => {
    expect(extendedEnd(now, now - MINUTE, 15)).toBe(now + 15 * MINUTE)
  })
  it('never goes past the maximum session length from now', () => {
    expect(extendedEnd(now, now + MAX_SESSION_MINUTES * MINUTE, 15)).toBe(
      now + MAX_SESSION_MINUTES * MINUTE,
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Reason, Verdict } from '../messages'
import { historyOf, historySince, isBreakthrough, type PastCapture, startOfDay } from './history'
import type { Client } from './schema'
import { testClient } from './testing'

const MIN = 60_000
/** 24 November 2026, 10:00 local time. */
const NOW = new Date(2026, 10, 24, 10, 0).getTime()
const MIDNIGHT = new Date(2026, 10, 24, 0, 0).getTime()

const client = (repeat: Client['repeat']) => testClient('acme', { tier: 'priority', repeat })
const REPEAT_10 = client({ count: 3, minutes: 10 })

const held = (at: number, reason: Reason = 'block'): PastCapture => ({
  at,
  verdict: 'hold',
  reason,
})
const delivered = (at: number, reason: Reason): PastCapture => ({ at, verdict: 'deliver', reason })

describe('startOfDay', () => {
  it('is the local midnight before the time', () => {
    expect(startOfDay(NOW)).toBe(MIDNIGHT)
    expect(startOfDay(MIDNIGHT)).toBe(MIDNIGHT)
    expect(startOfDay(new Date(2026, 10, 24, 23, 59, 59, 999).getTime())).toBe(MIDNIGHT)
    expect(startOfDay(MIDNIGHT - 1)).toBe(new Date(2026, 10, 23).getTime())
  })
})

describe('historySince', () => {
  it('reaches back to midnight, or further when the repeat window starts the day before', () => {
    expect(historySince(REPEAT_10, NOW)).toBe(MIDNIGHT)
    expect(historySince(client(null), NOW)).toBe(MIDNIGHT)
    const justAfter = MIDNIGHT + 5 * MIN
    expect(historySince(REPEAT_10, justAfter)).toBe(MIDNIGHT - 5 * MIN)
    expect(historySince(client(null), justAfter)).toBe(MIDNIGHT)
  })
})

describe('historyOf', () => {
  it('is empty without captures', () => {
    expect(historyOf([], REPEAT_10, NOW)).toEqual({ recent: 0, today: 0 })
  })

  it('counts the held messages within the repeat window', () => {
    const past = [held(NOW - 9 * MIN), held(NOW - 5 * MIN, 'off-hours'), held(NOW - 1)]
    expect(historyOf(past, REPEAT_10, NOW).recent).toBe(3)
  })

  it('includes the window start and excludes what came before it', () => {
    expect(historyOf([held(NOW - 10 * MIN)], REPEAT_10, NOW).recent).toBe(1)
    expect(historyOf([held(NOW - 10 * MIN - 1)], REPEAT_10, NOW).recent).toBe(0)
    const longer = client({ count: 3, minutes: 60 })
    expect(historyOf([held(NOW - 30 * MIN)], longer, NOW).recent).toBe(1)
    expect(historyOf([held(NOW - 30 * MIN)], REPEAT_10, NOW).recent).toBe(0)
  })

  it('starts over after a delivered message, whatever delivered it', () => {
    for (const reason of ['open', 'repeat', 'urgent-keyword', 'emergency-sender'] as Reason[]) {
      const past = [held(NOW - 8 * MIN), delivered(NOW - 6 * MIN, reason), held(NOW - 2 * MIN)]
      expect(historyOf(past, REPEAT_10, NOW).recent).toBe(1)
      expect(historyOf(past.slice(0, 2), REPEAT_10, NOW).recent).toBe(0)
    }
  })

  it('does not start over for a delivery before the window', () => {
    const past = [held(NOW - 20 * MIN), delivered(NOW - 15 * MIN, 'repeat'), held(NOW - 3 * MIN)]
    expect(historyOf(past, REPEAT_10, NOW).recent).toBe(1)
  })

  it('counts the channel, keyword and repeat breakthroughs since local midnight', () => {
    const past = [
      delivered(MIDNIGHT - 1, 'urgent-keyword'),
      delivered(MIDNIGHT, 'emergency-channel'),
      delivered(MIDNIGHT + 8 * 60 * MIN, 'urgent-keyword'),
      delivered(NOW - 30 * MIN, 'repeat'),
      delivered(NOW - 20 * MIN, 'emergency-sender'),
      delivered(NOW - 15 * MIN, 'open'),
      held(NOW - 10 * MIN, 'block'),
      held(NOW - 5 * MIN, 'off-hours'),
    ]
    expect(historyOf(past, REPEAT_10, NOW).today).toBe(3)
    expect(historyOf(past, client(null), NOW).today).toBe(3)
  })

  it('counts only captures of the same day, across midnight', () => {
    const justAfter = MIDNIGHT + 2 * MIN
    const past = [
      held(MIDNIGHT - 5 * MIN),
      delivered(MIDNIGHT - 3 * MIN, 'urgent-keyword'),
      held(MIDNIGHT - 1 * MIN),
      held(MIDNIGHT + 1 * MIN),
    ]
    // The repeat window crosses midnight; the daily quota does not.
    expect(historyOf(past, REPEAT_10, justAfter)).toEqual({ recent: 2, today: 0 })
  })

  it('answers like a log replayed one capture at a time', () => {
    const capture = fc.record({
      at: fc.integer({ min: NOW - 90 * MIN, max: NOW }),
      verdict: fc.constantFrom<Verdict>('deliver', 'hold'),
      reason: fc.constantFrom<Reason>('open', 'emergency-sender', 'repeat', 'block'),
    })
    const minutes = fc.integer({ min: 1, max: 60 })
    fc.assert(
      fc.property(fc.array(capture, { maxLength: 12 }), minutes, (raw, m) => {
        const past = [...raw].sort((a, b) => a.at - b.at)
        const c = client({ count: 3, minutes: m })
        const before = historyOf(past, c, NOW)
        // One more held message now adds one; one delivered now starts over.
        expect(historyOf([...past, held(NOW)], c, NOW).recent).toBe(before.recent + 1)
        expect(historyOf([...past, delivered(NOW, 'open')], c, NOW).recent).toBe(0)
        expect(historyOf([...past, delivered(NOW, 'repeat')], c, NOW).today).toBe(before.today + 1)
        // Never more than the captures in the window.
        const inWindow = past.filter((p) => p.at >= NOW - m * MIN).length
        expect(before.recent).toBeLessThanOrEqual(inWindow)
      }),
    )
  })
})

describe('in other time zones', () => {
  // The unit tests run in the machine's zone, often UTC: count from local midnight elsewhere too.
  it.each(['America/Mexico_City', 'Asia/Kolkata', 'Pacific/Chatham'])('in %s', (zone) => {
    const saved = process.env.TZ
    process.env.TZ = zone
    try {
      const now = new Date(2026, 10, 24, 10, 0).getTime()
      const midnight = new Date(2026, 10, 24).getTime()
      expect(new Date(now).getTimezoneOffset()).not.toBe(0)
      expect(startOfDay(now)).toBe(midnight)
      const past = [delivered(midnight - 1, 'repeat'), delivered(midnight, 'urgent-keyword')]
      expect(historyOf(past, REPEAT_10, now).today).toBe(1)
      expect(historySince(client(null), now)).toBe(midnight)
    } finally {
      if (saved === undefined) Reflect.deleteProperty(process.env, 'TZ')
      else process.env.TZ = saved
    }
  })
})

describe('isBreakthrough', () => {
  it('is a delivery by an emergency sender or a breakthrough rule', () => {
    for (const reason of ['emergency-sender', 'emergency-channel', 'urgent-keyword', 'repeat'])
      expect(isBreakthrough({ verdict: 'deliver', reason: reason as Reason })).toBe(true)
    expect(isBreakthrough({ verdict: 'deliver', reason: 'open' })).toBe(false)
    expect(isBreakthrough({ verdict: 'hold', reason: 'block' })).toBe(false)
    expect(isBreakthrough({ verdict: 'hold', reason: 'off-hours' })).toBe(false)
  })
})

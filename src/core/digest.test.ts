import { describe, expect, it } from 'vitest'
import { type DigestItem, digestLine, digestOf } from './digest'
import { createRateLimiter } from './rate-limit'

const item = (sender: string, at: number, site = 'gmail'): DigestItem => ({
  sender,
  senderKey: `${site}:${sender}`,
  site,
  at,
})

describe('digestOf', () => {
  it('groups by sender, most first, ties broken by the latest', () => {
    const d = digestOf([
      item('Ana', 1),
      item('#ops', 2, 'slack'),
      item('Ana', 3),
      item('Luis', 9),
      item('#ops', 4, 'slack'),
      item('Ana', 5),
    ])
    expect(d.total).toBe(6)
    expect(d.senders).toBe(3)
    expect(d.groups.map((g) => [g.sender, g.count, g.latest])).toEqual([
      ['Ana', 3, 5],
      ['#ops', 2, 4],
      ['Luis', 1, 9],
    ])
    expect(digestLine(d)).toBe('Ana 3, #ops 2, Luis 1')
    expect(digestLine(d, 2)).toBe('Ana 3, #ops 2, …')
  })

  it('is empty for no items', () => {
    expect(digestOf([])).toEqual({ total: 0, senders: 0, groups: [] })
  })
})

describe('rate limiter', () => {
  it('allows the limit per window and per key, then resets', () => {
    const rl = createRateLimiter(2, 1000)
    expect([rl.allow('a', 0), rl.allow('a', 10), rl.allow('a', 20)]).toEqual([true, true, false])
    expect(rl.allow('b', 20)).toBe(true)
    expect(rl.allow('a', 1000)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limit'

describe('createRateLimiter', () => {
  it('allows `limit` per key and window, then refuses until the window ends', () => {
    const limiter = createRateLimiter(3, 60_000)
    const at = (t: number) => limiter.allow('tab-1', t)
    expect([at(0), at(10), at(20), at(30), at(59_999)]).toEqual([true, true, true, false, false])
    expect([at(60_000), at(60_001), at(60_002), at(60_003)]).toEqual([true, true, true, false])
  })

  it('keeps keys apart', () => {
    const limiter = createRateLimiter(1, 60_000)
    expect(limiter.allow('a', 0)).toBe(true)
    expect(limiter.allow('a', 1)).toBe(false)
    expect(limiter.allow('b', 2)).toBe(true)
  })
})

/**
 * The bridge's cheap cap on one document's captures (LIMITS.bridgeCapturesPerMinute): within it
 * each capture goes to the background as before; beyond it they are only counted, and the count
 * goes as one `content/flood` message at most once per `flushMs`. A page calling
 * `new Notification` 10,000 times in one loop then costs a few runtime messages, not 10,000.
 * Pure: the caller passes the clock and sends.
 */
import { createRateLimiter } from './rate-limit'

export function createFloodGate(limit: number, windowMs: number, flushMs = 1_000) {
  const limiter = createRateLimiter(limit, windowMs)
  let excess = 0
  let lastFlush = Number.NEGATIVE_INFINITY
  return {
    /** True: send this capture; false: it was counted, and `flushIn` says when to send them. */
    pass(now: number): boolean {
      if (limiter.allow('doc', now)) return true
      excess++
      return false
    },
    /** Milliseconds until the counted excess may be sent (0: now). */
    flushIn(now: number): number {
      return Math.max(0, lastFlush + flushMs - now)
    },
    /** The excess counted so far, reset; 0 when there is none. */
    take(now: number): number {
      const n = excess
      excess = 0
      if (n > 0) lastFlush = now
      return n
    },
  }
}

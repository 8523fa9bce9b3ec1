/**
 * A fixed-window counter per key (a tab). Pure: the caller passes the clock. Kept in memory on
 * purpose: a service worker restart only resets the windows, which errs on accepting.
 */
export interface RateLimiter {
  allow(key: string, now: number): boolean
}

export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    allow(key, now) {
      const w = windows.get(key)
      if (!w || now - w.start >= windowMs) {
        if (windows.size > 1_000) windows.clear()
        windows.set(key, { start: now, count: 1 })
        return true
      }
      w.count++
      return w.count <= limit
    },
  }
}

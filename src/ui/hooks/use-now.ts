/**
 * The clock, read at every render, plus a re-render every `everyMs`: enough for a minute-level
 * countdown. Reading at render (not keeping the last tick) matters: a block that just started
 * must not show a time left computed from a clock up to `everyMs` old.
 */
import { useEffect, useState } from 'preact/hooks'

export function useNow(now: () => number, everyMs = 15_000): number {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now()
}

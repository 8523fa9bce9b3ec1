/**
 * "Focus until 09:00": the next time the clock shows that value. A time earlier than now (or
 * now itself) means tomorrow, as the background refuses an end in the past (core/focus.ts).
 */
import { MAX_SESSION_MINUTES, MINUTE } from '../core/focus'

export type UntilResult =
  | { ok: true; until: number; tomorrow: boolean }
  | { ok: false; reason: 'missing' | 'too-long' }

/** `value` is an `<input type="time">` value: "HH:MM", or "HH:MM:SS" with a step below 60. */
export function untilFromInput(now: number, value: string): UntilResult {
  const match = /^(\d{2}):(\d{2})/.exec(value)
  const h = Number(match?.[1])
  const m = Number(match?.[2])
  if (!match || h > 23 || m > 59) return { ok: false, reason: 'missing' }
  const at = new Date(now)
  at.setHours(h, m, 0, 0)
  let tomorrow = false
  if (at.getTime() <= now) {
    // Via the calendar, not +24 h, so that a DST change tonight still lands on HH:MM.
    at.setDate(at.getDate() + 1)
    at.setHours(h, m, 0, 0)
    tomorrow = true
  }
  const until = at.getTime()
  if (until - now > MAX_SESSION_MINUTES * MINUTE) return { ok: false, reason: 'too-long' }
  return { ok: true, until, tomorrow }
}

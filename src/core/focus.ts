/** Focus-session maths: pure, with the clock passed in. */

export const MINUTE = 60_000
/** Longest session Margen starts in one go: a forgotten session must not hold for days. */
export const MAX_SESSION_MINUTES = 12 * 60

export type StartRequest = { minutes?: number | undefined; until?: number | undefined }

/**
 * When a session started now should end: after `minutes`, or at the wall-clock time `until`.
 * An `until` that is not in the future is refused; the popup turns "09:00" typed in the evening
 * into tomorrow's 09:00 before sending it.
 */
export function sessionEnd(now: number, req: StartRequest): number | Error {
  if (req.minutes !== undefined && req.until !== undefined)
    return new Error('give minutes or until, not both')
  if (req.minutes !== undefined) return now + req.minutes * MINUTE
  if (req.until === undefined) return new Error('give minutes or until')
  if (req.until <= now) return new Error('the end time has already passed')
  if (req.until - now > MAX_SESSION_MINUTES * MINUTE)
    return new Error('a session lasts at most 12 hours')
  return req.until
}

/** Extending never leaves a session longer than the maximum from now. */
export function extendedEnd(now: number, endsAt: number, minutes: number): number {
  return Math.min(Math.max(endsAt, now) + minutes * MINUTE, now + MAX_SESSION_MINUTES * MINUTE)
}

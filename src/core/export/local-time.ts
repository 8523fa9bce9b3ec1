/**
 * Times in exports: ISO 8601 in the computer's own zone with its offset
 * (`2026-11-24T09:05:03+01:00`), which reads as the wall-clock time the user saw and still names
 * one instant, and in UTC. The offset is the one in force at that instant, so a summer capture
 * says +02:00 and a winter one +01:00.
 */

import { dayKey, dayOf } from '../schedule/local-time'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `2026-11-24T09:05:03+01:00` in the system's time zone. */
export function isoLocal(ms: number): string {
  const d = new Date(ms)
  // getTimezoneOffset is UTC minus local, in minutes: Madrid in winter is -60.
  const offset = -d.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/** `2026-11-24T08:05:03Z`: whole seconds, as the local column has them. */
export function isoUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}

/** The local date, `2026-11-24`, for file names. */
export const localDate = (ms: number): string => dayKey(dayOf(ms))

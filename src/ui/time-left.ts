/** Remaining time of a focus block, in the units the popup shows (pure; see time-left.test.ts). */
import type { I18n } from './i18n'

const MINUTE = 60_000

export type TimeLeft =
  | { kind: 'lessThanMinute' }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'hours'; hours: number }
  | { kind: 'hoursMinutes'; hours: number; minutes: number }

/**
 * Minutes are rounded up: at 11:17:30 a block ending at 11:40 has "23 min left", which is what
 * the user reckons from the clock. Under a minute it says so rather than "1 min".
 */
export function timeLeft(now: number, endsAt: number): TimeLeft {
  const ms = endsAt - now
  if (ms < MINUTE) return { kind: 'lessThanMinute' }
  const total = Math.ceil(ms / MINUTE)
  const hours = Math.floor(total / 60)
  const minutes = total % 60
  if (hours === 0) return { kind: 'minutes', minutes }
  if (minutes === 0) return { kind: 'hours', hours }
  return { kind: 'hoursMinutes', hours, minutes }
}

export function timeLeftText(i18n: I18n, left: TimeLeft): string {
  switch (left.kind) {
    case 'lessThanMinute':
      return i18n.t('popup_timeLeft_lessThanMinute')
    case 'minutes':
      return i18n.tp('popup_timeLeft_minutes', left.minutes)
    case 'hours':
      return i18n.tp('popup_timeLeft_hours', left.hours)
    case 'hoursMinutes':
      return i18n.t(
        'popup_timeLeft_hoursMinutes',
        i18n.number(left.hours),
        i18n.number(left.minutes),
      )
  }
}

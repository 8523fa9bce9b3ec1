/**
 * Short times for the review's reply-due and snooze lines: the clock time alone today, the
 * weekday within the next or last six days, the date beyond. Reading "Reply by Thu 14:00" tells
 * more at a glance than a full date, and stays short enough for one line.
 */
import type { I18n } from '../i18n'

const DAY_MS = 86_400_000

const formats = new Map<string, { week: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>()

function formatsOf(lang: string) {
  let f = formats.get(lang)
  if (!f) {
    f = {
      week: new Intl.DateTimeFormat(lang, { weekday: 'short', hour: 'numeric', minute: '2-digit' }),
      date: new Intl.DateTimeFormat(lang, {
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
      }),
    }
    formats.set(lang, f)
  }
  return f
}

const dayOf = (ms: number) => {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

export function whenText(i18n: I18n, ms: number, now: number): string {
  const days = Math.round((dayOf(ms) - dayOf(now)) / DAY_MS)
  if (days === 0) return i18n.time(ms)
  const f = formatsOf(i18n.lang)
  return Math.abs(days) < 7 ? f.week.format(ms) : f.date.format(ms)
}

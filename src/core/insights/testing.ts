/**
 * Test helpers for insights (imported only by *.test.ts): named time zones through Intl, and
 * rows with sensible defaults.
 */
import type { InsightRow } from './row'
import { HOUR, type Zone } from './zone'

/** A zone by IANA name, read through Intl (slow, exact): for tests in any process TZ. */
export function zoneNamed(name: string): Zone {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  return {
    offsetAt(t) {
      const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, Number(x.value)]))
      const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
      // Both sides to the second: the formatted parts carry no milliseconds.
      return wall - Math.floor(t / 1000) * 1000
    },
  }
}

/** A fixed offset in hours, for simple cases. */
export const fixedZone = (hours: number): Zone => ({ offsetAt: () => hours * HOUR })

export const UTC = fixedZone(0)

export function row(over: Partial<InsightRow> & Pick<InsightRow, 'at'>): InsightRow {
  return {
    verdict: 'hold',
    reason: 'block',
    clientId: '',
    site: 'gmail',
    senderKey: 'gmail:ana',
    conversation: '',
    urgent: 0,
    notUrgent: 0,
    ...over,
  }
}

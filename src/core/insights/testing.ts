/**
 * Test helpers for insights (imported only by *.test.ts): named time zones through Intl, and
 * rows with sensible defaults; bucketize, the direct count the tallies are checked against.
 */
import { type Bucket, bucketIndex, emptyBuckets, type Granularity } from './buckets'
import type { Range } from './range'
import { count, type InsightRow } from './row'
import { dayIn, HOUR, type Zone } from './zone'

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

/**
 * The reference count that the page's tallies (tally.ts) are held equal to: buckets of `rows`
 * (any order) in `range`, counted directly; rows outside it are ignored. `episodeStarts` are the
 * instants at which held episodes began.
 */
export function bucketize(
  zone: Zone,
  g: Granularity,
  range: Range,
  rows: readonly InsightRow[],
  episodeStarts: readonly number[] = [],
): Bucket[] {
  const buckets = emptyBuckets(g, range)
  const at = (t: number): Bucket | undefined =>
    t < range.from || t >= range.to ? undefined : buckets[bucketIndex(g, range, dayIn(zone, t))]
  for (const r of rows) {
    const b = at(r.at)
    if (b) count(b, r)
  }
  for (const t of episodeStarts) {
    const b = at(t)
    if (b) b.episodes++
  }
  return buckets
}

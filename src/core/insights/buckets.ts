/**
 * Captures per local day or per ISO week (Monday to Sunday). Every day or week of the range has a
 * bucket, empty or not, so that a chart's gaps are real. A week that the range cuts at either end
 * covers only its days inside the range: `first`/`last` say which.
 */

import type { Range } from './range'
import { type Counts, noCounts } from './row'
import { mondayOf } from './zone'

export type Granularity = 'day' | 'week'

export interface Bucket extends Counts {
  /** The first and last day (day numbers) the bucket covers within the range. */
  first: number
  last: number
  /** Held episodes that started in it (episodes.ts). */
  episodes: number
}

/** The bucket's key of a day: the day itself, or its week's Monday. */
const keyOf = (g: Granularity, day: number) => (g === 'day' ? day : mondayOf(day))

/**
 * The index of day's bucket among emptyBuckets(g, range): bucket i holds key first + i (days) or
 * first + 7i (weeks), an index, not a map lookup. Clamped: where midnight happens twice, the
 * repeated hour reads as the day before.
 */
export function bucketIndex(g: Granularity, range: Range, day: number): number {
  const step = g === 'day' ? 1 : 7
  const i = (keyOf(g, day) - keyOf(g, range.firstDay)) / step
  const last =
    g === 'day'
      ? range.lastDay - range.firstDay
      : (mondayOf(range.lastDay) - mondayOf(range.firstDay)) / 7
  return Math.min(last, Math.max(0, i))
}

export function emptyBuckets(g: Granularity, range: Range): Bucket[] {
  const out: Bucket[] = []
  for (let day = range.firstDay; day <= range.lastDay; ) {
    const last = g === 'day' ? day : Math.min(mondayOf(day) + 6, range.lastDay)
    out.push({ first: day, last, episodes: 0, ...noCounts() })
    day = last + 1
  }
  return out
}

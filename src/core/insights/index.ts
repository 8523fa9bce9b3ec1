/**
 * Insights over a period: everything the insights page shows, from the period's captures, in one
 * pass per statistic. Pure: the rows come from store/insights.ts, the zone from the caller.
 */
import type { Bucket, Granularity } from './buckets'
import type { CryWolf } from './cry-wolf'
import type { FocusEstimate } from './estimate'
import { finish } from './finish'
import type { Heatmap } from './heatmap'
import type { Range } from './range'
import type { Counts, InsightRow } from './row'
import { tallySlice } from './tally'
import type { Top } from './top'
import type { Zone } from './zone'

export type { Bucket, Granularity } from './buckets'
export type { CryWolf } from './cry-wolf'
export type { FocusEstimate } from './estimate'
export { finish } from './finish'
export type { Heatmap } from './heatmap'
export { DEFAULT_RANGE, RANGE_DAYS, type Range, type RangeDays, rangeOf } from './range'
export type { Counts, InsightRow } from './row'
export { type Tally, tallySlice } from './tally'
export type { Top, TopLine } from './top'
export { LOCAL_ZONE, memoZone, type Zone } from './zone'

export interface Insights {
  totals: Counts & { episodes: number }
  buckets: Bucket[]
  byClient: Top
  bySite: Top
  heatmap: Heatmap
  cryWolf: CryWolf[]
  focus: FocusEstimate
}

export interface InsightOptions {
  zone: Zone
  range: Range
  granularity: Granularity
  /** settings.history.interruptionMinutes */
  minutesPer: number
}

export interface InsightInput {
  /** The period's captures, any order. */
  rows: readonly InsightRow[]
  /**
   * The period's claimed urgencies, when read apart (store/insights.ts reads them so that their
   * "not urgent" marks show live); otherwise they are taken from `rows`.
   */
  claims?: readonly InsightRow[]
}

export function insights({ rows, claims }: InsightInput, o: InsightOptions): Insights {
  const { from, to } = o.range
  return finish([tallySlice(o.zone, from, to, rows)], claims ?? rows, o)
}

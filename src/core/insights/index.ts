/**
 * Insights over a period: everything the insights page shows, from the period's captures, in one
 * pass per statistic. Pure: the rows come from store/insights.ts, the zone from the caller.
 */
import { type Bucket, bucketize, type Granularity } from './buckets'
import { type CryWolf, cryWolf } from './cry-wolf'
import { episodeStarts } from './episodes'
import { type FocusEstimate, focusEstimate } from './estimate'
import { type Heatmap, heatmap } from './heatmap'
import type { Range } from './range'
import { type Counts, count, type InsightRow, noCounts } from './row'
import { byClient, bySite, type Top } from './top'
import { memoZone, type Zone } from './zone'

export type { Bucket, Granularity } from './buckets'
export type { CryWolf } from './cry-wolf'
export type { FocusEstimate } from './estimate'
export type { Heatmap } from './heatmap'
export { DEFAULT_RANGE, RANGE_DAYS, type Range, type RangeDays, rangeOf } from './range'
export type { Counts, InsightRow } from './row'
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
  const within = (r: InsightRow) => r.at >= from && r.at < to
  const inRange = rows.filter(within)
  const zone = memoZone(o.zone)
  const starts = episodeStarts(inRange)
  const totals = { episodes: starts.length, ...noCounts() }
  for (const r of inRange) count(totals, r)
  return {
    totals,
    buckets: bucketize(zone, o.granularity, o.range, inRange, starts),
    byClient: byClient(inRange),
    bySite: bySite(inRange),
    heatmap: heatmap(zone, inRange),
    cryWolf: cryWolf(claims ? claims.filter(within) : inRange),
    focus: focusEstimate(starts.length, o.minutesPer),
  }
}

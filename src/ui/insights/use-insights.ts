/**
 * The insights page's model: the period read live from Dexie (the page follows new captures and
 * "not urgent" marks as they are stored): past days from their summaries, which it asks the
 * background to write when missing, today from its captures; and the statistics computed from
 * them for the chosen grouping. Performance measures name the read and the computation, for DevTools
 * and bench/insights.ts.
 */
import { useMemo } from 'preact/hooks'
import {
  finish,
  type Granularity,
  type Insights,
  LOCAL_ZONE,
  type RangeDays,
  rangeOf,
  type Zone,
} from '../../core/insights'
import { createInsightReader, type InsightData } from '../../store/insights'
import { useApp } from '../app-context'
import { useLiveQuery } from '../hooks/use-live-query'
import { useNow } from '../hooks/use-now'

export interface InsightsModel {
  data: InsightData | undefined
  insights: Insights | undefined
  /** The days the numbers shown cover: the period asked for, or the last one while it loads. */
  days: number
  /** A new period is being read; the numbers shown are still the last period's. */
  busy: boolean
  error: unknown
}

function measure(name: string, start: number) {
  try {
    performance.measure(name, { start, end: performance.now() })
  } catch {}
}

export function useInsights(
  days: RangeDays,
  granularity: Granularity,
  zone: Zone = LOCAL_ZONE,
): InsightsModel {
  const { db, now, connector } = useApp()
  // A new day moves the period; the minute tick notices it.
  const range = rangeOf(zone, useNow(now, 60_000), days)
  // Kept for the page's life: it asks the background once for each set of missing summaries.
  const read = useMemo(
    () =>
      createInsightReader(db, zone, (days) => {
        // Not awaited: this load counts those days from their captures; the summaries, once
        // written, re-run the live query. A failure only leaves the page slower.
        connector.send({ type: 'ui/insights-summarize', days }).catch(() => {})
      }),
    [db, zone, connector],
  )
  const live = useLiveQuery(async () => {
    const t0 = performance.now()
    const data = await read(range)
    measure('margen:insights-read', t0)
    // With the period it was read for: until the next period's read is in, the numbers shown
    // stay those of the period they count.
    return { data, range }
  }, [read, range.from, range.to])
  const shown = live.value
  const computed = useMemo(() => {
    if (!shown) return undefined
    const t0 = performance.now()
    const { data, range: of } = shown
    const out = finish(data.slices, data.claims, {
      zone,
      range: of,
      granularity,
      minutesPer: data.minutesPer,
    })
    measure('margen:insights-compute', t0)
    return out
  }, [shown, granularity, zone])
  const of = shown?.range
  return {
    data: shown?.data,
    insights: computed,
    days: of ? of.lastDay - of.firstDay + 1 : days,
    busy: !!of && (of.from !== range.from || of.to !== range.to),
    error: live.error,
  }
}

/**
 * The page's statistics from tallies (tally.ts) that together cover the period exactly, once
 * each: the complete past days' summaries and today's raw rows, or one tally of every raw row.
 * Merged counts are placed and ranked exactly as from raw rows, so both ways give one answer
 * (tally.test.ts checks it on random histories).
 */
import { bucketIndex, emptyBuckets } from './buckets'
import { cryWolf } from './cry-wolf'
import { focusEstimate } from './estimate'
import type { Heatmap } from './heatmap'
import type { InsightOptions, Insights } from './index'
import { type Counts, type InsightRow, noCounts } from './row'
import type { Tally } from './tally'
import { rankLines, type TopLine } from './top'

const add = (to: Counts, c: Counts) => {
  to.captures += c.captures
  to.held += c.held
  to.delivered += c.delivered
  to.breakthroughs += c.breakthroughs
}

function mergeLines(lists: readonly (readonly TopLine[])[]): TopLine[] {
  const by = new Map<string, TopLine>()
  for (const list of lists)
    for (const l of list) {
      const line = by.get(l.key)
      if (line) add(line, l)
      else by.set(l.key, { ...l })
    }
  return [...by.values()]
}

/**
 * `claims` are the period's claimed urgencies (rows outside the period are ignored), read apart
 * so that their "not urgent" marks show live.
 */
export function finish(
  tallies: readonly Tally[],
  claims: readonly Pick<InsightRow, 'at' | 'clientId' | 'urgent' | 'notUrgent'>[],
  o: InsightOptions,
): Insights {
  const { range, granularity: g } = o
  const buckets = emptyBuckets(g, range)
  const totals = { episodes: 0, ...noCounts() }
  const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0))
  for (const t of tallies) {
    // The period's first slice has nothing before it in the period: see tally.ts.
    const first = t.from === range.from
    for (const p of t.parts) {
      const episodes = p.episodes + (first ? p.carried : 0)
      const b = buckets[bucketIndex(g, range, p.day)]!
      add(b, p)
      b.episodes += episodes
      add(totals, p)
      totals.episodes += episodes
    }
    for (const [weekday, hour, n] of t.heat) cells[weekday]![hour]! += n
  }
  const heatmap: Heatmap = { cells, max: Math.max(0, ...cells.flat()) }
  return {
    totals,
    buckets,
    byClient: rankLines(mergeLines(tallies.map((t) => t.clients))),
    bySite: rankLines(mergeLines(tallies.map((t) => t.sites))),
    heatmap,
    cryWolf: cryWolf(claims.filter((r) => r.at >= range.from && r.at < range.to)),
    focus: focusEstimate(totals.episodes, o.minutesPer),
  }
}

/**
 * A tally: everything the insights page shows, counted over one slice of time [from, to), in a
 * form that adds up. The page's statistics are a tally of the whole period, finished (finish.ts);
 * a period can also be cut into slices (complete past days summarised by the background, today
 * read raw) whose tallies, merged, give exactly the same numbers.
 *
 * Why each field is kept as it is:
 * - `parts`: counts by local day of the capture (`dayIn`), usually one per slice; the chart's
 *   buckets are placed from these exactly as from raw rows, odd DST midnights included.
 * - episodes: a held message continues an episode of its key when the key's previous held
 *   message came at most EPISODE_GAP before, also across midnight, so a slice is tallied with
 *   the held messages of the EPISODE_GAP before it (`lookBack`). An episode that continues one
 *   from before the slice is `carried`: it is not counted, except in the period's first slice,
 *   where the period itself has nothing before it (as when counting from raw rows).
 * - the heatmap by (weekday, hour) cell, sparse; clients and sites as counted lines.
 */
import { EPISODE_GAP, episodeKey } from './episodes'
import { type Counts, count, type InsightRow, noCounts } from './row'
import type { TopLine } from './top'
import { dayIn, hourIn, isoWeekday, memoZone, type Zone } from './zone'

export interface Part extends Counts {
  /** The local day number of the captures counted here. */
  day: number
  /** Held episodes that started on it. */
  episodes: number
  /** Episodes that continue one from the EPISODE_GAP before the slice: see above. */
  carried: number
}

export interface Tally {
  from: number
  to: number
  /** By day, ascending. */
  parts: Part[]
  /** [weekday 0 = Monday, hour, captures], non-zero cells only. */
  heat: [number, number, number][]
  clients: TopLine[]
  sites: TopLine[]
}

const lineOf = (by: Map<string, TopLine>, key: string) => {
  let line = by.get(key)
  if (!line) {
    line = { key, ...noCounts() }
    by.set(key, line)
  }
  return line
}

/**
 * The tally of the rows with from <= at < to (others are ignored, any order); `lookBack` are
 * rows before `from` (only the held ones of the EPISODE_GAP before it matter).
 */
export function tallySlice(
  zone: Zone,
  from: number,
  to: number,
  rows: readonly InsightRow[],
  lookBack: readonly InsightRow[] = [],
  gap = EPISODE_GAP,
): Tally {
  const z = memoZone(zone)
  const parts = new Map<number, Part>()
  const heat = new Map<number, number>()
  const clients = new Map<string, TopLine>()
  const sites = new Map<string, TopLine>()
  const held: InsightRow[] = []
  const partOf = (day: number) => {
    let p = parts.get(day)
    if (!p) {
      p = { day, episodes: 0, carried: 0, ...noCounts() }
      parts.set(day, p)
    }
    return p
  }
  for (const r of rows) {
    if (r.at < from || r.at >= to) continue
    const day = dayIn(z, r.at)
    count(partOf(day), r)
    const cell = isoWeekday(day) * 24 + hourIn(z, r.at)
    heat.set(cell, (heat.get(cell) ?? 0) + 1)
    count(lineOf(clients, r.clientId), r)
    count(lineOf(sites, r.site), r)
    if (r.verdict === 'hold') held.push(r)
  }
  // The last held message of each key just before the slice.
  const before = new Map<string, number>()
  for (const r of lookBack)
    if (r.verdict === 'hold' && r.at < from && r.at >= from - gap) {
      const key = episodeKey(r)
      before.set(key, Math.max(r.at, before.get(key) ?? r.at))
    }
  if (!isSorted(held)) held.sort((a, b) => a.at - b.at)
  const lastAt = new Map<string, number>()
  for (const r of held) {
    const key = episodeKey(r)
    const prev = lastAt.get(key)
    lastAt.set(key, r.at)
    if (prev !== undefined) {
      if (r.at - prev > gap) partOf(dayIn(z, r.at)).episodes++
      continue
    }
    const b = before.get(key)
    if (b !== undefined && r.at - b <= gap) partOf(dayIn(z, r.at)).carried++
    else partOf(dayIn(z, r.at)).episodes++
  }
  return {
    from,
    to,
    parts: [...parts.values()].sort((a, b) => a.day - b.day),
    heat: [...heat.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([cell, n]) => [Math.floor(cell / 24), cell % 24, n]),
    clients: [...clients.values()],
    sites: [...sites.values()],
  }
}

function isSorted(rows: readonly { at: number }[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.at > rows[i]!.at) return false
  return true
}

/**
 * Who and where interruptions come from: captures counted per client and per site, most first.
 * Senders of no client are counted together under the client id '' ("No client"): one line that
 * says how much comes from outside the client list, where a line per unknown sender would crowd
 * the list (the options page suggests the frequent ones as new identities).
 */
import { type Counts, count, type InsightRow, noCounts } from './row'

export interface TopLine extends Counts {
  /** A client id ('' = no client) or a site id. */
  key: string
}

export interface Top {
  lines: TopLine[]
  /** The lines after the first `limit`, added up; null when there are none. */
  rest: (Counts & { keys: number }) | null
}

export function topBy(
  rows: readonly InsightRow[],
  keyOf: (r: InsightRow) => string,
  limit = 8,
): Top {
  const by = new Map<string, TopLine>()
  for (const r of rows) {
    const key = keyOf(r)
    let line = by.get(key)
    if (!line) {
      line = { key, ...noCounts() }
      by.set(key, line)
    }
    count(line, r)
  }
  return rankLines([...by.values()], limit)
}

/** Counted lines, most captures first (then most breakthroughs, then by key), cut at `limit`. */
export function rankLines(lines: readonly TopLine[], limit = 8): Top {
  const sorted = [...lines].sort(
    (a, b) => b.captures - a.captures || b.breakthroughs - a.breakthroughs || cmp(a.key, b.key),
  )
  const after = sorted.slice(limit)
  if (after.length === 0) return { lines: sorted, rest: null }
  const rest = { keys: after.length, ...noCounts() }
  for (const l of after) {
    rest.captures += l.captures
    rest.held += l.held
    rest.delivered += l.delivered
    rest.breakthroughs += l.breakthroughs
  }
  return { lines: sorted.slice(0, limit), rest }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const byClient = (rows: readonly InsightRow[], limit?: number) =>
  topBy(rows, (r) => r.clientId, limit)

export const bySite = (rows: readonly InsightRow[], limit?: number) =>
  topBy(rows, (r) => r.site, limit)

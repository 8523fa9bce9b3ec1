/**
 * What the insights page reads: the period's captures through the `at` index, projected to the
 * fields the statistics use (core/insights/row), the claimed urgencies through [urgent+at] for the
 * cry-wolf ratio, and the settings it needs (client names, minutes per interruption, retention).
 *
 * Speed (bench/insights.ts, 30,000 captures in a 30-day view of 100,000): a Dexie `toArray()` of
 * the period took ~770 ms in Chromium, a raw `getAll` on the same index ~550–620 ms, four raw
 * `getAll`s over quarters of the period ~420 ms (the renderer decodes one part while the backend
 * reads the next). Dexie's share is its liveQuery bookkeeping: it records every row it returns
 * and clones the result for its cache. So the period is read raw, in parts, from Dexie's own
 * connection, and the live query is kept live by cheap Dexie reads: the first and last key in
 * the period's `at` range (Dexie then watches that whole range: a new capture in it, or a
 * deletion of those keys, re-runs the query) and the claimed urgencies, a few percent of the rows,
 * whose "not urgent" marks are the only field insights read that changes after a capture is
 * stored.
 */
import type { Client } from '../core/clients/schema'
import type { InsightRow } from '../core/insights/row'
import type { CaptureRow, MargenDb } from './db'
import { readSettings } from './settings'

export const toInsightRow = (c: CaptureRow): InsightRow => ({
  at: c.at,
  verdict: c.verdict,
  reason: c.reason,
  clientId: c.clientId,
  site: c.site,
  senderKey: c.senderKey,
  conversation: c.conversation,
  urgent: c.urgent,
  notUrgent: c.notUrgent,
})

/** Parts the period is read in: past 4 the gain measured flat. */
const PARTS = 4

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

/**
 * Captures with from <= at < to, oldest first, read with IndexedDB's getAll on the `at` index
 * (not tracked by liveQuery: see above). The database must be open.
 */
export async function periodRows(db: MargenDb, from: number, to: number): Promise<InsightRow[]> {
  if (!db.isOpen()) await db.open()
  const idb = db.backendDB()
  const step = Math.ceil((to - from) / PARTS)
  const bounds = Array.from({ length: PARTS }, (_, i) => [
    Math.min(to, from + i * step),
    Math.min(to, from + (i + 1) * step),
  ])
  const parts = await Promise.all(
    bounds
      .filter(([lo, hi]) => lo! < hi!)
      .map(([lo, hi]) =>
        request<CaptureRow[]>(
          idb
            .transaction('captures', 'readonly')
            .objectStore('captures')
            .index('at')
            .getAll(IDBKeyRange.bound(lo, hi, false, true)),
        ),
      ),
  )
  return parts.flat().map(toInsightRow)
}

/** Claimed urgencies (urgent = 1) with from <= at < to, oldest first, through [urgent+at]. */
export const claimsIn = (db: MargenDb, from: number, to: number) =>
  db.captures.where('[urgent+at]').between([1, from], [1, to], true, false).toArray()

export interface InsightData {
  rows: InsightRow[]
  /** The period's claimed urgencies, read through Dexie so that "not urgent" marks show live. */
  claims: InsightRow[]
  clients: Pick<Client, 'id' | 'name' | 'colour'>[]
  /** settings.history.interruptionMinutes */
  minutesPer: number
  /** settings.history.retentionDays: older captures are gone, whatever the period asks. */
  retentionDays: number
}

export async function insightData(db: MargenDb, from: number, to: number): Promise<InsightData> {
  return createInsightReader(db)(from, to, to)
}

/**
 * Reads insight data, keeping the rows before `split` (the period's complete days) between calls,
 * so that a live query re-run by a new capture reads only today's rows again. What insights read
 * of a stored capture never changes but its "not urgent" mark (read apart, as claims); captures
 * are added at the current time and deleted oldest first (retention) or all at once, so the first
 * and last keys of the kept range say whether it is still what was read.
 */
export function createInsightReader(db: MargenDb) {
  let kept: { from: number; split: number; ends: string; rows: InsightRow[] } | null = null
  const keysOf = (from: number, to: number) =>
    db.captures.where('at').between(from, to, true, false)
  return async (from: number, to: number, split: number): Promise<InsightData> => {
    const mid = Math.max(from, Math.min(split, to))
    // Dexie reads first: a live query watches what Dexie reads, and only before a raw await.
    const [, claims, { settings }, first, last] = await Promise.all([
      keysOf(mid, to).limit(1).primaryKeys(),
      claimsIn(db, from, to),
      readSettings(db),
      keysOf(from, mid).limit(1).primaryKeys(),
      keysOf(from, mid).reverse().limit(1).primaryKeys(),
    ])
    const ends = `${first[0] ?? ''}-${last[0] ?? ''}`
    const same = kept?.from === from && kept.split === mid && kept.ends === ends
    const past = same && kept ? kept.rows : await periodRows(db, from, mid)
    kept = { from, split: mid, ends, rows: past }
    const recent = await periodRows(db, mid, to)
    return {
      rows: recent.length === 0 ? past : past.concat(recent),
      claims: claims.map(toInsightRow),
      clients: settings.rules.clients.map(({ id, name, colour }) => ({ id, name, colour })),
      minutesPer: settings.history.interruptionMinutes,
      retentionDays: settings.history.retentionDays,
    }
  }
}

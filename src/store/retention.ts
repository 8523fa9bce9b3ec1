/**
 * Deleting history: captures past the retention period (the daily `retention` alarm), or all of
 * them (the options page's "Delete all history"), with the insight summaries of the days deleted
 * (core/insights/summary.ts). Settings and counters are never touched, and neither is the
 * running session.
 *
 * Sessions are kept a while longer than their captures: the schedule reads the periods that
 * ended in the last days to know which ones were ended early and must not start again
 * (background/quiet-now.ts, SKIP_MEMORY_MS), so deleting one of those could bring a block the
 * user ended back to life. A session row holds no message, only when a period ran.
 */
import { Dexie } from 'dexie'
import type { CaptureRow, MargenDb, SessionRow } from './db'

/** Rows per transaction: 100k old captures are deleted in 10 short transactions, not one long one. */
export const PRUNE_CHUNK = 10_000

/** As long as the schedule looks back for ended periods (9 days), and a day to spare. */
export const SESSION_MEMORY_MS = 10 * 24 * 60 * 60_000

/**
 * Deletes these captures. When they are all the rows of one id range, as captures written in
 * time order are, the range goes in one request: in headless Chromium, 28.8k of 100k rows went
 * in 0.7 s this way and in 16 s through Dexie's bulkDelete (one request per row). Otherwise (a
 * clock set back), row by row.
 */
async function deleteIds(db: MargenDb, ids: readonly number[]): Promise<void> {
  const sorted = [...ids].sort((a, b) => a - b)
  const lo = sorted[0]
  const hi = sorted[sorted.length - 1]
  if (lo === undefined || hi === undefined) return
  const range = db.captures.where('id').between(lo, hi, true, true)
  if ((await range.count()) === sorted.length) await range.delete()
  else await db.captures.bulkDelete(sorted)
}

/** Deletes the captures received before `cutoffMs`, oldest first; resolves with how many. */
export async function pruneHistory(
  db: MargenDb,
  cutoffMs: number,
  chunk = PRUNE_CHUNK,
): Promise<number> {
  let deleted = 0
  for (;;) {
    const n = await db.transaction('rw', db.captures, async () => {
      const ids = await db.captures.where('at').below(cutoffMs).limit(chunk).primaryKeys()
      await deleteIds(db, ids)
      return ids.length
    })
    deleted += n
    if (n < chunk) break
  }
  // Insight summaries of days that began before the cutoff: emptied, or no longer complete.
  await db.insightDays.filter((d) => !(d.from >= cutoffMs)).delete()
  // The cutoff is at least a day back, so this is at least SESSION_MEMORY_MS before now.
  await pruneSessions(db, (s) => s.endedAt < cutoffMs && s.startedAt < cutoffMs - SESSION_MEMORY_MS)
  return deleted
}

const DAY_MS = 24 * 60 * 60_000

/**
 * Out of space (a capture could not be written): deletes the oldest day of history the user is
 * done with, beyond what the retention period already removed. Held captures (still to review)
 * and anything received after `keepAfter` are kept; resolves with how many captures went.
 */
export async function pruneOldestDay(db: MargenDb, keepAfter: number): Promise<number> {
  const done = (c: CaptureRow) => c.status !== 'held'
  const oldest = await db.captures.orderBy('at').filter(done).first()
  if (!oldest || oldest.at >= keepAfter) return 0
  const cutoff = Math.min(oldest.at + DAY_MS, keepAfter)
  let deleted = 0
  for (;;) {
    const n = await db.transaction('rw', db.captures, async () => {
      const ids = await db.captures
        .where('at')
        .below(cutoff)
        .filter(done)
        .limit(PRUNE_CHUNK)
        .primaryKeys()
      await deleteIds(db, ids)
      return ids.length
    })
    deleted += n
    if (n < PRUNE_CHUNK) break
  }
  // The summaries of the days thinned out no longer count what is left.
  await db.insightDays.filter((d) => !(d.from >= cutoff)).delete()
  return deleted
}

/**
 * Deletes every capture, and the ended sessions the schedule no longer needs; resolves with how
 * many captures there were. One id-range delete: a single request that holds no rows in memory
 * (100k captures in about 2 s in Chromium), where `clear()` took about 12 s, and where chunks
 * would make every open page re-read its queries once per chunk.
 */
export async function deleteAllHistory(db: MargenDb, now: number = Date.now()): Promise<number> {
  const deleted = await db.transaction('rw', db.captures, db.insightDays, async () => {
    await db.insightDays.clear()
    const first = await db.captures.toCollection().first()
    const last = await db.captures.toCollection().last()
    if (!first || !last) return 0
    return db.captures.where('id').between(first.id, last.id, true, true).delete()
  })
  await pruneSessions(db, (s) => s.startedAt < now - SESSION_MEMORY_MS)
  return deleted
}

/** Deletes ended sessions that `old` picks and that no capture points to any more. */
async function pruneSessions(db: MargenDb, old: (s: SessionRow) => boolean): Promise<number> {
  const ended = await db.sessions.where('state').equals('ended').toArray()
  const candidates = ended.filter(old).map((s) => s.id)
  let deleted = 0
  for (let i = 0; i < candidates.length; i += PRUNE_CHUNK) {
    const ids = candidates.slice(i, i + PRUNE_CHUNK)
    deleted += await db.transaction('rw', db.sessions, db.captures, async () => {
      const empty: string[] = []
      for (const id of ids) {
        const any = await db.captures
          .where('[sessionId+at]')
          .between([id, Dexie.minKey], [id, Dexie.maxKey])
          .first()
        if (!any) empty.push(id)
      }
      await db.sessions.bulkDelete(empty)
      return empty.length
    })
  }
  return deleted
}

/** Reading and writing captures; every query goes through an index. */
import { Dexie } from 'dexie'
import { dayIn, LOCAL_ZONE } from '../core/insights/zone'
import type { CaptureRow, MargenDb } from './db'

export type NewCapture = Omit<CaptureRow, 'id'>

/** All captures of one session, oldest first, through the [sessionId+at] index. */
export const inSession = (db: MargenDb, sessionId: string) =>
  db.captures.where('[sessionId+at]').between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey])

/** Captures still waiting for the user, oldest first, through the [status+at] index. */
export const unreviewed = (db: MargenDb) =>
  db.captures.where('[status+at]').between(['held', Dexie.minKey], ['held', Dexie.maxKey])

/**
 * Held captures snoozed past `now`, through the snoozeUntil index: only snoozed rows have the
 * field, and only held ones are snoozed (done clears it).
 */
export const snoozedAt = (db: MargenDb, now: number) => db.captures.where('snoozeUntil').above(now)

/** Applies `change` to those of `ids` that are still held; resolves with how many. */
function changeHeld(db: MargenDb, ids: readonly number[], change: Partial<CaptureRow>) {
  return db.transaction('rw', db.captures, async () => {
    const rows = await db.captures.bulkGet([...ids])
    const held = rows.filter((r): r is CaptureRow => r?.status === 'held').map((r) => r.id)
    await db.captures.bulkUpdate(held.map((key) => ({ key, changes: change })))
    return held.length
  })
}

interface Waiting {
  row: NewCapture
  resolve(id: number): void
  reject(error: unknown): void
}

/**
 * Adds captures one transaction at a time: while one is being written, the ones that arrive
 * wait and go together in the next. Alone, a capture is written at once; in a flood, thousands
 * share a few transactions (IndexedDB's cost is per transaction, not per row).
 */
function createWriter(db: MargenDb) {
  let waiting: Waiting[] = []
  let writing = false
  /** The local day whose insight summary was last made stale (see below). */
  let staleDay = Number.NaN
  async function drain(): Promise<void> {
    writing = true
    while (waiting.length > 0) {
      const batch = waiting
      waiting = []
      try {
        // A day's insight summary counts that day's captures; one written into a day that is
        // already summarised (the clock was set back) makes it stale. The first capture of each
        // day this worker sees deletes that day's summary: none exists for today, so this costs
        // one no-op delete a day, and the page counts a stale day from its captures again.
        for (const { row } of batch) {
          const day = dayIn(LOCAL_ZONE, row.at)
          if (day !== staleDay) {
            await db.insightDays.delete(day)
            staleDay = day
          }
        }
        const ids = (await db.captures.bulkAdd(
          batch.map((w) => w.row as CaptureRow),
          { allKeys: true },
        )) as number[]
        for (const [i, w] of batch.entries()) w.resolve(ids[i] as number)
      } catch (error) {
        for (const w of batch) w.reject(error)
      }
    }
    writing = false
  }
  return (row: NewCapture) =>
    new Promise<number>((resolve, reject) => {
      waiting.push({ row, resolve, reject })
      if (!writing) void drain()
    })
}

export function createCaptureStore(db: MargenDb) {
  return {
    /** Resolves once the capture is committed, with its id. */
    add: createWriter(db),
    get: (id: number) => db.captures.get(id),
    /**
     * The capture a tab's `ref` was stored as since `since`, if any: a capture sent again after
     * the worker stopped may already be stored. Only retries ask, so the scan of the recent rows
     * (through the `at` index, newest first) costs nothing on the normal path and needs no index.
     */
    findRecent: (tabId: number, origin: string, ref: string, since: number) =>
      db.captures
        .where('at')
        .aboveOrEqual(since)
        .reverse()
        .filter((c) => c.ref === ref && c.tabId === tabId && c.origin === origin)
        .first(),
    /** Held captures of one session, oldest first. */
    heldInSession: (sessionId: string) =>
      inSession(db, sessionId)
        .filter((c) => c.verdict === 'hold')
        .toArray(),
    countHeldInSession: (sessionId: string) =>
      inSession(db, sessionId)
        .filter((c) => c.status === 'held')
        .count(),
    /** Marks a held capture delivered: the page showed it after all (the bridge failed open). */
    markShown: (id: number) => changeHeld(db, [id], { status: 'delivered' }),
    /** Held captures waiting now: snoozed ones wait for later. */
    countUnreviewed: async (now: number) =>
      (await unreviewed(db).count()) - (await snoozedAt(db, now).count()),
    /** Marks held captures done (a snoozed one too: it is dealt with). */
    markDone: (ids: readonly number[]) =>
      changeHeld(db, ids, { status: 'done', snoozeUntil: undefined }),
    /** Hides held captures from the review until `until`. */
    snooze: (ids: readonly number[], until: number) => changeHeld(db, ids, { snoozeUntil: until }),
  }
}

export type CaptureStore = ReturnType<typeof createCaptureStore>

/** Reading and writing captures; every query goes through an index. */
import { Dexie } from 'dexie'
import type { CaptureRow, MargenDb } from './db'

export type NewCapture = Omit<CaptureRow, 'id'>

/** All captures of one session, oldest first, through the [sessionId+at] index. */
export const inSession = (db: MargenDb, sessionId: string) =>
  db.captures.where('[sessionId+at]').between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey])

/** Captures still waiting for the user, oldest first, through the [status+at] index. */
export const unreviewed = (db: MargenDb) =>
  db.captures.where('[status+at]').between(['held', Dexie.minKey], ['held', Dexie.maxKey])

export function createCaptureStore(db: MargenDb) {
  return {
    add: (row: NewCapture): Promise<number> =>
      db.captures.add(row as CaptureRow) as Promise<number>,
    get: (id: number) => db.captures.get(id),
    /** Held captures of one session, oldest first. */
    heldInSession: (sessionId: string) =>
      inSession(db, sessionId)
        .filter((c) => c.verdict === 'hold')
        .toArray(),
    countHeldInSession: (sessionId: string) =>
      inSession(db, sessionId)
        .filter((c) => c.status === 'held')
        .count(),
    countUnreviewed: () => unreviewed(db).count(),
    markDone: (ids: readonly number[]) =>
      db.transaction('rw', db.captures, async () => {
        const rows = await db.captures.bulkGet([...ids])
        const held = rows.filter((r): r is CaptureRow => r?.status === 'held').map((r) => r.id)
        await Promise.all(held.map((id) => db.captures.update(id, { status: 'done' })))
        return held.length
      }),
  }
}

export type CaptureStore = ReturnType<typeof createCaptureStore>

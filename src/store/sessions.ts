/** Focus sessions. At most one is active; ending is a transaction, so it happens once. */
import type { MargenDb, SessionRow } from './db'

export function createSessionStore(db: MargenDb) {
  return {
    active: (): Promise<SessionRow | undefined> =>
      db.sessions.where('state').equals('active').first(),
    last: () => db.sessions.orderBy('startedAt').last(),
    /** Starts a session unless one is already active; returns the active one either way. */
    start: (row: SessionRow) =>
      db.transaction('rw', db.sessions, async () => {
        const current = await db.sessions.where('state').equals('active').first()
        if (current) return { session: current, started: false }
        await db.sessions.add(row)
        return { session: row, started: true }
      }),
    setEnd: (id: string, endsAt: number) => db.sessions.update(id, { endsAt }),
    /** Marks the session ended; false if it had already ended (someone else got there first). */
    end: (id: string, endedAt: number, endReason: SessionRow['endReason']) =>
      db.transaction('rw', db.sessions, async () => {
        const row = await db.sessions.get(id)
        if (row?.state !== 'active') return false
        await db.sessions.update(id, { state: 'ended', endedAt, endReason })
        return true
      }),
    /** Ids of the periods that ended since `since`: those do not happen again (end now). */
    endedSince: async (since: number) =>
      new Set(
        (await db.sessions.where('startedAt').aboveOrEqual(since).toArray())
          .filter((s) => s.state === 'ended')
          .map((s) => s.id),
      ),
    /** Records a period ended before it began to hold anything: skipped, with no digest due. */
    recordSkipped: (row: SessionRow) => db.sessions.put(row),
    /** Ended sessions whose digest has not been shown yet. */
    digestsDue: () => db.sessions.where('[state+digestAt]').equals(['ended', 0]).toArray(),
    markDigest: (id: string, at: number) => db.sessions.update(id, { digestAt: at }),
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>

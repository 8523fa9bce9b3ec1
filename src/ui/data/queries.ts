/**
 * What the pages read, straight from Dexie (writes go through the background). Every query
 * walks an index range, never the whole table: the store may hold 100k captures.
 */
import { inSession, unreviewed } from '../../store/captures'
import type { CaptureRow, MargenDb, SessionRow } from '../../store/db'
import { createSessionStore } from '../../store/sessions'

/** The running session; the background keeps at most one. */
export const activeSession = (db: MargenDb): Promise<SessionRow | undefined> =>
  createSessionStore(db).active()

/** The most recently started session, running or not. */
export const lastSession = (db: MargenDb): Promise<SessionRow | undefined> =>
  createSessionStore(db).last()

/** Captures of one session still waiting for the user (held, not yet done), oldest first. */
export const heldInSession = (db: MargenDb, sessionId: string): Promise<CaptureRow[]> =>
  inSession(db, sessionId)
    .filter((c) => c.status === 'held')
    .toArray()

/** Every capture still waiting, across sessions, newest first. */
export const unreviewedHeld = (db: MargenDb): Promise<CaptureRow[]> =>
  unreviewed(db).reverse().toArray()

export interface PopupView {
  active: SessionRow | undefined
  /** The session whose items the popup lists: the running one, else the last one. */
  shown: SessionRow | undefined
  held: CaptureRow[]
}

export async function popupView(db: MargenDb): Promise<PopupView> {
  const active = await activeSession(db)
  const shown = active ?? (await lastSession(db))
  const held = shown ? await heldInSession(db, shown.id) : []
  return { active, shown, held }
}

export interface ReviewView {
  held: CaptureRow[]
  sessions: Map<string, SessionRow>
}

export async function reviewView(db: MargenDb): Promise<ReviewView> {
  const held = await unreviewedHeld(db)
  const ids = [...new Set(held.map((c) => c.sessionId).filter((id) => id !== ''))]
  const rows = await db.sessions.bulkGet(ids)
  const sessions = new Map(
    rows.filter((s): s is SessionRow => s !== undefined).map((s) => [s.id, s]),
  )
  return { held, sessions }
}

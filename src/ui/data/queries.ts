/**
 * What the pages read, straight from Dexie (writes go through the background). Every query
 * walks an index range, never the whole table: the store may hold 100k captures.
 */
import { inSession } from '../../store/captures'
import type { CaptureRow, MargenDb, SessionRow } from '../../store/db'
import { createSessionStore } from '../../store/sessions'

/** The running session; the background keeps at most one. */
export const activeSession = (db: MargenDb): Promise<SessionRow | undefined> =>
  createSessionStore(db).active()

/** The most recently started session, running or not. */
export const lastSession = (db: MargenDb): Promise<SessionRow | undefined> =>
  createSessionStore(db).last()

/**
 * Captures of one session still waiting for the user (held, not yet done), oldest first. The
 * whole range is read in one `getAll` and filtered here: a Dexie `.filter()` would walk a cursor,
 * one round trip per row, several times slower for a popup with 1,000 items.
 */
export const heldInSession = async (db: MargenDb, sessionId: string): Promise<CaptureRow[]> =>
  (await inSession(db, sessionId).toArray()).filter((c) => c.status === 'held')

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

import { afterEach, describe, expect, it } from 'vitest'
import { type MargenDb, openDb } from '../../store/db'
import { addCaptures, capture, session } from '../testing/rows'
import { activeSession, heldInSession, lastSession, popupView } from './queries'

let db: MargenDb
let n = 0
const fresh = () => {
  db = openDb(`margen-queries-${++n}`)
  return db
}
afterEach(async () => {
  await db.delete()
})

describe('queries', () => {
  it('finds the active session and the last one by start time', async () => {
    fresh()
    await db.sessions.bulkAdd([
      session({ id: 'a', startedAt: 100 }),
      session({ id: 'b', startedAt: 300 }),
    ])
    expect(await activeSession(db)).toBeUndefined()
    expect((await lastSession(db))?.id).toBe('b')
    await db.sessions.add(
      session({ id: 'c', startedAt: 500, state: 'active', endedAt: 0, endReason: '' }),
    )
    expect((await activeSession(db))?.id).toBe('c')
  })

  it('lists held, not done or delivered, captures of one session', async () => {
    fresh()
    await addCaptures(db, [
      capture({ at: 10, sessionId: 'a', sender: 'Ana' }),
      capture({ at: 20, sessionId: 'a', sender: 'Ana', status: 'done' }),
      capture({ at: 30, sessionId: 'a', sender: 'Luis', status: 'delivered', verdict: 'deliver' }),
      capture({ at: 40, sessionId: 'b', sender: 'Ana' }),
      capture({ at: 50, sessionId: 'a', sender: 'Marta' }),
    ])
    expect((await heldInSession(db, 'a')).map((c) => c.at)).toEqual([10, 50])
  })

  it('popupView shows the running session, else the last one', async () => {
    fresh()
    await db.sessions.add(session({ id: 'a', startedAt: 100 }))
    await addCaptures(db, [capture({ at: 110, sessionId: 'a', sender: 'Ana' })])
    let view = await popupView(db)
    expect([view.active?.id, view.shown?.id, view.held.length]).toEqual([undefined, 'a', 1])

    await db.sessions.add(session({ id: 'b', startedAt: 200, state: 'active' }))
    view = await popupView(db)
    expect([view.active?.id, view.shown?.id, view.held.length]).toEqual(['b', 'b', 0])
  })
})

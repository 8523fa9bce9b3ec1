import { afterEach, describe, expect, it } from 'vitest'
import { summaryOf } from '../core/insights/summary'
import { tallySlice } from '../core/insights/tally'
import { dayIn, dayStart, LOCAL_ZONE } from '../core/insights/zone'
import { createCaptureStore } from './captures'
import { type MargenDb, openDb, type SessionRow } from './db'
import { createSessionStore } from './sessions'
import { testCapture } from './testing'

let db: MargenDb
let n = 0
const fresh = () => {
  db = openDb(`test-${n++}-${Math.random()}`)
  return db
}
afterEach(async () => {
  await db.delete()
})

const capture = testCapture

const session = (id: string, over: Partial<SessionRow> = {}): SessionRow => ({
  id,
  kind: 'manual',
  state: 'active',
  startedAt: 0,
  endsAt: 100,
  endedAt: 0,
  endReason: '',
  digestAt: 0,
  ...over,
})

describe('capture store', () => {
  it('lists what was held in one session, oldest first, and counts what is still to review', async () => {
    const s = createCaptureStore(fresh())
    await s.add(capture({ sessionId: 'a', at: 5 }))
    await s.add(capture({ sessionId: 'a', at: 2 }))
    await s.add(capture({ sessionId: 'b', at: 3 }))
    await s.add(
      capture({ sessionId: 'a', at: 4, verdict: 'deliver', reason: 'open', status: 'delivered' }),
    )
    expect((await s.heldInSession('a')).map((c) => c.at)).toEqual([2, 5])
    expect(await s.countHeldInSession('a')).toBe(2)
    expect(await s.countUnreviewed(0)).toBe(3)
  })

  it('writes a burst of captures together, each with its own id, all committed', async () => {
    const s = createCaptureStore(fresh())
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => s.add(capture({ sessionId: 'a', at: i }))),
    )
    expect(new Set(ids).size).toBe(50)
    const rows = await db.captures.bulkGet(ids)
    expect(rows.map((r) => r?.at)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    // A write after the burst still goes through.
    const late = await s.add(capture({ sessionId: 'a', at: 99 }))
    expect((await s.get(late))?.at).toBe(99)
  })

  it('marks only held captures done, and reports how many changed', async () => {
    const s = createCaptureStore(fresh())
    const a = await s.add(capture({ sessionId: 'a' }))
    const b = await s.add(
      capture({ sessionId: 'a', status: 'delivered', verdict: 'deliver', reason: 'open' }),
    )
    expect(await s.markDone([a, b, 999])).toBe(1)
    expect((await s.get(a))?.status).toBe('done')
    expect((await s.get(b))?.status).toBe('delivered')
    expect(await s.countHeldInSession('a')).toBe(0)
  })

  it('makes stale the insight summary of a day it writes a capture into (a clock set back)', async () => {
    const s = createCaptureStore(fresh())
    const day = dayIn(LOCAL_ZONE, Date.now())
    const empty = (d: number) =>
      summaryOf(d, tallySlice(LOCAL_ZONE, dayStart(LOCAL_ZONE, d), dayStart(LOCAL_ZONE, d + 1), []))
    await db.insightDays.bulkPut([empty(day - 2), empty(day - 1)])
    await s.add(capture({ at: dayStart(LOCAL_ZONE, day - 1) + 3_600_000 }))
    expect((await db.insightDays.toArray()).map((r) => r.day)).toEqual([day - 2])
  })

  it('snoozes held captures out of the count until their time, and done ends a snooze', async () => {
    const s = createCaptureStore(fresh())
    const a = await s.add(capture({ sessionId: 'a', at: 1 }))
    const b = await s.add(capture({ sessionId: 'a', at: 2 }))
    const c = await s.add(
      capture({ sessionId: 'a', status: 'delivered', verdict: 'deliver', reason: 'open' }),
    )
    expect(await s.snooze([a, b, c], 1_000)).toBe(2)
    expect((await s.get(c))?.snoozeUntil).toBeUndefined()
    expect(await s.countUnreviewed(999)).toBe(0)
    expect(await s.countUnreviewed(1_000)).toBe(2)
    expect(await s.markDone([a])).toBe(1)
    expect((await s.get(a))?.status).toBe('done')
    expect(await s.get(a)).not.toHaveProperty('snoozeUntil')
    expect(await s.countUnreviewed(999)).toBe(0)
    expect(await s.countUnreviewed(1_000)).toBe(1)
  })
})

describe('session store', () => {
  it('keeps at most one active session', async () => {
    const s = createSessionStore(fresh())
    expect((await s.start(session('one'))).started).toBe(true)
    const again = await s.start(session('two'))
    expect(again).toEqual({ session: session('one'), started: false })
    expect((await s.active())?.id).toBe('one')
  })

  it('ends a session once, even when two callers race', async () => {
    const s = createSessionStore(fresh())
    await s.start(session('one'))
    const results = await Promise.all([s.end('one', 50, 'time'), s.end('one', 60, 'user')])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await s.active()).toBeUndefined()
    expect((await s.digestsDue()).map((x) => x.id)).toEqual(['one'])
    await s.markDigest('one', 70)
    expect(await s.digestsDue()).toEqual([])
  })
})

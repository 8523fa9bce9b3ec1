import { afterEach, describe, expect, it } from 'vitest'
import { addCaptures, capture, session, testDb } from '../ui/testing/rows'
import type { MargenDb } from './db'
import {
  deleteAllHistory,
  PRUNE_CHUNK,
  pruneHistory,
  pruneOldestDay,
  SESSION_MEMORY_MS,
} from './retention'

const DAY = 24 * 60 * 60_000
const NOW = Date.UTC(2026, 10, 24, 12)

let db: MargenDb
afterEach(async () => {
  await db.delete()
})

async function seed(ats: number[], sessionId = '') {
  await addCaptures(
    db,
    ats.map((at) => capture({ at, sessionId, sender: `s${at}` })),
  )
}

const ids = async () => (await db.captures.orderBy('at').toArray()).map((c) => c.at)

describe('pruneHistory', () => {
  it('deletes the captures before the cutoff, through chunks, and says how many', async () => {
    db = testDb()
    const cutoff = NOW - 30 * DAY
    await seed([cutoff - 2 * DAY, cutoff - 1, cutoff, cutoff + 1, NOW])
    expect(await pruneHistory(db, cutoff, 2)).toBe(2)
    expect(await ids()).toEqual([cutoff, cutoff + 1, NOW])
    expect(await pruneHistory(db, cutoff, 2)).toBe(0)
  })

  it('deletes exactly a multiple of the chunk and more than one chunk', async () => {
    db = testDb()
    const n = PRUNE_CHUNK * 2 + 5
    await seed(Array.from({ length: n }, (_, i) => 1_000 + i))
    await seed([NOW])
    expect(await pruneHistory(db, NOW)).toBe(n)
    expect(await ids()).toEqual([NOW])
  })

  it('keeps a newer capture that sits among old ones by id (a clock set back)', async () => {
    db = testDb()
    await seed([100, 5_000, 200, 300, 6_000, 400])
    expect(await pruneHistory(db, 1_000, 3)).toBe(4)
    expect(await ids()).toEqual([5_000, 6_000])
  })

  it('deletes ended sessions long past the cutoff that no capture points to', async () => {
    db = testDb()
    const cutoff = NOW - 30 * DAY
    const old = cutoff - SESSION_MEMORY_MS - DAY
    await db.sessions.bulkAdd([
      session({ id: 'old-empty', startedAt: old, endedAt: old + 60_000 }),
      session({ id: 'old-kept-capture', startedAt: old, endedAt: old + 60_000 }),
      // Ended early within the schedule's memory: must stay, or the block would start again.
      session({ id: 'recent-ended', startedAt: cutoff - DAY, endedAt: cutoff - DAY + 60_000 }),
      session({ id: 'running', state: 'active', startedAt: old, endedAt: 0 }),
    ])
    // A capture kept past the cutoff still points to its (old) session.
    await seed([cutoff + 1], 'old-kept-capture')
    await seed([old + 1_000], 'old-empty')
    await seed([old + 1_000], 'running')
    expect(await pruneHistory(db, cutoff)).toBe(2)
    expect((await db.sessions.toArray()).map((s) => s.id).sort()).toEqual([
      'old-kept-capture',
      'recent-ended',
      'running',
    ])
  })

  it('leaves settings, counters and the manual session alone', async () => {
    db = testDb()
    await db.kv.bulkPut([
      { key: 'settings', value: { version: 4 } },
      { key: 'manual', value: null },
    ])
    await db.counters.put({ key: 'refused', value: 3 })
    await seed([1, 2])
    await pruneHistory(db, NOW)
    expect(await db.kv.count()).toBe(2)
    expect(await db.counters.get('refused')).toEqual({ key: 'refused', value: 3 })
  })
})

describe('deleteAllHistory', () => {
  it('deletes every capture and old ended sessions, keeps the running one and settings', async () => {
    db = testDb()
    const old = NOW - SESSION_MEMORY_MS - DAY
    await db.sessions.bulkAdd([
      session({ id: 'old', startedAt: old, endedAt: old + 1 }),
      session({ id: 'today', startedAt: NOW - 3_600_000, endedAt: NOW - 60_000 }),
      session({ id: 'running', state: 'active', startedAt: NOW - 60_000 }),
    ])
    await seed([old + 10, NOW - 100], 'old')
    await seed([NOW - 10], 'running')
    await db.kv.put({ key: 'settings', value: { version: 4 } })
    await db.counters.put({ key: 'refused', value: 3 })

    expect(await deleteAllHistory(db, NOW)).toBe(3)
    expect(await db.captures.count()).toBe(0)
    expect((await db.sessions.toArray()).map((s) => s.id).sort()).toEqual(['running', 'today'])
    expect(await db.kv.get('settings')).toBeDefined()
    expect(await db.counters.count()).toBe(1)
    expect(await deleteAllHistory(db, NOW)).toBe(0)
  })

  it('deletes every capture however their ids are spread', async () => {
    db = testDb()
    await seed([5, 1, 4, 2, 3, 9, 7])
    await db.captures.bulkDelete([2, 5])
    expect(await deleteAllHistory(db, NOW)).toBe(5)
    expect(await db.captures.count()).toBe(0)
  })
})

describe('insight summaries', () => {
  const summary = (day: number, from: number) => ({
    day,
    version: 1 as const,
    count: 0,
    from,
    to: from + DAY,
    parts: [],
    heat: [],
    clients: [],
    sites: [],
  })

  it('go with the days pruneHistory empties, and with a day it cuts', async () => {
    db = testDb()
    const cutoff = NOW - 30 * DAY
    await db.insightDays.bulkPut([
      summary(1, cutoff - 2 * DAY),
      summary(2, cutoff - DAY / 2),
      summary(3, cutoff),
      summary(4, cutoff + DAY),
    ])
    await pruneHistory(db, cutoff)
    expect(await db.insightDays.toCollection().primaryKeys()).toEqual([3, 4])
  })

  it('all go with deleteAllHistory', async () => {
    db = testDb()
    await seed([NOW - DAY])
    await db.insightDays.bulkPut([summary(1, NOW - 3 * DAY), summary(2, NOW - 2 * DAY)])
    await deleteAllHistory(db, NOW)
    expect(await db.insightDays.count()).toBe(0)
  })
})

describe('pruneOldestDay (out of space)', () => {
  it('deletes the oldest day of done history, keeping held captures and the last day', async () => {
    db = testDb()
    const first = NOW - 20 * DAY
    await addCaptures(db, [
      capture({ at: first - DAY, sessionId: '', status: 'held', sender: 'a' }),
      capture({ at: first, sessionId: '', status: 'done', sender: 'b' }),
      capture({ at: first + DAY - 1, sessionId: '', status: 'delivered', sender: 'c' }),
      capture({ at: first + DAY, sessionId: '', status: 'done', sender: 'd' }),
      capture({ at: NOW - 1_000, sessionId: '', status: 'done', sender: 'e' }),
    ])
    await db.insightDays.bulkAdd([
      { day: 1, from: first - DAY, count: 2 } as never,
      { day: 2, from: first + 2 * DAY, count: 1 } as never,
    ])
    expect(await pruneOldestDay(db, NOW - DAY)).toBe(2)
    expect(await ids()).toEqual([first - DAY, first + DAY, NOW - 1_000])
    expect((await db.insightDays.toArray()).map((d) => d.day)).toEqual([2])
    // Next time, the next day; never what came in the last day.
    expect(await pruneOldestDay(db, NOW - DAY)).toBe(1)
    expect(await pruneOldestDay(db, NOW - DAY)).toBe(0)
    expect(await ids()).toEqual([first - DAY, NOW - 1_000])
  })
})

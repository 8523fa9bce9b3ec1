import { liveQuery } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { rulesWith, testClient } from '../core/clients/testing'
import { DEFAULT_SETTINGS } from '../core/settings'
import { addCaptures, capture, testDb } from '../ui/testing/rows'
import { markNotUrgent } from './clients'
import type { MargenDb } from './db'
import { createInsightReader, insightData, periodRows } from './insights'

let db: MargenDb
afterEach(async () => {
  await db.delete()
})

describe('insight queries', () => {
  it('reads the captures of a period through the `at` index, oldest first, projected', async () => {
    db = testDb()
    await addCaptures(db, [
      capture({ at: 300, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
      capture({ at: 99, sessionId: 's', sender: 'Ana' }),
      capture({ at: 100, sessionId: 's', sender: 'Bo', site: 'slack', conversation: 'general' }),
      capture({ at: 200, sessionId: '', sender: 'Cy', verdict: 'deliver', reason: 'open' }),
      capture({ at: 400, sessionId: 's', sender: 'Ana' }),
    ])
    const rows = await periodRows(db, 100, 400)
    expect(rows).toEqual([
      {
        at: 100,
        verdict: 'hold',
        reason: 'block',
        clientId: '',
        site: 'slack',
        senderKey: 'slack:bo',
        conversation: 'general',
        urgent: 0,
        notUrgent: 0,
      },
      expect.objectContaining({ at: 200, verdict: 'deliver', reason: 'open' }),
      expect.objectContaining({ at: 300, clientId: 'acme', urgent: 1, notUrgent: 0 }),
    ])
    // Only what the statistics read: no titles or bodies travel further.
    expect(Object.keys(rows[0]!)).not.toContain('body')
  })

  it('brings the client names and the minutes per interruption from the settings', async () => {
    db = testDb()
    await db.kv.put({
      key: 'settings',
      value: {
        ...DEFAULT_SETTINGS,
        rules: rulesWith({ clients: [testClient('acme', { colour: '#0f766e' })] }),
        history: { retentionDays: 90, interruptionMinutes: 15 },
      },
    })
    await addCaptures(db, [capture({ at: 5, sessionId: 's', sender: 'Ana' })])
    const data = await insightData(db, 0, 10)
    expect(data.rows).toHaveLength(1)
    expect(data.clients).toEqual([{ id: 'acme', name: 'Acme', colour: '#0f766e' }])
    expect(data.minutesPer).toBe(15)
    expect(data.retentionDays).toBe(90)
  })

  it('falls back to the default minutes when nothing is stored', async () => {
    db = testDb()
    const data = await insightData(db, 0, 10)
    expect(data).toEqual({
      rows: [],
      claims: [],
      clients: [],
      minutesPer: 23,
      retentionDays: 30,
    })
  })

  it('reads the claimed urgencies of the period apart, through [urgent+at]', async () => {
    db = testDb()
    await addCaptures(db, [
      capture({ at: 5, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
      capture({ at: 6, sessionId: 's', sender: 'Ana', clientId: 'acme' }),
      capture({ at: 50, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
    ])
    const data = await insightData(db, 0, 10)
    expect(data.rows.map((r) => r.at)).toEqual([5, 6])
    expect(data.claims.map((r) => [r.at, r.urgent])).toEqual([[5, 1]])
  })

  it('reads a period split in parts without losing or repeating a row', async () => {
    db = testDb()
    const ats = Array.from({ length: 101 }, (_, i) => i * 7)
    await addCaptures(
      db,
      ats.map((at) => capture({ at, sessionId: 's', sender: 'Ana' })),
    )
    expect((await periodRows(db, 0, 701)).map((r) => r.at)).toEqual(ats)
    expect((await periodRows(db, 3, 10)).map((r) => r.at)).toEqual([7])
    expect(await periodRows(db, 10, 10)).toEqual([])
  })

  it('stays live: a new capture in the period and a "not urgent" mark both re-run it', async () => {
    db = testDb()
    const [claim] = await addCaptures(db, [
      capture({ at: 5, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
    ])
    const seen: { rows: number; notUrgent: number }[] = []
    const sub = liveQuery(() => insightData(db, 0, 100)).subscribe((d) =>
      seen.push({ rows: d.rows.length, notUrgent: d.claims.filter((c) => c.notUrgent).length }),
    )
    const settle = async (n: number) => {
      for (let i = 0; i < 100 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10))
    }
    try {
      await settle(1)
      await addCaptures(db, [capture({ at: 20, sessionId: 's', sender: 'Bo' })])
      await settle(2)
      await markNotUrgent(db, [claim!], true)
      await settle(3)
      expect(seen.slice(0, 3)).toEqual([
        { rows: 1, notUrgent: 0 },
        { rows: 2, notUrgent: 0 },
        { rows: 2, notUrgent: 1 },
      ])
    } finally {
      sub.unsubscribe()
    }
  })

  it('keeps the complete days between reads, and reads them again once rows were deleted', async () => {
    db = testDb()
    const [oldest] = await addCaptures(db, [
      capture({ at: 10, sessionId: 's', sender: 'Ana' }),
      capture({ at: 20, sessionId: 's', sender: 'Bo' }),
      capture({ at: 60, sessionId: 's', sender: 'Cy' }),
    ])
    const read = createInsightReader(db)
    const ats = async () => (await read(0, 100, 50)).rows.map((r) => r.at)
    expect(await ats()).toEqual([10, 20, 60])
    // Today's part is read again every time.
    await addCaptures(db, [capture({ at: 70, sessionId: 's', sender: 'Di' })])
    expect(await ats()).toEqual([10, 20, 60, 70])
    // The kept part is not read again (the same objects) while its ends are the same rows; today's is.
    const first = await read(0, 100, 50)
    const again = await read(0, 100, 50)
    expect(again.rows[0]).toBe(first.rows[0])
    expect(again.rows[3]).not.toBe(first.rows[3])
    expect(again.rows[3]).toEqual(first.rows[3])
    // Retention deletes the oldest: the kept part is read again.
    await db.captures.delete(oldest!)
    const pruned = await read(0, 100, 50)
    expect(pruned.rows.map((r) => r.at)).toEqual([20, 60, 70])
    expect(pruned.rows[0]).not.toBe(again.rows[1])
    await db.captures.clear()
    expect(await ats()).toEqual([])
    // Another period is read whole.
    await addCaptures(db, [capture({ at: 30, sessionId: 's', sender: 'Ed' })])
    expect((await read(25, 100, 40)).rows.map((r) => r.at)).toEqual([30])
  })
})

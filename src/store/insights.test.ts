import { liveQuery } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { rulesWith, testClient } from '../core/clients/testing'
import { finish, type InsightOptions, rangeOf } from '../core/insights'
import { UTC } from '../core/insights/testing'
import { DAY, HOUR, MINUTE } from '../core/insights/zone'
import { DEFAULT_SETTINGS } from '../core/settings'
import { addCaptures, capture, testDb } from '../ui/testing/rows'
import { markNotUrgent } from './clients'
import type { MargenDb } from './db'
import {
  createInsightReader,
  type InsightData,
  insightData,
  periodRows,
  summarizeDays,
} from './insights'

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
    expect(data.slices.flatMap((s) => s.parts).map((p) => p.captures)).toEqual([1])
    expect(data.clients).toEqual([{ id: 'acme', name: 'Acme', colour: '#0f766e' }])
    expect(data.minutesPer).toBe(15)
    expect(data.retentionDays).toBe(90)
  })

  it('falls back to the default minutes when nothing is stored', async () => {
    db = testDb()
    const data = await insightData(db, 0, 10)
    expect(data).toMatchObject({ claims: [], clients: [], minutesPer: 23, retentionDays: 30 })
    expect(data.slices.flatMap((s) => s.parts)).toEqual([])
  })

  it('reads the claimed urgencies of the period apart, through [urgent+at]', async () => {
    db = testDb()
    await addCaptures(db, [
      capture({ at: 5, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
      capture({ at: 6, sessionId: 's', sender: 'Ana', clientId: 'acme' }),
      capture({ at: 50, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
    ])
    const data = await insightData(db, 0, 10)
    expect(data.slices[0]?.parts[0]?.captures).toBe(2)
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
    const read = createInsightReader(db, UTC)
    const range = rangeOf(UTC, 50, 7)
    const opts = { zone: UTC, range, granularity: 'day' as const, minutesPer: 1 }
    const sub = liveQuery(() => read(range)).subscribe((d) =>
      seen.push({
        rows: finish(d.slices, d.claims, opts).totals.captures,
        notUrgent: d.claims.filter((c) => c.notUrgent).length,
      }),
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
})

describe('insights from day summaries', () => {
  const now = 20_000 * DAY + 15 * HOUR
  const range = rangeOf(UTC, now, 7)
  const o: InsightOptions = { zone: UTC, range, granularity: 'day', minutesPer: 23 }
  const stats = (d: InsightData) => finish(d.slices, d.claims, o)
  const at = (daysAgo: number, h: number, m = 0) =>
    (range.lastDay - daysAgo) * DAY + h * HOUR + m * MINUTE
  const seed = () =>
    addCaptures(db, [
      capture({ at: range.from - MINUTE, sessionId: 's', sender: 'Ana' }),
      capture({ at: at(6, 9), sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
      // An episode over midnight: counted once, on the day it started.
      capture({ at: at(3, 23, 58), sessionId: 's', sender: 'Bo' }),
      capture({ at: at(2, 0, 2), sessionId: 's', sender: 'Bo' }),
      capture({ at: at(1, 12), sessionId: '', sender: 'Cy', verdict: 'deliver', reason: 'open' }),
      capture({ at: at(0, 8), sessionId: 's', sender: 'Di', site: 'slack' }),
    ])

  it('counts missing days raw, asks for them once, then reads the summaries: same numbers', async () => {
    db = testDb()
    await seed()
    const raw = stats(await insightData(db, range.from, range.to))
    const asked: number[][] = []
    const read = createInsightReader(db, UTC, (days) => asked.push(days))
    const first = await read(range)
    expect(first.rawDays).toEqual([0, 1, 2, 3, 4, 5].map((i) => range.firstDay + i))
    expect(stats(first)).toEqual(raw)
    await read(range)
    expect(asked).toEqual([first.rawDays])
    expect(await summarizeDays(db, UTC, asked[0]!, range.lastDay)).toBe(6)
    const second = await read(range)
    expect(second.rawDays).toEqual([])
    expect(stats(second)).toEqual(raw)
    expect(stats(second).totals).toMatchObject({ captures: 5, episodes: 3 })
  })

  it('never summarises today or later', async () => {
    db = testDb()
    await seed()
    expect(await summarizeDays(db, UTC, [range.lastDay, range.lastDay + 1], range.lastDay)).toBe(0)
    expect(await db.insightDays.count()).toBe(0)
  })

  it('counts a day raw again when its summary is malformed or old', async () => {
    db = testDb()
    await seed()
    const days = [0, 1, 2, 3, 4, 5].map((i) => range.firstDay + i)
    await summarizeDays(db, UTC, days, range.lastDay)
    await db.insightDays.update(days[0]!, { version: 0 as unknown as 1 })
    await db.insightDays.update(days[1]!, { heat: [[9, 99, -1]] })
    const asked: number[][] = []
    const data = await createInsightReader(db, UTC, (d) => asked.push(d))(range)
    expect(data.rawDays).toEqual([days[0], days[1]])
    expect(asked).toEqual([data.rawDays])
    expect(stats(data)).toEqual(stats(await insightData(db, range.from, range.to)))
  })

  it('stays live: a capture today and the summaries being written both re-run it', async () => {
    db = testDb()
    await seed()
    const read = createInsightReader(db, UTC)
    const seen: { captures: number; raw: number }[] = []
    const sub = liveQuery(() => read(range)).subscribe((d) =>
      seen.push({ captures: stats(d).totals.captures, raw: d.rawDays.length }),
    )
    const settle = async (n: number) => {
      for (let i = 0; i < 100 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10))
    }
    try {
      await settle(1)
      await addCaptures(db, [capture({ at: at(0, 9), sessionId: 's', sender: 'Fe' })])
      await settle(2)
      await summarizeDays(db, UTC, [range.firstDay, range.firstDay + 1], range.lastDay)
      await settle(3)
      expect(seen.slice(0, 3)).toEqual([
        { captures: 5, raw: 6 },
        { captures: 6, raw: 6 },
        { captures: 6, raw: 4 },
      ])
    } finally {
      sub.unsubscribe()
    }
  })
})

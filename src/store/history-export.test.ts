import { afterEach, describe, expect, it } from 'vitest'
import { historyCsv } from '../core/export/history-csv'
import { historyJson } from '../core/export/history-json'
import { addCaptures, capture, testDb } from '../ui/testing/rows'
import type { MargenDb } from './db'
import { captureChunks, clientNames, exportHistory, historyStats } from './history-export'

let db: MargenDb
afterEach(async () => {
  await db.delete()
})

async function seed(ats: number[]) {
  await addCaptures(
    db,
    ats.map((at, i) => capture({ at, sessionId: '', sender: `s${i}` })),
  )
}

describe('captureChunks', () => {
  it('reads every capture once, oldest first, ties on the millisecond included', async () => {
    db = testDb()
    // Added out of order, with several on the same millisecond across chunk edges.
    const ats = [50, 10, 10, 10, 30, 10, 20, 20, 40, 30, 10, 60]
    await seed(ats)
    for (const chunk of [1, 2, 3, 5, 12, 100]) {
      const seen: number[] = []
      const sizes: number[] = []
      for await (const rows of captureChunks(db, chunk)) {
        sizes.push(rows.length)
        seen.push(...rows.map((r) => r.id))
      }
      const all = await db.captures.orderBy('at').toArray()
      expect(seen).toEqual(all.map((r) => r.id))
      expect(new Set(seen).size).toBe(ats.length)
      expect(Math.max(...sizes)).toBeLessThanOrEqual(chunk)
    }
  })

  it('yields nothing for an empty history', async () => {
    db = testDb()
    const chunks = []
    for await (const rows of captureChunks(db)) chunks.push(rows)
    expect(chunks).toEqual([])
  })
})

describe('exportHistory', () => {
  it('builds the CSV and JSON files from the stored captures', async () => {
    db = testDb()
    await seed([3, 1, 2])
    const names = clientNames([{ id: 'c1', name: 'Acme' }])
    const progress: number[] = []
    const csv = await exportHistory(db, historyCsv(names), {
      chunk: 2,
      onChunk: (n) => progress.push(n),
    })
    expect(csv.count).toBe(3)
    expect(progress).toEqual([2, 3])
    const lines = csv.parts.join('').split('\r\n')
    // By time: the capture at 1 (id 2), at 2 (id 3), at 3 (id 1).
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['2', '3', '1'])

    const json = await exportHistory(db, historyJson(names, { exportedAt: 0, timeZone: 'UTC' }))
    expect(JSON.parse(json.parts.join('')).captures.map((c: { at: number }) => c.at)).toEqual([
      1, 2, 3,
    ])
  })
})

describe('historyStats', () => {
  it('counts the captures and finds the oldest', async () => {
    db = testDb()
    expect(await historyStats(db)).toEqual({ count: 0, oldest: null })
    await seed([30, 10, 20])
    expect(await historyStats(db)).toEqual({ count: 3, oldest: 10 })
  })
})

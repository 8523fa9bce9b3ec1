import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/settings'
import { createCaptureStore, unreviewed } from './captures'
import { type MargenDb, openDb } from './db'
import { readHeldEarly, startEarlyRead, takeEarlyRead } from './early-read'
import { createSettingsStore } from './settings'
import { testCapture } from './testing'

let db: MargenDb | undefined
const name = () => `early-${Math.random()}`
afterEach(async () => {
  await db?.delete()
  db = undefined
})

const capture = (at: number, status: 'held' | 'done' | 'delivered') =>
  testCapture({
    at,
    ref: `r${at}`,
    title: `t${at}`,
    verdict: status === 'delivered' ? 'deliver' : 'hold',
    status,
  })

describe('readHeldEarly', () => {
  it('reads exactly what Dexie’s unreviewed() reads, oldest first, and the stored settings', async () => {
    const n = name()
    db = openDb(n)
    const store = createCaptureStore(db)
    for (const [at, status] of [
      [30, 'held'],
      [10, 'held'],
      [20, 'done'],
      [5, 'delivered'],
      [-4, 'held'],
    ] as const)
      await store.add(capture(at, status))
    const settings = { ...DEFAULT_SETTINGS, unwatched: ['slack' as const] }
    await createSettingsStore(db, () => 1).write(settings)

    const early = await readHeldEarly(n)
    expect(early?.rows.map((r) => r.at)).toEqual([-4, 10, 30])
    expect(early?.rows).toEqual(await unreviewed(db).toArray())
    expect(early?.settings).toEqual(settings)
  })

  it('gives undefined, and creates nothing, when the database does not exist yet', async () => {
    const n = name()
    expect(await readHeldEarly(n)).toBeUndefined()
    const names = (await indexedDB.databases()).map((d) => d.name)
    expect(names).not.toContain(n)
  })

  it('does not hold up a later schema upgrade of the same database', async () => {
    const n = name()
    db = openDb(n)
    await db.open()
    db.close()
    const read = readHeldEarly(n)
    // A newer version opened at once: the early read's connection must close, not block it.
    const upgraded = new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(n, db!.verno * 10 + 10)
      req.onsuccess = () => {
        const v = req.result.version
        req.result.close()
        resolve(v)
      }
      req.onerror = () => reject(req.error)
    })
    expect(await upgraded).toBe(db.verno * 10 + 10)
    await read
  })
})

describe('startEarlyRead and takeEarlyRead', () => {
  it('hand the start-up script’s read to the page’s entry, once', async () => {
    const n = name()
    db = openDb(n)
    await createCaptureStore(db).add(capture(7, 'held'))
    const page = {}
    startEarlyRead(page, n)
    const read = takeEarlyRead(page)
    expect((await read)?.rows.map((r) => r.at)).toEqual([7])
    // Taken: a second entry (or a reload of the module) reads for itself.
    expect(takeEarlyRead(page)).toBeUndefined()
    expect(Object.keys(page)).toEqual([])
  })

  it('give nothing when no script started a read, or when the page left something else there', () => {
    expect(takeEarlyRead({})).toBeUndefined()
    expect(takeEarlyRead({ __margenHeldRead: { rows: [] } })).toBeUndefined()
  })
})

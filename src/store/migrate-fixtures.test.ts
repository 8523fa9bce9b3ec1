/**
 * A schema upgrade from each released database version keeps all data: the old database is built
 * by a Dexie declared with only that release's versions (tests/fixtures/db), filled with its
 * stored rows, then opened by the current openDb. Every row of every table must come back, with
 * the fields the upgrades add filled as db.ts says, and the new indexes must see the old rows.
 */
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DB_FIXTURES,
  declareOld,
  expectedAfterUpgrade,
  sortLikeExpected,
} from '../../tests/fixtures/db/fixtures'
import { loadSettings } from '../core/settings'
import { type MargenDb, openDb } from './db'
import { readSettings } from './settings'

let name = ''
let db: MargenDb | undefined
afterEach(async () => {
  db?.close()
  await Dexie.delete(name)
})

const TABLES = ['captures', 'sessions', 'counters', 'kv', 'insightDays'] as const

describe.each(DB_FIXTURES)('upgrade from database version $version', (fixture) => {
  it(`keeps every row of release ${fixture.released} and fills what later versions add`, async () => {
    name = `fixture-v${fixture.version}-${Math.random()}`
    const old = new Dexie(name)
    declareOld(old, fixture)
    await old.open()
    expect(old.verno).toBe(fixture.version)
    for (const [table, rows] of Object.entries(fixture.rows)) await old.table(table).bulkAdd(rows)
    old.close()

    db = openDb(name)
    await db.open()
    expect(db.verno).toBe(4)
    const expected = expectedAfterUpgrade(fixture)
    for (const table of TABLES) {
      const rows = sortLikeExpected(table, await db.table(table).toArray())
      expect(rows, table).toEqual(expected[table])
    }
    // Nothing is left out of the indexes the later versions read through.
    const captures = expected.captures!
    expect(
      await db.captures.where('[status+at]').between(['held', 0], ['held', Infinity]).count(),
    ).toBe(captures.filter((c) => c.status === 'held').length)
    for (const site of new Set(captures.map((c) => c.site as string)))
      expect(
        await db.captures.where('[site+at]').between([site, 0], [site, Infinity]).count(),
      ).toBe(captures.filter((c) => c.site === site).length)
    for (const clientId of new Set(captures.map((c) => c.clientId as string)))
      expect(
        await db.captures
          .where('[clientId+at]')
          .between([clientId, 0], [clientId, Infinity])
          .count(),
      ).toBe(captures.filter((c) => c.clientId === clientId).length)
    expect(await db.captures.where('[urgent+at]').between([1, 0], [1, Infinity]).count()).toBe(
      captures.filter((c) => c.urgent === 1).length,
    )
    expect(await db.captures.where('snoozeUntil').above(0).count()).toBe(0)
    for (const s of expected.sessions!)
      expect(
        await db.sessions
          .where('[state+digestAt]')
          .equals([s.state as string, s.digestAt as number])
          .count(),
      ).toBeGreaterThan(0)
    // New captures continue the old ids: none is overwritten.
    const maxId = Math.max(...captures.map((c) => c.id as number))
    const { id: _id, ...fresh } = captures[0]!
    expect(await db.captures.add(fresh as never)).toBe(maxId + 1)
    // The settings the old version stored read as the current version, with nothing to repair.
    const stored = fixture.rows.kv?.find((r) => r.key === 'settings')?.value
    const read = await readSettings(db)
    expect(read).toEqual(loadSettings(stored))
    expect(read.repairs).toEqual([])
  })
})

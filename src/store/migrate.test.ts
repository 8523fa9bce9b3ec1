/**
 * Upgrading a database made by an earlier schema keeps every row and fills the new fields, so
 * the new indexes see old rows. The old schemas are declared as they were released, from the
 * stored fixtures (tests/fixtures/db).
 */
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FIXTURES, declareOld } from '../../tests/fixtures/db/fixtures'
import { inSession } from './captures'
import { clientSince, cryWolfByClient } from './clients'
import { type MargenDb, openDb } from './db'

/** The stored fixture of the release whose database was at `version`. */
const released = (version: number) => {
  const fixture = DB_FIXTURES.find((f) => f.version === version)
  if (!fixture) throw new Error(`no stored fixture of version ${version}`)
  return fixture
}

const name = `migrate-${Math.random()}`
let db: MargenDb | undefined
afterEach(async () => {
  db?.close()
  await Dexie.delete(name)
})

/** A row as version 2 stored it. */
const v2Row = (at: number, over: Record<string, unknown> = {}) => ({
  at,
  sessionId: 's1',
  site: 'gmail',
  origin: 'https://mail.google.com',
  pageUrl: 'https://mail.google.com/mail/u/0/',
  tabId: 1,
  frameId: 0,
  ref: `r${at}`,
  api: 'ctor',
  title: 'Ana Ruiz',
  body: 'Hola',
  tag: '',
  icon: '',
  data: '',
  sender: 'Ana Ruiz',
  senderKey: 'gmail:ana ruiz',
  verdict: 'hold',
  reason: 'block',
  status: 'held',
  ...over,
})

describe('schema upgrade', () => {
  it('from version 2 keeps every capture, session and setting, and indexes them by client', async () => {
    const old = new Dexie(name)
    declareOld(old, released(2))
    await old.open()
    await old
      .table('captures')
      .bulkAdd([
        v2Row(1),
        v2Row(2),
        v2Row(3, { verdict: 'deliver', reason: 'open', status: 'delivered', sessionId: '' }),
      ])
    await old.table('kv').put({ key: 'settings', value: { version: 2, marker: 'kept' } })
    await old.table('counters').put({ key: 'refused:foreign', value: 4 })
    old.close()

    db = openDb(name)
    const rows = await db.captures.orderBy('at').toArray()
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatchObject({
      ...v2Row(1),
      clientId: '',
      idKind: 'name',
      idValue: 'Ana Ruiz',
      conversation: '',
      why: { rule: 'no-breakthrough' },
      keyword: '',
      urgent: 0,
      notUrgent: 0,
    })
    expect(rows[2]?.why).toEqual({ rule: 'open' })
    expect(await inSession(db, 's1').count()).toBe(2)
    expect(await clientSince(db, '', 0).count()).toBe(3)
    expect((await cryWolfByClient(db)).size).toBe(0)
    expect((await db.kv.get('settings'))?.value).toEqual({ version: 2, marker: 'kept' })
    expect((await db.counters.get('refused:foreign'))?.value).toBe(4)
  })

  it('from version 3 keeps every capture, none snoozed', async () => {
    const old = new Dexie(name)
    declareOld(old, released(3))
    await old.open()
    const v3 = {
      clientId: 'acme',
      idKind: 'email',
      idValue: 'ana@acme.es',
      conversation: '',
      why: { rule: 'keyword', keyword: 'urgente' },
      keyword: 'urgente',
      urgent: 1,
      notUrgent: 1,
    }
    await old
      .table('captures')
      .bulkAdd([v2Row(10, v3), v2Row(11, { ...v3, urgent: 0, notUrgent: 0 })])
    old.close()

    db = openDb(name)
    const rows = await db.captures.orderBy('at').toArray()
    expect(rows).toEqual([
      { id: 1, ...v2Row(10, v3) },
      { id: 2, ...v2Row(11, { ...v3, urgent: 0, notUrgent: 0 }) },
    ])
    expect(await db.captures.where('snoozeUntil').above(0).count()).toBe(0)
    // The unused senderKey index is gone; the new snoozeUntil one is there.
    const indexes = db.captures.schema.indexes.map((i) => i.name)
    expect(indexes).not.toContain('senderKey')
    expect(indexes).toContain('snoozeUntil')
    expect((await cryWolfByClient(db)).get('acme')).toEqual({ claims: 1, notUrgent: 1 })
  })
})

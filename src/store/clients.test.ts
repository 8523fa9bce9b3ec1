import { afterEach, describe, expect, it } from 'vitest'
import { addCaptures, capture, testDb } from '../ui/testing/rows'
import {
  clientSince,
  coverage,
  cryWolfByClient,
  frequentUnknown,
  markNotUrgent,
  pastOf,
} from './clients'
import type { MargenDb } from './db'

let db: MargenDb
afterEach(async () => {
  await db.delete()
})

describe('client queries', () => {
  it("reads one client's captures since a time, oldest first, through the index", async () => {
    db = testDb()
    await addCaptures(db, [
      capture({ at: 30, sessionId: 's', sender: 'Ana', clientId: 'acme' }),
      capture({ at: 10, sessionId: 's', sender: 'Ana', clientId: 'acme' }),
      capture({ at: 20, sessionId: 's', sender: 'Bo', clientId: 'beta' }),
      capture({ at: 5, sessionId: 's', sender: 'Ana', clientId: 'acme' }),
    ])
    expect((await clientSince(db, 'acme', 10).toArray()).map((r) => r.at)).toEqual([10, 30])
    expect(await pastOf(db, 'acme', 0)).toEqual([
      { at: 5, verdict: 'hold', reason: 'block' },
      { at: 10, verdict: 'hold', reason: 'block' },
      { at: 30, verdict: 'hold', reason: 'block' },
    ])
  })

  it('keeps the cry-wolf ratio per client from claimed urgencies and "not urgent" marks', async () => {
    db = testDb()
    const ids = await addCaptures(db, [
      capture({ at: 1, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
      capture({ at: 2, sessionId: 's', sender: 'Ana', clientId: 'acme', urgent: 1 }),
      capture({ at: 3, sessionId: 's', sender: 'Ana', clientId: 'acme' }),
      capture({ at: 4, sessionId: 's', sender: 'Bo', clientId: 'beta', urgent: 1 }),
    ])
    expect(await cryWolfByClient(db)).toEqual(
      new Map([
        ['acme', { claims: 2, notUrgent: 0 }],
        ['beta', { claims: 1, notUrgent: 0 }],
      ]),
    )
    // Only claimed urgencies can be marked; marking twice changes nothing more.
    expect(await markNotUrgent(db, [ids[0] as number, ids[2] as number], true)).toBe(1)
    expect(await markNotUrgent(db, [ids[0] as number], true)).toBe(0)
    expect((await cryWolfByClient(db)).get('acme')).toEqual({ claims: 2, notUrgent: 1 })
    expect(await markNotUrgent(db, [ids[0] as number], false)).toBe(1)
    expect((await cryWolfByClient(db)).get('acme')).toEqual({ claims: 2, notUrgent: 0 })
    expect((await cryWolfByClient(db, 2)).get('acme')).toEqual({ claims: 1, notUrgent: 0 })
  })

  it('gives per-site coverage: how many captures and when the last one came', async () => {
    db = testDb()
    await addCaptures(db, [
      capture({ at: 7, sessionId: '', sender: 'Ana', site: 'slack' }),
      capture({ at: 9, sessionId: '', sender: 'Bo', site: 'slack' }),
      capture({ at: 8, sessionId: '', sender: 'Cy', site: 'gmail' }),
    ])
    const bySite = new Map((await coverage(db)).map((c) => [c.site, c]))
    expect(bySite.get('slack')).toEqual({ site: 'slack', count: 2, last: 9 })
    expect(bySite.get('gmail')).toEqual({ site: 'gmail', count: 1, last: 8 })
    expect(bySite.get('whatsapp')).toEqual({ site: 'whatsapp', count: 0, last: 0 })
  })

  it('suggests frequent senders of no client, most frequent first', async () => {
    db = testDb()
    const unknown = (at: number, sender: string, over = {}) =>
      capture({ at, sessionId: '', sender, ...over })
    await addCaptures(db, [
      unknown(1, 'Eva', { idKind: 'email', idValue: 'eva@x.com' }),
      unknown(2, 'Eva Gómez', { idKind: 'email', idValue: 'eva@x.com', site: 'outlook' }),
      unknown(3, 'Eva', { idKind: 'email', idValue: 'eva@x.com' }),
      unknown(4, 'Leo', { site: 'whatsapp', idKind: 'handle', idValue: '34600' }),
      unknown(5, 'Leo', { site: 'whatsapp', idKind: 'handle', idValue: '34600' }),
      unknown(6, 'Once'),
      capture({ at: 7, sessionId: '', sender: 'Ana', clientId: 'acme' }),
      capture({ at: 8, sessionId: '', sender: 'Ana', clientId: 'acme' }),
    ])
    const list = await frequentUnknown(db, 0)
    expect(list.map((s) => [s.idKind, s.idValue, s.count])).toEqual([
      ['email', 'eva@x.com', 3],
      ['handle', '34600', 2],
    ])
    expect(list[0]).toMatchObject({ sender: 'Eva', last: 3 })
    expect(await frequentUnknown(db, 4)).toHaveLength(1)
  })
})

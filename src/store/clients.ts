/**
 * What the store knows about clients and sites: a client's recent captures (for the repeat rule
 * and the daily quota), claimed urgencies (the cry-wolf ratio), per-site coverage, and frequent
 * senders that belong to no client (suggestions). Every query goes through an index.
 */
import { Dexie } from 'dexie'
import type { PastCapture } from '../core/clients/history'
import { SITES } from '../core/sites'
import type { CaptureRow, MargenDb } from './db'

/** A client's captures since `from`, oldest first, through the [clientId+at] index. */
export const clientSince = (db: MargenDb, clientId: string, from: number) =>
  db.captures.where('[clientId+at]').between([clientId, from], [clientId, Dexie.maxKey])

export async function pastOf(db: MargenDb, clientId: string, from: number): Promise<PastCapture[]> {
  const rows = await clientSince(db, clientId, from).toArray()
  return rows.map(({ at, verdict, reason }) => ({ at, verdict, reason }))
}

/** Claimed urgencies (breakthroughs and urgent keywords) since `from`, oldest first. */
export const claimsSince = (db: MargenDb, from = Dexie.minKey as unknown as number) =>
  db.captures.where('[urgent+at]').between([1, from], [1, Dexie.maxKey])

export interface CryWolf {
  /** Claimed urgencies: breakthroughs and messages with an urgent keyword. */
  claims: number
  /** Of those, the ones the user marked "not urgent". */
  notUrgent: number
}

/** Per client id ('' for senders of no client). */
export async function cryWolfByClient(db: MargenDb, from?: number): Promise<Map<string, CryWolf>> {
  const out = new Map<string, CryWolf>()
  await claimsSince(db, from).each((row) => {
    const c = out.get(row.clientId) ?? { claims: 0, notUrgent: 0 }
    c.claims++
    c.notUrgent += row.notUrgent
    out.set(row.clientId, c)
  })
  return out
}

/** Marks claimed urgencies as not urgent (or takes that back); returns how many changed. */
export const markNotUrgent = (db: MargenDb, ids: readonly number[], notUrgent: boolean) =>
  db.transaction('rw', db.captures, async () => {
    const rows = await db.captures.bulkGet([...ids])
    const value = notUrgent ? 1 : 0
    const change = rows.filter(
      (r): r is CaptureRow => r !== undefined && r.urgent === 1 && r.notUrgent !== value,
    )
    await Promise.all(change.map((r) => db.captures.update(r.id, { notUrgent: value })))
    return change.length
  })

export interface SiteCoverage {
  site: string
  /** Captures stored from the site (within the kept history). */
  count: number
  /** When the last one arrived, 0 if never. */
  last: number
}

/** Per built-in site: how many captures Margen has seen and when the last one came. */
export function coverage(db: MargenDb): Promise<SiteCoverage[]> {
  return Promise.all(
    SITES.map(async ({ id }) => {
      // A fresh collection each: Dexie's last() reverses the collection it is called on.
      const range = () =>
        db.captures.where('[site+at]').between([id, Dexie.minKey], [id, Dexie.maxKey])
      const [count, last] = await Promise.all([range().count(), range().last()])
      return { site: id, count, last: last?.at ?? 0 }
    }),
  )
}

export interface Suggestion {
  sender: string
  site: string
  idKind: CaptureRow['idKind']
  idValue: string
  count: number
  last: number
}

/** Senders of no client who wrote at least `min` times since `from`, most frequent first. */
export async function frequentUnknown(
  db: MargenDb,
  from: number,
  min = 2,
  limit = 10,
): Promise<Suggestion[]> {
  const bySender = new Map<string, Suggestion>()
  await clientSince(db, '', from).each((row) => {
    // A flood entry stands for a site, not a sender: nothing to add to a client.
    if (row.flood) return
    const key = `${row.idKind}:${row.idValue.toLowerCase()}:${row.idKind === 'email' ? '' : row.site}`
    const s = bySender.get(key)
    if (s) {
      s.count++
      s.last = row.at
      s.sender = row.sender
    } else
      bySender.set(key, {
        sender: row.sender,
        site: row.site,
        idKind: row.idKind,
        idValue: row.idValue,
        count: 1,
        last: row.at,
      })
  })
  return [...bySender.values()]
    .filter((s) => s.count >= min)
    .sort((a, b) => b.count - a.count || b.last - a.last)
    .slice(0, limit)
}

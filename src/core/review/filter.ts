/**
 * What the review page shows of the held captures: the ones waiting now (a snoozed capture waits
 * for later), narrowed by the user's filters: one block (`?session=` from the digest), a client
 * (or "unknown senders"), a site, and a range of days. Days are local calendar days, both ends
 * included, given as the `YYYY-MM-DD` of an `<input type="date">`; an unreadable date is no bound.
 */
import { groupKeyOf, type ReviewClient, type ReviewItem } from './group'

/** The client filter's value for captures from no (known) client. */
export const UNKNOWN_CLIENT = '~unknown'

export interface ReviewFilter {
  /** The block shown alone (`?session=`), or null for all. */
  session: string | null
  /** '' for all, a client id, or UNKNOWN_CLIENT. */
  client: string
  /** '' for all, or a site id. */
  site: string
  /** '' or YYYY-MM-DD, local days, both included. */
  from: string
  to: string
}

export const NO_FILTER: ReviewFilter = { session: null, client: '', site: '', from: '', to: '' }

export interface FilterItem extends ReviewItem {
  sessionId: string
  /** ms epoch until which it is hidden; absent or 0 when not snoozed. */
  snoozeUntil?: number
}

/** Whether any of the user's own filters (not the block) narrows the list. */
export const isFiltered = (f: ReviewFilter) =>
  f.client !== '' || f.site !== '' || f.from !== '' || f.to !== ''

/** Local midnight of a `YYYY-MM-DD` day, or null if it is not one. */
export function dayStart(ymd: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(y, mo - 1, d)
  // Rejects 2025-02-30 and the like, which Date would roll over into March.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null
  return date.getTime()
}

/** The local day after `ymd`'s, at midnight (DST-safe: by calendar, not by adding 24 h). */
function dayEnd(ymd: string): number | null {
  const start = dayStart(ymd)
  if (start === null) return null
  const d = new Date(start)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime()
}

export interface Split<T> {
  /** Held and not snoozed: what the review lists. */
  waiting: T[]
  /** Snoozed until later than now. */
  snoozed: T[]
}

/** Splits held captures (in the block shown, if one is) into waiting and snoozed. */
export function splitSnoozed<T extends FilterItem>(
  rows: readonly T[],
  now: number,
  session: string | null,
): Split<T> {
  const waiting: T[] = []
  const snoozed: T[] = []
  for (const r of rows) {
    if (session !== null && r.sessionId !== session) continue
    if ((r.snoozeUntil ?? 0) > now) snoozed.push(r)
    else waiting.push(r)
  }
  return { waiting, snoozed }
}

/** When the next snoozed capture comes back, or null if none is snoozed. */
export function nextWake(rows: readonly FilterItem[], now: number): number | null {
  let next: number | null = null
  for (const r of rows) {
    const until = r.snoozeUntil ?? 0
    if (until > now && (next === null || until < next)) next = until
  }
  return next
}

/** The rows the client, site and day filters keep (the block is applied by splitSnoozed). */
export function applyFilter<T extends FilterItem>(
  rows: readonly T[],
  f: ReviewFilter,
  clients: ReadonlyMap<string, ReviewClient>,
): T[] {
  if (!isFiltered(f)) return rows as T[]
  const from = f.from ? dayStart(f.from) : null
  const to = f.to ? dayEnd(f.to) : null
  const group = f.client === UNKNOWN_CLIENT ? null : f.client === '' ? undefined : `c:${f.client}`
  return rows.filter((r) => {
    if (f.site !== '' && r.site !== f.site) return false
    if (from !== null && r.at < from) return false
    if (to !== null && r.at >= to) return false
    if (group === undefined) return true
    const key = groupKeyOf(r, clients)
    return group === null ? key.startsWith('s:') : key === group
  })
}

export interface Facet {
  value: string
  count: number
}

/**
 * The choices of the client and site filters, with how many waiting captures each has: only
 * clients and sites that have some, clients first by count, then "unknown senders" last.
 */
export function facetsOf(
  rows: readonly FilterItem[],
  clients: ReadonlyMap<string, ReviewClient>,
): { clients: Facet[]; sites: Facet[] } {
  const byClient = new Map<string, number>()
  const bySite = new Map<string, number>()
  for (const r of rows) {
    const key = groupKeyOf(r, clients)
    const client = key.startsWith('c:') ? r.clientId : UNKNOWN_CLIENT
    byClient.set(client, (byClient.get(client) ?? 0) + 1)
    bySite.set(r.site, (bySite.get(r.site) ?? 0) + 1)
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
  const clientFacets = sorted(byClient)
  const unknown = clientFacets.findIndex((f) => f.value === UNKNOWN_CLIENT)
  if (unknown >= 0) clientFacets.push(...clientFacets.splice(unknown, 1))
  return { clients: clientFacets, sites: sorted(bySite) }
}

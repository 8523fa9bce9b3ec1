/**
 * What the insights page reads. Complete past days come from their summaries (core/insights/
 * summary.ts, table `insightDays`, written by the background on the page's request); days
 * without a usable summary and today come from their captures, read through the `at` index and
 * projected to the fields the statistics use (core/insights/row). Claimed urgencies are read
 * apart through [urgent+at] for the cry-wolf ratio, with the settings the page needs.
 *
 * Speed (bench/insights.ts, 30,000 captures in a 30-day view of 100,000): reading the period's
 * rows cost 550–770 ms in Chromium however it was read (Dexie toArray, raw getAll, getAll in
 * parts), the decoding of 30k structured-clone rows being most of it. Summaries make it 29 small
 * rows plus today's captures. Raw reads use IndexedDB's getAll in parts (the renderer decodes
 * one part while the backend reads the next), outside Dexie's liveQuery bookkeeping, which
 * records and clones every row it returns; the live query is kept live by cheap Dexie reads.
 */
import type { Client } from '../core/clients/schema'
import { EPISODE_GAP } from '../core/insights/episodes'
import type { Range } from '../core/insights/range'
import type { InsightRow } from '../core/insights/row'
import { type DaySummary, readSummary, summaryOf } from '../core/insights/summary'
import { type Tally, tallySlice } from '../core/insights/tally'
import { dayStart, LOCAL_ZONE, type Zone } from '../core/insights/zone'
import type { Settings } from '../core/settings'
import type { CaptureRow, MargenDb } from './db'
import { readSettings } from './settings'

export const toInsightRow = (c: CaptureRow): InsightRow => ({
  at: c.at,
  verdict: c.verdict,
  reason: c.reason,
  clientId: c.clientId,
  site: c.site,
  senderKey: c.senderKey,
  conversation: c.conversation,
  urgent: c.urgent,
  notUrgent: c.notUrgent,
})

/** Parts the period is read in: past 4 the gain measured flat. */
const PARTS = 4

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

/**
 * Captures with from <= at < to, oldest first, read with IndexedDB's getAll on the `at` index
 * (not tracked by liveQuery: see above). The database must be open.
 */
export async function periodRows(db: MargenDb, from: number, to: number): Promise<InsightRow[]> {
  if (!db.isOpen()) await db.open()
  const idb = db.backendDB()
  const step = Math.ceil((to - from) / PARTS)
  const bounds = Array.from({ length: PARTS }, (_, i) => [
    Math.min(to, from + i * step),
    Math.min(to, from + (i + 1) * step),
  ])
  const parts = await Promise.all(
    bounds
      .filter(([lo, hi]) => lo! < hi!)
      .map(([lo, hi]) =>
        request<CaptureRow[]>(
          idb
            .transaction('captures', 'readonly')
            .objectStore('captures')
            .index('at')
            .getAll(IDBKeyRange.bound(lo, hi, false, true)),
        ),
      ),
  )
  return parts.flat().map(toInsightRow)
}

/** Claimed urgencies (urgent = 1) with from <= at < to, oldest first, through [urgent+at]. */
export const claimsIn = (db: MargenDb, from: number, to: number) =>
  db.captures.where('[urgent+at]').between([1, from], [1, to], true, false).toArray()

export interface InsightData {
  /** Tallies that together cover the period once: summaries of past days, raw rows, today. */
  slices: Tally[]
  /** The period's claimed urgencies, read through Dexie so that "not urgent" marks show live. */
  claims: InsightRow[]
  clients: Pick<Client, 'id' | 'name' | 'colour'>[]
  /** settings.history.interruptionMinutes */
  minutesPer: number
  /** settings.history.retentionDays: older captures are gone, whatever the period asks. */
  retentionDays: number
  /** The period's past days that had no usable summary: counted from their captures. */
  rawDays: number[]
}

const settingsPart = (settings: Settings) => ({
  clients: settings.rules.clients.map(({ id, name, colour }) => ({ id, name, colour })),
  minutesPer: settings.history.interruptionMinutes,
  retentionDays: settings.history.retentionDays,
})

/** Every capture of the period counted raw, in one tally: no summaries read or asked for. */
export async function insightData(db: MargenDb, from: number, to: number): Promise<InsightData> {
  const [claims, { settings }, rows] = await Promise.all([
    claimsIn(db, from, to),
    readSettings(db),
    periodRows(db, from, to),
  ])
  return {
    slices: [tallySlice(LOCAL_ZONE, from, to, rows)],
    claims: claims.map(toInsightRow),
    ...settingsPart(settings),
    rawDays: [],
  }
}

/** Runs of consecutive day numbers, at most `max` days each: [first, last] pairs. */
function runsOf(days: readonly number[], max: number): [number, number][] {
  const out: [number, number][] = []
  for (const d of [...days].sort((a, b) => a - b)) {
    const last = out.at(-1)
    if (last && d === last[1] + 1 && d - last[0] < max) last[1] = d
    else out.push([d, d])
  }
  return out
}

/** Tallies of each day of these days, from their captures (with the minutes before each). */
async function tallyDays(db: MargenDb, zone: Zone, days: readonly number[]) {
  const out: { day: number; tally: Tally }[] = []
  for (const [a, b] of runsOf(days, 15)) {
    const rows = await periodRows(db, dayStart(zone, a) - EPISODE_GAP, dayStart(zone, b + 1))
    for (let day = a; day <= b; day++) {
      const tally = tallySlice(zone, dayStart(zone, day), dayStart(zone, day + 1), rows, rows)
      out.push({ day, tally })
    }
  }
  return out
}

/**
 * The background's side: summarises these local days (those before `today` only: today is
 * still being written) from their captures and stores the summaries in one write. Resolves
 * with how many were written.
 */
export async function summarizeDays(
  db: MargenDb,
  zone: Zone,
  days: readonly number[],
  today: number,
): Promise<number> {
  const past = [...new Set(days)].filter((d) => d < today)
  const tallies = await tallyDays(db, zone, past)
  await db.insightDays.bulkPut(tallies.map(({ day, tally }) => summaryOf(day, tally)))
  return tallies.length
}

/**
 * The page's reader: the period's complete days from their summaries where usable, the others
 * and today from their captures. `summarize` is told, once per set of days, which past days
 * had no usable summary, so that the background writes them and the next read is fast.
 *
 * Live: Dexie watches what it reads before the first raw await: today's `at` range (a new
 * capture re-runs the query), the claimed urgencies ("not urgent" marks) and the summaries (the
 * background writing them, retention deleting them). Past days' captures are not watched: they
 * change only by deletion, which deletes their summaries too (store/retention.ts).
 */
export function createInsightReader(
  db: MargenDb,
  zone: Zone = LOCAL_ZONE,
  summarize: (days: number[]) => void = () => {},
) {
  const asked = new Set<string>()
  return async (range: Range): Promise<InsightData> => {
    const today = dayStart(zone, range.lastDay)
    const [, claims, { settings }, stored] = await Promise.all([
      db.captures.where('at').between(today, range.to, true, false).limit(1).primaryKeys(),
      claimsIn(db, range.from, range.to),
      readSettings(db),
      db.insightDays.where('day').between(range.firstDay, range.lastDay, true, false).toArray(),
    ])
    const summaries = new Map<number, DaySummary>()
    for (const row of stored) {
      const s = readSummary(zone, row.day, row)
      if (s) summaries.set(s.day, s)
    }
    const missing: number[] = []
    for (let day = range.firstDay; day < range.lastDay; day++)
      if (!summaries.has(day)) missing.push(day)
    const raw = await tallyDays(db, zone, missing)
    const recent = await periodRows(db, today - EPISODE_GAP, range.to)
    const slices: Tally[] = [...summaries.values(), ...raw.map((r) => r.tally)]
    slices.push(tallySlice(zone, today, range.to, recent, recent))
    missing.sort((a, b) => a - b)
    const key = missing.join(',')
    if (missing.length > 0 && !asked.has(key)) {
      asked.add(key)
      summarize(missing)
    }
    return {
      slices,
      claims: claims.map(toInsightRow),
      ...settingsPart(settings),
      rawDays: missing,
    }
  }
}

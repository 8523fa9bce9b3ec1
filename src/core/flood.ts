/**
 * Floods: a page that notifies faster than anyone reads. Captures within the per-tab and
 * per-origin limits (core/limits.ts) are stored one by one; the rest are counted into one flood
 * entry per tab (or per origin), a single row updated as more arrive, so that nothing goes
 * unaccounted and the store does not fill with noise. Pure: the caller passes the clock and the
 * writes.
 */
import { createRateLimiter } from './rate-limit'

/** How many notifications one flood entry stands for, and over what time. */
export interface Flood {
  count: number
  firstAt: number
  lastAt: number
}

/**
 * The sender key of a site's flood entries: '#' where every sender's key has ':' after the site
 * (background/captures.ts), so that no real sender (one named "Flood", say) can share it.
 */
export const floodSenderKey = (site: string): string => `${site}#flood`

/** What counting reads of a capture: a flood entry's count, if it is one. */
export interface Counted {
  flood?: Pick<Flood, 'count'> | undefined
}

/** Notifications one capture stands for: a flood entry counts as many as it counted. */
export const notificationsOf = (row: Counted): number => row.flood?.count ?? 1

/** Notifications some captures stand for. */
export const notificationsIn = (rows: readonly Counted[]): number =>
  rows.reduce((n, r) => n + notificationsOf(r), 0)

/** `ok`: store it one by one; otherwise which limit it went over. */
export type Admission = 'ok' | 'tab' | 'origin'

export interface AdmissionLimits {
  perTab: number
  perOrigin: number
  windowMs: number
}

export function createAdmission({ perTab, perOrigin, windowMs }: AdmissionLimits) {
  const tabs = createRateLimiter(perTab, windowMs)
  const origins = createRateLimiter(perOrigin, windowMs)
  return {
    admit(tab: string, origin: string, now: number): Admission {
      if (!tabs.allow(tab, now)) return 'tab'
      // Asked only within the tab's limit: one flooding tab uses at most `perTab` of its
      // origin's share, and the user's other tabs of that site keep theirs.
      return origins.allow(origin, now) ? 'ok' : 'origin'
    },
  }
}

/** Where flood entries are written: one create, then updates of that row. */
export interface FloodSink<C> {
  create(flood: Flood, context: C): Promise<number>
  update(id: number, flood: Flood): Promise<void>
}

interface Entry<C> {
  flood: Flood
  context: C
  id?: number
  /** Counted since the last write began. */
  dirty: boolean
  writing?: Promise<number>
}

/** Entries kept in memory at most; stale ones go first. */
const MAX_ENTRIES = 1_000

/**
 * Counts flooded notifications per key. An entry keeps counting while more arrive within `gapMs`
 * of its last one; then the next starts a new entry. Writes never overlap for one entry: what
 * arrives during a write is written by the next, so a burst costs a few writes, not one each.
 */
export function createFloodRecorder<C>(sink: FloodSink<C>, gapMs: number) {
  const entries = new Map<string, Entry<C>>()

  async function write(entry: Entry<C>): Promise<number> {
    // Never settle synchronously: `add` stores this promise before `finally` may clear it.
    await null
    try {
      while (entry.dirty) {
        entry.dirty = false
        const flood = { ...entry.flood }
        if (entry.id === undefined) entry.id = await sink.create(flood, entry.context)
        else await sink.update(entry.id, flood)
      }
      return entry.id as number
    } catch (error) {
      // The counts stay in memory: the next notification writes them all again.
      entry.dirty = true
      throw error
    } finally {
      entry.writing = undefined
    }
  }

  function prune(now: number): void {
    for (const [key, e] of entries) {
      if (entries.size < MAX_ENTRIES) return
      if (!e.writing && now - e.flood.lastAt > gapMs) entries.delete(key)
    }
    // Still full of live floods (a page opening thousands of tabs): forget the oldest idle ones.
    for (const [key, e] of entries) {
      if (entries.size < MAX_ENTRIES) return
      if (!e.writing) entries.delete(key)
    }
  }

  return {
    /**
     * Counts `n` more notifications under `key` at `now`; `context` gives what a new entry is
     * created with. Resolves with the entry's row id once they are written.
     */
    add(key: string, n: number, now: number, context: () => C): Promise<number> {
      let entry = entries.get(key)
      if (!entry || now - entry.flood.lastAt > gapMs) {
        if (!entry && entries.size >= MAX_ENTRIES) prune(now)
        entry = { flood: { count: 0, firstAt: now, lastAt: now }, context: context(), dirty: false }
        entries.set(key, entry)
      }
      entry.flood.count += n
      entry.flood.lastAt = Math.max(entry.flood.lastAt, now)
      entry.dirty = true
      entry.writing ??= write(entry)
      return entry.writing
    },
    /** The entry being counted under `key`, if any (for tests and diagnostics). */
    current: (key: string): Flood | undefined => {
      const f = entries.get(key)?.flood
      return f && { ...f }
    },
  }
}

/** Whole minutes a flood lasted, at least one: what the review says ("in 3 min"). */
export const floodMinutes = (f: Pick<Flood, 'firstAt' | 'lastAt'>): number =>
  Math.max(1, Math.ceil((f.lastAt - f.firstAt) / 60_000))

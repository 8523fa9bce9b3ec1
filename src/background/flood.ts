/**
 * A flooding page's captures over the rate limits: counted into one flood row per tab (or per
 * origin) and quiet period, held during one (so the digest and review show one item: "9,880 more
 * notifications in 1 min") and logged as delivered outside one. See core/flood.ts.
 */
import type { QuietPeriod } from '../core/decide'
import { createAdmission, createFloodRecorder, type Flood, floodSenderKey } from '../core/flood'
import { LIMITS } from '../core/limits'
import type { CaptureReply } from '../core/messages'
import type { Site } from '../core/sites'
import type { CaptureRow, MargenDb } from '../store/db'
import { placeOf } from './place'
import type { ContentSource } from './router'

type NewRow = Omit<CaptureRow, 'id'>

interface FloodDeps {
  db: MargenDb
  /** Writes a new capture row (the handler's writer), resolving with its id. */
  add: (row: NewRow) => Promise<number | undefined>
  count: (key: string) => void
  /** A held flood row changes the badge. */
  badgeSoon: () => void
}

export function createFloodKeeper({ db, add, count, badgeSoon }: FloodDeps) {
  const admission = createAdmission({
    perTab: LIMITS.capturesPerTabPerMinute,
    perOrigin: LIMITS.capturesPerOriginPerMinute,
    windowMs: 60_000,
  })
  const recorder = createFloodRecorder<NewRow>(
    {
      async create(flood, row) {
        const id = await add({ ...row, flood })
        if (id === undefined) throw new Error('the flood entry could not be stored')
        if (row.status === 'held') badgeSoon()
        return id
      },
      async update(id, flood) {
        await db.captures.update(id, { flood })
      },
    },
    LIMITS.floodGapMs,
  )

  /** The row a new flood starts with: no page text, the site as its sender. */
  function rowOf(site: Site, from: ContentSource, quiet: QuietPeriod | null, at: number): NewRow {
    return {
      ...placeOf(site, from, quiet, at),
      // No single notification to click: "Open" brings the tab forward.
      ref: '',
      api: 'ctor',
      title: '',
      body: '',
      tag: '',
      icon: '',
      data: '',
      sender: site.label,
      senderKey: floodSenderKey(site.id),
      clientId: '',
      idKind: 'name',
      idValue: '',
      conversation: '',
      verdict: quiet ? 'hold' : 'deliver',
      reason: quiet ? quiet.kind : 'open',
      why: quiet ? { rule: 'no-breakthrough' } : { rule: 'open' },
      keyword: '',
      urgent: 0,
      notUrgent: 0,
      status: quiet ? 'held' : 'delivered',
    }
  }

  return {
    /** Whether a capture from `from` is stored one by one, or which limit it went over. */
    admit: (from: ContentSource, at: number) =>
      admission.admit(String(from.tabId), from.origin, at),

    /**
     * Counts `n` notifications over a limit into their flood row. They get the quiet period's
     * verdict without rules: a flood is not read one by one. A failed write is counted, and the
     * counts are kept to be written with the next.
     */
    async overflow(
      over: 'tab' | 'origin',
      n: number,
      site: Site,
      from: ContentSource,
      quiet: QuietPeriod | null,
      at: number,
    ): Promise<CaptureReply> {
      count(`flood:${over}`)
      const key = `${over === 'tab' ? `tab:${from.tabId}` : `origin:${from.origin}`}|${quiet?.id ?? ''}`
      await recorder
        .add(key, n, at, () => rowOf(site, from, quiet, at))
        .catch(() => count('flood:write-failed'))
      return quiet
        ? { ok: true, verdict: 'hold', reason: quiet.kind }
        : { ok: true, verdict: 'deliver', reason: 'open' }
    },

    /** The flood being counted for a tab now (tests, diagnostics). */
    current: (tabId: number, quietId: string): Flood | undefined =>
      recorder.current(`tab:${tabId}|${quietId}`),
  }
}

export type FloodKeeper = ReturnType<typeof createFloodKeeper>

/**
 * The one Dexie database. Every schema version lives here, in order; never edit a released
 * version, add a new one with its upgrade.
 */
import { Dexie, type EntityTable } from 'dexie'
import type { Why } from '../core/decide'
import type { Flood } from '../core/flood'
import type { DaySummary } from '../core/insights/summary'
import type { Reason, Verdict } from '../core/messages'
import { DB_NAME } from './names'

export type CaptureStatus = 'held' | 'delivered' | 'done'

export interface CaptureRow {
  id: number
  /** When the background received it (ms since epoch). */
  at: number
  /** The focus session it fell in, or '' when none was running. */
  sessionId: string
  site: string
  origin: string
  pageUrl: string
  tabId: number
  frameId: number
  /** The hook's handle on the page's notification object, to dispatch `click` later. */
  ref: string
  api: 'ctor' | 'sw'
  title: string
  body: string
  tag: string
  icon: string
  data: string
  sender: string
  senderKey: string
  verdict: Verdict
  reason: Reason
  status: CaptureStatus
  /** The client it came from ('' when none): settings.rules.clients[].id. (v3) */
  clientId: string
  /** The sender's best identity the payload carried, to suggest adding it to a client. (v3) */
  idKind: 'email' | 'handle' | 'name'
  idValue: string
  /** The chat, group or thread, when it differs from the sender. (v3) */
  conversation: string
  /** The rule that decided the verdict. (v3) */
  why: Why
  /** The urgent keyword in the title or body, '' if none. (v3) */
  keyword: string
  /** 1 for a claimed urgency (a breakthrough or an urgent keyword), for the cry-wolf ratio. (v3) */
  urgent: 0 | 1
  /** 1 once the user marked that claimed urgency "not urgent". (v3) */
  notUrgent: 0 | 1
  /**
   * Hidden from the review until then (ms since epoch). Absent when not snoozed, so that only
   * snoozed rows are in its index and writing a capture costs no more than before. (v4)
   */
  snoozeUntil?: number
  /**
   * Set on the one row that stands for a tab's (or an origin's) flood: the notifications over the
   * rate limits, counted, not kept one by one (core/flood.ts). Not indexed: no version bump.
   */
  flood?: Flood
}

export interface SessionRow {
  /** A manual session's own id, or the occurrence id of a block or an off-hours period. */
  id: string
  kind: 'manual' | 'block' | 'off-hours'
  /** The block's label, for scheduled blocks. */
  label?: string
  state: 'active' | 'ended'
  startedAt: number
  endsAt: number
  /** 0 while active. */
  endedAt: number
  endReason: 'time' | 'user' | ''
  /** 0 until the digest notification was shown. */
  digestAt: number
}

/** Small named values: the settings, the manual session. Values are parsed on every read. */
export interface KvRow {
  key: string
  value: unknown
}

export interface CounterRow {
  key: string
  value: number
}

export type MargenDb = Dexie & {
  captures: EntityTable<CaptureRow, 'id'>
  sessions: EntityTable<SessionRow, 'id'>
  counters: EntityTable<CounterRow, 'key'>
  kv: EntityTable<KvRow, 'key'>
  /** Insights of complete past days, by local day number (core/insights/summary.ts). (v4) */
  insightDays: EntityTable<DaySummary, 'day'>
}

export { DB_NAME } from './names'

export function openDb(name: string = DB_NAME): MargenDb {
  // No query cache: every write comes from the background, so a page's live queries gain nothing
  // from Dexie's optimistic cache, and it deep-clones each result (1,000 held rows: ~3 ms).
  const db = new Dexie(name, { cache: 'disabled' }) as MargenDb
  db.version(1).stores({
    captures: '++id, at, [sessionId+at], senderKey, [status+at], site',
    sessions: 'id, state, startedAt, [state+digestAt]',
    counters: 'key',
  })
  // v2: settings and the manual session, for weekly schedules.
  db.version(2).stores({ kv: 'key' })
  // v3: clients and breakthroughs. Captures know their client and the rule that decided them;
  // per-client history (repeat rule, daily quota), claimed urgencies (cry-wolf ratio) and
  // per-site coverage are read through indexes.
  db.version(3)
    .stores({
      captures:
        '++id, at, [sessionId+at], senderKey, [status+at], [site+at], [clientId+at], [urgent+at]',
    })
    .upgrade((tx) =>
      tx
        .table('captures')
        .toCollection()
        .modify((row: Partial<CaptureRow> & Pick<CaptureRow, 'reason' | 'sender'>) => {
          row.clientId ??= ''
          row.idKind ??= 'name'
          row.idValue ??= row.sender
          row.conversation ??= ''
          row.why ??= whyOfV2(row.reason)
          row.keyword ??= ''
          row.urgent ??= 0
          row.notUrgent ??= 0
        }),
    )
  // v4: review and insight. A held item can be snoozed until the next open period; the badge
  // counts the snoozed ones through their own index, to leave them out. No row had it before.
  // The senderKey index goes: nothing has read through it since v3, and every write paid for it.
  db.version(4).stores({
    captures:
      '++id, at, [sessionId+at], [status+at], [site+at], [clientId+at], [urgent+at], snoozeUntil',
    // Day summaries for the insights page, written by the background; rebuilt from captures.
    insightDays: 'day',
  })
  return db
}

/** Before v3 a quiet period held everything: the reason code says all there was. */
function whyOfV2(reason: Reason): Why {
  return reason === 'open' ? { rule: 'open' } : { rule: 'no-breakthrough' }
}

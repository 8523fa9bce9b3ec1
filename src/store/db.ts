/**
 * The one Dexie database. Every schema version lives here, in order; never edit a released
 * version, add a new one with its upgrade.
 */
import { Dexie, type EntityTable } from 'dexie'
import type { Reason, Verdict } from '../core/messages'

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
}

export const DB_NAME = 'margen'

export function openDb(name: string = DB_NAME): MargenDb {
  const db = new Dexie(name) as MargenDb
  db.version(1).stores({
    captures: '++id, at, [sessionId+at], senderKey, [status+at], site',
    sessions: 'id, state, startedAt, [state+digestAt]',
    counters: 'key',
  })
  // v2: settings and the manual session, for weekly schedules.
  db.version(2).stores({ kv: 'key' })
  return db
}

/**
 * A client's recent past, as decide() needs it, from the client's stored captures (read through
 * the store's [clientId+at] index, oldest first). State comes from the store, never from memory,
 * so a restarted service worker decides the same way.
 */
import { BREAKTHROUGH_REASONS, type History } from '../decide'
import type { Reason, Verdict } from '../messages'
import type { Client } from './schema'

export interface PastCapture {
  at: number
  verdict: Verdict
  reason: Reason
}

/** Reasons counted against the daily quota: every breakthrough but an emergency sender's. */
const QUOTA_REASONS: readonly Reason[] = ['emergency-channel', 'urgent-keyword', 'repeat']

/** Local midnight before `now`. */
export function startOfDay(now: number): number {
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** How far back the history must reach for this client. */
export function historySince(client: Client, now: number): number {
  const repeatFrom = client.repeat ? now - client.repeat.minutes * 60_000 : now
  return Math.min(startOfDay(now), repeatFrom)
}

/**
 * `recent`: held messages within the repeat window since the last one delivered (the user has
 * heard from the client since); `today`: breakthroughs since local midnight.
 */
export function historyOf(past: readonly PastCapture[], client: Client, now: number): History {
  const windowFrom = client.repeat ? now - client.repeat.minutes * 60_000 : now
  const dayFrom = startOfDay(now)
  let recent = 0
  let today = 0
  for (const c of past) {
    if (c.at >= dayFrom && QUOTA_REASONS.includes(c.reason)) today++
    if (c.at < windowFrom) continue
    if (c.verdict === 'deliver') recent = 0
    else recent++
  }
  return { recent, today }
}

export const isBreakthrough = (c: Pick<PastCapture, 'verdict' | 'reason'>) =>
  c.verdict === 'deliver' && BREAKTHROUGH_REASONS.includes(c.reason)

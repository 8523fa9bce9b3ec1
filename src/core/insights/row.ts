/**
 * What insights read of a capture: when, what was decided, and who it came from. The store
 * projects its rows to this shape (store/insights.ts), so the statistics stay pure.
 */
import { BREAKTHROUGH_REASONS } from '../decide'
import type { Reason, Verdict } from '../messages'

export interface InsightRow {
  at: number
  verdict: Verdict
  reason: Reason
  /** '' for a sender of no client. */
  clientId: string
  site: string
  /** The sender, site-qualified (`gmail:ana@acme.com`). */
  senderKey: string
  /** The chat, group or thread ('' = none). */
  conversation: string
  /** A claimed urgency: a breakthrough or an urgent keyword. */
  urgent: 0 | 1
  /** The user marked the claimed urgency "not urgent". */
  notUrgent: 0 | 1
}

/** Delivered during a quiet period by a breakthrough rule (not merely outside one). */
export const isBreakthrough = (r: Pick<InsightRow, 'verdict' | 'reason'>) =>
  r.verdict === 'deliver' && BREAKTHROUGH_REASONS.includes(r.reason)

/** The four counts every view of captures shows. `delivered` includes the breakthroughs. */
export interface Counts {
  captures: number
  held: number
  delivered: number
  breakthroughs: number
}

export const noCounts = (): Counts => ({ captures: 0, held: 0, delivered: 0, breakthroughs: 0 })

export function count(c: Counts, r: Pick<InsightRow, 'verdict' | 'reason'>): void {
  c.captures++
  if (r.verdict === 'hold') c.held++
  else {
    c.delivered++
    if (isBreakthrough(r)) c.breakthroughs++
  }
}

/**
 * Breakthroughs to show on the review page: deliveries during a quiet period (the reasons in
 * BREAKTHROUGH_REASONS), of one session, or of the last days when no session is chosen. Both
 * read an index range: the session's [sessionId+at], or the claimed urgencies' [urgent+at]
 * (every breakthrough is stored as a claimed urgency).
 */
import { BREAKTHROUGH_REASONS } from '../../core/decide'
import { inSession } from '../../store/captures'
import { claimsSince } from '../../store/clients'
import type { CaptureRow, MargenDb } from '../../store/db'

export const RECENT_DAYS = 7

const isBreakthrough = (c: CaptureRow) =>
  c.verdict === 'deliver' && BREAKTHROUGH_REASONS.includes(c.reason)

/** Newest first. */
export async function breakthroughs(
  db: MargenDb,
  session: string | null,
  now: number,
): Promise<CaptureRow[]> {
  const range =
    session === null
      ? claimsSince(db, now - RECENT_DAYS * 24 * 60 * 60_000)
      : inSession(db, session)
  return (await range.filter(isBreakthrough).toArray()).reverse()
}

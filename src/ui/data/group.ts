/**
 * Grouping held captures for display. The order follows core/digest.ts, so the popup, the review
 * page and the digest notification agree: most notifications first, ties by the latest one.
 * Items keep their rows (newest first) so a group can be expanded.
 */
import { type SenderGroup as CoreGroup, groupBySender as groupCore } from '../../core/digest'
import type { CaptureRow, SessionRow } from '../../store/db'

export type GroupItem = Pick<CaptureRow, 'id' | 'at' | 'sender' | 'senderKey' | 'site'>

export type SenderGroup<T extends GroupItem = CaptureRow> = CoreGroup<T>

export function groupBySender<T extends GroupItem>(rows: readonly T[]): SenderGroup<T>[] {
  const groups = groupCore(rows)
  for (const g of groups) g.items.sort((a, b) => b.at - a.at || b.id - a.id)
  return groups
}

export interface SessionSection<T extends GroupItem & { sessionId: string } = CaptureRow> {
  /** '' for captures held outside any session. */
  sessionId: string
  session: SessionRow | undefined
  count: number
  first: number
  latest: number
  groups: SenderGroup<T>[]
}

/** One section per session, newest session first; then grouped by sender inside each. */
export function groupBySession<T extends GroupItem & { sessionId: string }>(
  rows: readonly T[],
  sessions: ReadonlyMap<string, SessionRow>,
): SessionSection<T>[] {
  const bySession = new Map<string, T[]>()
  for (const row of rows) {
    const list = bySession.get(row.sessionId)
    if (list) list.push(row)
    else bySession.set(row.sessionId, [row])
  }
  const sections = [...bySession].map(([sessionId, list]): SessionSection<T> => {
    let first = Number.POSITIVE_INFINITY
    let latest = Number.NEGATIVE_INFINITY
    for (const r of list) {
      first = Math.min(first, r.at)
      latest = Math.max(latest, r.at)
    }
    return {
      sessionId,
      session: sessions.get(sessionId),
      count: list.length,
      first,
      latest,
      groups: groupBySender(list),
    }
  })
  const startOf = (s: SessionSection<T>) => s.session?.startedAt ?? s.first
  return sections.sort((a, b) => startOf(b) - startOf(a) || b.latest - a.latest)
}

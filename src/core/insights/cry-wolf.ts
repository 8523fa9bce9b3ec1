/**
 * The cry-wolf ratio per client: of the claimed urgencies (breakthroughs and messages with an
 * urgent keyword, `urgent = 1`), the share the user later marked "not urgent". Senders of no
 * client are one line under the id '', as on the options page.
 */
import type { InsightRow } from './row'

export interface CryWolf {
  clientId: string
  claims: number
  notUrgent: number
  /** notUrgent / claims, 0..1. */
  ratio: number
}

/** Clients with at least one claimed urgency, highest ratio first, then most claims. */
export function cryWolf(rows: readonly Pick<InsightRow, 'clientId' | 'urgent' | 'notUrgent'>[]) {
  const by = new Map<string, { claims: number; notUrgent: number }>()
  for (const r of rows) {
    if (r.urgent !== 1) continue
    const c = by.get(r.clientId) ?? { claims: 0, notUrgent: 0 }
    c.claims++
    c.notUrgent += r.notUrgent
    by.set(r.clientId, c)
  }
  return [...by.entries()]
    .map(([clientId, c]): CryWolf => ({ clientId, ...c, ratio: c.notUrgent / c.claims }))
    .sort(
      (a, b) =>
        b.ratio - a.ratio ||
        b.claims - a.claims ||
        (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0),
    )
}

/**
 * Held episodes: a burst of held messages from one conversation (or, outside a conversation, one
 * sender) is one interruption avoided, not five. The chain rule: a held message joins the episode
 * of its key when it came at most EPISODE_GAP after the key's previous held message; otherwise it
 * starts a new episode. So a steady drip every 4 minutes for an hour is one episode, and two
 * messages 6 minutes apart are two.
 *
 * The key: the conversation when the site names one (a group chat is one thing to answer, whoever
 * wrote in it), qualified by site; else the sender's key, which is already site-qualified.
 * Delivered messages neither join nor break an episode.
 */
import type { InsightRow } from './row'
import { MINUTE } from './zone'

export const EPISODE_GAP = 5 * MINUTE

type EpisodeRow = Pick<InsightRow, 'at' | 'verdict' | 'site' | 'senderKey' | 'conversation'>

export function episodeKey(r: Pick<EpisodeRow, 'site' | 'senderKey' | 'conversation'>): string {
  // '\n' cannot occur in a site id, so the two kinds of key never collide.
  return r.conversation === '' ? r.senderKey : `${r.site}\n${r.conversation}`
}

/** The instants at which held episodes began, oldest first. `rows` may come in any order. */
export function episodeStarts(rows: readonly EpisodeRow[], gap = EPISODE_GAP): number[] {
  const held = rows.filter((r) => r.verdict === 'hold')
  // Rows read from the `at` index come sorted: check before paying for a sort.
  if (!isSorted(held)) held.sort((a, b) => a.at - b.at)
  const lastAt = new Map<string, number>()
  const starts: number[] = []
  for (const r of held) {
    const key = episodeKey(r)
    const prev = lastAt.get(key)
    if (prev === undefined || r.at - prev > gap) starts.push(r.at)
    lastAt.set(key, r.at)
  }
  return starts
}

function isSorted(rows: readonly { at: number }[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.at > rows[i]!.at) return false
  return true
}

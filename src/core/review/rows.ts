/**
 * The review list as one flat sequence of rows (group headers, conversation headers, bursts and
 * single messages), which is what a virtualised list renders a window of and what the keyboard
 * cursor walks. Also what each row's actions act on.
 *
 * A burst of one message is shown as that message. A burst of several is one row, collapsed,
 * unless its key is in `expanded`; then its messages follow it. A sender group (unknown sender)
 * whose one conversation is the direct one with that sender shows no conversation header: it
 * would repeat the group's name.
 */
import type { Burst } from './bursts'
import type { Conversation, ReviewGroup, ReviewItem } from './group'

export interface RowItem extends ReviewItem {
  /** 1 for a claimed urgency (a breakthrough or an urgent keyword). */
  urgent: 0 | 1
  keyword: string
  notUrgent: 0 | 1
}

interface Base<T extends ReviewItem> {
  key: string
  group: ReviewGroup<T>
}

export type ReviewRow<T extends ReviewItem = RowItem> =
  | (Base<T> & { kind: 'group' })
  | (Base<T> & { kind: 'conversation'; conv: Conversation<T> })
  | (Base<T> & { kind: 'burst'; conv: Conversation<T>; burst: Burst<T>; expanded: boolean })
  | (Base<T> & { kind: 'item'; conv: Conversation<T>; burst: Burst<T> | null; item: T })

export function flattenRows<T extends ReviewItem>(
  groups: readonly ReviewGroup<T>[],
  expanded: ReadonlySet<string>,
): ReviewRow<T>[] {
  const rows: ReviewRow<T>[] = []
  for (const group of groups) {
    rows.push({ kind: 'group', key: `g:${group.key}`, group })
    const [only] = group.conversations
    const bare = group.kind === 'sender' && group.conversations.length === 1 && only?.direct
    for (const conv of group.conversations) {
      if (!bare) rows.push({ kind: 'conversation', key: `v:${group.key}|${conv.key}`, group, conv })
      for (const burst of conv.bursts) {
        if (burst.items.length === 1) {
          const item = burst.items[0] as T
          rows.push({ kind: 'item', key: `i:${item.id}`, group, conv, burst: null, item })
          continue
        }
        const open = expanded.has(burst.key)
        rows.push({ kind: 'burst', key: burst.key, group, conv, burst, expanded: open })
        if (open)
          for (const item of burst.items)
            rows.push({ kind: 'item', key: `i:${item.id}`, group, conv, burst, item })
      }
    }
  }
  return rows
}

/** Every capture of a group, oldest first within each conversation. */
export function groupItems<T extends ReviewItem>(group: ReviewGroup<T>): T[] {
  return group.conversations.flatMap((c) => conversationItems(c))
}

const conversationItems = <T extends ReviewItem>(conv: Conversation<T>): T[] =>
  conv.bursts.flatMap((b) => b.items)

/** The captures a row stands for: "Mark done" or "Snooze" on it acts on all of them. */
export function rowItems<T extends ReviewItem>(row: ReviewRow<T>): T[] {
  switch (row.kind) {
    case 'group':
      return groupItems(row.group)
    case 'conversation':
      return conversationItems(row.conv)
    case 'burst':
      return row.burst.items
    case 'item':
      return [row.item]
  }
}

export const idsOf = (items: readonly ReviewItem[]): number[] => items.map((i) => i.id)

/**
 * The capture "Open" brings up for a row: the item itself, or the latest message of a burst or
 * a conversation (the site's own click handler opens the conversation at it). None for a group:
 * it may span several sites and conversations.
 */
export function openTarget<T extends ReviewItem>(row: ReviewRow<T>): T | null {
  if (row.kind === 'item') return row.item
  if (row.kind === 'group') return null
  const items = row.kind === 'burst' ? row.burst.items : conversationItems(row.conv)
  return items[items.length - 1] ?? null
}

/** A claimed urgency: a breakthrough, or a message with an urgent keyword. */
export const isClaimedUrgent = (i: Pick<RowItem, 'urgent' | 'keyword'>) =>
  i.urgent === 1 || i.keyword !== ''

/**
 * What "Not urgent" on a row sends: its claimed urgencies, marked not urgent, or, when all of
 * them already are, the mark taken back (a toggle, as the single-item button is). Null if the
 * row claims no urgency.
 */
export function notUrgentChange(
  items: readonly RowItem[],
): { ids: number[]; notUrgent: boolean } | null {
  const claimed = items.filter(isClaimedUrgent)
  if (claimed.length === 0) return null
  const all = claimed.every((i) => i.notUrgent === 1)
  return { ids: idsOf(claimed), notUrgent: !all }
}

/** Ids in messages of at most `size` (the background takes at most 10,000 per message). */
export function chunk<T>(ids: readonly T[], size = 10_000): T[][] {
  const out: T[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}
